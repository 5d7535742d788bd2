"""A person's own registration for an event is kept under their registrations stamp
(eolc/events/page_cache.py): a warm page must not read it again, and booking, cancelling, moving
the event into a series and another person's booking must each show right on the next view.

The tests commit for real: inside a test's transaction every change would leave the stamp
"changing", and what is kept would never be used."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eolc.events import services
from eolc.events.tests.factories import EventFactory, SeriesFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HAS_PLACE = "You have a place"


def _page(client, event):
    response = client.get(reverse("events:detail", args=[event.pk]))
    assert response.status_code == 200
    return response.text


def test_a_warm_event_page_does_not_read_the_registration_again(client, people, programme):
    event = EventFactory(programme=programme)
    services.registration_create(event=event, person=people.learner)
    client.force_login(people.learner)
    assert HAS_PLACE in _page(client, event)
    with CaptureQueriesContext(connection) as queries:
        assert HAS_PLACE in _page(client, event)
    assert [q["sql"] for q in queries if '"events_registration"' in q["sql"]] == []


def test_booking_and_cancelling_show_on_the_next_view(client, people, programme):
    event = EventFactory(programme=programme)
    client.force_login(people.learner)
    assert HAS_PLACE not in _page(client, event)
    registration, _ = services.registration_create(event=event, person=people.learner)
    assert HAS_PLACE in _page(client, event)
    register = client.get(reverse("events:register", args=[event.pk]))
    assert register.status_code == 302  # already registered: back to the event
    services.registration_cancel(registration=registration, by=people.learner)
    assert HAS_PLACE not in _page(client, event)
    assert client.get(reverse("events:register", args=[event.pk])).status_code == 200


def test_another_persons_booking_is_not_mine(client, people, programme):
    event = EventFactory(programme=programme)
    client.force_login(people.learner)
    assert HAS_PLACE not in _page(client, event)
    services.registration_create(event=event, person=people.champion)
    assert HAS_PLACE not in _page(client, event)
    client.force_login(people.champion)
    assert HAS_PLACE in _page(client, event)


def test_an_event_moved_into_a_series_i_booked_shows_my_place(client, people, programme):
    series = SeriesFactory(programme=programme)
    first = EventFactory(programme=programme, series=series)
    services.registration_create(event=first, person=people.learner)
    later = EventFactory(programme=programme)
    client.force_login(people.learner)
    assert HAS_PLACE in _page(client, first)
    assert HAS_PLACE not in _page(client, later)
    later.series = series
    later.save()
    assert HAS_PLACE in _page(client, later)

"""The event page keeps what every viewer sees alike (eolc/events/page_cache.py): it must reuse it,
show a change at once, and never let one viewer's right to see an event reach another."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from freezegun import freeze_time

from eolc.accounts.tests.factories import OrganisationFactory
from eolc.events import services
from eolc.events.models import EventStatus
from eolc.events.presenters import EventPresenter
from eolc.events.tests.factories import EventFactory, SeriesFactory
from eolc.privacy.services import person_erase

pytestmark = pytest.mark.django_db


def _page(client, event):
    return client.get(reverse("events:detail", args=[event.pk]))


def _event_queries(client, event):
    with CaptureQueriesContext(connection) as queries:
        assert _page(client, event).status_code == 200
    loads = f'"events_event"."id" = {event.pk}'
    return [q["sql"] for q in queries if loads in q["sql"]]


def test_a_second_view_does_not_load_the_event_again(client, people, programme):
    event = EventFactory(programme=programme)
    client.force_login(people.learner)
    assert _event_queries(client, event)
    assert _event_queries(client, event) == []


def test_a_registration_shows_on_the_next_view(client, people, programme, django_capture_on_commit_callbacks):
    event = EventFactory(programme=programme, capacity=10)
    client.force_login(people.learner)
    assert "10 places left of 10" in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, person=people.champion)
    assert "9 places left of 10" in _page(client, event).text


def test_a_booking_recounts_places_without_loading_the_event_again(
    client, people, programme, django_capture_on_commit_callbacks
):
    event = EventFactory(programme=programme, capacity=10)
    client.force_login(people.learner)
    _page(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, person=people.champion)
    with CaptureQueriesContext(connection) as queries:
        assert _page(client, event).status_code == 200
    assert not [q for q in queries if f'"events_event"."id" = {event.pk}' in q["sql"]]
    assert len([q for q in queries if "COUNT(" in q["sql"]]) == 1
    assert "9 places left of 10" in _page(client, event).text


def test_a_change_to_the_event_shows_on_the_next_view(
    client, people, programme, django_capture_on_commit_callbacks
):
    event = EventFactory(programme=programme, title="Talking about dying")
    client.force_login(people.learner)
    assert "Talking about dying" in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Talking about death and dying"
        event.save()
    assert "Talking about death and dying" in _page(client, event).text


def test_a_draft_seen_by_its_facilitator_stays_hidden_from_others(client, people, programme):
    draft = EventFactory(programme=programme, status=EventStatus.DRAFT)
    client.force_login(people.facilitator)
    assert _page(client, draft).status_code == 200
    for person in (people.learner, people.other_admin, people.outsider):
        client.force_login(person)
        assert _page(client, draft).status_code == 404, person
    client.logout()
    assert _page(client, draft).status_code == 404
    client.force_login(people.site_admin)
    assert _page(client, draft).status_code == 200


def test_a_person_named_on_a_draft_sees_it_once_named(
    client, people, programme, django_capture_on_commit_callbacks
):
    draft = EventFactory(programme=programme, status=EventStatus.DRAFT)
    client.force_login(people.learner)
    assert _page(client, draft).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        draft.facilitators.add(people.learner)
    page = _page(client, draft)
    assert page.status_code == 200
    assert "Run this event" in page.text


def _register_page(client, event):
    return client.get(reverse("events:register", args=[event.pk]))


def test_the_registration_form_reuses_the_event_pages_parts(client, people, programme):
    event = EventFactory(programme=programme)
    client.force_login(people.learner)
    assert _event_queries(client, event)
    with CaptureQueriesContext(connection) as queries:
        assert _register_page(client, event).status_code == 200
    assert not [q for q in queries if f'"events_event"."id" = {event.pk}' in q["sql"]]


def test_the_registration_form_shows_a_cancellation_on_the_next_view(
    client, people, programme, django_capture_on_commit_callbacks
):
    event = EventFactory(programme=programme)
    client.force_login(people.learner)
    assert "Confirm registration" in _register_page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, by=people.facilitator)
    page = _register_page(client, event)
    assert "not open for registration" in page.text and "Confirm registration" not in page.text


def test_the_registration_form_of_a_draft_is_only_for_those_who_run_it(client, people, programme):
    draft = EventFactory(programme=programme, status=EventStatus.DRAFT)
    client.force_login(people.facilitator)
    assert _register_page(client, draft).status_code == 200
    for person in (people.learner, people.other_admin, people.outsider):
        client.force_login(person)
        assert _register_page(client, draft).status_code == 404, person
    client.force_login(people.learner)
    assert client.post(reverse("events:register", args=[draft.pk]), {}).status_code == 404


def test_an_edit_to_one_event_leaves_the_others_pages_kept(
    client, people, programme, django_capture_on_commit_callbacks
):
    kept, edited = EventFactory(programme=programme), EventFactory(programme=programme)
    client.force_login(people.learner)
    _page(client, kept)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=edited, by=people.admin, title="Moved to the library")
    assert _event_queries(client, kept) == []
    assert "Moved to the library" in _page(client, edited).text


def test_a_change_to_one_session_of_a_series_shows_on_the_others(
    client, people, programme, django_capture_on_commit_callbacks
):
    series = SeriesFactory(capacity=10)
    first = EventFactory(programme=programme, series=series)
    second = EventFactory(programme=programme, series=series)
    client.force_login(people.learner)
    assert EventPresenter(second).date in _page(client, first).text
    later = datetime.timedelta(days=40)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            event=second, by=people.admin, starts_at=second.starts_at + later, ends_at=second.ends_at + later
        )
    assert EventPresenter(second).date in _page(client, first).text
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=second, person=people.champion)
    assert "9 places left of 10" in _page(client, first).text  # a series' places are shared
    with django_capture_on_commit_callbacks(execute=True):
        series.capacity = 20
        series.save()
    assert "19 places left of 20" in _page(client, first).text


def test_naming_a_facilitator_from_either_side_shows_on_the_page(
    client, people, programme, django_capture_on_commit_callbacks
):
    event = EventFactory(programme=programme)
    client.force_login(people.learner)
    _page(client, event)
    with django_capture_on_commit_callbacks(execute=True):
        people.champion.facilitated_events.add(event)
    assert escape(people.champion.full_name) in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        people.champion.facilitated_events.clear()
    assert escape(people.champion.full_name) not in _page(client, event).text


def test_renaming_the_events_host_shows_on_its_page(
    client, people, programme, django_capture_on_commit_callbacks
):
    event = EventFactory(programme=programme, host=OrganisationFactory(name="Riverside Hospice"))
    client.force_login(people.learner)
    assert "Riverside Hospice" in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        event.host.name = "Riverside Hospice and Day Centre"
        event.host.save()
    assert "Riverside Hospice and Day Centre" in _page(client, event).text


def test_a_facilitators_new_name_and_erasure_show_on_the_page(
    client, people, programme, django_capture_on_commit_callbacks
):
    event = EventFactory(programme=programme)
    event.facilitators.add(people.champion)
    client.force_login(people.learner)
    assert escape(people.champion.full_name) in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        people.champion.full_name = "Asha Okafor-Reid"
        people.champion.save()
    assert "Asha Okafor-Reid" in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        person_erase(person=people.champion)
    assert "Asha Okafor-Reid" not in _page(client, event).text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_signed_in_event_page_reads_its_stamps_with_the_persons_in_one_query(client, people, programme):
    """Committed for real: in a test's transaction the person's account is not kept, and is loaded
    before any stamp is read."""
    event = EventFactory(programme=programme)
    client.force_login(people.learner)
    _page(client, event)
    with CaptureQueriesContext(connection) as queries:
        assert _page(client, event).status_code == 200
    reads = [q["sql"] for q in queries if "core_stampvalue" in q["sql"]]
    assert len(reads) == 1, reads
    assert f"'events:page:{event.pk}'" in reads[0] and f"'accounts:person:{people.learner.pk}'" in reads[0]


def _drawn(client, event):
    """The page, and how many times the event page's template was drawn for it."""
    with mock.patch("eolc.events.views.render_to_string", wraps=render_to_string) as draw:
        text = _page(client, event).text
    return text, draw.call_count


def test_visitors_get_the_page_drawn_once_and_signed_in_people_their_own(client, people, programme):
    event = EventFactory(programme=programme, title="Talking about dying")
    assert _drawn(client, event)[1] == 1
    text, draws = _drawn(client, event)
    assert draws == 0 and "Talking about dying" in text and "Sign in" in text
    client.force_login(people.learner)
    text, draws = _drawn(client, event)
    assert draws == 1 and "Sign out" in text


def test_a_change_or_a_booking_shows_to_visitors_at_once(
    client, people, programme, django_capture_on_commit_callbacks
):
    event = EventFactory(programme=programme, title="Talking about dying", capacity=10)
    assert "10 places left of 10" in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, person=people.champion)
    assert "9 places left of 10" in _page(client, event).text
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Talking about death and dying"
        event.save()
    assert "Talking about death and dying" in _page(client, event).text


def test_a_booking_cancelled_again_brings_back_the_visitors_page_already_drawn(
    client, people, programme, django_capture_on_commit_callbacks
):
    """Kept under the counts it shows, not their stamp, which moves with every change."""
    event = EventFactory(programme=programme, capacity=10)
    assert _drawn(client, event)[1] == 1
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.registration_create(event=event, person=people.champion)
    text, draws = _drawn(client, event)
    assert draws == 1 and "9 places left of 10" in text
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration)
    text, draws = _drawn(client, event)
    assert draws == 0 and "10 places left of 10" in text


def test_visitors_see_registration_close_on_time(client, programme):
    """Sooner than the kept page expires: whether registration is open is part of its key."""
    closes = timezone.now() + datetime.timedelta(seconds=20)
    event = EventFactory(programme=programme, registration_closes_at=closes)
    register = reverse("events:register", args=[event.pk])
    assert register in _page(client, event).text
    with freeze_time(closes + datetime.timedelta(seconds=10)):
        text = _page(client, event).text
    assert register not in text and "Registration is not open" in text


def test_a_visitor_with_a_message_waiting_gets_it_and_it_is_not_kept(client, people, programme):
    event = EventFactory(programme=programme)
    _page(client, event)
    client.force_login(people.learner)
    client.post(reverse("account_logout"))
    assert "You have signed out" in _page(client, event).text
    assert "You have signed out" not in _page(client, event).text

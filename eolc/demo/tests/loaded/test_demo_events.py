"""Demo events: sessions at three times of day in several boroughs and online, mixed registrations."""

import pytest

from eolc.events.models import Event, EventKind, Registration, TimeOfDay

pytestmark = pytest.mark.django_db


def test_demo_events_cover_times_places_kinds_and_sectors():
    sessions = Event.objects.filter(kind=EventKind.LEARNING_SESSION)
    assert set(sessions.values_list("time_of_day", flat=True)) == set(TimeOfDay.values)
    assert sessions.filter(online=True).exists()
    assert sessions.exclude(area=None).values("area").distinct().count() >= 5
    assert sessions.filter(workplace_open_to_others=True).exists()
    assert {
        EventKind.WORKSHOP,
        EventKind.CHAMPION_EVENT,
        EventKind.WEBINAR,
        EventKind.VIRTUAL,
        EventKind.SERIES,
    } <= set(Event.objects.values_list("kind", flat=True))
    for event in sessions:
        assert (event.ends_at - event.starts_at).total_seconds() == 90 * 60
    confirmed = Registration.objects.filter(status="confirmed")
    assert confirmed.values("person__sector").distinct().count() >= 5
    assert Registration.objects.filter(status="waitlisted").exists()
    assert Registration.objects.filter(series__isnull=False).exists()
    # Never more confirmed than places.
    for event in Event.objects.with_place_counts():
        assert event.confirmed_count <= event.places
    assert Registration.objects.filter(person__email="learner@example.org", status="confirmed").exists()

"""`place_counts`, the event page's own SQL for its place counts, against the ORM's annotation."""

import pytest

from eolc.events.models import Event, RegistrationStatus, place_counts
from eolc.events.tests.factories import EventFactory, RegistrationFactory, SeriesFactory

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def _annotated(event):
    return (
        Event.objects.filter(pk=event.pk)
        .with_place_counts()
        .values_list("confirmed_count", "waitlisted_count")
        .get()
    )


def _register(statuses, **target):
    for status in statuses:
        RegistrationFactory(status=status, **target)


def test_counts_agree_with_the_annotation_for_events_and_series():
    empty = EventFactory()
    own = EventFactory()
    _register([CONFIRMED, CONFIRMED, WAITLISTED, CANCELLED], event=own)
    series = SeriesFactory()
    session, other_session = EventFactory(series=series), EventFactory(series=series)
    _register([CONFIRMED, CONFIRMED, CONFIRMED, WAITLISTED, WAITLISTED], series=series, event=None)
    # A session with a confirmed place of its own counts that, and the series' waiting list.
    _register([CONFIRMED], event=other_session)
    expected = {empty: (0, 0), own: (2, 1), session: (3, 2), other_session: (1, 2)}
    for event, counts in expected.items():
        assert place_counts(event.pk) == _annotated(event) == counts


def test_an_event_that_is_gone_has_no_counts():
    event = EventFactory()
    pk = event.pk
    event.delete()
    assert place_counts(pk) is None

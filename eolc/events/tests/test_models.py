"""Event querysets, time of day, and the constraints the database enforces itself."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import UserFactory
from eolc.events.models import Event, EventKind, EventStatus, RegistrationStatus, TimeOfDay
from eolc.events.tests.factories import EventFactory, RegistrationFactory, SeriesFactory, in_days


@pytest.mark.django_db
def test_querysets_chain_published_upcoming_in_area():
    camden = Area.objects.get(code="E09000007")
    hackney = Area.objects.get(code="E09000012")
    london = camden.parent
    wanted = EventFactory(area=camden)
    EventFactory(area=hackney, status=EventStatus.DRAFT)
    EventFactory(area=camden, starts_at=in_days(-3))
    EventFactory(area=Area.objects.get(code="E09000002"), kind=EventKind.WEBINAR)
    found = Event.objects.published().upcoming().in_area(camden)
    assert list(found) == [wanted]
    assert wanted in Event.objects.published().upcoming().in_area(london)
    assert list(Event.objects.published().of_kind(EventKind.WEBINAR).in_area(camden)) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("hour", "expected"),
    [(9, TimeOfDay.MORNING), (11, TimeOfDay.MORNING), (13, TimeOfDay.AFTERNOON), (18, TimeOfDay.EVENING)],
)
def test_time_of_day_is_in_the_events_own_zone(hour, expected):
    event = EventFactory(starts_at=in_days(10, hour=hour))
    assert event.time_of_day == expected
    assert Event.objects.at_time_of_day(expected).filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_a_new_york_evening_is_evening_even_though_it_is_night_in_london():
    starts = datetime.datetime(2027, 3, 3, 23, 0, tzinfo=datetime.UTC)  # 6pm in New York
    event = EventFactory(starts_at=starts, time_zone="America/New_York")
    assert event.time_of_day == TimeOfDay.EVENING


@pytest.mark.django_db
def test_the_database_refuses_a_second_active_registration_for_one_person():
    registration = RegistrationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=registration.event, person=registration.person)
    # A cancelled registration does not block registering again.
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    RegistrationFactory(event=registration.event, person=registration.person)


@pytest.mark.django_db
def test_the_database_refuses_a_registration_for_both_or_neither_event_and_series():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, series=SeriesFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=None, person=UserFactory())


@pytest.mark.django_db
def test_the_database_refuses_an_event_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(ends_at=in_days(13))

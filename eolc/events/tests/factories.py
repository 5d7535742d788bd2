import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from eolc.events.models import Event, EventKind, EventStatus, Registration, RegistrationStatus, Series


def in_days(days, hour=10, minute=0):
    """A time `days` from now at a London wall-clock hour, as an aware UTC datetime."""
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=minute, second=0, microsecond=0)


class SeriesFactory(DjangoModelFactory):
    class Meta:
        model = Series

    title = factory.Sequence(lambda n: f"Leadership series {n}")
    capacity = 10


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Learning session {n}")
    kind = EventKind.LEARNING_SESSION
    status = EventStatus.PUBLISHED
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=90))
    capacity = 10
    venue_name = "Community hall"
    venue_address = "1 High Street\nLondon"


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory("eolc.accounts.tests.factories.UserFactory")
    status = RegistrationStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

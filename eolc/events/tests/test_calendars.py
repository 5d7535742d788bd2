"""Calendar files: valid RFC 5545 that icalendar parses, with time zones that survive the round trip."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from eolc.accounts.tests.factories import UserFactory
from eolc.events import services
from eolc.events.models import EventStatus
from eolc.events.tests.factories import EventFactory

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def parse(body: bytes) -> Calendar:
    calendar = Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return calendar


@pytest.mark.django_db
def test_an_events_calendar_file_round_trips_its_time_zone(client):
    starts = datetime.datetime(2030, 3, 12, 18, 0, tzinfo=NEW_YORK)
    event = EventFactory(
        starts_at=starts, ends_at=starts + datetime.timedelta(minutes=90), time_zone="America/New_York"
    )
    response = client.get(reverse("events:event_ics", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = parse(response.content)
    (item,) = calendar.events
    assert item.start == starts and item.end == starts + datetime.timedelta(minutes=90)
    assert str(item.start.tzinfo) == "America/New_York"
    assert item["DTSTART"].params["TZID"] == "America/New_York"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert item["UID"].startswith(f"event-{event.pk}@")
    assert b"\r\n" in response.content


@pytest.mark.django_db
def test_the_public_feed_lists_published_events_only(client):
    published = EventFactory(title="Published session")
    EventFactory(title="Draft session", status=EventStatus.DRAFT)
    calendar = parse(client.get(reverse("events:public_feed")).content)
    assert [str(e["SUMMARY"]) for e in calendar.events] == [published.title]


@pytest.mark.django_db
def test_the_personal_feed_is_secret_revocable_and_has_joining_links():
    person = UserFactory()
    event = EventFactory(online=True, joining_link="https://meet.example.org/me")
    EventFactory(title="Not mine")
    services.registration_create(event=event, person=person)
    client = Client()
    client.force_login(person)
    # Opening the page makes nothing; the address is made when asked for.
    assert client.get(reverse("events:my_calendar")).context["feed_url"] is None
    assert client.post(reverse("events:my_calendar")).status_code == 302
    feed_url = client.get(reverse("events:my_calendar")).context["feed_url"]
    anonymous = Client()
    body = anonymous.get(feed_url).content
    calendar = parse(body)
    assert [str(e["SUMMARY"]) for e in calendar.events] == [event.title]
    assert b"meet.example.org/me" in body
    assert client.post(reverse("events:my_calendar")).status_code == 302
    assert anonymous.get(feed_url).status_code == 404
    assert client.get(reverse("events:my_calendar")).context["feed_url"] != feed_url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_confirmation_email_carries_a_parseable_invite(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    starts = datetime.datetime(2030, 7, 1, 9, 30, tzinfo=zoneinfo.ZoneInfo("Europe/London"))
    event = EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(minutes=90))
    services.registration_create(event=event, person=UserFactory())
    (message,) = mail.outbox
    assert "confirmed" in message.subject
    name, content, mimetype = message.attachments[0]
    calendar = parse(content.encode() if isinstance(content, str) else content)
    assert calendar.events[0].start == starts

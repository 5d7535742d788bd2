"""Calendar files (RFC 5545) for events, with the time zone each event happens in."""

import datetime

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from eolc.events.presenters import event_zone, place_text

PRODID = "-//EoLC Together//Events//EN"


def _uid(event) -> str:
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return f"event-{event.pk}@{host}"


def _component(event, *, joining_link: bool) -> CalendarEvent:
    zone = event_zone(event)
    item = CalendarEvent()
    item.add("uid", _uid(event))
    item.add("dtstamp", datetime.datetime.now(datetime.UTC))
    item.add("dtstart", event.starts_at.astimezone(zone))
    item.add("dtend", event.ends_at.astimezone(zone))
    item.add("summary", event.title)
    url = settings.SITE_URL.rstrip("/") + reverse("events:detail", args=[event.pk])
    description = event.description.strip()
    if joining_link and event.online and event.joining_link:
        description = f"{description}\n\nJoin online: {event.joining_link}".strip()
        item.add("location", event.joining_link)
    else:
        item.add("location", place_text(event))
    item.add("description", f"{description}\n\n{url}".strip())
    item.add("url", url)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return item


def calendar_for(events, *, name: str, joining_link: bool = False) -> bytes:
    """A calendar of `events`. The joining link goes in only for people with a confirmed place."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_component(event, joining_link=joining_link))
    calendar.add_missing_timezones()
    return calendar.to_ical()

"""Turn events into what pages, emails and calendars show, in the viewer's time zone."""

import calendar
import datetime
import zoneinfo
from collections import Counter

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from eolc.accounts.models import Sector
from eolc.events.models import EventKind, EventStatus, RegistrationStatus

KIND_TAG = {
    EventKind.WORKSHOP: "nhsuk-tag--purple",
    EventKind.VIRTUAL: "nhsuk-tag--blue",
    EventKind.SERIES: "nhsuk-tag--aqua-green",
    EventKind.LEARNING_SESSION: "nhsuk-tag--green",
    EventKind.CHAMPION_EVENT: "nhsuk-tag--orange",
    EventKind.WEBINAR: "nhsuk-tag--white",
    EventKind.MENTORING: "nhsuk-tag--grey",
}


def event_zone(event) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(event.time_zone)


def viewer_zone(user) -> zoneinfo.ZoneInfo:
    name = getattr(user, "time_zone", None) if getattr(user, "is_authenticated", False) else None
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _clock(value: datetime.datetime) -> str:
    text = value.strftime("%-I:%M%p").lower()
    return text.replace(":00", "")


def date_text(starts_at, zone) -> str:
    return starts_at.astimezone(zone).strftime("%A %-d %B %Y")


def time_text(starts_at, ends_at, zone) -> str:
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    zone_name = start.tzname()
    if start.date() != end.date():
        return f"{_clock(start)} to {end.strftime('%A %-d %B')} {_clock(end)} ({zone_name})"
    return f"{_clock(start)} to {_clock(end)} ({zone_name})"


def place_text(event) -> str:
    if event.online:
        return "Online"
    parts = [
        event.venue_name,
        event.venue_address.replace("\n", ", ").strip(),
        event.area.name if event.area_id else "",
    ]
    return ", ".join(part for part in parts if part) or "Venue to be confirmed"


class EventPresenter:
    """One event as a page, list row or email shows it to a particular viewer."""

    def __init__(self, event, *, viewer=None, confirmed=None, registration=None):
        self.event = event
        self.zone = viewer_zone(viewer)
        self._confirmed = confirmed
        self.registration = registration

    @property
    def href(self):
        return reverse("events:detail", args=[self.event.pk])

    @property
    def title(self):
        return self.event.title

    @property
    def kind(self):
        return self.event.get_kind_display()

    @property
    def kind_tag(self):
        return KIND_TAG.get(self.event.kind, "")

    @property
    def date(self):
        return date_text(self.event.starts_at, self.zone)

    @property
    def time(self):
        return time_text(self.event.starts_at, self.event.ends_at, self.zone)

    @property
    def iso_start(self):
        return self.event.starts_at.isoformat()

    @property
    def place(self):
        return place_text(self.event)

    @property
    def status_tag(self):
        if self.event.status == EventStatus.CANCELLED:
            return {"text": "Cancelled", "class": "nhsuk-tag--red"}
        if self.event.status == EventStatus.DRAFT:
            return {"text": "Draft", "class": "nhsuk-tag--grey"}
        return None

    @property
    def places_left(self):
        if self._confirmed is None:
            return None
        return max(self.event.places - self._confirmed, 0)

    @property
    def places_text(self):
        left = self.places_left
        if left is None:
            return ""
        if left == 0:
            return "Fully booked: you can join the waiting list"
        return f"{left} place{'s' if left != 1 else ''} left of {self.event.places}"

    @property
    def registration_status(self):
        if self.registration is None:
            return None
        return {
            RegistrationStatus.CONFIRMED: {"text": "You have a place", "class": "nhsuk-tag--green"},
            RegistrationStatus.WAITLISTED: {"text": "On the waiting list", "class": "nhsuk-tag--yellow"},
        }.get(self.registration.status)

    @property
    def joining_link(self):
        """Only someone with a confirmed place sees where to join."""
        if self.registration is not None and self.registration.is_confirmed and self.event.online:
            return self.event.joining_link
        return ""


# --- Month calendar -------------------------------------------------------------------------


def month_weeks(year: int, month: int, events: list, zone) -> list[list[dict]]:
    """Weeks (Monday first) of days, each with the events starting that day in the viewer's zone."""
    by_day = {}
    for presenter in events:
        day = presenter.event.starts_at.astimezone(zone).date()
        by_day.setdefault(day, []).append(presenter)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "today": day == timezone.localdate(timezone=zone),
                    "events": by_day.get(day, []),
                }
                for day in week
            ]
        )
    return weeks


# --- Group mix ------------------------------------------------------------------------------


def gini_simpson(counts) -> float:
    """1 − Σp²: the chance two people picked at random are from different groups (0 = all the same)."""
    total = sum(counts)
    if total == 0:
        return 0.0
    return 1 - sum((count / total) ** 2 for count in counts)


def group_mix(registrations) -> dict:
    """Composition of confirmed people by sector, job role and area, with a sector mix index."""
    people = [registration.person for registration in registrations]
    sectors = Counter(person.sector or "" for person in people)
    roles = Counter(person.job_role.name if person.job_role_id else "Not given" for person in people)
    areas = Counter(person.area.name if person.area_id else "Not given" for person in people)
    sector_labels = dict(Sector.choices)
    index = gini_simpson(list(sectors.values()))
    present = len([s for s in sectors if s])
    most = 1 - 1 / len(Sector.values)
    return {
        "total": len(people),
        "sectors": [
            {"name": sector_labels.get(slug, "Not given"), "count": count}
            for slug, count in sectors.most_common()
        ],
        "roles": [{"name": name, "count": count} for name, count in roles.most_common()],
        "areas": [{"name": name, "count": count} for name, count in areas.most_common()],
        "index": round(index, 2),
        "index_text": (
            f"{index:.2f} (0 means everyone is from one sector; "
            f"{most:.2f} means evenly spread over all {len(Sector.values)})"
        ),
        "sector_count": present,
        "warning": bool(people) and present < 2,
        "sector_mix": {slug: count for slug, count in sectors.items() if slug},
    }

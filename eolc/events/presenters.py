"""Turn events into what pages, emails and calendars show, in the viewer's time zone."""

import calendar
import datetime
import functools
import zoneinfo
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

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
    area_name = event.area.name if event.area_id else ""
    return _place(event.online, event.venue_name, event.venue_address, area_name)


def _place(online, venue_name, venue_address, area_name) -> str:
    if online:
        return "Online"
    parts = [venue_name, venue_address.replace("\n", ", ").strip(), area_name]
    return ", ".join(part for part in parts if part) or "Venue to be confirmed"


def _status_tag(status):
    if status == EventStatus.CANCELLED:
        return {"text": "Cancelled", "class": "nhsuk-tag--red"}
    if status == EventStatus.DRAFT:
        return {"text": "Draft", "class": "nhsuk-tag--grey"}
    return None


def _places_text(left, places) -> str:
    if left is None:
        return ""
    if left == 0:
        return "Fully booked: you can join the waiting list"
    return f"{left} place{'s' if left != 1 else ''} left of {places}"


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
        return _status_tag(self.event.status)

    @property
    def places_left(self):
        if self._confirmed is None:
            return None
        return max(self.event.places - self._confirmed, 0)

    @property
    def places_text(self):
        return _places_text(self.places_left, self.event.places)

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


# --- The calendar ---------------------------------------------------------------------------

KIND_LABELS = dict(EventKind.choices)
ENTRIES_KEPT = 4096  # per process, both views together: about a kilobyte each with their values


@dataclass(frozen=True)
class CalendarEntry:
    """One event as the calendar shows it, and nothing more. Its markup (`month_markup`,
    `list_markup`) is drawn from these values alone and kept under them, in each process's memory
    (least recently used dropped first): after an edit, only the entry whose values changed is
    drawn again, and no change can leave a stale one, as any value it shows is part of its key."""

    zone: zoneinfo.ZoneInfo
    pk: int
    title: str
    status: str
    kind_value: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    online: bool
    venue_name: str
    venue_address: str
    area_name: str | None
    places: int
    confirmed: int | None  # None on the month grid, which does not show places left

    FIELDS = (
        "pk",
        "title",
        "status",
        "kind",
        "starts_at",
        "ends_at",
        "online",
        "venue_name",
        "venue_address",
        "area__name",
        "capacity",
        "series__capacity",
    )

    @classmethod
    def listing(cls, events, zone, *, with_places: bool) -> list["CalendarEntry"]:
        """The entries for `events`, in time order, loaded as values rather than model instances."""
        if with_places:
            rows = events.with_confirmed_count().values_list(*cls.FIELDS, "confirmed_count")
        else:
            rows = events.values_list(*cls.FIELDS)

        def entry(row):
            *shown, capacity, series_capacity = row[: len(cls.FIELDS)]
            confirmed = row[-1] if with_places else None
            # A session's places are its series' (Event.places).
            return cls(zone, *shown, capacity if series_capacity is None else series_capacity, confirmed)

        return [entry(row) for row in rows.order_by("starts_at", "pk")]

    @property
    def href(self):
        return reverse("events:detail", args=[self.pk])

    @property
    def kind(self):
        return KIND_LABELS.get(self.kind_value, self.kind_value)

    @property
    def kind_tag(self):
        return KIND_TAG.get(self.kind_value, "")

    @property
    def date(self):
        return date_text(self.starts_at, self.zone)

    @property
    def time(self):
        return time_text(self.starts_at, self.ends_at, self.zone)

    @property
    def iso_start(self):
        return self.starts_at.isoformat()

    @property
    def place(self):
        return _place(self.online, self.venue_name, self.venue_address, self.area_name or "")

    @property
    def status_tag(self):
        return _status_tag(self.status)

    @property
    def places_text(self):
        left = None if self.confirmed is None else max(self.places - self.confirmed, 0)
        return _places_text(left, self.places)

    @property
    def month_markup(self):
        return _markup(self, "events/_month_entry.html", "event")

    @property
    def list_markup(self):
        return _markup(self, "events/_list_entry.html", "event")


@functools.lru_cache(maxsize=ENTRIES_KEPT)
def _markup(values, template: str, name: str) -> str:
    """`values` (an entry or a day) drawn with `template`, which calls them `name`, kept under all three."""
    return mark_safe(render_to_string(template, {name: values}).strip())  # noqa: S308 - rendered with autoescape


@dataclass(frozen=True)
class MonthDay:
    """A day of the month grid: its cell's markup is kept under these values, like an entry's."""

    number: int
    month_name: str
    outside: bool  # in the month before or after
    today: bool
    entries: str  # the markup of the entries starting that day

    @property
    def markup(self):
        return _markup(self, "events/_month_day.html", "day")


def month_weeks(year: int, month: int, entries: list[CalendarEntry], zone) -> list[list[str]]:
    """Weeks (Monday first) of the markup of their days' cells, each with the entries starting that
    day in the viewer's zone."""
    by_day = {}
    for entry in entries:
        by_day.setdefault(entry.starts_at.astimezone(zone).date(), []).append(entry.month_markup)
    today = timezone.localdate(timezone=zone)
    return [
        [
            MonthDay(
                day.day,
                f"{day:%B}",
                day.month != month,
                day == today,
                mark_safe("".join(by_day.get(day, ()))),  # noqa: S308 - kept markup
            ).markup
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]


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

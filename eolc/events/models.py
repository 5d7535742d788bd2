"""Events people meet at, the places they hold and whether they came.

Times are stored in UTC; each event also keeps the time zone it happens in, which is what
facilitators type times in and what calendar invites name. People see times in their own zone.
A series (e.g. a leadership series) is registered for as a whole: its registrations point at
the series, and every session in it shares the series' places.
"""

import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from eolc.accounts.models import Area, Organisation
from eolc.curriculum.models import Part
from eolc.programmes.models import Programme


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", "One-day regional workshop"
    VIRTUAL = "virtual", "Virtual instructor-led session"
    SERIES = "series", "Series session"
    LEARNING_SESSION = "learning_session", "Learning and development session"
    CHAMPION_EVENT = "champion_event", "Champion event"
    WEBINAR = "webinar", "Webinar"
    MENTORING = "mentoring", "Mentorship meeting"


# How long a session of each kind usually lasts, used when a facilitator leaves the end blank.
DEFAULT_MINUTES = {
    EventKind.WORKSHOP: 6 * 60,
    EventKind.LEARNING_SESSION: 90,
    EventKind.MENTORING: 60,
}


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CANCELLED = "cancelled", "Cancelled"


class TimeOfDay(models.TextChoices):
    MORNING = "morning", "Morning (before 12pm)"
    AFTERNOON = "afternoon", "Afternoon (12pm to 5pm)"
    EVENING = "evening", "Evening (from 5pm)"


def time_of_day(starts_at: datetime.datetime, zone: str) -> str:
    hour = starts_at.astimezone(zoneinfo.ZoneInfo(zone)).hour
    if hour < 12:
        return TimeOfDay.MORNING
    if hour < 17:
        return TimeOfDay.AFTERNOON
    return TimeOfDay.EVENING


def default_reminder_days():
    return [7, 1]


def validate_reminder_days(value):
    if not isinstance(value, list) or not all(isinstance(d, int) and 0 < d <= 60 for d in value):
        raise ValidationError("Reminder days must be whole numbers of days from 1 to 60.")


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not a known time zone.") from None


class Series(models.Model):
    """Sessions registered for as a whole; places are the series' own."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.CASCADE, related_name="event_series"
    )
    part = models.ForeignKey(Part, null=True, blank=True, on_delete=models.SET_NULL, related_name="series")
    capacity = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.title


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EventStatus.PUBLISHED)

    def listed(self):
        """What the public calendar shows: published events and cancelled ones (marked as such)."""
        return self.filter(status__in=Event.LISTED_STATUSES)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def between(self, start=None, end=None):
        events = self
        if start is not None:
            events = events.filter(ends_at__gte=start)
        if end is not None:
            events = events.filter(starts_at__lt=end)
        return events

    def in_area(self, area):
        return self.filter(area__in=Area.objects.within(area))

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def online(self, flag=True):
        return self.filter(online=flag)

    def at_time_of_day(self, value):
        return self.filter(time_of_day=value)

    def hosted_by(self, organisation):
        return self.filter(host=organisation)

    def in_programme(self, programme):
        return self.filter(programme=programme)

    def linked_to_part(self, part):
        return self.filter(part=part)

    def chronological(self):
        return self.order_by("starts_at", "pk")

    def booked_by(self, person):
        """Events where the person holds a confirmed place, directly or through a series."""
        mine = Registration.objects.filter(person=person, status=RegistrationStatus.CONFIRMED)
        return self.filter(
            Q(pk__in=mine.filter(event__isnull=False).values("event"))
            | Q(series__in=mine.filter(series__isnull=False).values("series"))
        )

    def with_place_counts(self):
        """Annotate `confirmed_count` and `waitlisted_count`, counting a series' registrations."""
        return self.annotate(
            confirmed_count=_place_count(RegistrationStatus.CONFIRMED),
            waitlisted_count=_place_count(RegistrationStatus.WAITLISTED),
        )

    def with_confirmed_count(self):
        """Annotate `confirmed_count` alone, for pages that show places left and not the waiting
        list: half the subqueries to build and run."""
        return self.annotate(confirmed_count=_place_count(RegistrationStatus.CONFIRMED))


def _place_count(status):
    rows = Registration.objects.filter(status=status)
    by_event = rows.filter(event=OuterRef("pk")).values("event").annotate(n=Count("pk")).values("n")
    by_series = rows.filter(series=OuterRef("series")).values("series").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(by_event), Subquery(by_series), 0)


class Event(models.Model):
    # What the public calendar lists: published events, and cancelled ones marked as such.
    LISTED_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    part = models.ForeignKey(
        Part,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Attending every session of this part completes it",
    )
    required_part = models.ForeignKey(
        Part,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events_requiring",
        help_text="Only people who have completed this part may register",
    )
    series = models.ForeignKey(Series, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    host = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted_events"
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_events"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="Europe/London", validators=[validate_time_zone])
    time_of_day = models.CharField(max_length=20, choices=TimeOfDay.choices, editable=False)
    online = models.BooleanField(default=False)
    joining_link = models.URLField(blank=True, help_text="Shown only to people with a confirmed place")
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    workplace_open_to_others = models.BooleanField(
        default=False, help_text="Hosted at a workplace, open to people from other organisations"
    )
    capacity = models.PositiveIntegerField()
    registration_opens_at = models.DateTimeField(null=True, blank=True)
    registration_closes_at = models.DateTimeField(null=True, blank=True)
    reminder_days = models.JSONField(
        default=default_reminder_days,
        blank=True,
        validators=[validate_reminder_days],
        help_text="Days before the event to remind people; empty for none",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.time_of_day = time_of_day(self.starts_at, self.time_zone)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "starts_at" in update_fields:
            kwargs["update_fields"] = {*update_fields, "time_of_day"}
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.status == EventStatus.PUBLISHED

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def places(self) -> int:
        """Places are the series' when the event is a session of one."""
        return self.series.capacity if self.series_id else self.capacity

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        closes = self.registration_closes_at or self.starts_at
        opens = self.registration_opens_at
        return self.is_published and (opens is None or opens <= now) and now < closes

    def target_filter(self) -> Q:
        """The registrations that hold places at this event: its own, or its series'."""
        return Q(series_id=self.series_id) if self.series_id else Q(event_id=self.pk)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    WAITLISTED = "waitlisted", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


ACTIVE_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def for_event(self, event):
        return self.filter(event.target_filter())

    def for_person(self, person):
        return self.filter(person=person)

    def first_come(self):
        return self.order_by("created_at", "pk")


class Registration(models.Model):
    """A person's place at an event or a whole series. Answers are private to the person and staff."""

    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="registrations"
    )
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    access_needs = models.TextField(blank=True)
    hopes = models.TextField(blank=True, help_text="What the person hopes to learn")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(event__isnull=False) & Q(series__isnull=True))
                | (Q(event__isnull=True) & Q(series__isnull=False)),
                name="registration_for_event_or_series",
            ),
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="registration_one_active_per_event",
            ),
            models.UniqueConstraint(
                fields=["series", "person"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="registration_one_active_per_series",
            ),
            models.CheckConstraint(
                condition=Q(status=RegistrationStatus.CONFIRMED, confirmed_at__isnull=False)
                | ~Q(status=RegistrationStatus.CONFIRMED),
                name="registration_confirmed_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.event or self.series} ({self.get_status_display()})"

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES


class AttendanceQuerySet(models.QuerySet):
    def attended(self):
        return self.filter(attended=True)


class Attendance(models.Model):
    """Whether a registered person came to one event (one session of a series)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances")
    attended = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["event", "person"]
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="attendance_once_per_event")]

    def __str__(self):
        return f"{self.person} {'attended' if self.attended else 'absent'} — {self.event}"


class ReminderQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)


class Reminder(models.Model):
    """One reminder to one registration. The row is the claim: it exists once, so it is sent once.

    A worker claims a reminder by inserting this row (the unique constraint lets only one insert
    win) or, when an earlier worker died after claiming, by a conditional UPDATE of an expired
    claim; it sets `sent_at` after the email has gone.
    """

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="reminders")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    claimed_at = models.DateTimeField()
    claim = models.CharField(max_length=32)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "event", "days_before"], name="reminder_once_per_registration"
            )
        ]

    def __str__(self):
        return f"{self.days_before}-day reminder for {self.registration}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A person's private calendar address; a new token revokes the old address."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed for {self.person}"


def _place_counts_sql() -> str:
    """Table names from the models; every value is a parameter."""
    registrations = connection.ops.quote_name(Registration._meta.db_table)
    events = connection.ops.quote_name(Event._meta.db_table)
    own = f"SELECT COUNT(*) FROM {registrations} r WHERE r.event_id = e.id AND r.status = %s"  # noqa: S608
    series = f"SELECT COUNT(*) FROM {registrations} r WHERE r.series_id = e.series_id AND r.status = %s"  # noqa: S608
    return f"SELECT ({own}), ({series}), ({own}), ({series}) FROM {events} e WHERE e.id = %s"  # noqa: S608


_PLACE_COUNTS_SQL = _place_counts_sql()


def place_counts(pk: int) -> tuple[int, int] | None:
    """One event's (confirmed, waitlisted) counts, exactly as `with_place_counts` annotates them,
    or None when there is no such event. Asked after every booking by every page that shows the
    event's places, so the SQL is our own: the ORM's four subqueries cost about 8,300 Python calls
    to build. A status the event has no registrations of directly is counted on its series, as
    `_place_count`'s Coalesce does."""
    confirmed, waitlisted = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED
    with connection.cursor() as cursor:
        cursor.execute(_PLACE_COUNTS_SQL, [confirmed, confirmed, waitlisted, waitlisted, pk])
        row = cursor.fetchone()
    if row is None:
        return None
    own_confirmed, series_confirmed, own_waitlisted, series_waitlisted = row
    return own_confirmed or series_confirmed, own_waitlisted or series_waitlisted

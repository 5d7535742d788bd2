"""Writes for events: scheduling, registration with a first-come waiting list, attendance, reminders.

Places are counted while holding a lock on the event (or its series): `select_for_update` on
PostgreSQL, and on SQLite the IMMEDIATE transaction that settings ask for, which takes the
database's write lock before the first read. Partial unique constraints make a second active
registration for the same person impossible even if the lock were bypassed. Emails are sent by
background tasks queued only when the transaction commits, so a failure leaves nothing half-done
and nobody is told about a place they do not have.
"""

import datetime
import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone

from eolc.core.outbox import enqueue_on_commit
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import Completion, Part
from eolc.events import emails
from eolc.events.models import (
    Attendance,
    CalendarFeed,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    Reminder,
    Series,
    new_feed_token,
)
from eolc.events.presenters import event_zone

# Tests switch this off to show the race the lock prevents; nothing else may change it.
LOCK_PLACES = True

# A claimed reminder whose worker died before sending is claimed again after this long.
REMINDER_LEASE = timedelta(minutes=10)


class RegistrationRefused(Exception):
    """Why a person cannot register; the message is shown to them as it is."""


class NotEligible(RegistrationRefused):
    def __init__(self, missing: list[Part]):
        self.missing = missing
        names = " and ".join(f"“{part.title}”" for part in missing)
        super().__init__(f"You need to complete {names} before you can register for this event.")


class RegistrationClosed(RegistrationRefused):
    pass


class NotRegistered(Exception):
    """Attendance can only be recorded for someone with a confirmed place."""


# --- Events ---------------------------------------------------------------------------------


def _notify(kind: str, registration_id: int, event_id: int | None = None) -> None:
    from eolc.events import tasks

    enqueue_on_commit(tasks.registration_email_send, registration_id, kind, event_id)


@transaction.atomic
def event_create(*, created_by, facilitators=(), **fields) -> Event:
    event = Event(created_by=created_by, **fields)
    event.full_clean()
    event.save()
    if facilitators:
        event.facilitators.set(facilitators)
    return event


@transaction.atomic
def series_create(*, title, programme, capacity, description="", part=None) -> Series:
    series = Series(title=title, programme=programme, capacity=capacity, description=description, part=part)
    series.full_clean()
    series.save()
    return series


@transaction.atomic
def event_update(*, event: Event, by, **fields) -> Event:
    """Change an event; more places (or a larger series) promote people from the waiting list."""
    _lock(event)
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    event.save()
    _promote(event, event.places)
    return event


@transaction.atomic
def event_cancel(*, event: Event, by) -> int:
    """Cancel an event; everyone with an active registration is told. Returns how many were told."""
    _lock(event)
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])
    told = 0
    for registration in Registration.objects.for_event(event).active():
        # For a session of a series, the email is about that session only.
        _notify(emails.EVENT_CANCELLED, registration.pk, event.pk)
        told += 1
    return told


# --- Registration ---------------------------------------------------------------------------


def _target_of(registration: Registration) -> Q:
    if registration.series_id:
        return Q(series_id=registration.series_id)
    return Q(event_id=registration.event_id)


def _lock(event: Event) -> int:
    """Lock the event (or its series); its places, read under the lock."""
    locked = (
        Series.objects.filter(pk=event.series_id) if event.series_id else Event.objects.filter(pk=event.pk)
    )
    capacity = locked.select_for_update().values_list("capacity", flat=True).first()
    return event.places if capacity is None else capacity


def _confirmed_count(event: Event) -> int:
    return Registration.objects.for_event(event).confirmed().count()


def _active_registration(event: Event, person) -> Registration | None:
    return Registration.objects.for_event(event).active().filter(person=person).first()


def _places_taken(event: Event, person) -> tuple[int, int | None]:
    """The confirmed places, and the id of the person's active registration if they have one: one
    query where two took twice the Python work."""
    taken = (
        Registration.objects.for_event(event)
        .active()
        .aggregate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            held=Max("pk", filter=Q(person=person)),
        )
    )
    return taken["confirmed"], taken["held"]


def eligibility_missing(*, event: Event, person) -> list[Part]:
    """Parts the person must complete first: the linked part's prerequisites and any required part."""
    missing = []
    if event.part_id:
        missing.extend(curriculum_services.prerequisites_missing(person=person, part=event.part))
    if (
        event.required_part_id
        and event.required_part not in missing
        and not Completion.objects.filter(person=person, part_id=event.required_part_id).exists()
    ):
        missing.append(event.required_part)
    return missing


def registration_check(*, event: Event, person, now=None, enforce_window=True) -> None:
    """Raise RegistrationRefused with a message naming the reason, or return when all is well."""
    now = now or timezone.now()
    if event.status != EventStatus.PUBLISHED:
        raise RegistrationClosed("This event is not open for registration.")
    if event.ends_at <= now:
        raise RegistrationClosed("This event has already happened.")
    if enforce_window:
        if event.registration_opens_at and now < event.registration_opens_at:
            opens = timezone.localtime(event.registration_opens_at, timezone.get_current_timezone())
            raise RegistrationClosed(f"Registration opens on {opens:%-d %B %Y at %H:%M}.")
        if now >= (event.registration_closes_at or event.starts_at):
            raise RegistrationClosed("Registration for this event has closed.")
    missing = eligibility_missing(event=event, person=person)
    if missing:
        raise NotEligible(missing)


def registration_create(
    *, event: Event, person, registered_by=None, access_needs="", hopes="", now=None, enforce_window=True
) -> tuple[Registration, bool]:
    """Give a person a place, or a place on the waiting list; `(registration, created)`.

    Registering again (a double click, a retry) returns the existing registration. A session of a
    series registers the person for the whole series.
    """
    now = now or timezone.now()
    registration_check(event=event, person=person, now=now, enforce_window=enforce_window)
    if not LOCK_PLACES:
        places, (confirmed, held) = event.places, _places_taken(event, person)
    try:
        with transaction.atomic():
            if LOCK_PLACES:
                places = _lock(event)
                # Looked for under the lock only: a second registration waits there for the first.
                confirmed, held = _places_taken(event, person)
            if held is not None:
                return Registration.objects.get(pk=held), False
            has_place = confirmed < places
            status = RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITLISTED
            registration = Registration.objects.create(
                event=None if event.series_id else event,
                series_id=event.series_id,
                person=person,
                status=status,
                access_needs=access_needs,
                hopes=hopes,
                registered_by=registered_by,
                created_at=now,
                confirmed_at=now if has_place else None,
            )
            _notify(emails.CONFIRMED if has_place else emails.WAITLISTED, registration.pk)
    except IntegrityError:
        # Another request for the same person won the race; theirs is the registration.
        existing = _active_registration(event, person)
        if existing is None:
            raise
        return existing, False
    return registration, True


def _promote(event: Event, places: int, now=None) -> list[Registration]:
    """Fill free places from the waiting list, first come first served. Call with the lock held."""
    now = now or timezone.now()
    free = places - _confirmed_count(event)
    promoted = []
    if free <= 0:
        return promoted
    for registration in Registration.objects.for_event(event).waitlisted().first_come()[:free]:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        _notify(emails.PROMOTED, registration.pk)
        promoted.append(registration)
    return promoted


def waitlist_position(*, registration: Registration) -> int | None:
    """1 for the first person waiting. Counts everyone waiting, though each sees only their own place."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(_target_of(registration)).waitlisted()
    ahead = ahead.filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def _lock_event_of(registration: Registration) -> tuple[Event, int]:
    """Lock the event whose places govern a registration, and read it and its places under the
    lock; for a series, its first session (or, for a series with no sessions yet, an unsaved
    stand-in that carries the series)."""
    if registration.event_id:
        # An event's own row is its lock, so one query locks and reads it; one that has since
        # joined a series is locked by the series, first, as everywhere else.
        event = Event.objects.select_for_update().filter(pk=registration.event_id, series=None).first()
        if event is not None:
            return event, event.capacity
        event = registration.event
        return event, _lock(event)
    series = Series.objects.select_for_update().get(pk=registration.series_id)
    event = series.events.order_by("starts_at").first() or Event(series=series, capacity=series.capacity)
    return event, series.capacity


@transaction.atomic
def registration_cancel(*, registration: Registration, by=None, now=None) -> list[Registration]:
    """Cancel a place (by the person or a facilitator) and promote the first person waiting.

    Returns the registrations promoted. Cancelling twice changes nothing.
    """
    now = now or timezone.now()
    event, places = _lock_event_of(registration)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return []
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    removed = by is not None and by.pk != registration.person_id
    _notify(emails.REMOVED if removed else emails.CANCELLED, registration.pk)
    if event.status == EventStatus.PUBLISHED:
        return _promote(event, places, now)
    return []


@transaction.atomic
def registration_move(*, registration: Registration, to_event: Event, by, now=None) -> Registration:
    """Move a person to another date: their old place goes to the waiting list there."""
    if to_event.pk == registration.event_id or (
        to_event.series_id and to_event.series_id == registration.series_id
    ):
        return registration
    new, _ = registration_create(
        event=to_event,
        person=registration.person,
        registered_by=by,
        access_needs=registration.access_needs,
        hopes=registration.hopes,
        now=now,
        enforce_window=False,
    )
    registration_cancel(registration=registration, by=by, now=now)
    return new


# --- Attendance -----------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, event: Event, person, attended: bool, by=None, now=None):
    """Mark a confirmed person attended or absent; attending every session completes a linked part."""
    now = now or timezone.now()
    if not Registration.objects.for_event(event).confirmed().filter(person=person).exists():
        raise NotRegistered(f"{person} does not have a confirmed place at this event.")
    attendance, _ = Attendance.objects.update_or_create(
        event=event, person=person, defaults={"attended": attended, "recorded_by": by, "recorded_at": now}
    )
    part = event.part
    if part is not None and attended:
        sessions = (
            Event.objects.filter(series_id=event.series_id, part=part)
            if event.series_id
            else Event.objects.filter(pk=event.pk)
        ).exclude(status=EventStatus.CANCELLED)
        attended_count = Attendance.objects.filter(event__in=sessions, person=person, attended=True).count()
        curriculum_services.part_attendance_record(
            person=person,
            part=part,
            sessions_attended=attended_count,
            sessions_total=sessions.count(),
            on=timezone.localtime(event.starts_at, event_zone(event)).date(),
        )
    return attendance


# --- Reminders ------------------------------------------------------------------------------


def reminder_windows(event: Event) -> list[tuple[int, datetime.datetime, datetime.datetime]]:
    """(days before, due from, due until): a reminder is sent only until the next one is due."""
    days = sorted({d for d in event.reminder_days if d > 0}, reverse=True)
    windows = []
    for index, day in enumerate(days):
        due = event.starts_at - timedelta(days=day)
        until = (
            event.starts_at - timedelta(days=days[index + 1]) if index + 1 < len(days) else event.starts_at
        )
        windows.append((day, due, until))
    return windows


def _claim(registration, event, days, now, claim) -> Reminder | None:
    """Insert the reminder row (only one insert can win), or take over a claim that has expired."""
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                registration=registration, event=event, days_before=days, claimed_at=now, claim=claim
            )
    except IntegrityError:
        taken = Reminder.objects.filter(
            registration=registration,
            event=event,
            days_before=days,
            sent_at__isnull=True,
            claimed_at__lt=now - REMINDER_LEASE,
        ).update(claimed_at=now, claim=claim)
        if taken:
            return Reminder.objects.get(registration=registration, event=event, days_before=days)
        return None


def reminders_send(*, now=None) -> int:
    """Send every reminder that is due now, each once. Returns how many this run sent.

    Only people whose place was confirmed by the reminder's time get it, so someone who registers
    the day before is not sent the seven-day reminder.
    """
    now = now or timezone.now()
    claim = uuid.uuid4().hex
    sent = 0
    horizon = now + timedelta(days=61)
    for event in Event.objects.published().filter(starts_at__gt=now, starts_at__lte=horizon).chronological():
        for days, due, until in reminder_windows(event):
            if not (due <= now < until):
                continue
            done = Reminder.objects.filter(registration=OuterRef("pk"), event=event, days_before=days).filter(
                Q(sent_at__isnull=False) | Q(claimed_at__gte=now - REMINDER_LEASE)
            )
            candidates = (
                Registration.objects.for_event(event)
                .confirmed()
                .filter(confirmed_at__lte=due)
                .exclude(Exists(done))
                .select_related("person")
            )
            for registration in candidates:
                reminder = _claim(registration, event, days, now, claim)
                if reminder is None:
                    continue
                emails.reminder_send(registration=registration, event=event, days_before=days)
                Reminder.objects.filter(pk=reminder.pk, claim=claim).update(sent_at=timezone.now())
                sent += 1
    return sent


# --- Calendar feeds -------------------------------------------------------------------------


def calendar_feed_for(*, person) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(person=person)
    return feed


@transaction.atomic
def calendar_feed_reset(*, person) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    feed = calendar_feed_for(person=person)
    feed.token = new_feed_token()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


def sector_mix(*, event: Event) -> dict[str, int]:
    """Confirmed registrations by sector slug: counts only, so anyone who may see the event may see it."""
    rows = (
        Registration.objects.for_event(event)
        .confirmed()
        .exclude(person__sector="")
        .values("person__sector")
        .annotate(n=Count("pk"))
    )
    return {row["person__sector"]: row["n"] for row in rows}

"""The emails events send. Each is built from the database at sending time, so it is never stale."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from eolc.events.ics import calendar_for
from eolc.events.models import Event, Registration
from eolc.events.presenters import EventPresenter

CONFIRMED = "confirmed"
WAITLISTED = "waitlisted"
PROMOTED = "promoted"
CANCELLED = "cancelled"
REMOVED = "removed"
EVENT_CANCELLED = "event_cancelled"

SUBJECTS = {
    CONFIRMED: "Your place is confirmed: {title}",
    WAITLISTED: "You are on the waiting list: {title}",
    PROMOTED: "A place has come up for you: {title}",
    CANCELLED: "Your place is cancelled: {title}",
    REMOVED: "Your registration was cancelled by the organisers: {title}",
    EVENT_CANCELLED: "Event cancelled: {title}",
}
# Messages that confirm a place carry the calendar invite.
WITH_INVITE = {CONFIRMED, PROMOTED}


def _url(name, *args):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _sessions(registration: Registration) -> list[Event]:
    if registration.series_id:
        return list(registration.series.events.exclude(status="draft").order_by("starts_at"))
    return [registration.event]


def _send(*, to, subject, template, context, attachment=None):
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    message = EmailMessage(subject=f"{prefix}{subject}", body=render_to_string(template, context), to=[to])
    if attachment is not None:
        message.attach("invite.ics", attachment, "text/calendar; charset=utf-8; method=PUBLISH")
    message.send()


def registration_email_send(*, registration_id: int, kind: str, event_id: int | None = None) -> bool:
    """Tell a person what happened to their registration. False when there is nothing to send."""
    registration = (
        Registration.objects.select_related("person", "event", "series").filter(pk=registration_id).first()
    )
    if registration is None or kind not in SUBJECTS:
        return False
    sessions = _sessions(registration)
    if event_id is not None:
        sessions = [session for session in sessions if session.pk == event_id]
    if not sessions:
        return False
    person = registration.person
    title = registration.series.title if registration.series_id else registration.event.title
    if event_id is not None:
        title = sessions[0].title
    confirmed = kind in WITH_INVITE and registration.is_confirmed
    if kind in WITH_INVITE and not confirmed:
        # The place was cancelled again before the email went: say nothing stale.
        return False
    presenters = [EventPresenter(event, viewer=person, registration=registration) for event in sessions]
    _send(
        to=person.email,
        subject=SUBJECTS[kind].format(title=title),
        template=f"events/emails/{kind}.txt",
        context={
            "person": person,
            "title": title,
            "sessions": presenters,
            "event_url": _url("events:detail", sessions[0].pk),
            "calendar_url": _url("events:calendar"),
        },
        attachment=calendar_for(sessions, name=title, joining_link=True) if confirmed else None,
    )
    return True


def reminder_send(*, registration: Registration, event: Event, days_before: int) -> None:
    person = registration.person
    when = "tomorrow" if days_before == 1 else f"in {days_before} days"
    _send(
        to=person.email,
        subject=f"Reminder: {event.title} is {when}",
        template="events/emails/reminder.txt",
        context={
            "person": person,
            "when": when,
            "session": EventPresenter(event, viewer=person, registration=registration),
            "event_url": _url("events:detail", event.pk),
        },
    )

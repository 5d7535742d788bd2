"""Background tasks: thin, they take ids and call a service (ADR 003)."""

from django_tasks import task

from eolc.events import emails, services


@task()
def registration_email_send(registration_id: int, kind: str, event_id: int | None = None) -> bool:
    return emails.registration_email_send(registration_id=registration_id, kind=kind, event_id=event_id)


@task()
def reminders_send() -> int:
    return services.reminders_send()

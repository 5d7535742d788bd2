"""Background tasks: thin, they take ids and call a service (ADR 003).

Reminders are not a task: `manage.py send_event_reminders` runs on a schedule and claims each one.
"""

from django_tasks import task

from eolc.events import emails


@task()
def registration_email_send(registration_id: int, kind: str, event_id: int | None = None) -> bool:
    return emails.registration_email_send(registration_id=registration_id, kind=kind, event_id=event_id)

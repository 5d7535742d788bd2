"""Background tasks: thin, they take ids and call a service (ADR 003)."""

from django_tasks import task

from eolc.champions import emails


@task()
def contact_message_email(message_id: int) -> bool:
    return emails.contact_message_send(message_id=message_id)


@task()
def post_notify(post_id: int) -> int:
    return emails.post_notifications_send(post_id=post_id)


@task()
def consultation_invite(consultation_id: int) -> int:
    return emails.consultation_invitations_send(consultation_id=consultation_id)


@task()
def invitation_email(
    network_id: int, addresses: list[str], source_id: int | None, note: str, sender_id: int
) -> int:
    return emails.invitations_send(
        network_id=network_id, addresses=addresses, source_id=source_id, note=note, sender_id=sender_id
    )

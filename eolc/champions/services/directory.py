"""Messages relayed through the platform between people in the directory."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eolc.accounts.models import User
from eolc.champions import tasks
from eolc.champions.models import (
    ContactMessage,
    Network,
)
from eolc.core.outbox import enqueue_on_commit

# The relay is for introductions, not bulk mail: a person may send this many messages per window.
MESSAGES_PER_HOUR = 5
MESSAGES_PER_DAY = 20


class RelayLimited(Exception):
    """Too many messages sent recently; the message says when to try again."""


@transaction.atomic
def message_send(
    *,
    network: Network,
    sender,
    recipient,
    body: str,
    share_address: bool = False,
    in_reply_to: ContactMessage | None = None,
    now=None,
) -> ContactMessage:
    """Queue a relayed message. Callers check the recipient accepts messages (see access)."""
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write your message"})
    if sender.pk == recipient.pk:
        raise ValidationError("You cannot send a message to yourself")
    now = now or timezone.now()
    # Lock the sender's row so that parallel sends cannot both slip under the limit.
    User.objects.select_for_update().filter(pk=sender.pk).first()
    sent = ContactMessage.objects.sent_by(sender)
    if sent.since(now - timedelta(hours=1)).count() >= MESSAGES_PER_HOUR:
        raise RelayLimited(f"You can send up to {MESSAGES_PER_HOUR} messages an hour. Try again later.")
    if sent.since(now - timedelta(days=1)).count() >= MESSAGES_PER_DAY:
        raise RelayLimited(f"You can send up to {MESSAGES_PER_DAY} messages a day. Try again tomorrow.")
    message = ContactMessage.objects.create(
        network=network,
        sender=sender,
        recipient=recipient,
        body=body,
        share_address=share_address,
        in_reply_to=in_reply_to,
        created_at=now,
    )
    enqueue_on_commit(tasks.contact_message_email, message.pk)
    return message

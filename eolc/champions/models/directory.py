"""Messages relayed between people in the champions directory."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from eolc.champions.models.network import Network


class ContactMessageQuerySet(models.QuerySet):
    def sent_by(self, person):
        return self.filter(sender=person)

    def involving(self, person):
        return self.filter(Q(sender=person) | Q(recipient=person))

    def since(self, moment):
        return self.filter(created_at__gte=moment)


class ContactMessage(models.Model):
    """A message relayed by email without showing either address, unless the sender chose to."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    in_reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    body = models.TextField(max_length=3000)
    share_address = models.BooleanField(
        default=False, help_text="The sender chose to show their email address to the recipient"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Message {self.pk} in {self.network}"

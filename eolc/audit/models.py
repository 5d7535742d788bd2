"""The audit log: who did what to whom, when. Append-only, and never holding content or secrets.

Rows are written through `eolc.audit.services.audit_record` and never changed afterwards: the
model refuses updates and deletes, and a database trigger refuses them too (see migration 0002).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnly(Exception):
    """Raised when code tries to change or remove an audit record."""


class Action(models.TextChoices):
    """Known actions. Apps may record others; each is a short dotted slug like these."""

    SIGN_IN = "auth.sign_in", "Signed in"
    SIGN_IN_FAILED = "auth.sign_in_failed", "Sign-in failed"
    SIGN_OUT = "auth.sign_out", "Signed out"
    PASSWORD_CHANGED = "auth.password_changed", "Password changed"
    PASSWORD_RESET = "auth.password_reset", "Password reset"
    MFA_ADDED = "auth.mfa_added", "Two-factor method added"
    MFA_REMOVED = "auth.mfa_removed", "Two-factor method removed"
    TOKEN_ISSUED = "auth.token_issued", "API token issued"
    PERMISSION_DENIED = "access.denied", "Permission denied"
    PERSONAL_DATA_VIEWED = "personal_data.viewed", "Personal data viewed by staff"
    PERSONAL_DATA_EXPORTED = "personal_data.exported", "Personal data exported"
    CONSENT_CHANGED = "consent.changed", "Consent changed"
    ROLE_CHANGED = "role.changed", "Role changed"
    ADMIN_CHANGE = "admin.change", "Changed in the admin"
    ERASURE_REQUESTED = "privacy.erasure_requested", "Erasure requested"
    ERASED = "privacy.erased", "Person erased"
    DATA_DOWNLOADED = "privacy.data_downloaded", "Person downloaded their data"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Audit records cannot be changed.")

    def delete(self):
        raise AppendOnly("Audit records cannot be deleted.")

    def newest_first(self):
        return self.order_by("-at", "-pk")

    def by_action(self, action):
        return self.filter(action=action) if action else self

    def about(self, person_id):
        """Records where the person acted or was the target."""
        return self.filter(models.Q(actor_id=person_id) | models.Q(target=f"accounts.user:{person_id}"))


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    # No database constraint and no cascade: the record outlives the account, and erasing a
    # person must not rewrite the log (the trigger would refuse it anyway).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(max_length=60, db_index=True)
    target = models.CharField(max_length=120, blank=True, help_text="app_label.model:pk")
    detail = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        db_table = "audit_event"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.target}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("Audit records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit records cannot be deleted.")

    @property
    def action_label(self):
        try:
            return Action(self.action).label
        except ValueError:
            return self.action

"""The audit log: only site administrators read it."""

from django.apps import apps


def can_read_audit_log(user) -> bool:
    """Only site administrators: the log shows who did what across every programme."""
    return user.is_authenticated and user.is_site_admin


def audit_events_for(user):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    return AuditEvent.objects.newest_first() if can_read_audit_log(user) else AuditEvent.objects.none()

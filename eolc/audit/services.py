"""The one way to write to the audit log. Other apps call `audit_record`."""

import re

from django.db import models

from eolc.audit.models import AuditEvent

ACTION_SLUG = re.compile(r"^[a-z_]+\.[a-z_]+$")
# Details are for ids, counts, flags and short codes. Anything that could carry what a person
# wrote, or a secret, is refused rather than trusted to be short.
FORBIDDEN_KEY_PARTS = (
    "password",
    "token",
    "secret",
    "key",
    "text",
    "story",
    "body",
    "note",
    "answer",
    "comment",
    "reason",
)
MAX_VALUE_LENGTH = 100


class AuditDetailRefused(ValueError):
    pass


def _target_label(target) -> str:
    if target is None:
        return ""
    if isinstance(target, models.Model):
        return f"{target._meta.label_lower}:{target.pk}"
    return str(target)[:120]


def _checked(detail: dict) -> dict:
    for name, value in detail.items():
        lowered = name.lower()
        if any(part in lowered for part in FORBIDDEN_KEY_PARTS):
            raise AuditDetailRefused(f"audit detail {name!r} may hold content or a secret")
        if not (value is None or isinstance(value, (bool, int, float, str))):
            raise AuditDetailRefused(
                f"audit detail {name!r} must be a plain value, not {type(value).__name__}"
            )
        if isinstance(value, str) and len(value) > MAX_VALUE_LENGTH:
            raise AuditDetailRefused(f"audit detail {name!r} is longer than {MAX_VALUE_LENGTH} characters")
    return detail


def _client_address(request):
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client chose unless a proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or None


def audit_record(*, actor, action: str, target=None, detail: dict | None = None, request=None) -> AuditEvent:
    """Append one record. `actor` may be None or anonymous (failed sign-ins, system jobs).

    Not wrapped in its own transaction: a record written inside a view's transaction is rolled
    back with it, so the log never claims something happened that did not.
    """
    if not ACTION_SLUG.match(action):
        raise ValueError(f"audit action {action!r} must be a dotted slug like 'auth.sign_in'")
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target=_target_label(target),
        detail=_checked(dict(detail or {})),
        ip_address=_client_address(request) if request is not None else None,
        path=request.path[:300] if request is not None else "",
    )

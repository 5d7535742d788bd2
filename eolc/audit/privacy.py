"""Personal data in the audit log (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About

PERSONAL_DATA = {
    # Append-only by design: erasure leaves the account number, which then names nobody.
    "audit.AuditEvent": About(
        person="actor", export=("at", "action", "target", "detail", "ip_address", "path")
    ),
}

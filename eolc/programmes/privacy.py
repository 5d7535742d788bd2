"""Personal data in programmes (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About

PERSONAL_DATA = {
    # Roles stay after erasure so programme sizes in reports do not change.
    "programmes.Membership": About(person="person", export=("programme", "role", "created_at")),
}

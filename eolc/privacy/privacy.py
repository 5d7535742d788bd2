"""Personal data in the privacy app itself (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About

PERSONAL_DATA = {
    "privacy.Erasure": About(
        person="person", export=("erased_at",), links={"erased_by": "the administrator, if staff erased them"}
    ),
}

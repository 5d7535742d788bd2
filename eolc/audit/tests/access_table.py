"""Who may open the audit log (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import DENIED, OK, Expect

ACCESS = {
    "audit:log": Expect(DENIED, site_admin=OK),
}

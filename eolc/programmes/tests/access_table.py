"""Who may open each programmes page (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect

ACCESS = {
    "programmes:dashboard": Expect(OK),
    "programmes:list": Expect(OK),
    "programmes:detail": Expect(OK, other_admin=HIDDEN),
    "programmes:people": Expect(DENIED, admin=OK, other_admin=OK, site_admin=OK),
}

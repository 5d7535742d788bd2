"""Who may open each imports page (see eolc/core/tests/walk.py).

Written by the trust work from what the pages answered. Rows without `args=` use id 1, which
does not exist, so every role gets 404 there: give them builders of real objects (see
eolc/events/tests/access_table.py) to test object-level access properly.
"""

from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect

ACCESS = {
    "imports:upload": Expect(DENIED, admin=OK, other_admin=OK, site_admin=OK),
    "imports:preview": Expect(HIDDEN),
    "imports:confirm": Expect(HIDDEN, method="post"),
    "imports:example": Expect(DENIED, admin=HIDDEN, other_admin=HIDDEN, site_admin=HIDDEN),
}

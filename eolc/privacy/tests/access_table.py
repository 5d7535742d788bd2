"""Who may open the privacy pages (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import OK, Expect

ACCESS = {
    "privacy:notice": Expect(OK, anonymous=OK, why="the privacy notice must be readable before signing up"),
    "privacy:my_data": Expect(OK),
    # The download has no id in it: each person only ever gets their own data.
    "privacy:download": Expect(OK),
}

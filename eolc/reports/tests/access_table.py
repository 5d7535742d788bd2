"""Who may open each report (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect


def csv_table(w):
    return {"table": "sector", "fmt": "csv"}


ACCESS = {
    "reports:index": Expect(DENIED, admin=OK, other_admin=OK, commissioner=OK, site_admin=OK),
    "reports:all": Expect(DENIED, site_admin=OK),
    "reports:all_export": Expect(DENIED, args=csv_table, site_admin=OK),
    "reports:dashboard": Expect(DENIED, admin=OK, other_admin=HIDDEN, commissioner=OK, site_admin=OK),
    "reports:export": Expect(
        DENIED, args=csv_table, admin=OK, other_admin=HIDDEN, commissioner=OK, site_admin=OK
    ),
    "reports:report": Expect(DENIED, admin=OK, other_admin=HIDDEN, commissioner=OK, site_admin=OK),
    "reports:report_pdf": Expect(DENIED, admin=OK, other_admin=HIDDEN, commissioner=OK, site_admin=OK),
    "reports:learning_points": Expect(DENIED, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "api:report_summary": Expect(DENIED, admin=OK, other_admin=HIDDEN, commissioner=OK, site_admin=OK),
}

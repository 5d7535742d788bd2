"""Who may open each core page (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import DENIED, HIDDEN, LOGIN, NOT_ALLOWED, OK, Expect

ACCESS = {
    "core:home": Expect(OK, anonymous=OK, why="the front page"),
    "core:about": Expect(OK, anonymous=OK, why="about the service"),
    "core:accessibility": Expect(
        OK, anonymous=OK, why="accessibility statement (must be reachable by anyone)"
    ),
    # The Django admin: site administrators only; everyone else is sent to sign in.
    "admin:*": Expect(LOGIN, site_admin=OK),
    "admin/*": Expect(LOGIN, site_admin=OK),  # old-style object addresses that redirect
    "admin/(?P<url>.*)$": Expect(LOGIN, site_admin=HIDDEN),  # the admin's catch-all for unknown addresses
    "admin:login": Expect(DENIED, site_admin=OK),  # anonymous visitors are handed to our sign-in page
    "admin:logout": Expect(
        OK, anonymous=OK, site_admin=NOT_ALLOWED, why="nothing to see; signs out on POST only"
    ),
    # Django answers 404 for a missing user here (other change pages redirect), so use a real one.
    "admin:auth_user_password_change": Expect(
        LOGIN, site_admin=OK, args=lambda world: {"id": world.people.learner.pk}
    ),
    "admin:autocomplete": Expect(LOGIN, site_admin=DENIED),
    "admin:view_on_site": Expect(LOGIN, site_admin=HIDDEN),
    # Records made only through services, never by hand in the admin:
    "admin:events_registration_add": Expect(LOGIN, site_admin=DENIED),
    "admin:django_tasks_database_dbtaskresult_add": Expect(LOGIN, site_admin=DENIED),
    "admin:django_tasks_database_dbtaskresult_delete": Expect(LOGIN, site_admin=DENIED),
    "core:healthz": Expect(
        OK,
        anonymous=OK,
        why="health check for load balancers: database and task queue state, no personal data",
    ),
}

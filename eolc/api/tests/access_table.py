"""Who may open each api page (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import DENIED, HIDDEN, INVALID, OK, Expect

ACCESS = {
    "api:openapi-json": Expect(OK, anonymous=OK, why="the API schema"),
    "api:openapi-view": Expect(OK, anonymous=OK, why="the API documentation"),
    "api:token_create": Expect(
        INVALID, anonymous=INVALID, why="exchanges an email and password for a token (POST only)"
    ),
    "api:me": Expect(OK),
    "api:person_create": Expect(
        DENIED,
        admin=OK,
        other_admin=OK,
        site_admin=OK,
        body=lambda w: {"email": "new.person@example.org", "full_name": "New Person", "sector": "health"},
    ),
    "api:api-root": Expect(HIDDEN, anonymous=HIDDEN),
}

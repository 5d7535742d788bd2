"""The access table: every URL pattern × role → the outcome it must give.

Each app declares its own part in `eolc/<app>/tests/access_table.py` as a dict `ACCESS`
(pattern name → `Expect`), so apps built in parallel never edit one shared file. The walk in
`test_url_permissions.py` collects every app's dict and fails on a registered pattern that no
app declares, naming the file where it belongs.

Roles are the people of the `people` fixture: `learner` owns the objects a declaration builds
(their registration, plan, reflection, certificate...), so another learner-level role seeing
them must get HIDDEN (404). `admin` runs the programme; `other_admin` runs another one.

Keys are pattern names (`events:detail`) or shell-style globs (`admin:*`); the exact name wins.
"""

import fnmatch
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps

OK = "ok"  # 2xx, or a redirect somewhere other than the sign-in page
LOGIN = "login"  # a redirect to the sign-in page, or 401 from the API
DENIED = "403"
HIDDEN = "404"
NOT_ALLOWED = "405"
INVALID = "invalid"  # 400 or 422: the request reached validation (API bodies, bad forms)
CONFLICT = "409"  # allowed, but the object is not in a state for it
OUTCOMES = {OK, LOGIN, DENIED, HIDDEN, NOT_ALLOWED, INVALID, CONFLICT}

ROLES = (
    "anonymous",
    "learner",
    "champion",
    "facilitator",
    "mentor",
    "admin",
    "other_admin",
    "commissioner",
    "site_admin",
)


@dataclass
class Expect:
    """What each role gets. Unnamed signed-in roles get `default`; anonymous gets LOGIN unless told.

    `method` is the one the walk uses for every role (POST-only views are walked with POST).
    `args(world)` returns URL keyword values for real objects; `body(world)` a POST/JSON body.
    `why` says, for anything open to anonymous visitors or refused to everyone, the reason.
    `get_writes` names tables a GET may write to, with the reason ({table: why}); keep it rare.
    """

    default: str
    anonymous: str = LOGIN
    method: str = "get"
    args: Callable | None = None
    body: Callable | None = None
    why: str = ""
    get_writes: dict = field(default_factory=dict)
    roles: dict = field(default_factory=dict)

    def __init__(
        self,
        default,
        *,
        anonymous=LOGIN,
        method="get",
        args=None,
        body=None,
        why="",
        get_writes=None,
        **roles,
    ):
        unknown = set(roles) - set(ROLES)
        assert not unknown, f"unknown roles {unknown}; roles are {ROLES}"
        for outcome in [default, anonymous, *roles.values()]:
            assert outcome in OUTCOMES, f"unknown outcome {outcome!r}"
        self.default, self.anonymous, self.method = default, anonymous, method
        self.args, self.body, self.why, self.roles = args, body, why, roles
        self.get_writes = get_writes or {}

    def outcome(self, role):
        if role == "anonymous":
            return self.anonymous
        return self.roles.get(role, self.default)


def public(why, **roles):
    """Open to everyone, signed in or not."""
    return Expect(OK, anonymous=OK, why=why, **roles)


def signed_in(**kwargs):
    """Any signed-in person; anonymous visitors are sent to sign in."""
    return Expect(OK, **kwargs)


def staff_only(*allowed, refused=DENIED, **kwargs):
    """Only the named roles (and site admins) may use it; other signed-in people get `refused`."""
    roles = {role: OK for role in (*allowed, "site_admin")}
    roles.update(kwargs.pop("roles", {}))
    return Expect(refused, **roles, **kwargs)


class World:
    """The objects a walk request needs, built on first use and shared by the roles of one test."""

    def __init__(self, people, programme, other_programme):
        self.people, self.programme, self.other_programme = people, programme, other_programme
        self._built = {}

    def once(self, key, build):
        if key not in self._built:
            self._built[key] = build()
        return self._built[key]


def _our_apps():
    return [config for config in apps.get_app_configs() if config.name.startswith("eolc.")]


def collect():
    """Every app's ACCESS dict merged; two apps declaring the same key is an error."""
    table, origin = {}, {}
    for config in _our_apps():
        try:
            module = importlib.import_module(f"{config.name}.tests.access_table")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tests.access_table" and error.name != f"{config.name}.tests":
                raise
            continue
        for key, expect in module.ACCESS.items():
            assert key not in table, f"{key} is declared in both {origin[key]} and {module.__name__}"
            table[key], origin[key] = expect, module.__name__
    return table


def lookup(table, key):
    if key in table:
        return table[key]
    matches = [pattern for pattern in table if "*" in pattern and fnmatch.fnmatchcase(key, pattern)]
    return table[max(matches, key=len)] if matches else None


def declaring_file(endpoint):
    """Where a pattern's row belongs: the app that owns the view (API routers: the app they serve)."""
    labels = {config.label: config for config in _our_apps()}
    module = endpoint.view_module
    app = None
    if module.startswith("eolc.api.") and module != "eolc.api.api":
        app = module.split(".")[2]
    elif module.startswith("eolc."):
        app = module.split(".")[1]
    elif ":" in endpoint.key and endpoint.key.split(":")[0] in labels:
        app = endpoint.key.split(":")[0]
    elif module.startswith("allauth."):
        app = "accounts"  # our accounts app owns the allauth integration
    else:
        app = "core"
    return f"eolc/{app}/tests/access_table.py"

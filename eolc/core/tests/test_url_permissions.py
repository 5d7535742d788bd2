"""The permission walk: every registered URL pattern × every role, against the declared table.

The walk reads `django.urls.get_resolver()` recursively, so it covers our apps, allauth, the
admin and each JSON API operation, and picks up every pattern added later without being told.
Each pattern must have a row in some app's `eolc/<app>/tests/access_table.py` (`ACCESS`, see
`eolc/core/tests/walk.py`) saying what anonymous visitors, learners, champions, facilitators,
mentors, the programme's admin, another programme's admin, commissioners and site admins get:
allowed, 403, 404, 405, 400/422 or a redirect to sign in. Along the way the walk checks that:

- no GET writes to the database (sessions, the cache and the audit log aside),
- every HTML response carries a Content-Security-Policy without 'unsafe-inline',
- nothing answers with a server error (the test client re-raises exceptions),
- an anonymous POST to anything not open to anonymous visitors is refused.

**Adding a view?** `test_every_pattern_is_declared` names the file where its row belongs. If the
walk cannot build a URL for a new converter or regex group, add a plausible value to `VALUES`,
or give the row `args=` that build a real object.
"""

import json
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from conftest import make_people
from eolc.accounts import services as account_services
from eolc.accounts.models import ApiToken
from eolc.accounts.tests.factories import UserFactory
from eolc.core.tests import walk
from eolc.programmes.tests.factories import ProgrammeFactory

# Values for URL converters and regex groups, by parameter name. `slug` is filled in per test
# with a real programme, so detail pages are exercised on an object that exists.
VALUES = {
    "slug": None,
    "id": "1",
    "pk": "1",
    "object_id": "1",
    "content_type_id": "1",
    "key": "MQ:1tGmVe:not-a-real-key",
    "uidb36": "1",
    "app_label": "accounts",
    "url": "no-such-page/",
}
DEFAULT_BY_CONVERTER = {
    "int": "1",
    "str": "example",
    "slug": "example",
    "path": "example/path",
    "uuid": "2f1e3c4b-5a69-4788-9a0b-1c2d3e4f5a6b",
}
REDIRECTS = {301, 302, 303, 307, 308}
REFUSALS = {401, 403, 404, 405}


def _walk(patterns, chain=(), namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, (*chain, entry.pattern), inner)
        else:
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield (*chain, entry.pattern), entry, name


def _segment(pattern, values):
    text = str(pattern)
    if isinstance(pattern, RoutePattern):

        def fill(match):
            converter, name = match.group(1) or "str", match.group(2)
            return values.get(name) or DEFAULT_BY_CONVERTER[converter]

        return re.sub(r"<(?:(\w+):)?(\w+)>", fill, text)
    # A regex pattern: fill each named group, drop the anchors.
    filled = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda match: values[match.group(1)], text)
    return filled.removeprefix("^").removesuffix("$")


def _ninja_operation(pattern):
    """The django-ninja operation behind an API pattern (one pattern per operation, shared view)."""
    for cell in getattr(pattern.callback, "__closure__", None) or ():
        path_view = cell.cell_contents
        for operation in getattr(path_view, "operations", ()):
            if (getattr(operation, "url_name", None) or operation.view_func.__name__) == pattern.name:
                return operation
    return None


class Endpoint:
    def __init__(self, chain, pattern, name):
        self.chain, self.pattern, self.name = chain, pattern, name
        self.route = "".join(str(part) for part in chain)
        self.operation = _ninja_operation(pattern)
        view = self.operation.view_func if self.operation else pattern.callback
        self.view_module = getattr(view, "__module__", "") or ""
        if self.view_module == "functools":  # ninja's partial views (schema, docs)
            self.view_module = "eolc.api.api"

    @property
    def key(self):
        return self.name or self.route

    @property
    def is_api(self):
        return self.route.startswith("api/")

    def url(self, slug, args=None):
        values = {**VALUES, "slug": slug, **{name: str(value) for name, value in (args or {}).items()}}
        return "/" + "".join(_segment(part, values) for part in self.chain)

    def __repr__(self):
        return self.key


ENDPOINTS = [Endpoint(*found) for found in _walk(get_resolver().url_patterns)]
TABLE = walk.collect()


def endpoint_url(endpoint, slug, args=None):
    """A concrete URL for the pattern, checked to resolve back to that very pattern."""
    url = endpoint.url(slug, args)
    match = resolve(url)
    # django-ninja adds one pattern per method on a path (GET and POST /events); they share the route
    # and the view behind them dispatches on the method, so the first one resolving is the same view.
    same_view = match.func is endpoint.pattern.callback or match.route == endpoint.route
    assert same_view, f"{url} resolves to {match.route}, not {endpoint.route}"
    return url


def assert_refused(client, method, url):
    response = getattr(client, method)(url)
    if response.status_code in REDIRECTS:
        final = getattr(client, method)(url, follow=True)
        landed = final.request["PATH_INFO"]
        assert landed == reverse("account_login"), (
            f"{method.upper()} {url} redirects to {response['Location']}, "
            f"ending on {landed}, not the sign-in page"
        )
        assert final.status_code == 200
        return
    assert response.status_code in REFUSALS, (
        f"{method.upper()} {url} answered {response.status_code} to anonymous"
    )


def test_the_walk_covers_our_apps_allauth_admin_and_the_api():
    names = {endpoint.name for endpoint in ENDPOINTS}
    assert len(ENDPOINTS) >= 100
    assert {
        "core:home",
        "programmes:detail",
        "programmes:people",
        "accounts:profile_edit",
        "account_login",
        "mfa_activate_totp",
        "api:person_create",
        "api:me",
        "admin:index",
        "admin:accounts_user_change",
    } <= names


def test_every_pattern_is_declared_in_an_access_table():
    missing = [endpoint for endpoint in ENDPOINTS if walk.lookup(TABLE, endpoint.key) is None]
    assert not missing, "These URL patterns have no row in any access table:\n" + "\n".join(
        f"  {endpoint.key} ({endpoint.route}): declare it in {walk.declaring_file(endpoint)} "
        "as ACCESS[name] = Expect(...) (see eolc/core/tests/walk.py)"
        for endpoint in missing
    )


def test_no_access_table_row_is_stale():
    """A row for a pattern that no longer exists would mislead the reader."""
    keys = {endpoint.key for endpoint in ENDPOINTS}
    stale = [
        key
        for key in TABLE
        if key not in keys and not ("*" in key and any(walk.lookup({key: 1}, name) for name in keys))
    ]
    assert not stale, f"access table rows for patterns that do not exist: {stale}"


def test_rows_open_to_anonymous_visitors_say_why():
    unexplained = [key for key, expect in TABLE.items() if expect.anonymous == walk.OK and not expect.why]
    assert not unexplained, f"say why anonymous visitors may open: {unexplained}"


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=repr)
def test_anonymous_posts_are_refused_unless_open(client, walk_world, endpoint):
    expect = walk.lookup(TABLE, endpoint.key)
    if expect is None:
        pytest.skip("undeclared: test_every_pattern_is_declared_in_an_access_table reports it")
    url = endpoint_url(endpoint, walk_world.programme.slug)
    if expect.anonymous in {walk.OK, walk.INVALID}:
        assert client.post(url).status_code < 500
        return
    assert_refused(client, "post", url)


EXCLUDED_FROM_WRITE_CHECK = {
    "django_session": "sessions are the sign-in state itself",
    "eolc_cache": "the cache (rate limits, cached pages)",
    "core_stampvalue": "generation stamps, made by the first request to read them (ADR 020)",
    "audit_event": "the audit log records views of personal data and refusals by design",
}
WRITE_VERBS = ("insert", "update", "delete", "replace")


class WriteRecorder:
    """A connection execute_wrapper that notes every write to a table outside the exclusions."""

    def __init__(self, allowed=()):
        self.writes = []
        self.allowed = {*EXCLUDED_FROM_WRITE_CHECK, *allowed}

    def __call__(self, execute, sql, params, many, context):
        statement = sql.lstrip().lower()
        if statement.startswith(WRITE_VERBS) and not any(
            f'"{table}"' in statement or f" {table} " in statement for table in self.allowed
        ):
            self.writes.append(sql[:160])
        return execute(sql, params, many, context)


ADMIN_ROLES = ("anonymous", "learner", "other_admin", "site_admin")


def classify(response):
    status = response.status_code
    if status in REDIRECTS:
        target = urlsplit(response["Location"]).path
        # The admin's own sign-in page hands over to ours (secure_admin_login in eolc/urls.py).
        return walk.LOGIN if target in {reverse("account_login"), reverse("admin:login")} else walk.OK
    if 200 <= status < 300:
        return walk.OK
    return {
        401: walk.LOGIN,
        403: walk.DENIED,
        404: walk.HIDDEN,
        405: walk.NOT_ALLOWED,
        400: walk.INVALID,
        409: walk.CONFLICT,
        422: walk.INVALID,
    }.get(status, str(status))


@pytest.fixture(scope="module")
def walk_world(django_db_setup, django_db_blocker):
    """The programmes, one person per role, their sessions and API tokens, made once for the walk.

    Made the way TestCase.setUpTestData does it: in a transaction that stays open while this
    module's tests run (each test's own transaction nests inside it) and is rolled back at the end.
    Signing nine people in again for each of a thousand addresses was most of the walk's time.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            programme = ProgrammeFactory(title="Walk: North London working together")
            other_programme = ProgrammeFactory(title="Walk: another programme")
            people = make_people(programme, other_programme)
        sessions, tokens = {}, {}
        for role in walk.ROLES:
            if role == "anonymous":
                continue
            person = getattr(people, role)
            signed_in = Client()
            signed_in.force_login(person)
            sessions[role] = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
            tokens[role] = account_services.api_token_issue(person=person)
        yield SimpleNamespace(
            people=people,
            programme=programme,
            other_programme=other_programme,
            sessions=sessions,
            tokens=tokens,
        )
        transaction.set_rollback(True)


def _client_for(role, world, endpoint):
    """A fresh client each time, so a response that signs out or sets cookies cannot leak into the next."""
    client = Client()
    if role == "anonymous":
        return client
    if endpoint.is_api:
        # Using a token stamps it when its last stamp is old; stamp it now (outside the recorded
        # request) so the walk sees only the view's own writes, however long the walk has run.
        ApiToken.objects.filter(user=getattr(world.people, role)).update(last_used_at=timezone.now())
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {world.tokens[role]}"
    else:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


def _request(client, endpoint, method, url, body):
    if endpoint.is_api and method != "get":
        return getattr(client, method)(url, data=json.dumps(body or {}), content_type="application/json")
    return getattr(client, method)(url, data=body or {})


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=repr)
def test_each_role_gets_what_the_access_table_declares(walk_world, endpoint):
    expect = walk.lookup(TABLE, endpoint.key)
    if expect is None:
        pytest.skip("undeclared: test_every_pattern_is_declared_in_an_access_table reports it")
    programme = walk_world.programme
    world = walk.World(walk_world.people, programme, walk_world.other_programme)
    args = expect.args(world) if expect.args else None
    body = expect.body(world) if expect.body else None
    url = endpoint_url(endpoint, programme.slug, args)
    method = expect.method
    if endpoint.operation is not None:
        method = endpoint.operation.methods[0].lower()
    wrong, problems = [], []
    # The Django admin treats every signed-in person who is not staff the same: fewer roles suffice.
    roles = ADMIN_ROLES if endpoint.route.startswith("admin/") else walk.ROLES
    for role in roles:
        client = _client_for(role, walk_world, endpoint)
        recorder = WriteRecorder(allowed=expect.get_writes)
        with transaction.atomic():
            with connection.execute_wrapper(recorder):
                response = _request(client, endpoint, method, url, body)
            # Each role starts from the same data: whatever a POST changed is undone.
            transaction.set_rollback(True)
        got = classify(response)
        if got != expect.outcome(role):
            wrong.append(f"{role}: expected {expect.outcome(role)}, got {got} ({response.status_code})")
        if method == "get" and recorder.writes:
            problems.append(f"GET by {role} wrote to the database: {recorder.writes}")
        if response.get("Content-Type", "").startswith("text/html"):
            policy = response.get("Content-Security-Policy", "")
            if not policy or "unsafe-inline" in policy:
                problems.append(
                    f"{role}: Content-Security-Policy missing or allows unsafe-inline: {policy!r}"
                )
    assert not wrong and not problems, f"{method.upper()} {url} ({endpoint.key}):\n" + "\n".join(
        wrong + problems
    )


@pytest.mark.django_db
def test_public_pages_really_open_for_anonymous_visitors(client, programme):
    for name in [
        "core:home",
        "core:about",
        "core:accessibility",
        "account_login",
        "account_signup",
    ]:
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("account_reset_password")).status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("learner", 403),
        ("champion", 403),
        ("commissioner", 403),
        ("facilitator", 403),
        ("mentor", 403),
        ("outsider", 403),
        ("admin", 200),
        ("other_admin", 200),
        ("site_admin", 200),
    ],
)
def test_only_administrators_see_the_people_list(people, role, status):
    client = Client()
    client.force_login(getattr(people, role))
    assert client.get(reverse("programmes:people")).status_code == status


@pytest.mark.django_db
def test_a_programme_admin_sees_only_members_of_programmes_they_run(people):
    stranger = UserFactory()
    client = Client()
    client.force_login(people.admin)
    shown = set(client.get(reverse("programmes:people")).context["page"].object_list)
    assert {people.learner, people.champion, people.commissioner, people.admin} <= shown
    assert people.other_admin not in shown
    assert people.outsider not in shown
    assert stranger not in shown


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("outsider", 404),
        ("other_admin", 404),
        ("learner", 200),
        ("commissioner", 200),
        ("admin", 200),
        ("site_admin", 200),
    ],
)
def test_a_programme_page_is_404_for_outsiders_and_200_for_members(people, programme, role, status):
    client = Client()
    client.force_login(getattr(people, role))
    response = client.get(reverse("programmes:detail", args=[programme.slug]))
    assert response.status_code == status
    if status == 200:
        assert programme.title in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_programme_is_the_same_404_as_a_hidden_one(people, other_programme):
    client = Client()
    client.force_login(people.learner)
    hidden = client.get(reverse("programmes:detail", args=[other_programme.slug]))
    unknown = client.get(reverse("programmes:detail", args=["no-such-programme"]))
    assert hidden.status_code == unknown.status_code == 404
    assert other_programme.title not in hidden.content.decode()

"""The permission walk: every registered URL pattern, requested by someone who is not signed in.

The walk reads `django.urls.get_resolver()` recursively, so it covers our apps, allauth,
the admin and the JSON API, and picks up every pattern added later without being told.
A pattern is either on the PUBLIC list below (with the reason anonymous visitors may open
it) or it must refuse an anonymous GET and POST with one of:

- a redirect that ends on the sign-in page,
- 401, 403, 404 or 405.

Never 200 and never a server error (the test client re-raises exceptions, so a 500 fails).

**Adding a view?** If its pattern is not listed here and it answers 200 to an anonymous
request, `test_anonymous_requests_are_refused_unless_public` fails. Either protect the view
(`login_required`, an access helper, API auth) or, if it really is public, add it to PUBLIC
with the reason. If the walk cannot build a URL for a new converter or regex group, add a
plausible value to `VALUES`.
"""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern

from eolc.accounts.tests.factories import UserFactory

# Pattern name (namespaced) -> why an anonymous visitor may open it.
PUBLIC = {
    "core:home": "the front page",
    "core:about": "about the service",
    "core:accessibility": "accessibility statement (must be reachable by anyone)",
    "core:healthz": "health check for load balancers: database and task queue state, no personal data",
    "account_login": "the sign-in page",
    "account_signup": "create an account",
    "account_logout": "signed-out visitors are sent to the home page",
    "account_inactive": "explains that an account is closed, shown after a refused sign-in",
    "account_email_verification_sent": "'check your email' after signing up",
    "account_confirm_email": "the link in the confirmation email; the key is the credential",
    "account_reset_password": "ask for a password reset email",
    "account_reset_password_done": "'check your email' after asking for a reset",
    "account_reset_password_from_key": "the link in the reset email; the key is the credential",
    "account_reset_password_from_key_done": "'your password has been changed'",
    "api:openapi-json": "the API schema",
    "api:openapi-view": "the API documentation",
    "api:token_create": "exchanges an email and password for a token (POST only)",
    "events:calendar": "the public calendar of events",
    "events:detail": "a published event's page (drafts answer 404)",
    "events:event_ics": "a published event as a calendar file",
    "events:public_feed": "the public calendar feed of published events",
    "events:personal_feed": "a person's calendar feed; the secret token in the address is the credential",
    "action_plans:link_update": (
        "the one-time progress link from a reminder email; the signed token (one action, one use, expiring) "
        "is the credential, and a forged or used token answers 404"
    ),
    "curriculum:verify": "anyone may check a certificate's code: name, part, date, hours, validity",
    "api:certificate_verify": "the same certificate check for integrations",
}

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


class Endpoint:
    def __init__(self, chain, pattern, name):
        self.chain, self.pattern, self.name = chain, pattern, name
        self.route = "".join(str(part) for part in chain)

    @property
    def key(self):
        return self.name or self.route

    def url(self, slug):
        values = {**VALUES, "slug": slug}
        return "/" + "".join(_segment(part, values) for part in self.chain)

    def __repr__(self):
        return self.key


ENDPOINTS = [Endpoint(*found) for found in _walk(get_resolver().url_patterns)]


def endpoint_url(endpoint, slug):
    """A concrete URL for the pattern, checked to resolve back to that very pattern."""
    url = endpoint.url(slug)
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
    # A stale entry in PUBLIC would hide nothing, but it would mislead the reader.
    assert set(PUBLIC) <= names, set(PUBLIC) - names


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=repr)
def test_anonymous_requests_are_refused_unless_public(client, programme, endpoint, method):
    url = endpoint_url(endpoint, programme.slug)
    if endpoint.key in PUBLIC:
        response = getattr(client, method)(url)
        assert response.status_code < 500
        return
    assert_refused(client, method, url)


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
def test_a_signed_in_learner_never_gets_a_server_error_or_the_admin(people, programme):
    client = Client()
    client.force_login(people.learner)
    for endpoint in ENDPOINTS:
        url = endpoint_url(endpoint, programme.slug)
        response = client.get(url)
        assert response.status_code < 500, url
        if endpoint.key.startswith("admin:") or endpoint.route.startswith("admin/"):
            assert response.status_code != 200, f"a learner opened {url}"


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

"""Production settings, start-up refusals, security headers and cookies.

Settings are read once per process, so production configurations are tried in a
subprocess with their own environment.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.core.tests.test_url_permissions import ENDPOINTS, endpoint_url

PROJECT_DIR = Path(__file__).resolve().parents[3]
# Variables a developer may have exported that would change what the subprocess sees.
SETTINGS_VARIABLES = [
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "REDIS_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "EMAIL_BACKEND",
    "TASKS_BACKEND",
    "MFA_REQUIRED_FOR_STAFF",
    "NUM_PROXIES",
    # Set by the browser-test plugin while Playwright runs; never present in deployment.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]


def run_django(tmp_path, *args, **env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="eolc.settings", **env_overrides)
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**overrides):
    env = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "example.org",
    }
    env.update(overrides)
    return env


# --- Start-up ------------------------------------------------------------------------------


def test_check_deploy_finds_no_issues_in_production_settings(tmp_path):
    result = run_django(
        tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING", **production_env()
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output
    assert "WARNINGS" not in output


def test_development_settings_would_fail_check_deploy(tmp_path):
    """The check above can fail: with DEBUG on, --deploy reports issues."""
    result = run_django(tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING", DEBUG="true")
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    env = production_env()
    del env["SECRET_KEY"]
    result = run_django(tmp_path, "manage.py", "check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is false" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_production_without_allowed_hosts_refuses_to_start(tmp_path):
    env = production_env()
    del env["ALLOWED_HOSTS"]
    result = run_django(tmp_path, "manage.py", "check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set when DEBUG is false" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"), [("DEBUG", "yes"), ("SESSION_COOKIE_AGE", "8h"), ("NUM_PROXIES", "one")]
)
def test_a_misspelt_setting_refuses_to_start(tmp_path, name, value):
    result = run_django(tmp_path, "manage.py", "check", **production_env(**{name: value}))
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {name} must be" in result.stderr


def test_production_cookies_are_secure_and_host_only(tmp_path):
    names = {
        "session": "SESSION_COOKIE_NAME",
        "csrf": "CSRF_COOKIE_NAME",
        "session_secure": "SESSION_COOKIE_SECURE",
        "csrf_secure": "CSRF_COOKIE_SECURE",
        "hsts": "SECURE_HSTS_SECONDS",
        "ssl": "SECURE_SSL_REDIRECT",
        "demo": "DEMO_SIGN_INS_ALLOWED",
        "proxies": "NINJA_NUM_PROXIES",
    }
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{key: getattr(settings, name) for key, name in {names!r}.items()}}))"
    )
    result = run_django(tmp_path, "-c", script, **production_env())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "session": "__Host-sessionid",
        "csrf": "__Host-csrftoken",
        "session_secure": True,
        "csrf_secure": True,
        "hsts": 31536000,
        "ssl": True,
        "demo": False,
        "proxies": 0,
    }


# --- Headers -------------------------------------------------------------------------------


def _directives(policy):
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_security_headers(response, url):
    policy = response.get("Content-Security-Policy")
    assert policy, f"{url}: no Content-Security-Policy"
    directives = _directives(policy)
    script_src = directives.get("script-src", directives.get("default-src"))
    assert script_src, f"{url}: no script-src"
    assert "'unsafe-inline'" not in script_src, url
    assert "'unsafe-eval'" not in script_src, url
    assert "'unsafe-inline'" not in directives.get("style-src", []), url
    assert directives.get("frame-ancestors") == ["'none'"], url
    assert directives.get("object-src") == ["'none'"], url
    assert response.get("X-Content-Type-Options") == "nosniff", url
    assert response.get("Referrer-Policy") == "same-origin", url
    assert response.get("X-Frame-Options") == "DENY", url
    permissions = response.get("Permissions-Policy", "")
    assert "camera=()" in permissions and "geolocation=()" in permissions, url


def assert_no_inline_script(html, url):
    """The CSP refuses inline scripts, so a page that relies on one is broken."""
    for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S | re.I):
        if "src=" in attributes or 'type="application/json"' in attributes:
            continue
        assert not body.strip(), f"{url}: inline <script> would be refused by the CSP"
    assert not re.search(r"\son[a-z]+\s*=\s*[\"']", html, flags=re.I), f"{url}: inline event handler"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "learner", "admin", "site_admin"])
def test_every_html_response_carries_the_security_headers(people, programme, who):
    client = Client()
    if who != "anonymous":
        client.force_login(getattr(people, who))
    html_pages = 0
    for endpoint in ENDPOINTS:
        url = endpoint_url(endpoint, programme.slug)
        response = client.get(url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html_pages += 1
        assert_security_headers(response, url)
        if response.status_code == 200 and not url.startswith("/admin/") and "/docs" not in url:
            assert_no_inline_script(response.content.decode(), url)
    # Error pages are HTML responses too.
    for url in ["/no-such-page/", "/programmes/no-such-programme/"]:
        response = client.get(url)
        assert response.status_code in {302, 404}
        if response.status_code == 404:
            assert_security_headers(response, url)
    assert html_pages >= 20


@pytest.mark.django_db
def test_json_responses_carry_the_headers_too(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.get("X-Content-Type-Options") == "nosniff"
    assert response.get("X-Frame-Options") == "DENY"
    assert response.get("Content-Security-Policy")


# --- Cookies -------------------------------------------------------------------------------


def cookie_names(response):
    return set(response.cookies.keys())


@pytest.mark.django_db
def test_pages_set_only_the_session_and_csrf_cookies(client):
    allowed = {django_settings.SESSION_COOKIE_NAME, django_settings.CSRF_COOKIE_NAME}
    assert allowed == {"sessionid", "csrftoken"}  # test settings run with DEBUG on
    person = UserFactory()
    seen = set()

    def check(response, what):
        names = cookie_names(response)
        assert names <= allowed, f"{what} set {names - allowed}"
        seen.update(names)
        for name in names:
            morsel = response.cookies[name]
            assert morsel["httponly"], f"{name} is readable from JavaScript"
            assert morsel["samesite"] in {"Lax", "Strict"}, name
        return response

    check(client.get(reverse("core:home")), "home")
    check(client.get(reverse("account_login")), "sign-in page")
    refused = check(
        client.post(reverse("account_login"), {"login": person.email, "password": "wrong-password"}),
        "refused sign-in",
    )
    assert refused.status_code == 200
    signed_in = check(
        client.post(reverse("account_login"), {"login": person.email, "password": TEST_PASSWORD}),
        "sign-in",
    )
    assert signed_in.status_code == 302
    dashboard = check(client.get(reverse("programmes:dashboard")), "dashboard")
    assert dashboard.status_code == 200
    # Messages live in the session, never in a cookie of their own.
    check(client.post("/profile/delete/", {}), "a form with errors")
    check(client.post(reverse("account_logout")), "sign-out")
    assert django_settings.SESSION_COOKIE_NAME in seen
    assert django_settings.CSRF_COOKIE_NAME in seen

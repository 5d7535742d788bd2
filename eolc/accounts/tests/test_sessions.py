"""Sign-in limits, session rotation and endings, timeouts and production cookie settings."""

import time

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from eolc.accounts.middleware import SEEN_AT, SIGNED_IN_AT
from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory

TOKEN_URL = "/api/v1/auth/token"


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits live in the cache; each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


def sign_in(client, email, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def token(client, email, password):
    return client.post(TOKEN_URL, {"email": email, "password": password}, content_type="application/json")


@pytest.mark.django_db
def test_five_failed_sign_ins_lock_the_address_even_for_the_right_password():
    person = UserFactory()
    client = Client()
    for _ in range(5):
        assert "too many" not in sign_in(client, person.email, "wrong-password").content.decode().lower()
    locked = sign_in(Client(REMOTE_ADDR="198.51.100.7"), person.email)
    assert locked.status_code == 200  # the form again, not a redirect into the site
    assert "too many failed login attempts" in locked.content.decode().lower()
    assert "_auth_user_id" not in Client().session


@pytest.mark.django_db
def test_the_lockout_is_shared_by_the_sign_in_form_and_the_api_token_endpoint():
    person = UserFactory()
    for n in range(5):
        sign_in(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), person.email, "wrong-password")
    refused = token(Client(REMOTE_ADDR="198.51.100.99"), person.email, TEST_PASSWORD)
    assert refused.status_code == 429
    assert "try again later" in refused.json()["detail"].lower()


@pytest.mark.django_db
def test_the_api_locks_an_unknown_address_exactly_like_a_known_one():
    person = UserFactory()
    replies = {}
    for email in (person.email, "nobody@example.org"):
        statuses = [
            token(Client(REMOTE_ADDR=f"203.0.113.{n + 1}"), email, "wrong-password").status_code
            for n in range(6)
        ]
        replies[email] = statuses
    assert replies[person.email] == replies["nobody@example.org"] == [401] * 5 + [429]


@pytest.mark.django_db
def test_password_reset_answers_alike_for_unknown_and_known_addresses_and_is_limited():
    person = UserFactory()
    url = reverse("account_reset_password")
    known = Client().post(url, {"email": person.email})
    unknown = Client().post(url, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    client = Client()
    for _ in range(3):
        client.post(url, {"email": person.email})
    sent = len(mail.outbox)
    limited = client.post(url, {"email": person.email})
    assert len(mail.outbox) == sent  # no fourth email within five minutes
    assert limited.status_code in {200, 429}


@pytest.mark.django_db
def test_signing_in_rotates_the_session_key():
    person = UserFactory()
    client = Client()
    client.get(reverse("account_login"))
    client.session.save()
    before = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    sign_in(client, person.email)
    after = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert before != after
    assert not Session.objects.filter(session_key=before).exists()


@pytest.mark.django_db
def test_signing_out_ends_the_session_on_the_server():
    person = UserFactory()
    client = Client()
    sign_in(client, person.email)
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=key).exists()
    # The old cookie, replayed, is not signed in.
    replay = Client()
    replay.cookies[django_settings.SESSION_COOKIE_NAME] = key
    assert replay.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.django_db
def test_changing_the_password_ends_every_other_session():
    person = UserFactory()
    here, elsewhere = Client(), Client()
    sign_in(here, person.email)
    sign_in(elsewhere, person.email)
    old_key = here.cookies[django_settings.SESSION_COOKIE_NAME].value
    response = here.post(
        reverse("account_change_password"),
        {
            "oldpassword": TEST_PASSWORD,
            "password1": "a-new-long-passphrase",
            "password2": "a-new-long-passphrase",
        },
    )
    assert response.status_code == 302
    assert elsewhere.get(reverse("accounts:profile")).status_code == 302  # sent to sign in
    assert here.get(reverse("accounts:profile")).status_code == 200
    assert here.cookies[django_settings.SESSION_COOKIE_NAME].value != old_key


def _age(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for name, ago in seconds_ago.items():
        session[name] = now - ago
    session.save()


@pytest.mark.django_db
def test_an_idle_session_ends(settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    person = UserFactory()
    client = Client()
    sign_in(client, person.email)
    _age(client, **{SEEN_AT: 300, SIGNED_IN_AT: 300})
    assert client.get(reverse("accounts:profile")).status_code == 200
    _age(client, **{SEEN_AT: 601})
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.django_db
def test_a_busy_session_still_ends_at_the_absolute_limit(settings):
    settings.SESSION_ABSOLUTE_TIMEOUT = 3600
    person = UserFactory()
    client = Client()
    sign_in(client, person.email)
    _age(client, **{SIGNED_IN_AT: 3601, SEEN_AT: 5})
    response = client.get(reverse("accounts:profile"))
    assert response["Location"].startswith(reverse("account_login"))

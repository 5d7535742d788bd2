"""Two-factor sign-in for staff roles, and demo accounts refused unless demo sign-ins are on.

People sign in through the real allauth form here (not `force_login`), so the whole flow
is exercised: password, then the TOTP step for those who have an authenticator.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory

ACTIVATE_TOTP = "/accounts/2fa/totp/activate/"


def member(role, programme, **kwargs):
    person = UserFactory(**kwargs)
    MembershipFactory(programme=programme, person=person, role=role)
    return person


def sign_in(client, person, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": person.email, "password": password})


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def reauthenticate(client, next_url=ACTIVATE_TOTP):
    """allauth asks for the password again before an authenticator is added."""
    page = client.get(next_url)
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(page["Location"], {"password": TEST_PASSWORD})
    assert response.status_code == 302, response.content


def current_code(secret):
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.FACILITATOR, Role.MENTOR])
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, programme, role):
    person = member(role, programme)
    response = sign_in(client, person)
    assert response.status_code == 302
    assert signed_in_as(client) == str(person.pk)
    response = client.get(reverse("programmes:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE_TOTP)
    assert "next=/dashboard/" in response["Location"]
    # Every other page of the site sends them there too, but setting it up is allowed.
    assert client.get(reverse("programmes:detail", args=[programme.slug]))["Location"].startswith(
        ACTIVATE_TOTP
    )
    assert client.get(reverse("accounts:profile"))["Location"].startswith(ACTIVATE_TOTP)
    reauthenticate(client)
    assert client.get(ACTIVATE_TOTP).status_code == 200


@pytest.mark.django_db
def test_a_site_admin_without_an_authenticator_cannot_open_the_admin(client):
    person = UserFactory(is_staff=True, is_superuser=True)
    sign_in(client, person)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE_TOTP)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.LEARNER, Role.CHAMPION, Role.COMMISSIONER])
def test_roles_that_see_no_personal_data_are_not_asked_for_two_factor(client, programme, role):
    person = member(role, programme)
    sign_in(client, person)
    assert signed_in_as(client) == str(person.pk)
    assert client.get(reverse("programmes:dashboard")).status_code == 200


@pytest.mark.django_db
def test_a_programme_admin_reaches_the_dashboard_once_totp_is_active(client, programme):
    person = member(Role.ADMIN, programme)
    sign_in(client, person)
    assert client.get(reverse("programmes:dashboard")).status_code == 302
    TOTP.activate(person, generate_totp_secret())
    assert client.get(reverse("programmes:dashboard")).status_code == 200


@pytest.mark.django_db
def test_the_activation_page_turns_on_totp_with_a_valid_code(client, programme):
    person = member(Role.ADMIN, programme)
    sign_in(client, person)
    reauthenticate(client)
    page = client.get(ACTIVATE_TOTP)
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(ACTIVATE_TOTP, {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("programmes:dashboard")).status_code == 200


@pytest.mark.django_db
def test_staff_with_totp_must_give_a_code_after_their_password(client, programme):
    person = member(Role.ADMIN, programme)
    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    response = sign_in(client, person)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    # The password alone signs no one in.
    assert signed_in_as(client) is None
    assert client.get(reverse("programmes:dashboard")).status_code == 302
    # A wrong code neither.
    wrong = client.post(
        reverse("mfa_authenticate"),
        {"code": "000000" if current_code(secret) != "000000" else "111111"},
    )
    assert wrong.status_code == 200
    assert signed_in_as(client) is None
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert signed_in_as(client) == str(person.pk)
    assert client.get(reverse("programmes:dashboard")).status_code == 200


@pytest.mark.django_db
def test_the_admin_sign_in_form_cannot_be_used_to_skip_the_second_factor(client):
    """Django admin's own login form would sign a site admin in with just a password."""
    person = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(person, generate_totp_secret())
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    response = client.post(
        "/admin/login/?next=/admin/", {"username": person.email, "password": TEST_PASSWORD}
    )
    assert signed_in_as(client) is None
    assert client.get("/admin/").status_code == 302


# --- Demo accounts ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_demo_account_cannot_sign_in_when_demo_sign_ins_are_off(client, settings):
    settings.DEMO_SIGN_INS_ALLOWED = False
    demo = UserFactory(is_demo=True)
    response = sign_in(client, demo)
    assert signed_in_as(client) is None
    # The form says the details are wrong, as for any other refused sign-in.
    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get(reverse("programmes:dashboard")).status_code == 302


@pytest.mark.django_db
def test_a_demo_account_signs_in_when_demo_sign_ins_are_on(client, settings):
    settings.DEMO_SIGN_INS_ALLOWED = True
    demo = UserFactory(is_demo=True)
    response = sign_in(client, demo)
    assert response.status_code == 302
    assert signed_in_as(client) == str(demo.pk)
    assert client.get(reverse("programmes:dashboard")).status_code == 200


@pytest.mark.django_db
def test_a_demo_session_ends_when_demo_sign_ins_are_switched_off(client, settings):
    settings.DEMO_SIGN_INS_ALLOWED = True
    demo = UserFactory(is_demo=True)
    sign_in(client, demo)
    assert client.get(reverse("programmes:dashboard")).status_code == 200
    settings.DEMO_SIGN_INS_ALLOWED = False
    response = client.get(reverse("programmes:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_a_real_account_signs_in_whether_or_not_demo_sign_ins_are_allowed(client, settings):
    settings.DEMO_SIGN_INS_ALLOWED = False
    person = UserFactory()
    sign_in(client, person)
    assert signed_in_as(client) == str(person.pk)


@pytest.mark.django_db
def test_a_closed_account_is_shown_the_inactive_page(client):
    person = UserFactory(is_active=False)
    response = sign_in(client, person)
    assert signed_in_as(client) is None
    assert response.status_code == 302
    assert response["Location"] == reverse("account_inactive")

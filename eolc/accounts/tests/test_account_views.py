"""Editing your own profile and asking for your account to be deleted."""

import re

import pytest
from django.urls import reverse

from eolc.accounts.models import ApiToken, Area, JobRole, Sector, User, WorkSetting
from eolc.accounts.services import api_token_issue
from eolc.accounts.tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory

EDIT_URL = "/profile/edit/"
DELETE_URL = "/profile/delete/"


@pytest.fixture
def person(db):
    return UserFactory(full_name="Ann Smith", sector=Sector.SOCIAL_CARE)


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


def profile_post(**overrides):
    data = {
        "full_name": "Ann Jones",
        "job_role": str(JobRole.objects.get(slug="district_nurse").pk),
        "sector": Sector.HEALTH,
        "work_setting": WorkSetting.HOSPICE,
        "organisation": "",
        "area": str(Area.objects.get(code="E09000019").pk),
        "time_zone": "America/New_York",
    }
    data.update(overrides)
    return data


def selected_option(html, name):
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, flags=re.S)
    assert select, f"no <select name={name}>"
    chosen = re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(1))
    return chosen[0] if chosen else None


def checked_radio(html, name):
    for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', html):
        if re.search(r"\bchecked\b", tag):
            return re.search(r'value="([^"]*)"', tag).group(1)
    return None


def input_value(html, name):
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert tag, f"no <input name={name}>"
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


@pytest.mark.django_db
def test_the_edit_form_shows_the_current_profile(signed_in, person):
    html = signed_in.get(EDIT_URL).content.decode()
    assert input_value(html, "full_name") == "Ann Smith"
    assert checked_radio(html, "sector") == Sector.SOCIAL_CARE
    assert selected_option(html, "area") == str(person.area_id)
    assert selected_option(html, "time_zone") == "Europe/London"


@pytest.mark.django_db
def test_a_valid_post_saves_and_returns_to_the_profile(signed_in, person):
    organisation = OrganisationFactory(name="Camden Council")
    response = signed_in.post(EDIT_URL, profile_post(organisation=str(organisation.pk)))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    person.refresh_from_db()
    assert person.full_name == "Ann Jones"
    assert person.sector == Sector.HEALTH
    assert person.job_role.slug == "district_nurse"
    assert person.work_setting == WorkSetting.HOSPICE
    assert person.area.code == "E09000019"
    assert person.organisation == organisation
    assert person.time_zone == "America/New_York"
    page = signed_in.get(response["Location"]).content.decode()
    assert "Your profile has been saved." in page
    assert "Ann Jones" in page


@pytest.mark.django_db
def test_an_invalid_post_keeps_what_was_typed_and_shows_the_error_summary(signed_in, person):
    response = signed_in.post(EDIT_URL, profile_post(full_name="", time_zone="Mars/Olympus_Mons"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: " in html
    summary = re.search(r'<div class="nhsuk-error-summary".*?</ul>', html, flags=re.S)
    assert summary, "no error summary"
    assert 'href="#id_full_name"' in summary.group(0)
    assert 'href="#id_time_zone"' in summary.group(0)
    assert "nhsuk-form-group--error" in html
    # Everything else typed is still there to correct, not reset to the saved profile.
    assert checked_radio(html, "sector") == Sector.HEALTH
    assert checked_radio(html, "work_setting") == WorkSetting.HOSPICE
    assert selected_option(html, "area") == str(Area.objects.get(code="E09000019").pk)
    assert selected_option(html, "job_role") == str(JobRole.objects.get(slug="district_nurse").pk)
    person.refresh_from_db()
    assert person.full_name == "Ann Smith"
    assert person.sector == Sector.SOCIAL_CARE
    assert person.time_zone == "Europe/London"


@pytest.mark.django_db
def test_a_too_long_name_is_shown_back_as_typed(signed_in, person):
    typed = "Ann " + "x" * 160
    response = signed_in.post(EDIT_URL, profile_post(full_name=typed))
    assert response.status_code == 200
    assert input_value(response.content.decode(), "full_name") == typed
    person.refresh_from_db()
    assert person.full_name == "Ann Smith"


@pytest.mark.django_db
def test_an_area_that_is_not_a_place_people_work_is_refused(signed_in, person):
    region = Area.objects.get(code="E12000007")
    response = signed_in.post(EDIT_URL, profile_post(area=str(region.pk)))
    assert response.status_code == 200
    assert response.context["form"].errors["area"]
    person.refresh_from_db()
    assert person.area.code == "E09000007"


@pytest.mark.django_db
def test_the_profile_form_cannot_change_access_fields(signed_in, person):
    response = signed_in.post(
        EDIT_URL, profile_post(is_staff="on", is_superuser="on", email="new@example.org")
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_staff and not person.is_superuser
    assert person.email != "new@example.org"


# --- Deleting an account ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_deletion_page_asks_for_confirmation(signed_in, person):
    response = signed_in.post(DELETE_URL, {"reason": "Moving on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "nhsuk-error-summary" in html
    assert "Tick the box to confirm you want your account deleted" in html
    person.refresh_from_db()
    assert person.is_active
    assert person.deletion_requested_at is None
    assert signed_in.session.get("_auth_user_id") == str(person.pk)


@pytest.mark.django_db
def test_confirming_closes_the_account_and_signs_out(signed_in, person):
    token = api_token_issue(person=person)
    response = signed_in.post(DELETE_URL, {"confirm": "on", "reason": "Moving on"})
    assert response.status_code == 200
    assert "Your account has been closed" in response.content.decode()
    person.refresh_from_db()
    assert not person.is_active
    assert person.deletion_requested_at is not None
    assert person.deletion_reason == "Moving on"
    assert "_auth_user_id" not in signed_in.session
    response = signed_in.get(reverse("programmes:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    # It cannot be used again: not through the sign-in form, not through the API.
    signed_in.post(reverse("account_login"), {"login": person.email, "password": TEST_PASSWORD})
    assert "_auth_user_id" not in signed_in.session
    assert signed_in.get("/api/v1/me", headers={"authorization": f"Bearer {token}"}).status_code == 401
    assert ApiToken.objects.filter(user=person).exists()
    assert User.objects.filter(pk=person.pk).exists()


# --- Text PostgreSQL cannot store ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/accounts/login/", {"login": "ann\x00@example.org", "password": TEST_PASSWORD}),
        ("/accounts/login/", {"login": "ann@example.org", "password": "pass\x00word"}),
        (
            "/accounts/signup/",
            {
                "full_name": "Ann\x00",
                "email": "new\x00@example.org",
                "password1": "a-long-password-1",
                "password2": "a-long-password-1",
                "sector": "health",
            },
        ),
        ("/accounts/password/reset/", {"email": "ann\x00@example.org"}),
    ],
    ids=["login-email", "login-password", "signup", "password-reset"],
)
def test_a_nul_character_in_a_public_form_is_a_form_error_not_a_server_error(client, url, data):
    UserFactory(email="ann@example.org")
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_nul_character_in_the_profile_is_a_form_error(signed_in, person):
    response = signed_in.post(EDIT_URL, profile_post(full_name="Ann\x00Jones"))
    assert response.status_code == 200
    assert response.context["form"].errors["full_name"]
    person.refresh_from_db()
    assert person.full_name == "Ann Smith"

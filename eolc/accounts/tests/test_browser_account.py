"""The account journey in a real browser: sign up, verify by email, edit the profile,
sign out and in again. axe-core checks every page on the way."""

import re

import pytest
from playwright.sync_api import expect

from eolc.accounts.models import Sector, User, WorkSetting

pytestmark = pytest.mark.system

FULL_NAME = "Ada Lovelace"
EMAIL = "ada.lovelace@example.org"
PASSWORD = "pale-lantern-harbour-42"


def heading(page, text):
    return page.get_by_role("heading", level=1, name=text)


def summary_value(page, key):
    """The value beside `key` in an NHS.UK summary list."""
    row = page.locator(".nhsuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(f"^{key}$"))
    )
    return row.locator("dd")


def fill_signup_form(page, *, password_again=PASSWORD):
    main = page.get_by_role("main")
    main.get_by_label("Full name").fill(FULL_NAME)
    main.get_by_label("Email").fill(EMAIL)
    main.get_by_label("Password", exact=True).fill(PASSWORD)
    main.get_by_label("Password (again)").fill(password_again)
    main.get_by_role("group", name="Which sector do you work in?").get_by_label("Health").check()
    main.get_by_role("button", name="Sign Up").click()


def sign_out(page):
    page.get_by_role("navigation", name="Account").get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("navigation", name="Account").get_by_role("link", name="Sign in")).to_be_visible()


def test_sign_up_verify_edit_profile_sign_out_and_in(page, axe_check, mailbox):
    page.goto("/")
    expect(heading(page, "Learning and working together in end-of-life care")).to_be_visible()
    axe_check(page)

    page.get_by_role("main").get_by_role("button", name="Create an account").click()
    expect(heading(page, "Sign Up")).to_be_visible()
    axe_check(page)

    fill_signup_form(page)
    expect(heading(page, "Verify Your Email Address")).to_be_visible()
    axe_check(page)

    message = mailbox.only(EMAIL)
    assert "Confirm Your Email Address" in message.subject
    [confirm_link] = [link for link in message.links() if "/accounts/confirm-email/" in link]
    page.goto(confirm_link)
    expect(heading(page, "Confirm Email Address")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    axe_check(page)

    page.get_by_role("main").get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(heading(page, "Hello, Ada")).to_be_visible()
    account_nav = page.get_by_role("navigation", name="Account")
    expect(account_nav.get_by_role("link", name=FULL_NAME)).to_be_visible()
    axe_check(page)

    page.get_by_role("main").get_by_role("link", name="Your profile", exact=True).click()
    expect(heading(page, "Your profile")).to_be_visible()
    expect(summary_value(page, "Full name")).to_have_text(FULL_NAME)
    expect(summary_value(page, "Email")).to_have_text(EMAIL)
    expect(summary_value(page, "Sector")).to_have_text("Health")
    axe_check(page)

    page.get_by_role("button", name="Edit your profile").click()
    expect(heading(page, "Edit your profile")).to_be_visible()
    axe_check(page)

    main = page.get_by_role("main")
    main.get_by_label("Job role").select_option(label="District nurse")
    main.get_by_role("group", name="Where do you mostly work?").get_by_label("Community").check()
    main.get_by_label("Local authority area where you mostly work").select_option(label="Camden")
    main.get_by_role("button", name="Save profile").click()

    expect(heading(page, "Your profile")).to_be_visible()
    expect(main.get_by_role("status")).to_contain_text("Your profile has been saved.")
    expect(summary_value(page, "Job role")).to_have_text("District nurse")
    expect(summary_value(page, "Work setting")).to_have_text("Community")
    expect(summary_value(page, "Area")).to_have_text("Camden")
    axe_check(page)

    person = User.objects.get(email=EMAIL)
    assert person.emailaddress_set.get().verified
    assert (person.full_name, person.sector, person.work_setting) == (
        FULL_NAME,
        Sector.HEALTH,
        WorkSetting.COMMUNITY,
    )
    assert (person.job_role.slug, person.area.name) == ("district_nurse", "Camden")

    sign_out(page)
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("You have signed out.")
    axe_check(page)

    page.get_by_role("navigation", name="Account").get_by_role("link", name="Sign in").click()
    expect(heading(page, "Sign In")).to_be_visible()
    axe_check(page)

    main.get_by_label("Email").fill(EMAIL)
    main.get_by_label("Password").fill(PASSWORD)
    main.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(heading(page, "Hello, Ada")).to_be_visible()

    sign_out(page)
    assert len(mailbox.messages()) == 1


def test_sign_up_error_shows_summary_and_keeps_answers(page, axe_check, mailbox):
    page.goto("/accounts/signup/")
    fill_signup_form(page, password_again="a-different-password-99")

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".nhsuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary).to_be_focused()
    error_link = summary.get_by_role("link", name="You must type the same password each time.")
    expect(error_link).to_have_attribute("href", "#id_password2")
    main = page.get_by_role("main")
    expect(main.get_by_label("Full name")).to_have_value(FULL_NAME)
    expect(main.get_by_label("Email")).to_have_value(EMAIL)
    expect(main.get_by_label("Health")).to_be_checked()
    axe_check(page)

    error_link.click()
    expect(main.get_by_label("Password (again)")).to_be_focused()
    assert not User.objects.filter(email=EMAIL).exists()
    assert mailbox.messages() == []

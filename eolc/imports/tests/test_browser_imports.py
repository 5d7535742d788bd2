"""In Chromium: a programme administrator uploads a people file, sees each bad row named by its row
number before anything is saved, confirms, and uploads the same file again to no effect. axe-core
checks every page."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from eolc.accounts.models import User
from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.core.tests.browser import totp_code
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
FILE = (
    "Email,Full name,Sector,Role\n"
    "precious.adeyemi@example.org,Precious Adeyemi,Health,Learner\n"
    "not an email,Somebody,Health,Learner\n"
    "dev.sharma@example.org,Dev Sharma,Social care,Champion\n"
)


def sign_in(page, person):
    page.goto("/accounts/login/")
    main = page.get_by_role("main")
    main.get_by_label("Email").fill(person.email)
    main.get_by_label("Password").fill(TEST_PASSWORD)
    main.get_by_role("button", name=re.compile("sign in", re.I)).click()
    main.get_by_label("Code").fill(totp_code(person, SECRET))
    main.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))


def upload(page, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(FILE)
    page.goto("/imports/")
    expect(page.get_by_role("heading", level=1, name="Import people or attendance")).to_be_visible()
    page.get_by_role("radio", name="People and their programme roles").check()
    page.get_by_label("Upload a file").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()


def test_upload_preview_confirm_and_reimport(page, axe_check, tmp_path):
    programme = ProgrammeFactory(title="Working together in Hackney")
    admin = UserFactory(full_name="Ruth Campbell", email="ruth.campbell@example.org")
    MembershipFactory(programme=programme, person=admin, role=Role.ADMIN)
    TOTP.activate(admin, SECRET)
    sign_in(page, admin)

    page.goto("/imports/")
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_be_visible()
    axe_check(page)

    upload(page, tmp_path)
    expect(page.get_by_role("heading", level=1, name="Check your import")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Row 3: “not an email” is not a valid email address")
    expect(page.get_by_text("Nothing has been saved yet. 2 to add")).to_be_visible()
    assert not User.objects.filter(email="precious.adeyemi@example.org").exists()
    axe_check(page)
    page.get_by_role("button", name="Import the other rows and skip 1").click()
    expect(page.get_by_text("Imported: 2 added, 0 updated, 0 already up to date, 1 skipped.")).to_be_visible()
    axe_check(page)
    assert (
        User.objects.filter(email__in=["precious.adeyemi@example.org", "dev.sharma@example.org"]).count() == 2
    )

    upload(page, tmp_path)
    expect(
        page.get_by_text("Nothing has been saved yet. 0 to add, 0 to update, 2 already up to date")
    ).to_be_visible()
    page.get_by_role("button", name="Import the other rows and skip 1").click()
    expect(page.get_by_text("Imported: 0 added, 0 updated, 2 already up to date, 1 skipped.")).to_be_visible()
    assert (
        User.objects.filter(email__in=["precious.adeyemi@example.org", "dev.sharma@example.org"]).count() == 2
    )

"""A programme administrator builds a part in Chromium; axe-core checks every authoring page."""

import re

import pytest
from playwright.sync_api import expect

from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system


def test_an_admin_builds_a_part_and_publishing_a_video_needs_captions(page, axe_check, settings):
    # Two-factor sign-in has its own browser test; here the administrator signs in with a password.
    settings.MFA_REQUIRED_FOR_STAFF = False
    programme = ProgrammeFactory(title="Palliative care skills")
    admin = UserFactory(full_name="Priya Raman")
    MembershipFactory(programme=programme, person=admin, role=Role.ADMIN)
    main = page.get_by_role("main")

    page.goto("/accounts/login/")
    main.get_by_label("Email").fill(admin.email)
    main.get_by_label("Password").fill(TEST_PASSWORD)
    main.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))

    page.goto("/learning/")
    main.get_by_role("link", name="Manage learning for Palliative care skills").click()
    axe_check(page)
    main.get_by_role("button", name="Add a part").click()
    main.get_by_role("button", name="Save").click()
    expect(main.get_by_role("alert")).to_contain_text("There is a problem")
    axe_check(page)
    main.get_by_label("Title").fill("Part I: Online training")
    main.get_by_label("Kind").select_option("self_paced")
    main.get_by_label("CE hours").fill("8.0")
    main.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Part I: Online training")
    axe_check(page)

    main.get_by_role("button", name="Add a module").click()
    main.get_by_label("Title").fill("The last days and hours")
    main.get_by_role("group", name="Domains of palliative care").get_by_label(
        "Care of the patient nearing the end of life"
    ).check()
    main.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("The last days and hours")
    axe_check(page)

    main.get_by_role("button", name="Add an activity").click()
    main.get_by_label("Title").fill("What families notice")
    main.get_by_label("Kind").select_option("video")
    main.get_by_label("Video file address").fill("/static/curriculum/last-days.webm")
    main.get_by_role("button", name="Save").click()
    expect(main).to_contain_text("Add captions in WebVTT format")
    axe_check(page)
    main.get_by_role("button", name="Publish").click()
    expect(main).to_contain_text("cannot be published yet")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Draft")

    main.get_by_label("Captions").fill(
        "WEBVTT\n\n00:00.000 --> 00:04.000\nIn the last days, people sleep more."
    )
    main.get_by_label("Transcript").fill("Nurse: In the last days, people sleep more.")
    main.get_by_role("button", name="Save the activity").click()
    main.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Published")

    expect(main.get_by_role("link", name="Preview the activity")).to_be_visible()
    axe_check(page)

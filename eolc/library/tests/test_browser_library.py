"""In Chromium: a learner searches the library and reads role and faith guides; a trainer uploads a
resource, builds a 90-minute plan and records a delivery. axe-core checks every page."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import UserFactory
from eolc.events.tests.test_browser_events import SECRET, sign_in
from eolc.library.models import (
    CareTask,
    DeliveredSession,
    Involvement,
    Resource,
    ResourceKind,
    Responsibility,
)
from eolc.library.tests.factories import (
    CAPTIONS,
    EXE_BYTES,
    PDF_BYTES,
    CareRoleFactory,
    FaithGuideFactory,
    ResourceFactory,
)
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system


def test_a_learner_finds_a_film_and_reads_the_role_and_faith_guides(page, axe_check):
    programme = ProgrammeFactory(title="Working together in Hackney")
    learner = UserFactory(full_name="Amina Yusuf")
    MembershipFactory(programme=programme, person=learner, role=Role.LEARNER)
    nurse = CareRoleFactory(slug="district-nurse", name="District nurse", number=1)
    CareRoleFactory(slug="gp", name="GP", number=2)
    Responsibility.objects.create(role=nurse, task=CareTask.EQUIPMENT, involvement=Involvement.LEADS)
    film = ResourceFactory(
        title="It helps to talk",
        kind=ResourceKind.FILM,
        programme=programme,
        body="Joan cares for her mother with the district nurse and a home care worker.",
        captions=CAPTIONS,
        transcript="Joan: It helps to talk.",
        content_warning="This is a story about the end of someone's life.",
    )
    film.roles.add(nurse)
    ResourceFactory(title="Managers' briefing", for_manager=True)
    FaithGuideFactory(slug="sikh", title="Sikh perspectives")

    sign_in(page, learner)
    page.goto("/library/")
    axe_check(page)
    page.get_by_label("Search the library").fill("mother")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 result")).to_be_visible()
    page.get_by_label("For").select_option("manager")
    expect(page.get_by_role("heading", name="0 results")).to_be_visible()
    expect(page).to_have_url(re.compile(r"audience=manager"))
    page.get_by_label("For").select_option("")
    axe_check(page)
    page.get_by_role("link", name="It helps to talk").click()
    expect(page.get_by_text("Content warning")).to_be_visible()
    page.get_by_text("Read the transcript").click()
    expect(page.get_by_text("Joan: It helps to talk.")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="District nurse").click()
    expect(page.get_by_role("heading", level=1, name="District nurse")).to_be_visible()
    expect(page.get_by_role("link", name="It helps to talk")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="See who does what across all roles").click()
    matrix = page.get_by_role("table", name="Who does what in end of life care")
    expect(matrix.get_by_role("row", name=re.compile("District nurse"))).to_contain_text("Leads")
    axe_check(page)

    page.get_by_role("navigation", name="Library sections").get_by_role(
        "link", name="Faith and culture"
    ).click()
    page.get_by_role("link", name="Sikh perspectives").click()
    expect(page.get_by_role("heading", name="Practical points for non-specialist staff")).to_be_visible()
    expect(page.get_by_text("Individuals vary.")).to_be_visible()
    axe_check(page)


def test_a_trainer_uploads_builds_a_plan_and_records_a_session(page, axe_check, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    programme = ProgrammeFactory(title="Working together in Islington")
    trainer = UserFactory(full_name="Sam Okafor")
    MembershipFactory(programme=programme, person=trainer, role=Role.FACILITATOR)
    TOTP.activate(trainer, SECRET)
    area = Area.objects.places_people_work().order_by("name").first()
    exe, pdf = tmp_path / "handout.pdf", tmp_path / "role-cards.pdf"
    exe.write_bytes(EXE_BYTES)
    pdf.write_bytes(PDF_BYTES)

    sign_in(page, trainer, totp=True)
    page.goto("/library/new/")
    axe_check(page)
    page.get_by_label("Title").fill("Role cards")
    page.get_by_label("What kind of resource is it?").select_option("role_guide")
    page.get_by_label("Summary").fill("Nine cards for the group activity.")
    page.get_by_role("checkbox", name="Trainers").check()
    page.get_by_label("File (optional)").set_input_files(str(exe))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Windows program")
    expect(page.get_by_label("Title")).to_have_value("Role cards")
    axe_check(page)
    page.get_by_label("File (optional)").set_input_files(str(pdf))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The resource is published.")).to_be_visible()
    axe_check(page)
    resource = Resource.objects.get(title="Role cards")
    assert resource.file_type == "application/pdf"

    page.goto("/trainer-pack/")
    axe_check(page)
    page.get_by_role("link", name="Build a session plan").click()
    page.get_by_label("Name of the plan").fill("Islington evening session")
    for number, (title, minutes) in enumerate([("Welcome", "10"), ("Role cards", "50"), ("Close", "20")], 1):
        section = page.get_by_role("group", name=f"Section {number}", exact=True)
        section.get_by_label("Section title").fill(title)
        section.get_by_label("Minutes").fill(minutes)
        section.get_by_label("What happens").fill(f"{title} for everyone")
    expect(page.locator("#plan-total")).to_have_text("Sections add up to 80 of 90 minutes (10 to add).")
    page.get_by_role("group", name="Section 2", exact=True).get_by_role("checkbox", name="Role cards").check()
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("alert")).to_contain_text("add 10 minutes")
    axe_check(page)
    page.get_by_role("group", name="Section 3", exact=True).get_by_label("Minutes").fill("30")
    expect(page.locator("#plan-total")).to_contain_text("filled exactly")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("heading", level=1, name="Islington evening session")).to_be_visible()
    expect(page.get_by_role("cell", name="0:10 to 1:00 50 min")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Record a delivery of this plan").click()
    page.get_by_label("Date of the session").fill("2026-02-10")
    page.get_by_label("Where was it held?").select_option(str(area.pk))
    page.get_by_label("Social care").fill("8")
    page.get_by_label("Health").fill("6")
    axe_check(page)
    page.get_by_role("button", name="Record the session").click()
    expect(page.get_by_role("row", name=re.compile("^Total"))).to_contain_text("14")
    axe_check(page)
    assert DeliveredSession.objects.get().plan.title == "Islington evening session"

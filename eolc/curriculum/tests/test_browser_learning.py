"""A learner completes a small self-paced part in Chromium, downloads the certificate and checks it.

axe-core checks the catalogue, module, activity, transcript and verification pages on the way.
"""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.curriculum.models import ActivityKind, PartCredit
from eolc.curriculum.tests.factories import (
    ActivityFactory,
    CreditSchemeFactory,
    ModuleFactory,
    PartFactory,
    question_with_choices,
)
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system

REFLECTION = "I will ask the family what they already know before I explain anything."


def build_part():
    programme = ProgrammeFactory(title="Palliative care skills")
    learner = UserFactory(full_name="Grace Mensah", email="grace.mensah@example.org")
    MembershipFactory(programme=programme, person=learner, role=Role.LEARNER)
    part = PartFactory(
        programme=programme, title="Part I: Online training", ce_hours=Decimal("1.50"), number=1
    )
    PartCredit.objects.create(
        part=part, scheme=CreditSchemeFactory(name="NASW CE"), category="Ethics", hours=Decimal("1.50")
    )
    module = ModuleFactory(part=part, title="Conversations that matter", number=1)
    ActivityFactory(
        module=module,
        number=1,
        title="Guide to family meetings",
        kind=ActivityKind.RESOURCE,
        body="A one-page guide to planning a family meeting.",
    )
    exercise = ActivityFactory(
        module=module,
        number=2,
        title="What do you say first?",
        kind=ActivityKind.EXERCISE,
        content_warning="This exercise describes a patient who is dying.",
    )
    question_with_choices(
        exercise,
        "Mrs Ahmed asks if she is dying.",
        right="Ask what she has noticed",
        wrong=["Change the subject"],
    )
    ActivityFactory(
        module=module,
        number=3,
        title="Your practice",
        kind=ActivityKind.REFLECTION,
        body="What will you change?",
    )
    test = ActivityFactory(
        module=module, number=4, title="Post-test", kind=ActivityKind.POST_TEST, pass_mark=100
    )
    question_with_choices(test, "Who leads decisions about care?", right="The person", wrong=["The team"])
    return learner, part, module


def test_a_learner_completes_a_part_and_verifies_the_certificate(page, axe_check):
    learner, part, module = build_part()
    main = page.get_by_role("main")

    page.goto("/accounts/login/")
    main.get_by_label("Email").fill(learner.email)
    main.get_by_label("Password").fill(TEST_PASSWORD)
    main.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Learning").click()
    expect(page.get_by_role("heading", level=1, name="Learning")).to_be_visible()
    axe_check(page)

    main.get_by_role("link", name="Part I: Online training").click()
    main.get_by_role("button", name="Enrol on this part").click()
    expect(main).to_contain_text("You are enrolled")
    main.get_by_role("link", name="Conversations that matter").click()
    expect(page.get_by_role("heading", level=1, name="Conversations that matter")).to_be_visible()
    axe_check(page)

    main.get_by_role("link", name="Guide to family meetings").click()
    expect(main).to_contain_text("A one-page guide")
    axe_check(page)
    main.get_by_role("button", name="I have read this").click()

    expect(main).to_contain_text("This exercise describes a patient who is dying.")
    axe_check(page)
    main.get_by_role("button", name="Continue to the activity").click()
    main.get_by_label("Change the subject").check()
    main.get_by_role("button", name="Check my answer").click()
    expect(main).to_contain_text("Not quite: Change the subject.")
    main.get_by_role("link", name="Try this question again").click()
    main.get_by_label("Ask what she has noticed").check()
    main.get_by_role("button", name="Check my answer").click()
    expect(main).to_contain_text("Yes: Ask what she has noticed.")
    axe_check(page)
    main.get_by_role("button", name="Continue").click()

    answer = main.get_by_label("Your answer")
    # htmx binds the autosave when the page has loaded; a person cannot type sooner than that.
    page.wait_for_load_state("load")
    answer.fill("Too short")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved")
    main.get_by_role("button", name="Save my answer").click()
    expect(main.get_by_role("alert")).to_contain_text("at least 20 characters")
    expect(answer).to_have_value("Too short")
    axe_check(page)
    answer.fill(REFLECTION)
    main.get_by_role("button", name="Save my answer").click()

    expect(page.get_by_role("heading", level=1, name="Post-test")).to_be_visible()
    main.get_by_label("The person").check()
    main.get_by_role("button", name="Submit my answers").click()
    expect(main).to_contain_text("You have completed “Part I: Online training”")

    with page.expect_download() as download_info:
        main.get_by_role("link", name="Download your certificate (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", text).group(0)
    assert "Grace Mensah" in text
    assert "1.50 CE hours" in text
    assert part.completions.get().certificate.code == code

    page.goto("/learning/transcript/")
    expect(page.locator("#total-hours")).to_have_text("1.50")
    axe_check(page)

    page.goto(f"/verify/{code}/")
    expect(main).to_contain_text("This certificate is valid")
    expect(main).to_contain_text("Grace Mensah")
    expect(main).to_contain_text("Part I: Online training")
    expect(main).to_contain_text("1.50")
    axe_check(page)

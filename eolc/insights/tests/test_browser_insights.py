"""In Chromium: a participant shares a contribution (and is warned about a name), a facilitator types in
sticky notes, reviews, groups them into a theme by keyboard-reachable checkboxes, asks for suggestions,
drafts and publishes a key message; a visitor reads it and browses practice examples. axe-core checks
every page."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from eolc.accounts.tests.factories import UserFactory
from eolc.events.tests.test_browser_events import SECRET, sign_in
from eolc.insights.models import Contribution, ExampleStatus, KeyMessage, SuggestionRun, SuggestionStatus
from eolc.insights.tests.factories import PracticeExampleFactory
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system


def test_from_sticky_notes_to_a_published_key_message(page, axe_check, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    programme = ProgrammeFactory(title="Working together in Hackney")
    learner = UserFactory(full_name="Ada Learner", sector="social_care")
    MembershipFactory(programme=programme, person=learner, role=Role.LEARNER)
    facilitator = UserFactory(full_name="Sam Okafor")
    MembershipFactory(programme=programme, person=facilitator, role=Role.FACILITATOR)
    TOTP.activate(facilitator, SECRET)

    sign_in(page, learner)
    page.goto("/contribute/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Share what worked")
    axe_check(page)
    page.get_by_label("Which programme is it for?").select_option(label=programme.title)
    page.get_by_role("radio", name="What worked").check()
    page.get_by_label("Tell us about it").fill("Mrs Jones's home carer rang the district nurse straight away")
    page.get_by_role("radio", name=re.compile("May be quoted")).check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("This may identify someone")).to_be_visible()
    axe_check(page)
    assert not Contribution.objects.exists()
    page.get_by_label("Tell us about it").fill("The home carer rang the district nurse straight away")
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("A facilitator will read it")).to_be_visible()
    page.context.clear_cookies()

    sign_in(page, facilitator, totp=True)
    page.goto("/insights/bulk/")
    axe_check(page)
    page.get_by_label("Programme", exact=True).select_option(label=programme.title)
    page.get_by_role("radio", name="What worked").check()
    page.get_by_label("Sector of the people who wrote them").select_option("health")
    page.get_by_label("Contributions, one per line").fill(
        "- The carer phoned the district nurse at once\n- A district nurse rang the carer back the same day"
    )
    page.get_by_role("button", name="Add for review").click()
    expect(page.get_by_text("2 contributions added for review")).to_be_visible()

    page.goto("/insights/review/")
    axe_check(page)
    for checkbox in page.get_by_role("checkbox").all():
        checkbox.check()
    page.get_by_role("button", name="Approve selected").click()
    expect(page.get_by_text("3 contributions approved")).to_be_visible()

    page.goto(f"/insights/programmes/{programme.slug}/themes/")
    axe_check(page)
    page.get_by_role("checkbox", name=re.compile("Select: The home carer")).focus()
    page.keyboard.press("Space")
    page.get_by_role("checkbox", name=re.compile("Select: The carer phoned")).check()
    page.get_by_label("New theme (when adding to a new theme)").fill("Calling each other straight away")
    page.get_by_role("button", name="Add the selected to the theme").click()
    expect(page.get_by_text("2 added to “Calling each other straight away”")).to_be_visible()
    # htmx swapped the theme list and the table in place; the page did not reload.
    expect(page.get_by_role("checkbox", name=re.compile("Select: The home carer"))).not_to_be_checked()
    # Filtering swaps only the table and keeps the address shareable.
    page.get_by_label("Only those without a theme").check()
    expect(page.get_by_role("checkbox", name=re.compile("Select: The home carer"))).to_have_count(0)
    expect(page.get_by_role("checkbox", name=re.compile("Select: A district nurse rang"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"unthemed=1"))
    page.get_by_role("link", name="Calling each other straight away").click()
    axe_check(page)
    page.get_by_label("Theme", exact=True).fill("Calling each other at once")
    page.get_by_role("button", name="Save theme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Calling each other at once")
    expect(page.get_by_role("status")).to_contain_text("Theme saved.")
    page.get_by_role("button", name=re.compile("Remove from this theme.*The carer phoned")).click()
    expect(page.get_by_text("1 contribution in this theme")).to_be_visible()
    axe_check(page)
    page.goto(f"/insights/programmes/{programme.slug}/themes/")
    page.get_by_role("button", name="Suggest themes").click()
    expect(page.get_by_role("heading", level=1, name="Suggested themes")).to_be_visible()
    axe_check(page)
    # Three contributions are too few to cluster; a finished run shows what accepting one looks like.
    nurses = list(Contribution.objects.filter(text__contains="district nurse").values_list("pk", flat=True))
    run = SuggestionRun.objects.create(
        programme=programme,
        status=SuggestionStatus.DONE,
        progress=100,
        clusters=[{"terms": ["district nurse"], "contributions": nurses, "representatives": nurses[:1]}],
    )
    page.goto(f"/insights/suggestions/{run.pk}/")
    axe_check(page)
    page.get_by_label("Name the theme").fill("District nurses")
    page.get_by_role("button", name=re.compile("Accept as a theme")).click()
    expect(page.get_by_role("link", name="District nurses")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "“District nurses” is now a theme with 3 contributions."
    )
    axe_check(page)

    page.goto(f"/insights/programmes/{programme.slug}/messages/new/")
    axe_check(page)
    page.get_by_label("Key message").fill("Ring, don't wait")
    page.get_by_label("What it means in practice").fill("A phone call the same day saves a crisis at night.")
    page.get_by_role("checkbox", name="Calling each other at once").check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("heading", level=1, name="Ring, don't wait")).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published (version 1)")).to_be_visible()
    axe_check(page)
    page.context.clear_cookies()

    message = KeyMessage.objects.get()
    page.goto("/key-messages/")
    axe_check(page)
    page.get_by_role("link", name="Ring, don't wait").click()
    expect(page.get_by_text("It is built on 1 contribution")).to_be_visible()
    expect(page.get_by_text("The home carer rang the district nurse straight away")).to_be_visible()
    axe_check(page)
    assert page.url.endswith(f"/key-messages/{message.slug}/")


def test_practice_examples_catalogue(page, axe_check):
    PracticeExampleFactory(title="Care home liaison nurse", status=ExampleStatus.PUBLISHED)
    person = UserFactory(full_name="Bea Submitter")
    page.goto("/practice/")
    axe_check(page)
    page.get_by_label("Search").fill("liaison")
    page.get_by_role("button", name="Show examples").click()
    page.get_by_role("link", name="Care home liaison nurse").click()
    axe_check(page)

    sign_in(page, person)
    page.goto("/practice/new/")
    axe_check(page)
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    axe_check(page)

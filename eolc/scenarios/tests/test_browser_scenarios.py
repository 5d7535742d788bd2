"""In Chromium: a learner plays a scenario with JavaScript switched off, by keyboard, and the choices
are counted; a facilitator checks and publishes one in the editor and plays it. axe checks the editor
and player pages (axe itself needs JavaScript, so it runs in the second test)."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from eolc.events.tests.test_browser_events import SECRET, sign_in
from eolc.scenarios.models import Choice, PathCount
from eolc.scenarios.tests.factories import small_scenario

pytestmark = pytest.mark.system


@pytest.fixture
def no_js_page(request, browser, live_server, django_db_serialized_rollback):
    if request.node.get_closest_marker("system") is None:
        pytest.fail("Tests that drive the browser must be marked @pytest.mark.system")
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", timezone_id="Europe/London", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_the_player_works_without_javascript(no_js_page, people, programme):
    page = no_js_page
    scenario, nodes, choices = small_scenario(programme)
    sign_in(page, people.learner)
    page.goto("/scenarios/")
    page.get_by_role("link", name="Mr Green at home").click()
    page.get_by_role("button", name="Start the story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mr Green is more tired")

    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Choose what you would do").first).to_be_visible()

    # Keyboard only: focus the first option, move to the second with the arrow key, submit.
    page.get_by_label("Tell the district nurse today").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Wait and see")).to_be_checked()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("You chose: Wait and see")
    expect(page.get_by_text("Key message: Plan for nights and weekends.")).to_be_visible()
    page.get_by_role("link", name="Go back and choose again").click()
    page.get_by_label("Tell the district nurse today").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Continue the story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A conversation")
    page.get_by_label("Share his plan").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Continue the story").click()
    expect(page.get_by_text("This is the end of the story.")).to_be_visible()

    counts = {c.text: c.times_chosen for c in Choice.objects.filter(node__scenario=scenario)}
    assert counts == {"Tell the district nurse today": 1, "Wait and see": 1, "Share his plan": 1}
    assert PathCount.objects.get(path__endswith=f">{nodes['good'].pk}").count == 1


def test_the_editor_reports_problems_and_publishes(page, axe_check, people, programme):
    scenario, nodes, _ = small_scenario(programme, publish=False, by=people.facilitator)
    facilitator = people.facilitator
    Authenticator.objects.filter(user=facilitator).delete()
    TOTP.activate(facilitator, SECRET)
    sign_in(page, facilitator, totp=True)
    page.goto("/scenarios/manage/")
    axe_check(page)
    page.get_by_role("link", name="Mr Green at home").click()
    expect(page.get_by_text("Every choice leads somewhere")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name=re.compile(r"Add a choice\s+to step 2")).click()
    axe_check(page)
    page.get_by_label("Choice", exact=True).fill("Say nothing")
    page.get_by_role("button", name="Save choice").click()
    expect(
        page.get_by_role("link", name="The choice “Say nothing” in “A conversation” does not lead anywhere.")
    ).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Not published")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name=re.compile(r"Edit\s+the choice “Say nothing”")).click()
    page.get_by_label("Leads to").select_option(label="3. Peaceful at home")
    page.get_by_role("button", name="Save choice").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published. Learners can now play the scenario.")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"Edit\s+step 1")).click()
    axe_check(page)
    page.goto(f"/scenarios/manage/{scenario.pk}/results/")
    axe_check(page)

    # The player's pages, with scripts on as most people have them.
    page.goto(f"/scenarios/{scenario.pk}/")
    axe_check(page)
    page.get_by_role("button", name="Start the story").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Choose what you would do").first).to_be_visible()
    axe_check(page)
    page.get_by_label("Wait and see").check()
    page.get_by_role("button", name="Continue").click()
    axe_check(page)
    page.get_by_role("link", name="Continue the story").click()
    expect(page.get_by_text("This is the end of the story.")).to_be_visible()
    axe_check(page)

"""On a phone-sized screen in Chromium: write a plan after a session, get the reminder email, update
progress from its link without signing in (once only). axe-core checks each page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.action_plans import services
from eolc.action_plans.models import ActionPlan, PracticeCategory, Status
from eolc.action_plans.tests.factories import make_plan
from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system

PHONE = {"width": 375, "height": 740}


def sign_in(page, person):
    page.goto("/accounts/login/")
    main = page.get_by_role("main")
    main.get_by_label("Email").fill(person.email)
    main.get_by_label("Password").fill(TEST_PASSWORD)
    main.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))


def test_write_a_plan_then_update_it_from_the_reminder_email(page, axe_check, mailbox, settings, live_server):
    settings.SITE_URL = live_server.url
    learner = UserFactory(full_name="Amina Yusuf", email="amina.yusuf@example.org", sector="health")
    event = EventFactory(title="Working together workshop, Leeds")
    RegistrationFactory(event=event, person=learner)
    page.set_viewport_size(PHONE)

    sign_in(page, learner)

    page.goto(f"/plans/new/?event={event.pk}")
    expect(page.get_by_role("heading", level=1, name="Write an action plan")).to_be_visible()
    axe_check(page)
    page.get_by_label("Give your plan a short name").fill("Closer working with the hospice")
    first = page.get_by_role("group", name="Action 1", exact=True)
    first.get_by_label("What will you do?").fill("Invite the hospice social worker to our team meeting")
    first.get_by_role("radio", name="Liaison role").check()
    page.get_by_role("button", name="Save my plan").click()
    # Forgot the date: the error is shown and what was typed is kept.
    expect(page.get_by_role("alert")).to_contain_text("Action 1: This field is required.")
    expect(first.get_by_label("What will you do?")).to_have_value(
        "Invite the hospice social worker to our team meeting"
    )
    axe_check(page)
    first.get_by_label("By when?").fill("2030-06-01")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_role("heading", level=1, name="Closer working with the hospice")).to_be_visible()
    axe_check(page)

    plan = ActionPlan.objects.get(owner=learner)
    assert plan.event == event and plan.reminder_weeks == [2, 6, 12]
    page.context.clear_cookies()

    assert services.reminders_send(now=plan.created_at + datetime.timedelta(weeks=2, hours=1)) == 1
    reminder = mailbox.only(learner.email)
    assert "How is your action plan going?" in reminder.subject
    link = next(url for url in reminder.links() if "/plans/update/" in url)

    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="How is your action going?")).to_be_visible()
    axe_check(page)
    page.get_by_role("radio", name="Stuck").check()
    page.get_by_role("checkbox", name="Could not reach the right person in another organisation").check()
    page.get_by_label("Anything to add? (optional)").fill("The hospice team changed")
    page.get_by_role("button", name="Save progress").click()
    expect(page.get_by_role("heading", name="Help to get going again")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Find a learning session"))).to_be_visible()
    axe_check(page)
    assert plan.actions.get().status == Status.STUCK

    # The link is spent: it answers 404 with an explanation (fetched directly, so the browser's
    # console does not report the 404 as a page error).
    again = page.request.get(link)
    assert again.status == 404 and "This link no longer works" in again.text()


def test_a_commissioner_reads_follow_through_on_a_phone(page, axe_check):
    programme = ProgrammeFactory(title="Working together in Yorkshire")
    commissioner = UserFactory(full_name="Priya Shah", email="priya.shah@example.org")
    MembershipFactory(programme=programme, person=commissioner, role=Role.COMMISSIONER)
    event = EventFactory(title="Working together workshop, York", programme=programme)
    for n in range(6):
        owner = UserFactory()
        RegistrationFactory(event=event, person=owner)
        plan = make_plan(owner, event=event, categories=[PracticeCategory.EDUCATION])
        if n < 3:
            services.progress_update_create(action=plan.actions.get(), status=Status.DONE)
    page.set_viewport_size(PHONE)
    sign_in(page, commissioner)
    page.goto("/plans/follow-through/")
    page.get_by_label("Event").select_option(label=str(event))
    page.get_by_role("button", name="Show figures").click()
    expect(page.get_by_role("table", name="Actions by kind")).to_contain_text("50.0%")
    expect(page.get_by_role("img", name=re.compile("Education initiative 50.0%"))).to_be_visible()
    axe_check(page)

"""In Chromium: a facilitator builds a survey from a template and sends it with an event; a learner
answers it on a phone, saving a draft first; the facilitator reads results without names.
axe-core checks every page."""

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone
from playwright.sync_api import expect

from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.core.tests.browser import totp_code
from eolc.evaluation import services
from eolc.evaluation.models import Invitation, Response, Survey
from eolc.events.models import Attendance
from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PHONE = {"width": 375, "height": 740}


def sign_in(page, person, *, totp=False):
    page.goto("/accounts/login/")
    main = page.get_by_role("main")
    main.get_by_label("Email").fill(person.email)
    main.get_by_label("Password").fill(TEST_PASSWORD)
    main.get_by_role("button", name=re.compile("sign in", re.I)).click()
    if totp:
        main.get_by_label("Code").fill(totp_code(person, SECRET))
        main.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))


def test_build_send_answer_and_read_results(page, axe_check, mailbox, settings, live_server):
    settings.SITE_URL = live_server.url
    programme = ProgrammeFactory(title="Working together in Camden")
    facilitator = UserFactory(full_name="Sam Okafor", email="sam.okafor@example.org")
    MembershipFactory(programme=programme, person=facilitator, role=Role.FACILITATOR)
    TOTP.activate(facilitator, SECRET)
    ended = timezone.now() - datetime.timedelta(hours=2)
    event = EventFactory(
        programme=programme,
        title="Working together at the end of life: Camden",
        starts_at=ended - datetime.timedelta(minutes=90),
        ends_at=ended,
    )
    event.facilitators.add(facilitator)

    sign_in(page, facilitator, totp=True)
    page.goto(f"/surveys/programmes/{programme.slug}/")
    expect(page.get_by_role("heading", level=1, name="Surveys")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name=re.compile(r"Use this template\W+Session feedback")).click()
    expect(page.get_by_role("heading", level=1, name="Session feedback")).to_be_visible()
    axe_check(page)

    form = page.locator("form", has=page.get_by_role("button", name="Add question"))
    form.get_by_role("radio", name="Choose one").check()
    form.get_by_label("Question", exact=True).fill("Which sector do you work in?")
    form.get_by_role("button", name="Add question").click()
    expect(page.get_by_role("alert")).to_contain_text("Give at least 2 options, one per line.")
    expect(page.get_by_label("Question", exact=True)).to_have_value("Which sector do you work in?")
    axe_check(page)
    page.get_by_label("Options (for choose-one and choose-any)").fill("Health\nSocial care\nVoluntary")
    page.get_by_role("button", name="Add question").click()
    expect(page.get_by_role("heading", name="7. Which sector do you work in?")).to_be_visible()

    page.get_by_label("Send it for this event").select_option(label=event.title)
    page.get_by_role("radio", name="Straight after the session").check()
    page.get_by_role("button", name="Send with this event").click()
    expect(page.get_by_text("Sending is set up.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Preview the survey").click()
    expect(page.get_by_text("Preview: this is what people see")).to_be_visible()
    axe_check(page)

    survey = Survey.objects.get(programme=programme)
    learners = [UserFactory(full_name=f"Learner {n}") for n in range(5)]
    for learner in learners:
        RegistrationFactory(event=event, person=learner)
        Attendance.objects.create(event=event, person=learner, attended=True)
    assert services.invitations_send() == 5
    mine = learners[0]
    link = next(url for url in mailbox.only(mine.email).links() if "/surveys/invitations/" in url)

    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    sign_in(page, mine)
    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Session feedback")).to_be_visible()
    axe_check(page)
    page.get_by_role("group", name="The session was relevant to my work.").get_by_role(
        "radio", name="Strongly agree"
    ).check()
    page.get_by_label("What would have made the session better? (optional)").fill("More time in small groups")
    page.get_by_role("button", name="Save and finish later").click()
    expect(page.get_by_text("Your answers are saved.")).to_be_visible()
    page.goto("/surveys/")
    expect(page.get_by_text("Started")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Carry on: Session feedback")).click()
    expect(page.get_by_label("What would have made the session better? (optional)")).to_have_value(
        "More time in small groups"
    )
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("Answer this question, or save and finish later")
    axe_check(page)
    for group in (
        "I had enough chances to talk with people from other sectors.",
        "The facilitators made it feel safe to share experiences.",
    ):
        page.get_by_role("group", name=group).get_by_role("radio", name="Agree", exact=True).check()
    page.get_by_role(
        "group", name="How likely are you to recommend this session to a colleague?"
    ).get_by_role("radio", name="Very likely").check()
    page.get_by_role("group", name="Which sector do you work in?").get_by_role("radio", name="Health").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you. Your answers have been sent.")).to_be_visible()
    response = Response.objects.get(survey=survey)
    assert response.person is None and response.invitation is None

    # Four more people answer, so results can be shown.
    questions = list(survey.questions.order_by("position"))
    for learner in learners[1:]:
        invitation = Invitation.objects.get(person=learner)
        services.response_save(
            invitation=invitation, answers={q: None for q in questions} | {questions[0]: 4}, submit=True
        )

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, facilitator, totp=True)
    page.goto(f"/surveys/{survey.pk}/results/")
    expect(page.get_by_text("5 people answered.")).to_be_visible()
    expect(page.get_by_text("More time in small groups")).to_be_visible()
    expect(page.get_by_text(mine.full_name)).to_have_count(0)
    axe_check(page)

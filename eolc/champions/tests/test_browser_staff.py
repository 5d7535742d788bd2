"""In Chromium: the programme team approves a champion, looks at growth and recruitment gaps, moderates
the noticeboard, opens a consultation; a strategic group member responds; the team records the outcome.
axe-core checks each page."""

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone
from playwright.sync_api import expect

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.champions import services
from eolc.champions.models import Category, ChampionStatus, Consultation, GroupMembership, Outcome
from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
from eolc.core.tests.browser import totp_code
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, PhaseFactory, ProgrammeFactory

pytestmark = pytest.mark.system

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


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


def sign_out(page):
    page.get_by_role("navigation", name="Account").get_by_role("button", name="Sign out").click()


def test_team_runs_the_network_and_a_consultation(page, axe_check, mailbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    programme = ProgrammeFactory(title="Working together in North East London")
    phase = PhaseFactory(programme=programme, name="Phase 1")
    phase.target_areas.set(Area.objects.filter(code__in=["E09000012", "E09000002"]))
    network = NetworkFactory(programme=programme)
    admin = UserFactory(full_name="Priya Raman", email="priya.raman@example.org")
    MembershipFactory(programme=programme, person=admin, role=Role.ADMIN)
    TOTP.activate(admin, SECRET)
    adviser = UserFactory(full_name="Tom Hughes", email="tom.hughes@example.org")
    MembershipFactory(programme=programme, person=adviser, role=Role.COMMISSIONER)
    GroupMembership.objects.create(programme=programme, person=adviser, group="strategic")
    hackney = Area.objects.get(code="E09000012")
    active = ChampionFactory(network=network, person__full_name="Olu Adeyemi", person__area=hackney)
    MembershipFactory(programme=programme, person=active.person, role=Role.CHAMPION)
    waiting = ChampionFactory(network=network, person__full_name="Ama Boateng", status=ChampionStatus.PENDING)
    thread = services.thread_create(
        network=network,
        author=active.person,
        category=Category.QUESTIONS,
        title="Out of hours",
        body="Who do you ring?",
    )

    sign_in(page, admin, totp=True)
    page.goto(f"/champions/{programme.slug}/")
    axe_check(page)
    page.get_by_role("link", name="Approve champions and share invitation links").click()
    expect(page.get_by_role("heading", level=1, name="Run the champions network")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Approve Ama Boateng").click()
    expect(page.get_by_text("Ama Boateng is now an active champion")).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.is_active
    page.get_by_label("Where will you share this link?").fill("Hackney newsletter")
    page.get_by_label("Short code for the link").fill("hackney-news")
    page.get_by_role("button", name="Make link").click()
    expect(page.get_by_text("?src=hackney-news")).to_be_visible()
    axe_check(page)

    page.goto(f"/champions/{programme.slug}/growth/")
    expect(page.get_by_role("heading", level=1, name="Network growth")).to_be_visible()
    expect(page.get_by_text("Barking and Dagenham (Phase 1)")).to_be_visible()
    axe_check(page)

    page.goto(f"/champions/{programme.slug}/noticeboard/{thread.pk}/")
    axe_check(page)
    page.get_by_role("button", name="Lock thread").click()
    expect(page.get_by_text("This thread is locked")).to_be_visible()

    page.goto(f"/champions/{programme.slug}/consultations/")
    axe_check(page)
    page.get_by_role("link", name="Open a consultation").click()
    axe_check(page)
    page.get_by_label("Title of the draft").fill("Draft key message: talk early")
    page.get_by_label("The draft, or what you would like people to look at").fill(
        "Start the conversation early."
    )
    page.get_by_label("Strategic group").check()
    closes = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Closing date").fill(closes.isoformat())
    page.get_by_role("button", name="Open and send").click()
    expect(page.get_by_role("heading", level=1, name="Draft key message: talk early")).to_be_visible()
    axe_check(page)
    assert "Your views please" in mailbox.only(adviser.email).subject
    consultation = Consultation.objects.get()
    sign_out(page)

    sign_in(page, adviser)
    page.goto(f"/champions/{programme.slug}/consultations/{consultation.pk}/")
    axe_check(page)
    page.get_by_label("I request changes").check()
    page.get_by_label("Your comments").fill("Add a line for unpaid carers.")
    page.get_by_role("button", name="Send my view").click()
    expect(page.get_by_text("Your view is recorded")).to_be_visible()
    sign_out(page)

    sign_in(page, admin, totp=True)
    page.goto(f"/champions/{programme.slug}/consultations/{consultation.pk}/")
    expect(page.get_by_text("Add a line for unpaid carers.")).to_be_visible()
    page.get_by_label("Approved with changes").check()
    page.get_by_role("button", name="Record outcome").click()
    expect(page.get_by_text("The outcome is recorded on the draft")).to_be_visible()
    axe_check(page)
    consultation.refresh_from_db()
    assert consultation.outcome == Outcome.AMENDED

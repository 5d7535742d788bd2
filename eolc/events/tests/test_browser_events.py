"""In Chromium: find an event on the calendar, register, cancel, register again; the facilitator
signs in with two-factor and marks attendance on the check-in page. axe-core checks each page."""

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone
from playwright.sync_api import expect

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.core.tests.browser import totp_code
from eolc.events.models import Attendance, Registration, RegistrationStatus
from eolc.events.tests.factories import EventFactory
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
TITLE = "Working together at the end of life: Hackney, evening"


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
    expect(page.get_by_role("navigation", name="Account").get_by_role("link", name="Sign in")).to_be_visible()


def test_find_register_cancel_and_check_in(page, axe_check, mailbox, settings):
    # The emails are sent by background tasks; here they run as soon as they are queued.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    programme = ProgrammeFactory(title="Working together in North East London")
    learner = UserFactory(full_name="Grace Mensah", email="grace.mensah@example.org")
    facilitator = UserFactory(full_name="Sam Okafor", email="sam.okafor@example.org")
    MembershipFactory(programme=programme, person=learner, role=Role.LEARNER)
    MembershipFactory(programme=programme, person=facilitator, role=Role.FACILITATOR)
    TOTP.activate(facilitator, SECRET)
    starts = (timezone.localtime() + datetime.timedelta(days=1)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    event = EventFactory(
        title=TITLE,
        programme=programme,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=90),
        area=Area.objects.get(code="E09000012"),
        capacity=12,
    )
    event.facilitators.add(facilitator)
    EventFactory(title="Morning session elsewhere", programme=programme, starts_at=starts.replace(hour=9))

    sign_in(page, learner)
    page.get_by_role("banner").get_by_role("link", name="Events", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Events")).to_be_visible()
    if starts.month != timezone.localdate().month:
        page.get_by_role("link", name="Next month").click()
    axe_check(page)

    # Filter to evening sessions: htmx replaces the results without a reload.
    page.get_by_label("Time of day").select_option("evening")
    results = page.locator("#event-results")
    expect(results.get_by_role("link", name=re.compile("Morning session elsewhere"))).to_have_count(0)
    page.get_by_role("link", name=re.compile(re.escape(TITLE))).first.click()

    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_text("12 places left of 12")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Register").click()  # click one
    expect(page.get_by_role("heading", level=1, name=f"Register for {TITLE}")).to_be_visible()
    axe_check(page)
    page.get_by_label("What do you hope to learn? (optional)").fill("Who to call out of hours")
    page.get_by_role("button", name="Confirm registration").click()  # click two
    expect(page.get_by_text("You have a place", exact=True)).to_be_visible()
    expect(page.get_by_text("11 places left of 12")).to_be_visible()
    axe_check(page)
    assert "Your place is confirmed" in mailbox.only(learner.email).subject

    page.get_by_role("link", name="Cancel my place").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Are you sure"))).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Yes, cancel my place").click()
    expect(page.get_by_text("12 places left of 12")).to_be_visible()
    assert Registration.objects.get(person=learner).status == RegistrationStatus.CANCELLED

    page.get_by_role("link", name="Register").click()
    page.get_by_role("button", name="Confirm registration").click()
    expect(page.get_by_text("You have a place", exact=True)).to_be_visible()
    sign_out(page)

    sign_in(page, facilitator, totp=True)
    page.goto(f"/events/{event.pk}/")
    page.get_by_role("link", name="Check-in on the day").click()
    expect(page.get_by_role("heading", level=1, name=f"Check-in: {TITLE}")).to_be_visible()
    axe_check(page)
    card = page.locator(".nhsuk-card", has_text="Grace Mensah")
    expect(card.get_by_text("Not marked")).to_be_visible()
    url_before = page.url
    card.get_by_role("button", name=re.compile(r"^Attended")).click()
    expect(
        page.locator(".nhsuk-card", has_text="Grace Mensah").get_by_text("Attended", exact=True)
    ).to_be_visible()
    assert page.url == url_before  # swapped in place, no full reload
    assert Attendance.objects.get(event=event, person=learner).attended
    axe_check(page)

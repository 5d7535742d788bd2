"""In Chromium: a facilitator proposes mixed groups for a round, pins one person elsewhere,
confirms, and the registrations exist. axe-core checks each page."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from eolc.accounts.models import Sector
from eolc.accounts.tests.factories import UserFactory
from eolc.allocation import services
from eolc.events.models import Registration, RegistrationStatus
from eolc.events.tests.factories import EventFactory, in_days
from eolc.events.tests.test_browser_events import SECRET, sign_in, sign_out
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system


def test_propose_pin_and_confirm(page, axe_check, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    programme = ProgrammeFactory(title="Working together in Camden")
    facilitator = UserFactory(full_name="Sam Okafor", email="sam.okafor@example.org")
    MembershipFactory(programme=programme, person=facilitator, role=Role.FACILITATOR)
    TOTP.activate(facilitator, SECRET)
    tuesday = EventFactory(programme=programme, title="Tuesday evening", capacity=2, starts_at=in_days(9, 18))
    thursday = EventFactory(
        programme=programme, title="Thursday morning", capacity=2, starts_at=in_days(11, 9)
    )
    request_round = services.round_open(title="Spring learning sessions", events=[tuesday, thursday])
    names = ["Ada Health", "Ben Health", "Cara Care", "Dev Care"]
    sectors = [Sector.HEALTH, Sector.HEALTH, Sector.SOCIAL_CARE, Sector.SOCIAL_CARE]
    people = {}
    for name, sector in zip(names, sectors, strict=True):
        people[name] = UserFactory(full_name=name, sector=sector)
        if name != "Dev Care":
            services.place_request_save(
                request_round=request_round, person=people[name], available_events=[tuesday, thursday]
            )

    # Dev asks on the session's page: any of the round's sessions, instead of registering for one.
    sign_in(page, people["Dev Care"])
    page.goto(f"/events/{tuesday.pk}/")
    page.get_by_role("link", name="Ask for a place").click()
    axe_check(page)
    expect(page.get_by_label(re.compile(r"^Tuesday evening:"))).to_be_checked()
    page.get_by_label(re.compile(r"^Thursday morning:")).check()
    page.get_by_role("button", name="Ask for a place").click()
    expect(page.get_by_text("Thank you. When the groups are confirmed")).to_be_visible()
    expect(page.get_by_role("link", name="Change the sessions you could attend")).to_be_visible()
    sign_out(page)

    sign_in(page, facilitator, totp=True)
    page.goto(f"/allocation/rounds/{request_round.pk}/")
    axe_check(page)
    page.get_by_role("button", name="Propose groups").click()
    expect(page.get_by_text("Mix score")).to_be_visible()
    axe_check(page)

    select = page.get_by_label("Session for Ada Health")
    current = select.input_value()
    other = str(thursday.pk if current == str(tuesday.pk) else tuesday.pk)
    select.select_option(other)
    page.get_by_role("button", name=re.compile(r"Pin here.*Ada Health")).click()
    expect(page.get_by_text("Pinned", exact=True)).to_be_visible()
    expect(page.get_by_label("Session for Ada Health")).to_have_value(other)

    page.get_by_role("button", name="Confirm and tell everyone").click()
    expect(page.get_by_text("Confirmed: 4 places")).to_be_visible()
    axe_check(page)
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 4
    assert str(Registration.objects.get(person=people["Ada Health"]).event_id) == other


def test_the_page_follows_a_run_in_the_background_and_shows_each_sessions_mix(page, axe_check):
    programme = ProgrammeFactory(title="Working together in Barnet")
    facilitator = UserFactory(full_name="Ola Mensah", email="ola.mensah@example.org")
    MembershipFactory(programme=programme, person=facilitator, role=Role.FACILITATOR)
    TOTP.activate(facilitator, SECRET)
    events = [
        EventFactory(programme=programme, title=title, capacity=3, starts_at=in_days(day, 18))
        for title, day in (("Monday evening", 8), ("Wednesday evening", 10))
    ]
    request_round = services.round_open(title="Autumn learning sessions", events=events)
    for sector in [Sector.HEALTH] * 3 + [Sector.SOCIAL_CARE] * 2 + [Sector.UNPAID_CARER]:
        services.place_request_save(
            request_round=request_round, person=UserFactory(sector=sector), available_events=events
        )
    # Queued with no worker running: the page polls until the run below finishes.
    allocation = services.allocation_create(request_round=request_round, queue=False)

    sign_in(page, facilitator, totp=True)
    page.goto(f"/allocation/rounds/{request_round.pk}/")
    expect(page.get_by_role("status")).to_contain_text("Waiting for a worker")
    axe_check(page)
    services.allocation_run(allocation_id=allocation.pk)
    expect(page.get_by_text("Mix score")).to_be_visible(timeout=10_000)
    for event in events:
        table = page.get_by_role("table", name=f"{event.title}: people by sector")
        expect(table).to_be_visible()
        expect(page.get_by_role("img", name=re.compile(rf"^{event.title}\. Proposed: "))).to_be_visible()
    axe_check(page)

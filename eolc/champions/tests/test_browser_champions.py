"""In Chromium: answer the invitation, choose what to share, find another champion and message them,
then post on the noticeboard (an XSS payload shows as text). axe-core checks each page."""

import re

import pytest
from playwright.sync_api import expect

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory
from eolc.champions import services
from eolc.champions.models import Audience, ConsentField, ConsentMethod
from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
from eolc.events.models import Attendance, EventKind
from eolc.events.tests.factories import EventFactory, in_days
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.system


def sign_in(page, person):
    page.goto("/accounts/login/")
    main = page.get_by_role("main")
    main.get_by_label("Email").fill(person.email)
    main.get_by_label("Password").fill(TEST_PASSWORD)
    main.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))


def test_join_share_find_and_message(page, axe_check, mailbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    programme = ProgrammeFactory(title="Working together in North East London")
    network = NetworkFactory(programme=programme)
    joiner = UserFactory(full_name="Grace Mensah", email="grace.mensah@example.org")
    MembershipFactory(programme=programme, person=joiner, role=Role.LEARNER)
    # Grace already came to a champion event, so her place is active as soon as she joins.
    went = EventFactory(programme=programme, kind=EventKind.CHAMPION_EVENT, starts_at=in_days(-20))
    Attendance.objects.create(event=went, person=joiner, attended=True)
    EventFactory(programme=programme, kind=EventKind.CHAMPION_EVENT, title="Champions evening in Hackney")
    hackney = Area.objects.get(code="E09000012")
    other = ChampionFactory(network=network, person__full_name="Olu Adeyemi", person__area=hackney)
    MembershipFactory(programme=programme, person=other.person, role=Role.CHAMPION)
    for field in (ConsentField.BIO, ConsentField.MESSAGES):
        services.consent_record(
            champion=other,
            field=field,
            audience=Audience.CHAMPIONS,
            granted=True,
            method=ConsentMethod.WEB,
            by=other.person,
        )
    ChampionFactory(network=network, person__full_name="Zofia Nowak", person__sector="private")

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, joiner)
    page.goto(f"/champions/{programme.slug}/join/?src=newsletter")
    expect(page.get_by_role("heading", level=1, name="Become an end-of-life care champion")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Sign up as a champion").click()
    expect(page.get_by_role("heading", level=1, name="Sign up as a champion")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Join the network").click()
    expect(
        page.get_by_role("link", name="Choose at least one: experience, expertise or enthusiasm")
    ).to_be_visible()
    axe_check(page)
    page.get_by_label(re.compile("^Enthusiasm")).check()
    page.get_by_label("Spiritual, religious and existential aspects of care").check()
    page.get_by_label("A short bio (optional)").fill("Care home activities lead in Camden.")
    page.get_by_role("button", name="Join the network").click()

    expect(page.get_by_role("heading", level=1, name="What you share")).to_be_visible()
    axe_check(page)
    page.get_by_label("Share short bio with other champions and the programme team").check()
    page.get_by_label(
        "Share messages through the platform with other champions and the programme team"
    ).check()
    page.get_by_role("button", name="Save what I share").click()
    expect(page.get_by_text("What you share is updated")).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("Shared short bio with other champions"))).to_be_visible()
    axe_check(page)

    page.goto(f"/champions/{programme.slug}/")
    expect(page.get_by_text("Champions evening in Hackney")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Find a champion").click()
    expect(page.get_by_role("heading", level=1, name="Find a champion")).to_be_visible()
    axe_check(page)
    page.get_by_label("Area").select_option(str(hackney.pk))
    results = page.locator("#directory-results")
    expect(results.get_by_role("link", name="Zofia Nowak")).to_have_count(0)
    results.get_by_role("link", name="Olu Adeyemi").click()
    expect(page.get_by_role("heading", level=1, name="Olu Adeyemi")).to_be_visible()
    axe_check(page)
    page.get_by_label("Your message").fill("Could we meet before the next champion event?")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_text("Your message to Olu Adeyemi is on its way")).to_be_visible()
    sent = mailbox.only(other.person.email)
    assert "Could we meet" in sent.body
    assert joiner.email not in sent.body

    page.goto(f"/champions/{programme.slug}/")
    page.get_by_role("link", name="Noticeboard").click()
    expect(page.get_by_role("heading", level=1, name="Noticeboard")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Start a new post").click()
    axe_check(page)
    page.get_by_label("Practice examples").check()
    page.get_by_label("Title").fill("Care home huddles <b>every</b> Tuesday")
    page.get_by_label("Your post").fill("<script>alert('x')</script> We invite the district nurses.")
    page.get_by_role("button", name="Post").click()
    expect(
        page.get_by_role("heading", level=1, name="Care home huddles <b>every</b> Tuesday")
    ).to_be_visible()
    expect(page.get_by_text("<script>alert('x')</script> We invite the district nurses.")).to_be_visible()
    axe_check(page)
    assert dialogs == []

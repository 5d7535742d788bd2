"""In Chromium: a commissioner reads the dashboard, filters it and opens the report; the programme lead
writes the learning points. axe-core checks every page."""

import random
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum.tests.factories import PartFactory
from eolc.events.tests.test_browser_events import SECRET, sign_in, sign_out
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, PhaseFactory, ProgrammeFactory
from eolc.reports import rollups
from eolc.reports.tests.builders import activity, london_areas

pytestmark = pytest.mark.system


def test_commissioner_reads_the_dashboard_and_the_lead_writes_the_report(page, axe_check):
    programme = ProgrammeFactory(title="Working together in North London")
    PhaseFactory(programme=programme, name="Phase one").target_areas.set(london_areas())
    activity(
        programme,
        sessions=8,
        per_session=9,
        seed=random.randint(1, 1000),
        part=PartFactory(programme=programme),
    )
    rollups.refresh_due()
    commissioner = UserFactory(full_name="Grace Commissioner")
    MembershipFactory(programme=programme, person=commissioner, role=Role.COMMISSIONER)
    lead = UserFactory(full_name="Lena Lead")
    MembershipFactory(programme=programme, person=lead, role=Role.ADMIN)
    TOTP.activate(lead, SECRET)

    sign_in(page, commissioner)
    # With every app in the header, the design system folds later links into "More"; go straight there.
    page.goto("/reports/")
    page.get_by_role("link", name="Working together in North London", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Working together in North London")).to_be_visible()
    expect(page.get_by_text("are shown as “fewer than 5”")).to_be_visible()
    expect(page.get_by_role("img", name="Map of target areas by status")).to_be_visible()
    expect(page.get_by_role("table", name="Coverage of target areas")).to_contain_text("Camden")
    axe_check(page)

    page.get_by_text("Filter the figures").click()
    page.get_by_label("Sessions from").fill("2026-05-01")
    page.get_by_label("Sessions until").fill("2026-01-01")
    page.get_by_role("button", name="Show figures").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The end date must be the same as or after the start date."
    )
    expect(page.get_by_label("Sessions from")).to_have_value("2026-05-01")
    axe_check(page)
    page.get_by_label("Sessions until").fill("")
    page.get_by_label("Sessions from").fill("")
    page.get_by_label("Sector of the people reached").select_option("Health")
    page.get_by_role("button", name="Show figures").click()
    expect(page).to_have_url(re.compile(r"sector=health"))
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV of reach by sector").click()
    assert download.value.suggested_filename.endswith("-sector.csv")

    page.get_by_role("link", name=re.compile("Programme report")).click()
    expect(page.get_by_role("heading", level=2, name="Learning points")).to_be_visible()
    expect(page.get_by_role("link", name="Write the learning points")).to_have_count(0)
    axe_check(page)
    sign_out(page)

    sign_in(page, lead, totp=True)
    page.goto(f"/reports/programmes/{programme.slug}/report/")
    page.get_by_role("link", name="Write the learning points").click()
    axe_check(page)
    page.get_by_label("Learning points").fill(
        "Evening sessions reached unpaid carers.\n\nCare homes need cover."
    )
    page.get_by_role("button", name="Save the learning points").click()
    expect(page.get_by_text("Evening sessions reached unpaid carers.")).to_be_visible()
    axe_check(page)

"""In Chromium: a social worker who finished Part I joins a group, and its mentor keeps a private
note; a colleague who has not finished Part I is told why she cannot join. axe checks each page."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from eolc.accounts.tests.factories import UserFactory
from eolc.events.tests.test_browser_events import SECRET, sign_in, sign_out
from eolc.mentoring.tests.conftest import complete
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory

pytestmark = pytest.mark.system


def test_join_a_group_and_keep_a_private_note(page, axe_check, people, programme, mentoring):
    ready = UserFactory(full_name="Amara Obi", email="amara.obi@example.org", work_setting="hospital")
    early = UserFactory(full_name="Leah Stone", email="leah.stone@example.org")
    for person in (ready, early):
        MembershipFactory(programme=programme, person=person, role=Role.LEARNER)
    complete(ready, mentoring.part_one)

    sign_in(page, early)
    page.goto("/mentoring/")
    axe_check(page)
    page.goto(f"/mentoring/parts/{mentoring.part.pk}/join/")
    expect(page.get_by_text("Not open to you yet")).to_be_visible()
    expect(page.get_by_role("button", name="Find me a group")).to_have_count(0)
    axe_check(page)
    sign_out(page)

    sign_in(page, ready)
    page.goto("/mentoring/")
    page.get_by_role("link", name="Join a mentoring group").click()
    axe_check(page)
    page.get_by_role("button", name="Find me a group").click()
    expect(page.get_by_text("Choose at least one time of day you can meet").first).to_be_visible()
    axe_check(page)
    page.get_by_label("Afternoon (12pm to 5pm)").check()
    page.get_by_role("button", name="Find me a group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hospital social work, lunchtime")
    expect(page.get_by_text("Your private notes")).to_have_count(0)
    axe_check(page)
    sign_out(page)

    mentor = mentoring.mentor.person
    Authenticator.objects.filter(user=mentor).delete()
    TOTP.activate(mentor, SECRET)
    sign_in(page, mentor, totp=True)
    page.goto(f"/mentoring/groups/{mentoring.group.pk}/")
    expect(page.get_by_text("Amara Obi")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Add a private note").click()
    axe_check(page)
    page.get_by_label("Note", exact=True).fill("Amara wants to practise leading a family meeting.")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Amara wants to practise leading a family meeting.")).to_be_visible()
    sign_out(page)

    admin = people.admin
    Authenticator.objects.filter(user=admin).delete()
    TOTP.activate(admin, SECRET)
    sign_in(page, admin, totp=True)
    page.goto(f"/mentoring/parts/{mentoring.part.pk}/manage/")
    expect(page.get_by_role("link", name="Hospital social work, lunchtime")).to_be_visible()
    axe_check(page)
    page.goto(f"/mentoring/groups/{mentoring.group.pk}/")
    expect(page.get_by_text("Amara Obi")).to_be_visible()
    expect(page.get_by_text("Amara wants to practise")).to_have_count(0)

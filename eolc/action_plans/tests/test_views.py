"""Writing a plan on the plan page, progress when signed in, the PDF, and buddy opt-in and ending."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from eolc.accounts.models import JobRole
from eolc.accounts.tests.factories import UserFactory
from eolc.action_plans import services
from eolc.action_plans.models import ActionPlan, BuddyPair, PracticeCategory, Status
from eolc.action_plans.tests.factories import make_plan
from eolc.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def management(total=5):
    return {
        "actions-TOTAL_FORMS": str(total),
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "5",
    }


def blank_actions(data, start=1):
    for index in range(start, 5):
        data[f"actions-{index}-category"] = PracticeCategory.OTHER
    return data


def test_a_plan_without_reminders_is_saved_with_none(client):
    person = UserFactory()
    client.force_login(person)
    data = blank_actions(
        {
            **management(),
            "title": "No reminders, thank you",
            "actions-0-description": "Ring the district nurse team lead",
            "actions-0-due_date": "2030-06-01",
            "actions-0-category": PracticeCategory.OTHER,
        }
    )
    response = client.post(reverse("action_plans:create"), data)
    plan = ActionPlan.objects.get()
    assert response.status_code == 302 and plan.reminder_weeks == []


def test_writing_a_plan_with_an_event_and_partner_roles(client):
    person = UserFactory()
    event = EventFactory()
    RegistrationFactory(event=event, person=person)
    role = JobRole.objects.active().first()
    client.force_login(person)
    page = client.get(reverse("action_plans:create"), {"event": event.pk})
    assert page.status_code == 200 and f'value="{event.pk}" selected' in page.content.decode()
    data = blank_actions(
        {
            **management(),
            "title": "Closer working with the hospice",
            "event": event.pk,
            "reminder_weeks": ["2", "12"],
            "share_with_buddy": "on",
            "actions-0-description": "Invite the hospice social worker to our team meeting",
            "actions-0-due_date": "2030-06-01",
            "actions-0-partners": "St Anne's hospice",
            "actions-0-partner_roles": [role.pk],
            "actions-0-support_needed": "Time from my manager",
            "actions-0-barrier": "We do not know each other",
            "actions-0-category": PracticeCategory.MEETING,
            "actions-1-description": "Start a shared referral checklist",
            "actions-1-due_date": "2030-07-01",
            "actions-1-category": PracticeCategory.FORMAL_LINK,
        },
        start=2,
    )
    response = client.post(reverse("action_plans:create"), data)
    plan = ActionPlan.objects.get()
    assert response.status_code == 302 and response.url == reverse("action_plans:detail", args=[plan.pk])
    assert (plan.owner, plan.event, plan.reminder_weeks, plan.share_with_buddy) == (
        person,
        event,
        [2, 12],
        True,
    )
    first, second = plan.actions.all()
    assert first.category == PracticeCategory.MEETING and list(first.partner_roles.all()) == [role]
    assert second.position == 2 and second.category == PracticeCategory.FORMAL_LINK
    detail = client.get(response.url).content.decode()
    assert "Invite the hospice social worker" in detail and "St Anne&#x27;s hospice" in detail


def test_errors_keep_what_was_typed(client):
    client.force_login(UserFactory())
    data = blank_actions(
        {
            **management(),
            "title": "My plan",
            "actions-0-description": "Ring the district nursing lead",
            "actions-0-due_date": "not a date",
            "actions-0-category": PracticeCategory.OTHER,
        }
    )
    response = client.post(reverse("action_plans:create"), data)
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem with your actions" in body
    assert "Ring the district nursing lead" in body and "not a date" in body
    assert "Action 1: Enter a valid date." in body
    assert not ActionPlan.objects.exists()

    empty = client.post(
        reverse("action_plans:create"), blank_actions({**management(), "title": "Empty"}, start=0)
    )
    assert "Write at least one action." in empty.content.decode()
    assert not ActionPlan.objects.exists()


def test_an_event_the_person_did_not_attend_is_refused(client):
    client.force_login(UserFactory())
    other_event = EventFactory()
    data = blank_actions(
        {
            **management(),
            "title": "Plan",
            "event": other_event.pk,
            "actions-0-description": "Something",
            "actions-0-due_date": "2030-06-01",
            "actions-0-category": PracticeCategory.OTHER,
        }
    )
    response = client.post(reverse("action_plans:create"), data)
    assert response.status_code == 200 and not ActionPlan.objects.exists()


def test_signed_in_update_and_stuck_help(client):
    plan = make_plan(UserFactory())
    action = plan.actions.get()
    client.force_login(plan.owner)
    url = reverse("action_plans:update", args=[action.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": Status.STUCK, "stuck_reasons": ["manager"]})
    body = response.content.decode()
    assert "Help to get going again" in body and reverse("action_plans:buddies") in body
    action.refresh_from_db()
    assert action.status == Status.STUCK
    client.post(url, {"status": Status.DONE})
    action.refresh_from_db()
    assert action.status == Status.DONE and action.completed_at is not None


def test_stuck_help_offers_champions_near_the_person_and_the_library(client):
    from eolc.champions.tests.factories import NetworkFactory
    from eolc.programmes.tests.factories import MembershipFactory

    plan = make_plan(UserFactory())
    network = NetworkFactory()
    MembershipFactory(person=plan.owner, programme=network.programme)
    NetworkFactory()  # a programme the person does not belong to
    action = plan.actions.get()
    client.force_login(plan.owner)
    response = client.post(
        reverse("action_plans:update", args=[action.pk]),
        {"status": Status.STUCK, "stuck_reasons": ["manager"]},
    )
    body = response.content.decode()
    local = reverse("champions:local", args=[network.programme.slug])
    assert f'href="{local}?area={plan.owner.area_id}"' in body or f'href="{local}"' in body
    assert body.count("Champions near you") == 1
    assert reverse("library:index") in body


def test_the_owner_downloads_a_pdf_of_the_plan(client):
    plan = make_plan(UserFactory(), title="Closer working with the hospice")
    client.force_login(plan.owner)
    response = client.get(reverse("action_plans:pdf", args=[plan.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split()
    )
    assert "Closer working with the hospice" in text and "meet the hospital social work team" in text


def test_closing_and_sharing_are_the_owners_choice(client):
    plan = make_plan(UserFactory())
    client.force_login(plan.owner)
    client.post(reverse("action_plans:share", args=[plan.pk]), {"share_with_facilitators": "on"})
    plan.refresh_from_db()
    assert plan.share_with_facilitators and not plan.share_with_buddy
    client.post(reverse("action_plans:close", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.is_closed


def test_buddies_pair_across_sectors_and_either_side_ends_it(client):
    event = EventFactory()
    nurse, social_worker, carer = (
        UserFactory(sector="health"),
        UserFactory(sector="social_care"),
        UserFactory(sector="social_care"),
    )
    for person in (nurse, social_worker, carer):
        RegistrationFactory(event=event, person=person)
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.post(reverse("action_plans:buddy_opt_in", args=[event.pk])).status_code == 403

    client.force_login(social_worker)
    page = client.get(reverse("action_plans:buddies")).content.decode()
    assert event.title in page and "Find me a buddy" in page
    client.post(reverse("action_plans:buddy_opt_in", args=[event.pk]))
    client.force_login(nurse)
    client.post(reverse("action_plans:buddy_opt_in", args=[event.pk]))
    # The nurse was paired with the one waiting person; the carer who opts in later waits.
    pair = BuddyPair.objects.get()
    assert {pair.first, pair.second} == {social_worker, nurse}

    client.force_login(carer)
    response = client.post(reverse("action_plans:buddy_opt_in", args=[event.pk]), follow=True)
    assert "You are on the list" in response.content.decode()
    client.force_login(carer)
    assert client.post(reverse("action_plans:end_buddy", args=[pair.pk])).status_code == 404

    client.force_login(nurse)
    client.post(reverse("action_plans:end_buddy", args=[pair.pk]))
    pair.refresh_from_db()
    assert pair.ended_at is not None and pair.ended_by == nurse
    # With the pairing ended, the nurse may look again and is paired with the waiting carer.
    second = services.buddy_request_create(event=event, person=nurse)
    assert {second.first, second.second} == {carer, nurse}


def test_a_different_sector_is_preferred_over_who_came_first():
    event = EventFactory()
    nurse, other_nurse, social_worker, carer = (
        UserFactory(sector="health"),
        UserFactory(sector="health"),
        UserFactory(sector="social_care"),
        UserFactory(sector="unpaid_carer"),
    )
    for person in (nurse, other_nurse, social_worker, carer):
        RegistrationFactory(event=event, person=person)
    start = timezone.now()
    assert services.buddy_request_create(event=event, person=nurse, now=start) is None
    assert services.buddy_request_create(event=event, person=other_nurse, now=start) is None
    pair = services.buddy_request_create(event=event, person=social_worker, now=start)
    assert {pair.first, pair.second} == {nurse, social_worker}
    pair = services.buddy_request_create(event=event, person=carer, now=start)
    assert {pair.first, pair.second} == {other_nurse, carer}


def test_the_same_sector_pairs_after_waiting_three_days():
    event = EventFactory()
    nurse, other_nurse = UserFactory(sector="health"), UserFactory(sector="health")
    for person in (nurse, other_nurse):
        RegistrationFactory(event=event, person=person)
    start = timezone.now()
    assert services.buddy_request_create(event=event, person=nurse, now=start) is None
    later = start + services.SAME_SECTOR_AFTER - datetime.timedelta(minutes=1)
    assert services.buddy_request_create(event=event, person=other_nurse, now=later) is None
    services.buddy_request_withdraw(event=event, person=other_nurse)
    pair = services.buddy_request_create(
        event=event, person=other_nurse, now=start + services.SAME_SECTOR_AFTER
    )
    assert {pair.first, pair.second} == {nurse, other_nurse}

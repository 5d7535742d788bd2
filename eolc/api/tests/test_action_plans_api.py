"""The action plan API: a person's own plans only; anyone else's answer 404."""

import datetime

import pytest

from eolc.accounts.models import JobRole
from eolc.action_plans.models import ActionPlan, ProgressUpdate, Status
from eolc.action_plans.tests.factories import make_plan
from eolc.api.tests.test_events_api import call, detail_of
from eolc.events.tests.factories import EventFactory, RegistrationFactory, in_days

DUE = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()


def plan_body(**overrides):
    body = {
        "title": "Work with the hospice team",
        "actions": [
            {
                "description": "Invite the hospice nurse to our team meeting",
                "due_date": DUE,
                "partners": "St Anne's hospice",
                "partner_roles": ["district_nurse"],
                "category": "meeting",
            }
        ],
    }
    body.update(overrides)
    return body


@pytest.mark.django_db
def test_write_list_read_and_update_your_own_plan(client, people, programme):
    JobRole.objects.get_or_create(slug="district_nurse", defaults={"name": "District nurse"})
    event = EventFactory(programme=programme, starts_at=in_days(-2))
    RegistrationFactory(event=event, person=people.learner)
    response = call(
        client, "post", "/api/v1/plans", people.learner, plan_body(event=event.pk, reminder_weeks=[6, 2])
    )
    assert response.status_code == 201, response.content
    plan = response.json()
    assert plan["event"] == event.pk and plan["reminder_weeks"] == [2, 6]
    assert plan["actions"][0]["partner_roles"] == ["district_nurse"]
    assert plan["actions"][0]["status"] == "not_started"
    assert ActionPlan.objects.get(pk=plan["id"]).owner == people.learner

    listed = call(client, "get", "/api/v1/plans", people.learner).json()
    assert [p["id"] for p in listed] == [plan["id"]]
    assert call(client, "get", f"/api/v1/plans/{plan['id']}", people.learner).json() == plan

    action = plan["actions"][0]["id"]
    url = f"/api/v1/plans/{plan['id']}/actions/{action}/progress"
    stuck = call(
        client,
        "post",
        url,
        people.learner,
        {"status": "stuck", "note": "No reply yet", "stuck_reasons": ["partner"], "stuck_other": ""},
    )
    assert stuck.status_code == 201 and stuck.json()["stuck_reasons"] == ["partner"]
    done = call(client, "post", url, people.learner, {"status": "done", "stuck_reasons": ["partner"]})
    assert done.status_code == 201 and done.json()["stuck_reasons"] == []  # only kept while stuck
    read = call(client, "get", f"/api/v1/plans/{plan['id']}", people.learner).json()
    assert read["actions"][0]["status"] == Status.DONE and read["actions"][0]["completed_at"]


@pytest.mark.django_db
def test_someone_elses_plan_is_not_there(client, people, programme):
    event = EventFactory(programme=programme, starts_at=in_days(-2))
    plan = make_plan(people.learner, event=event, share_with_facilitators=True, share_with_buddy=True)
    action = plan.actions.get()
    for person in (people.facilitator, people.champion, people.commissioner, people.admin, people.outsider):
        assert call(client, "get", "/api/v1/plans", person).json() == []
        detail_of(call(client, "get", f"/api/v1/plans/{plan.pk}", person), 404)
        response = call(
            client,
            "post",
            f"/api/v1/plans/{plan.pk}/actions/{action.pk}/progress",
            person,
            {"status": "done"},
        )
        detail_of(response, 404)
    assert not ProgressUpdate.objects.exists()
    other = make_plan(people.champion)
    # The owner's own action under another plan's id is not found either.
    response = call(
        client,
        "post",
        f"/api/v1/plans/{other.pk}/actions/{action.pk}/progress",
        people.learner,
        {"status": "done"},
    )
    detail_of(response, 404)
    assert client.get("/api/v1/plans").status_code == 401


@pytest.mark.django_db
def test_bad_input_is_refused_plainly(client, people, programme):
    elsewhere = EventFactory(programme=programme, starts_at=in_days(-2))
    cases = [
        (plan_body(event=elsewhere.pk), "event: you can only write a plan for an event you had a place at"),
        (plan_body(reminder_weeks=[3]), "reminder_weeks"),
        (plan_body(actions=[{**plan_body()["actions"][0], "category": "party"}]), "actions[0].category"),
        (plan_body(actions=[{**plan_body()["actions"][0], "partner_roles": ["wizard"]}]), "'wizard'"),
    ]
    for body, expected in cases:
        assert expected in detail_of(call(client, "post", "/api/v1/plans", people.learner, body), 422)
    too_many = plan_body(actions=plan_body()["actions"] * 6)
    assert call(client, "post", "/api/v1/plans", people.learner, too_many).status_code == 422
    assert not ActionPlan.objects.exists()
    plan = make_plan(people.learner)
    url = f"/api/v1/plans/{plan.pk}/actions/{plan.actions.get().pk}/progress"
    assert "status" in detail_of(call(client, "post", url, people.learner, {"status": "finished"}), 422)
    body = {"status": "stuck", "stuck_reasons": ["weather"]}
    assert "'weather'" in detail_of(call(client, "post", url, people.learner, body), 422)

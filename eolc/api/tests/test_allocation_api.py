"""The allocation API contract: requests for places, a run in the background, reading, confirming."""

import pytest

from eolc.accounts.models import Sector
from eolc.accounts.tests.factories import UserFactory
from eolc.allocation import services
from eolc.allocation.models import Allocation, PlaceRequest
from eolc.api.tests.test_events_api import call, detail_of
from eolc.events.models import Registration, RegistrationStatus
from eolc.events.tests.factories import EventFactory, in_days
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def sessions(programme):
    return [EventFactory(programme=programme, capacity=2, starts_at=in_days(10 + i)) for i in range(2)]


def member(programme, sector):
    person = UserFactory(sector=sector)
    MembershipFactory(programme=programme, person=person, role=Role.LEARNER)
    return person


@pytest.mark.django_db
def test_request_run_read_and_confirm(
    client, people, programme, sessions, immediate_tasks, django_capture_on_commit_callbacks
):
    services.round_open(title="Spring", events=sessions, by=people.facilitator)
    ids = [e.pk for e in sessions]
    learners = [member(programme, s) for s in [Sector.HEALTH, Sector.HEALTH, Sector.SOCIAL_CARE]]
    response = call(
        client, "post", f"/api/v1/events/{ids[0]}/requests", learners[0], {"available_events": ids}
    )
    assert response.status_code == 201, response.content
    assert response.json()["available_events"] == sorted(ids)
    again = call(client, "post", f"/api/v1/events/{ids[0]}/requests", learners[0], {"available_events": ids})
    assert again.status_code == 200
    for person in learners[1:]:
        body = {"available_events": ids, "person": person.pk}
        assert (
            call(client, "post", f"/api/v1/events/{ids[0]}/requests", people.facilitator, body).status_code
            == 201
        )
    assert PlaceRequest.objects.get(person=learners[1]).requested_by == people.facilitator

    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", "/api/v1/allocations", people.facilitator, {"events": ids})
    assert response.status_code == 202, response.content
    created = response.json()
    assert set(created) == {"id", "status"}
    body = call(client, "get", f"/api/v1/allocations/{created['id']}", people.facilitator).json()
    assert body["status"] == "done"
    assert len(body["placements"]) == 3 and body["unplaced"] == []
    assert body["score"] >= body["baseline_score"]

    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", f"/api/v1/allocations/{created['id']}/confirm", people.facilitator)
    assert response.json()["confirmed"] == 3
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 3
    detail_of(call(client, "post", f"/api/v1/allocations/{created['id']}/confirm", people.facilitator), 409)


@pytest.mark.django_db
def test_only_organisers_run_and_read_allocations(client, people, sessions):
    ids = [e.pk for e in sessions]
    for person in (people.learner, people.commissioner):
        detail_of(call(client, "post", "/api/v1/allocations", person, {"events": ids}), 403)
    detail_of(call(client, "post", "/api/v1/allocations", people.other_admin, {"events": ids}), 403)
    allocation = services.allocation_create(request_round=services.round_open(title="R", events=sessions))
    for person in (people.learner, people.other_admin, people.outsider):
        detail_of(call(client, "get", f"/api/v1/allocations/{allocation.pk}", person), 404)
        detail_of(call(client, "post", f"/api/v1/allocations/{allocation.pk}/confirm", person), 404)
    queued = call(client, "get", f"/api/v1/allocations/{allocation.pk}", people.admin).json()
    assert queued["status"] == "queued" and queued["progress"] == 0 and queued["phase"] == ""
    Allocation.objects.filter(pk=allocation.pk).update(
        status="running", progress=64, phase="Mixing job roles"
    )
    running = call(client, "get", f"/api/v1/allocations/{allocation.pk}", people.admin).json()
    assert (running["progress"], running["phase"]) == (64, "Mixing job roles")
    Allocation.objects.filter(pk=allocation.pk).update(status="queued", progress=0, phase="")
    detail_of(call(client, "post", f"/api/v1/allocations/{allocation.pk}/confirm", people.admin), 409)
    detail_of(call(client, "get", "/api/v1/allocations/99999999", people.admin), 404)
    detail_of(call(client, "post", "/api/v1/allocations", people.admin, {"events": []}), 422)
    detail_of(client.get(f"/api/v1/allocations/{allocation.pk}"), 401)


@pytest.mark.django_db
def test_requests_need_an_open_round_and_its_own_sessions(client, people, programme, sessions):
    ids = [e.pk for e in sessions]
    detail_of(
        call(client, "post", f"/api/v1/events/{ids[0]}/requests", people.learner, {"available_events": ids}),
        404,
    )
    services.round_open(title="Spring", events=sessions[:1])
    body = {"available_events": ids}
    assert "not one of this round" in detail_of(
        call(client, "post", f"/api/v1/events/{ids[0]}/requests", people.learner, body), 409
    )
    detail_of(
        call(client, "post", f"/api/v1/events/{ids[0]}/requests", people.learner, {"available_events": []}),
        422,
    )
    someone = {"available_events": ids[:1], "person": people.champion.pk}
    detail_of(call(client, "post", f"/api/v1/events/{ids[0]}/requests", people.learner, someone), 403)
    outsider = {"available_events": ids[:1], "person": people.outsider.pk}
    detail_of(call(client, "post", f"/api/v1/events/{ids[0]}/requests", people.facilitator, outsider), 404)

"""The events API contract: scheduling, listing, registering, cancelling with promotion, attendance.

Every error is JSON `{"detail"}` naming the field at fault, never a 500.
"""

import datetime
import json

import pytest
from django.core import mail

from eolc.accounts.models import Area, Sector
from eolc.accounts.services import api_token_issue
from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum.models import Completion, PartKind
from eolc.curriculum.tests.factories import PartFactory
from eolc.events.models import Event, EventStatus, Registration, RegistrationStatus
from eolc.events.tests.factories import EventFactory, in_days
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory

EVENTS = "/api/v1/events"


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def call(client, method, url, person, data=None):
    kwargs = {"headers": {"authorization": f"Bearer {api_token_issue(person=person)}"}}
    if data is not None:
        kwargs.update(
            data=data if isinstance(data, str) else json.dumps(data), content_type="application/json"
        )
    return getattr(client, method)(url, **kwargs)


def detail_of(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail"} and body["detail"]
    return body["detail"]


def new_event(**overrides):
    body = {
        "title": "Working together at the end of life",
        "kind": "learning_session",
        "starts_at": "2027-03-17T09:30:00+00:00",
        "ends_at": "2027-03-17T11:00:00+00:00",
        "capacity": 12,
        "online": False,
        "area": "E09000007",
    }
    return {**body, **overrides}


@pytest.mark.django_db
def test_a_facilitator_schedules_an_event_published_by_default(client, people, programme):
    response = call(client, "post", EVENTS, people.facilitator, new_event())
    assert response.status_code == 201, response.content
    body = response.json()
    event = Event.objects.get(pk=body["id"])
    assert event.status == EventStatus.PUBLISHED
    assert event.programme == programme
    assert event.area.code == "E09000007"
    assert event.starts_at == datetime.datetime(2027, 3, 17, 9, 30, tzinfo=datetime.UTC)
    assert body["confirmed_count"] == 0 and body["sector_mix"] == {}


@pytest.mark.django_db
def test_offsets_are_honoured_and_draft_can_be_asked_for(client, people):
    body = new_event(
        starts_at="2027-03-17T09:30:00-05:00", ends_at="2027-03-17T11:00:00-05:00", status="draft"
    )
    response = call(client, "post", EVENTS, people.facilitator, body)
    event = Event.objects.get(pk=response.json()["id"])
    assert event.starts_at == datetime.datetime(2027, 3, 17, 14, 30, tzinfo=datetime.UTC)
    assert event.status == EventStatus.DRAFT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"starts_at": "2027-03-17T09:30:00"}, "starts_at"),
        ({"ends_at": "2027-03-17T08:00:00+00:00"}, "ends_at"),
        ({"capacity": 0}, "capacity"),
        ({"area": "E99999999"}, "area"),
        ({"part": 987654}, "part"),
        ({"title": ""}, "title"),
        ({"starts_at": "next tuesday"}, "starts_at"),
        ({"title": None}, "title"),
    ],
)
def test_bad_event_bodies_name_the_field(client, people, change, field):
    detail = detail_of(call(client, "post", EVENTS, people.facilitator, new_event(**change)), 422)
    assert detail.startswith(f"{field}:"), detail


@pytest.mark.django_db
def test_learners_cannot_schedule_and_garbage_is_not_a_500(client, people):
    assert "facilitators" in detail_of(call(client, "post", EVENTS, people.learner, new_event()), 403)
    detail_of(call(client, "post", EVENTS, people.facilitator, "{not json"), 400)
    detail_of(client.get(EVENTS), 401)


@pytest.mark.django_db
def test_list_filters_by_window_kind_and_area(client, people):
    camden = EventFactory(area=Area.objects.get(code="E09000007"), starts_at=in_days(5))
    hackney = EventFactory(area=Area.objects.get(code="E09000012"), starts_at=in_days(6), kind="webinar")
    later = EventFactory(area=Area.objects.get(code="E09000007"), starts_at=in_days(40))
    EventFactory(status=EventStatus.DRAFT, starts_at=in_days(5))

    def ids(query):
        response = call(client, "get", f"{EVENTS}?{query}", people.learner)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["items"]]

    assert ids("") == [camden.pk, hackney.pk, later.pk]
    frm = in_days(4).astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    to = in_days(10).astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(f"from={frm}&to={to}") == [camden.pk, hackney.pk]
    assert ids("kind=webinar") == [hackney.pk]
    assert ids("area=E09000007") == [camden.pk, later.pk]
    assert ids(f"area={Area.objects.get(code='E09000007').parent_id}") == [camden.pk, hackney.pk, later.pk]
    assert ids("limit=2") == [camden.pk, hackney.pk]
    assert ids("limit=2&offset=2") == [later.pk]
    assert call(client, "get", f"{EVENTS}?limit=1", people.learner).json()["count"] == 3
    assert call(client, "get", f"{EVENTS}?limit=501", people.learner).status_code == 422
    assert detail_of(call(client, "get", f"{EVENTS}?kind=party", people.learner), 422).startswith("kind:")
    assert detail_of(call(client, "get", f"{EVENTS}?from=yesterday", people.learner), 422).startswith("from")


@pytest.mark.django_db
def test_detail_counts_and_sector_mix_of_confirmed_people(client, people):
    event = EventFactory(capacity=2)
    for sector in (Sector.HEALTH, Sector.SOCIAL_CARE, Sector.HEALTH):
        call(client, "post", f"{EVENTS}/{event.pk}/registrations", UserFactory(sector=sector), {})
    body = call(client, "get", f"{EVENTS}/{event.pk}", people.learner).json()
    assert body["confirmed_count"] == 2 and body["waitlisted_count"] == 1
    assert body["sector_mix"] == {"health": 1, "social_care": 1}
    assert set(body) >= {"id", "title", "starts_at", "ends_at", "capacity"}
    detail_of(call(client, "get", f"{EVENTS}/99999999", people.learner), 404)
    detail_of(call(client, "get", f"{EVENTS}/{2**70}", people.learner), 404)


@pytest.mark.django_db
def test_joining_link_only_for_confirmed_people(client, people):
    event = EventFactory(online=True, joining_link="https://meet.example.org/xyz", capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    call(client, "post", f"{EVENTS}/{event.pk}/registrations", holder, {})
    call(client, "post", f"{EVENTS}/{event.pk}/registrations", waiting, {})
    assert call(client, "get", f"{EVENTS}/{event.pk}", holder).json()["joining_link"].endswith("xyz")
    assert call(client, "get", f"{EVENTS}/{event.pk}", waiting).json()["joining_link"] is None


@pytest.mark.django_db
def test_register_201_then_200_for_the_same_person(client):
    event = EventFactory()
    person = UserFactory()
    first = call(client, "post", f"{EVENTS}/{event.pk}/registrations", person, {})
    assert first.status_code == 201
    assert first.json()["status"] == "confirmed"
    again = call(client, "post", f"{EVENTS}/{event.pk}/registrations", person, {})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]


@pytest.mark.django_db
def test_not_eligible_is_409_naming_the_part(client, programme):
    needed = PartFactory(programme=programme, title="Foundations")
    event = EventFactory(programme=programme, required_part=needed)
    detail = detail_of(call(client, "post", f"{EVENTS}/{event.pk}/registrations", UserFactory(), {}), 409)
    assert "Foundations" in detail


@pytest.mark.django_db
def test_staff_register_someone_else_but_learners_cannot(client, people, programme):
    event = EventFactory(programme=programme)
    member = UserFactory()
    MembershipFactory(programme=programme, person=member, role=Role.LEARNER)
    response = call(
        client, "post", f"{EVENTS}/{event.pk}/registrations", people.facilitator, {"person": member.pk}
    )
    assert response.status_code == 201
    assert Registration.objects.get(pk=response.json()["id"]).registered_by == people.facilitator
    detail_of(
        call(client, "post", f"{EVENTS}/{event.pk}/registrations", people.learner, {"person": member.pk}), 403
    )
    outsider = call(
        client,
        "post",
        f"{EVENTS}/{event.pk}/registrations",
        people.facilitator,
        {"person": people.other_admin.pk},
    )
    detail_of(outsider, 404)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_delete_is_204_and_promotes_the_first_waiting_with_an_email(client, immediate_tasks):
    event = EventFactory(capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    held = call(client, "post", f"{EVENTS}/{event.pk}/registrations", holder, {}).json()
    waited = call(client, "post", f"{EVENTS}/{event.pk}/registrations", waiting, {}).json()
    assert waited["status"] == "waitlisted"
    mail.outbox.clear()
    response = call(client, "delete", f"/api/v1/registrations/{held['id']}", holder)
    assert response.status_code == 204
    assert Registration.objects.get(pk=waited["id"]).status == RegistrationStatus.CONFIRMED
    assert {m.to[0] for m in mail.outbox} == {holder.email, waiting.email}
    # Someone else's registration is not found, not forbidden.
    detail_of(call(client, "delete", f"/api/v1/registrations/{waited['id']}", UserFactory()), 404)


@pytest.mark.django_db
def test_attendance_by_an_organiser_completes_the_linked_part(client, people, programme):
    part = PartFactory(programme=programme, kind=PartKind.LIVE)
    event = EventFactory(programme=programme, part=part)
    person = UserFactory()
    call(client, "post", f"{EVENTS}/{event.pk}/registrations", person, {})
    url = f"{EVENTS}/{event.pk}/attendance"
    response = call(client, "post", url, people.facilitator, {"person": person.pk, "attended": True})
    assert response.status_code == 200, response.content
    assert response.json() == {"event": event.pk, "person": person.pk, "attended": True}
    assert Completion.objects.filter(person=person, part=part).exists()
    detail_of(call(client, "post", url, people.learner, {"person": person.pk, "attended": True}), 403)
    stranger = detail_of(
        call(client, "post", url, people.facilitator, {"person": UserFactory().pk, "attended": True}), 409
    )
    assert stranger.startswith("person:")
    assert detail_of(call(client, "post", url, people.facilitator, {"person": person.pk}), 422).startswith(
        "attended"
    )


def test_openapi_documents_the_events_page(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/events"]["get"]
    limit = next(p for p in operation["parameters"] if p["name"] == "limit")
    assert limit["schema"]["default"] == 50 and limit["schema"]["maximum"] == 500
    assert {"limit", "offset"} <= {p["name"] for p in operation["parameters"]}
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "PagedEventSummaryOut"
    )

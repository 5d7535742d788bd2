"""The library API: scoped resource search, and delivered sessions recorded and read for reports."""

import datetime
import json

import pytest

from eolc.accounts.models import Area
from eolc.accounts.services import api_token_issue
from eolc.library.models import DeliveredSession, Status
from eolc.library.tests.factories import ResourceFactory

RESOURCES = "/api/v1/library/resources"
DELIVERED = "/api/v1/library/delivered-sessions"


def call(client, method, url, person, data=None, **params):
    kwargs = {"headers": {"authorization": f"Bearer {api_token_issue(person=person)}"}}
    if data is not None:
        kwargs.update(data=json.dumps(data), content_type="application/json")
    elif params:
        kwargs["data"] = params
    return getattr(client, method)(url, **kwargs)


def test_search_returns_only_what_the_caller_may_see(client, people, other_programme):
    mine = ResourceFactory(title="Bereavement support leaflet", body="For families after a death.")
    ResourceFactory(title="Bereavement draft", status=Status.DRAFT)
    ResourceFactory(title="Bereavement elsewhere", programme=other_programme)
    response = call(client, "get", RESOURCES, people.learner, q="bereavement")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["id"] == mine.pk
    assert body["results"][0]["download_url"] is None


def test_a_resource_of_another_programme_is_not_found(client, people, other_programme):
    theirs = ResourceFactory(programme=other_programme)
    response = call(client, "get", f"{RESOURCES}/{theirs.pk}", people.learner)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}


def test_bad_filters_get_a_clear_message(client, people):
    response = call(client, "get", RESOURCES, people.learner, kind="poster")
    assert response.status_code == 422
    assert response.json() == {"detail": "kind: unknown kind 'poster'"}


@pytest.fixture
def area(db):
    return Area.objects.places_people_work().first()


def test_a_trainer_records_a_session_and_reporters_read_the_totals(client, people, programme, area):
    data = {
        "programme": programme.slug,
        "delivered_on": "2026-03-04",
        "area": area.code,
        "attendees": {"health": 6, "social_care": 5},
    }
    response = call(client, "post", DELIVERED, people.facilitator, data)
    assert response.status_code == 201, response.content
    assert response.json()["total"] == 11

    summary = call(client, "get", DELIVERED, people.commissioner, programme=programme.slug).json()
    assert summary["total"] == 11
    assert summary["totals_by_sector"]["health"] == 6
    assert call(client, "get", DELIVERED, people.learner).json()["sessions"] == []


@pytest.mark.parametrize(
    ("change", "status", "detail"),
    [
        ({"attendees": {"nurses": 3}}, 422, "attendees: unknown sector 'nurses'"),
        ({"attendees": {"health": 0}}, 422, "attendees: Give the number of people"),
        ({"area": "NOWHERE"}, 422, "area: no local authority"),
        ({"delivered_on": str(datetime.date.today() + datetime.timedelta(days=2))}, 422, "delivered_on"),
    ],
)
def test_bad_records_are_refused_naming_the_field(client, people, programme, area, change, status, detail):
    data = {"programme": programme.slug, "delivered_on": "2026-03-04", "area": area.code}
    data.update({"attendees": {"health": 4}, **change})
    response = call(client, "post", DELIVERED, people.facilitator, data)
    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)
    assert not DeliveredSession.objects.exists()


def test_only_trainers_record_sessions(client, people, programme, other_programme, area):
    data = {"programme": programme.slug, "delivered_on": "2026-03-04", "area": area.code}
    data["attendees"] = {"health": 1}
    assert call(client, "post", DELIVERED, people.learner, data).status_code == 403
    assert call(client, "post", DELIVERED, people.other_admin, data).status_code == 404

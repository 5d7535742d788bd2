"""What schemathesis found (test_schemathesis.py), each pinned down by an ordinary test: requests
the schema forbids are refused with a declared 4xx, and every 4xx the API can give is declared
(the common ones by eolc.api.errors.Router, the same way for every operation)."""

import pytest
from ninja import NinjaAPI
from ninja.throttling import AnonRateThrottle

from eolc.api import errors
from eolc.api.auth import BearerToken
from eolc.api.curriculum import ProgrammeIn
from eolc.api.schemas import ErrorOut
from eolc.api.tests.test_events_api import EVENTS, call, detail_of, new_event
from eolc.events.models import Event
from eolc.events.tests.factories import EventFactory, RegistrationFactory, in_days
from eolc.programmes.models import Programme

pytestmark = pytest.mark.django_db


def _error_responses_by_shape(operation):
    """The errors an operation's shape alone can give: a body can fail to parse (400), a token can be
    missing (401), a path can name nothing (404), any input can fail validation (422)."""
    locations = {parameter["in"] for parameter in operation.get("parameters", [])}
    has_body = "requestBody" in operation
    return {
        "400": has_body,
        "401": bool(operation.get("security")),
        "404": "path" in locations,
        "422": has_body or bool(locations),
    }


def test_every_operation_declares_the_errors_its_shape_can_give_in_the_same_way(client):
    document = client.get("/api/v1/openapi.json").json()
    error_body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            for status, applies in _error_responses_by_shape(operation).items():
                if applies:
                    assert status in responses, (method, path, status)
            for status, response in responses.items():
                if status.startswith("4"):
                    assert response["content"] == error_body, (method, path, status)
    throttled = [("post", "/api/v1/auth/token"), ("get", "/api/v1/certificates/{code}")]
    for method, path in throttled:
        assert "429" in document["paths"][path][method]["responses"]


def test_a_route_declares_only_the_errors_of_its_own_logic():
    """The common ones come from the router (eolc.api.errors.Router), whoever writes the route."""
    api = NinjaAPI(auth=BearerToken(), urls_namespace="contract-test", default_router=errors.Router())
    router = errors.Router()

    @router.post("/things/{thing_id}", response={201: ErrorOut, 409: ErrorOut})
    def thing_change(request, thing_id: int, payload: ProgrammeIn):
        raise AssertionError("never called")

    @router.get("/open", auth=None, throttle=[AnonRateThrottle("1/m")], response={200: ErrorOut})
    def open_door(request):
        raise AssertionError("never called")

    @router.get("/plain", response={200: ErrorOut})
    def plain(request):
        raise AssertionError("never called")

    api.add_router("", router)
    paths = api.get_openapi_schema(path_prefix="/api")["paths"]
    assert list(paths["/api/things/{thing_id}"]["post"]["responses"]) == [201, 400, 401, 404, 409, 422]
    assert list(paths["/api/open"]["get"]["responses"]) == [200, 429]
    assert list(paths["/api/plain"]["get"]["responses"]) == [200, 401]


@pytest.mark.parametrize("body", ['"Palliative care"', "[]", "42", "null"])
def test_a_body_that_is_json_but_not_an_object_creates_nothing(client, people, body):
    """The body "AAA" used to create a programme called "Aaa": ninja read `title` off the string."""
    response = call(client, "post", "/api/v1/programmes", people.admin, body)
    assert detail_of(response, 400) == "body: must be a JSON object"
    assert not Programme.objects.exclude(title__in=["North London working together", "Another programme"])


def test_an_id_that_is_not_a_number_is_a_json_422_not_an_html_404(client, people):
    for url in (
        "/api/v1/people/abc/transcript",
        "/api/v1/parts/1.5/completions",
        "/api/v1/parts/abc/enrolments",
        "/api/v1/programmes/abc/parts",
    ):
        if url.endswith("transcript"):
            response = call(client, "get", url, people.admin)
        else:
            response = call(client, "post", url, people.admin, {})
        name = url.split("/")[3].rstrip("s").replace("people", "person")
        assert detail_of(response, 422).startswith(f"{name}_id: Input should be a valid integer")


@pytest.mark.parametrize("starts_at", [0, 1_900_000_000, "1900000000", True])
def test_a_number_is_not_a_date_and_time(client, people, starts_at):
    """Pydantic alone reads a number as seconds since 1970: the event would have been in 1970."""
    response = call(client, "post", EVENTS, people.facilitator, new_event(starts_at=starts_at))
    assert detail_of(response, 422).startswith("starts_at: Value error, must be an ISO 8601 date and time")
    assert not Event.objects.exists()


def test_a_number_is_not_a_date_in_a_query(client, people, programme):
    assert detail_of(call(client, "get", f"{EVENTS}?to=0.5", people.learner), 422).startswith("to:")
    url = f"/api/v1/reports/programmes/{programme.slug}/summary"
    assert detail_of(call(client, "get", f"{url}?start=0", people.admin), 422).startswith("start:")
    assert call(client, "get", f"{url}?start=2026-01-01", people.admin).status_code == 200


def test_a_report_filter_outside_its_list_is_422_not_an_empty_report(client, people, programme):
    url = f"/api/v1/reports/programmes/{programme.slug}/summary"
    assert detail_of(call(client, "get", f"{url}?sector=null", people.admin), 422).startswith("sector:")
    assert detail_of(call(client, "get", f"{url}?kind=party", people.admin), 422).startswith("kind:")
    assert call(client, "get", f"{url}?sector=health&kind=", people.admin).status_code == 200


@pytest.mark.parametrize("attended", [0, 1, "yes", "false"])
def test_a_yes_or_no_must_be_true_or_false(client, people, programme, attended):
    event = EventFactory(programme=programme)
    registration = RegistrationFactory(event=event)
    response = call(
        client,
        "post",
        f"{EVENTS}/{event.pk}/attendance",
        people.facilitator,
        {"person": registration.person_id, "attended": attended},
    )
    assert detail_of(response, 422).startswith("attended:")
    past = EventFactory(programme=programme, starts_at=in_days(-2))
    RegistrationFactory(event=past, person=people.learner)
    plan = {
        "title": "Work with the hospice team",
        "event": past.pk,
        "actions": [{"description": "Meet the hospice nurse", "due_date": "2030-01-01"}],
        "share_with_facilitators": attended,
    }
    response = call(client, "post", "/api/v1/plans", people.learner, plan)
    assert detail_of(response, 422).startswith("share_with_facilitators:")

"""A whole number is a whole number and yes or no is true or false (issue #11).

In a JSON body every value already has a type, so "5", 5.0 and true are not taken for 5, nor "true"
or 1 for true. A query or path value is always text: "5" is 5 there, but "5.0" or " 5" is not.
The first tests walk the API's own schema, so an operation added later is held to the same rule.
"""

import pytest

from eolc.api.tests.test_events_api import EVENTS, call, detail_of, new_event
from eolc.events.models import Event
from eolc.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

WHOLE_NUMBER_IN_BODY = (
    "Input should be a valid integer: a whole number such as 5, without quotes or a decimal point"
)
WHOLE_NUMBER_IN_URL = "Input should be a valid integer: a whole number such as 5, in digits only"
YES_OR_NO_IN_BODY = "Input should be a valid boolean: true or false, without quotes"
ID_OR_CODE = "must be an id (a whole number) or a code (text)"

# What each kind of value must not be taken for, and what the API says instead.
WRONG = {
    "integer": (["5", 5.0, True], WHOLE_NUMBER_IN_BODY),
    "boolean": (["true", 1], YES_OR_NO_IN_BODY),
    "id or code": ([5.0, True], ID_OR_CODE),
}


def _operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def _resolve(schema, document):
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _typed_places(schema, document):
    """Each place in a body that holds a whole number or a yes or no: (its name in an error, its
    kind, a function that builds the body around a value put there)."""
    schema = _resolve(schema, document)
    members = [_resolve(member, document) for member in schema.get("anyOf", [])]
    members = [member for member in members if member.get("type") != "null"]
    if {member.get("type") for member in members} == {"integer", "string"}:
        yield (), "id or code", lambda value: value
        return
    if len(members) == 1:
        schema = members[0]
    kind = schema.get("type")
    if kind in ("integer", "boolean"):
        yield (), kind, lambda value: value
    elif kind == "array":
        for place, inner_kind, build in _typed_places(schema["items"], document):
            yield ("0", *place), inner_kind, lambda value, build=build: [build(value)]
    elif kind == "object":
        fields = dict(schema.get("properties", {}))
        if isinstance(schema.get("additionalProperties"), dict):
            fields["any"] = schema["additionalProperties"]
        for name, field in fields.items():
            for place, inner_kind, build in _typed_places(field, document):
                yield (name, *place), inner_kind, lambda value, name=name, build=build: {name: build(value)}


def _with_ids(path, **values):
    for segment in path.split("/"):
        if segment.startswith("{"):
            path = path.replace(segment, values.get(segment.strip("{}"), "1"))
    return path


def test_every_whole_number_and_yes_or_no_in_a_body_refuses_other_json_types(client, people):
    document = client.get("/api/v1/openapi.json").json()
    reached, wrongly_taken = set(), []
    for path, method, operation in _operations(document):
        if "requestBody" not in operation:
            continue
        body_schema = operation["requestBody"]["content"]["application/json"]["schema"]
        for place, kind, build in _typed_places(body_schema, document):
            values, message = WRONG[kind]
            for value in values:
                response = call(client, method, _with_ids(path), people.admin, build(value))
                reached.add(".".join(place))
                if f"{'.'.join(place)}: {message}" not in response.json().get("detail", ""):
                    wrongly_taken.append((method, path, place, value, response.status_code, response.content))
    assert {"capacity", "online", "area", "attended", "attendees.any", "reminder_weeks.0"} <= reached
    assert not wrongly_taken


def test_every_whole_number_in_a_query_or_path_takes_digits_only(client, people):
    document = client.get("/api/v1/openapi.json").json()
    reached, wrongly_taken = set(), []
    for path, method, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["schema"].get("type") != "integer":
                continue
            name = parameter["name"]
            for text in ("5.0", " 5", "1_000", "5e0", "abc"):
                if parameter["in"] == "path":
                    url = _with_ids(path, **{name: text.replace(" ", "%20")})
                else:
                    url = f"{_with_ids(path)}?{name}={text.replace(' ', '%20')}"
                response = call(client, method, url, people.admin, {} if "requestBody" in operation else None)
                reached.add(name)
                if f"{name}: {WHOLE_NUMBER_IN_URL}" not in response.json().get("detail", ""):
                    wrongly_taken.append((method, url, response.status_code, response.content))
            url = (
                _with_ids(path, **{name: "5"}) if parameter["in"] == "path" else f"{_with_ids(path)}?{name}=5"
            )
            response = call(client, method, url, people.admin, {} if "requestBody" in operation else None)
            assert f"{name}:" not in response.json().get("detail", ""), (method, url, response.content)
    assert {"event_id", "plan_id", "action_id", "limit", "offset"} <= reached
    assert not wrongly_taken


@pytest.mark.parametrize("capacity", ["12", 12.0, True])
def test_a_capacity_that_is_not_a_json_integer_schedules_nothing(client, people, capacity):
    response = call(client, "post", EVENTS, people.facilitator, new_event(capacity=capacity))
    assert detail_of(response, 422) == f"capacity: {WHOLE_NUMBER_IN_BODY}"
    assert not Event.objects.exists()


def test_dates_in_a_strict_body_are_still_read_from_iso_text(client, people):
    response = call(client, "post", EVENTS, people.facilitator, new_event(capacity=12))
    assert response.status_code == 201, response.content
    assert Event.objects.get().places == 12


def test_an_area_is_an_id_or_a_code_in_one_sentence(client, people):
    response = call(client, "post", EVENTS, people.facilitator, new_event(area=5.0))
    assert detail_of(response, 422) == f"area: {ID_OR_CODE}"


def test_attended_as_the_text_true_is_refused(client, people, programme):
    event = EventFactory(programme=programme)
    registration = RegistrationFactory(event=event)
    body = {"person": registration.person_id, "attended": "true"}
    response = call(client, "post", f"{EVENTS}/{event.pk}/attendance", people.facilitator, body)
    assert detail_of(response, 422) == f"attended: {YES_OR_NO_IN_BODY}"


def test_a_page_size_in_the_query_is_read_from_digits_only(client, people):
    assert detail_of(call(client, "get", f"{EVENTS}?limit=5.0", people.learner), 422) == (
        f"limit: {WHOLE_NUMBER_IN_URL}"
    )
    assert call(client, "get", f"{EVENTS}?limit=5", people.learner).status_code == 200
    assert detail_of(call(client, "get", f"{EVENTS}/7.0", people.learner), 422) == (
        f"event_id: {WHOLE_NUMBER_IN_URL}"
    )

"""The JSON API at /api/v1/: tokens, the signed-in profile, creating people, the schema and docs.

Every error is JSON `{"detail": "<one sentence>"}` with a 4xx status, never a 500 page.
"""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test import Client
from freezegun import freeze_time

from eolc.accounts.models import ApiToken, Area, JobRole, Sector, User
from eolc.accounts.services import api_token_issue
from eolc.accounts.tests.factories import TEST_PASSWORD, UserFactory

TOKEN_URL = "/api/v1/auth/token"
ME_URL = "/api/v1/me"
PEOPLE_URL = "/api/v1/people"
SECTOR_SLUGS = {
    "social_care",
    "health",
    "voluntary",
    "private",
    "unpaid_carer",
    "education",
    "other",
}


def post_json(client, url, data, **headers):
    body = data if isinstance(data, (bytes, str)) else json.dumps(data)
    return client.post(url, data=body, content_type="application/json", headers=headers)


def bearer(token):
    return {"authorization": f"Bearer {token}"}


def assert_error(response, status):
    """An API error: the expected status, JSON, and a single readable `detail` string."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail"}
    assert isinstance(body["detail"], str)
    assert body["detail"]
    return body["detail"]


def token_for(person):
    return api_token_issue(person=person)


# --- POST /auth/token ------------------------------------------------------------------------


@pytest.mark.django_db
def test_right_email_and_password_get_a_token_that_opens_the_api(client):
    person = UserFactory()
    response = post_json(client, TOKEN_URL, {"email": person.email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token"}
    assert len(body["token"]) >= 32
    # Only a hash is kept.
    assert not ApiToken.objects.filter(key_hash=body["token"]).exists()
    assert ApiToken.objects.filter(user=person, key_hash=ApiToken.hash_key(body["token"])).exists()
    assert client.get(ME_URL, headers=bearer(body["token"])).json()["email"] == person.email


@pytest.mark.django_db
def test_email_case_and_surrounding_spaces_do_not_matter(client):
    person = UserFactory(email="ann.smith@example.org")
    response = post_json(client, TOKEN_URL, {"email": "  Ann.Smith@Example.ORG ", "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert client.get(ME_URL, headers=bearer(response.json()["token"])).json()["id"] == person.pk


@pytest.mark.django_db
def test_wrong_password_and_unknown_email_get_the_same_401(client):
    person = UserFactory()
    wrong_password = post_json(client, TOKEN_URL, {"email": person.email, "password": "not-the-password"})
    unknown_email = post_json(client, TOKEN_URL, {"email": "nobody@example.org", "password": TEST_PASSWORD})
    assert_error(wrong_password, 401)
    assert_error(unknown_email, 401)
    assert wrong_password.content == unknown_email.content
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_a_closed_account_gets_the_same_401_as_a_wrong_password(client):
    person = UserFactory(is_active=False)
    closed = post_json(client, TOKEN_URL, {"email": person.email, "password": TEST_PASSWORD})
    wrong = post_json(client, TOKEN_URL, {"email": person.email, "password": "not-the-password"})
    assert_error(closed, 401)
    assert closed.content == wrong.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": TEST_PASSWORD}, "email"),
        ({"email": "ann@example.org"}, "password"),
        ({"email": None, "password": TEST_PASSWORD}, "email"),
        ({"email": 12, "password": TEST_PASSWORD}, "email"),
        ({"email": "ann@example.org", "password": ["a", "list"]}, "password"),
        ({"email": "a" * 300 + "@example.org", "password": TEST_PASSWORD}, "email"),
    ],
    ids=["no-email", "no-password", "null-email", "number-email", "list-password", "long-email"],
)
def test_missing_or_wrong_typed_fields_get_a_4xx_naming_the_field(client, body, field):
    detail = assert_error(post_json(client, TOKEN_URL, body), 422)
    assert field in detail


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"",
        b"[]",
        b'"text"',
        b"null",
        b"42",
        b"\xff\xfe",
        b'{"email": "a@example.org",',
    ],
    ids=["broken", "empty", "array", "string", "null", "number", "not-utf8", "truncated"],
)
def test_a_body_that_is_not_a_json_object_gets_a_4xx_not_a_500(client, raw):
    response = post_json(client, TOKEN_URL, raw)
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


@pytest.mark.django_db
def test_a_body_that_does_not_parse_is_400_naming_the_body(client, settings):
    for debug in (False, True):
        settings.DEBUG = debug
        response = post_json(client, TOKEN_URL, b"{not json")
        assert assert_error(response, 400) == "body: is not valid JSON"


@pytest.mark.django_db
def test_a_form_encoded_body_gets_a_4xx(client):
    response = client.post(TOKEN_URL, {"email": "a@example.org", "password": TEST_PASSWORD})
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["email", "password"])
def test_a_nul_character_is_refused_with_a_4xx_on_every_database(client, field):
    """PostgreSQL cannot store or compare text containing NUL, so it must never reach a query."""
    person = UserFactory()
    body = {"email": person.email, "password": TEST_PASSWORD}
    body[field] = body[field] + "\x00"
    detail = assert_error(post_json(client, TOKEN_URL, body), 422)
    assert field in detail


@pytest.mark.django_db
def test_token_requests_are_limited_to_ten_a_minute_per_client(client):
    person = UserFactory()
    # Different addresses each time, so the per-address lockout (test_sign_in_limits.py) stays out of it.
    for n in range(10):
        assert (
            post_json(client, TOKEN_URL, {"email": f"guess{n}@example.org", "password": "x"}).status_code
            == 401
        )
    # The eleventh is refused even with the right password.
    detail = assert_error(
        post_json(client, TOKEN_URL, {"email": person.email, "password": TEST_PASSWORD}), 429
    )
    assert "many" in detail.lower()
    # Another client is not affected.
    other = Client(REMOTE_ADDR="192.0.2.50")
    assert post_json(other, TOKEN_URL, {"email": person.email, "password": TEST_PASSWORD}).status_code == 200


@pytest.mark.django_db
def test_the_limit_counts_malformed_requests_too(client):
    for _ in range(10):
        assert post_json(client, TOKEN_URL, b"{not json").status_code == 400
    assert_error(post_json(client, TOKEN_URL, {"email": "a@example.org", "password": "x"}), 429)


@pytest.mark.django_db
def test_a_made_up_forwarded_for_header_does_not_escape_the_limit(client):
    """Unless NINJA_NUM_PROXIES says a proxy sets it, X-Forwarded-For is the client's own claim."""
    for n in range(10):
        response = post_json(
            client,
            TOKEN_URL,
            {"email": f"a{n}@example.org", "password": "x"},
            x_forwarded_for=f"203.0.113.{n}",
        )
        assert response.status_code == 401
    response = post_json(
        client,
        TOKEN_URL,
        {"email": "a@example.org", "password": "x"},
        x_forwarded_for="198.51.100.1",
    )
    assert_error(response, 429)


@pytest.mark.django_db
def test_rate_limit_counts_are_kept_in_the_database_cache_shared_by_every_server(client):
    post_json(client, TOKEN_URL, {"email": "a@example.org", "password": "x"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM eolc_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any(key.endswith("throttle_anon_127.0.0.1") for key in keys), keys


@pytest.mark.django_db
def test_demo_accounts_get_no_token_when_demo_sign_ins_are_off(client, settings):
    demo = UserFactory(is_demo=True)
    settings.DEMO_SIGN_INS_ALLOWED = False
    refused = post_json(client, TOKEN_URL, {"email": demo.email, "password": TEST_PASSWORD})
    wrong = post_json(client, TOKEN_URL, {"email": demo.email, "password": "not-the-password"})
    assert_error(refused, 401)
    assert refused.content == wrong.content
    assert not ApiToken.objects.filter(user=demo).exists()


@pytest.mark.django_db
def test_demo_accounts_get_a_token_when_demo_sign_ins_are_on(client, settings):
    demo = UserFactory(is_demo=True)
    settings.DEMO_SIGN_INS_ALLOWED = True
    response = post_json(client, TOKEN_URL, {"email": demo.email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert client.get(ME_URL, headers=bearer(response.json()["token"])).status_code == 200


@pytest.mark.django_db
def test_a_demo_token_stops_working_when_demo_sign_ins_are_switched_off(client, settings):
    settings.DEMO_SIGN_INS_ALLOWED = True
    token = token_for(UserFactory(is_demo=True))
    assert client.get(ME_URL, headers=bearer(token)).status_code == 200
    settings.DEMO_SIGN_INS_ALLOWED = False
    assert_error(client.get(ME_URL, headers=bearer(token)), 401)


@pytest.mark.django_db
def test_the_token_endpoint_only_accepts_post(client):
    assert client.get(TOKEN_URL).status_code == 405


# --- GET /me ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_me_returns_the_token_holders_profile(client):
    person = UserFactory(full_name="Ann Smith", sector=Sector.HEALTH)
    body = client.get(ME_URL, headers=bearer(token_for(person))).json()
    assert body == {
        "id": person.pk,
        "email": person.email,
        "full_name": "Ann Smith",
        "sector": "health",
        "job_role": "social_worker",
        "work_setting": "",
        "area": {
            "id": person.area.pk,
            "code": "E09000007",
            "name": "Camden",
            "kind": "local_authority",
        },
        "time_zone": "Europe/London",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer not-a-token",
        "Bearer ",
        "Bearer",
        "Token {token}",
        "Basic {token}",
        "{token}",
        "Bearer {token}x",
    ],
    ids=["none", "unknown", "empty", "no-value", "wrong-scheme", "basic", "no-scheme", "altered"],
)
def test_me_without_a_valid_bearer_token_is_401(client, header):
    token = token_for(UserFactory())
    headers = {} if header is None else {"authorization": header.format(token=token)}
    assert_error(client.get(ME_URL, headers=headers), 401)


@pytest.mark.django_db
def test_a_revoked_token_or_closed_account_is_401(client):
    from django.utils import timezone

    revoked_person, closed_person = UserFactory(), UserFactory()
    revoked, closed = token_for(revoked_person), token_for(closed_person)
    ApiToken.objects.filter(user=revoked_person).update(revoked_at=timezone.now())
    User.objects.filter(pk=closed_person.pk).update(is_active=False)
    assert_error(client.get(ME_URL, headers=bearer(revoked)), 401)
    assert_error(client.get(ME_URL, headers=bearer(closed)), 401)


@pytest.mark.django_db
def test_a_tokens_use_is_recorded_at_most_every_five_minutes(client):
    person = UserFactory()
    token = token_for(person)
    with freeze_time("2027-03-17 09:00:00+00:00") as clock:
        assert client.get(ME_URL, headers=bearer(token)).json()["id"] == person.pk
        first = ApiToken.objects.get(user=person).last_used_at
        assert first == datetime.datetime(2027, 3, 17, 9, tzinfo=datetime.UTC)
        clock.tick(datetime.timedelta(minutes=4))
        client.get(ME_URL, headers=bearer(token))
        assert ApiToken.objects.get(user=person).last_used_at == first
        clock.tick(datetime.timedelta(minutes=2))
        client.get(ME_URL, headers=bearer(token))
        assert ApiToken.objects.get(user=person).last_used_at == first + datetime.timedelta(minutes=6)


@pytest.mark.django_db
def test_a_browser_session_does_not_open_the_api(client):
    """The API reads only bearer tokens, so a signed-in browser cannot be driven cross-site."""
    client.force_login(UserFactory())
    assert_error(client.get(ME_URL), 401)


# --- POST /people ----------------------------------------------------------------------------


def new_person(**overrides):
    body = {
        "email": "New.Person@Example.org",
        "full_name": "New Person",
        "sector": "health",
        "job_role": "district_nurse",
        "area": Area.objects.get(code="E09000019").pk,
    }
    body.update(overrides)
    return body


@pytest.mark.django_db
def test_a_programme_admin_creates_a_person(client, people):
    response = post_json(client, PEOPLE_URL, new_person(), **bearer(token_for(people.admin)))
    assert response.status_code == 201, response.content
    body = response.json()
    person = User.objects.get(pk=body["id"])
    assert body["email"] == person.email == "new.person@example.org"
    assert body["full_name"] == "New Person"
    assert body["sector"] == "health"
    assert body["job_role"] == "district_nurse"
    assert body["area"]["code"] == "E09000019"
    assert person.job_role.slug == "district_nurse"
    assert person.area.name == "Islington"
    assert not person.has_usable_password()
    assert not person.is_staff and not person.is_superuser


@pytest.mark.django_db
def test_a_site_admin_creates_a_person_with_the_area_given_by_its_code(client, people):
    response = post_json(
        client, PEOPLE_URL, new_person(area="E09000007"), **bearer(token_for(people.site_admin))
    )
    assert response.status_code == 201, response.content
    assert response.json()["area"]["name"] == "Camden"
    response = post_json(
        client,
        PEOPLE_URL,
        new_person(email="texas@example.org", area="US-TX"),
        **bearer(token_for(people.site_admin)),
    )
    assert response.status_code == 201, response.content
    assert response.json()["area"]["kind"] == "state"


@pytest.mark.django_db
def test_job_role_and_area_are_optional(client, people):
    body = {"email": "plain@example.org", "full_name": "Plain Person", "sector": "voluntary"}
    response = post_json(client, PEOPLE_URL, body, **bearer(token_for(people.admin)))
    assert response.status_code == 201, response.content
    assert response.json()["job_role"] is None
    assert response.json()["area"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["learner", "commissioner", "champion", "facilitator", "mentor", "outsider"])
def test_people_without_an_admin_role_cannot_create_people(client, people, role):
    response = post_json(client, PEOPLE_URL, new_person(), **bearer(token_for(getattr(people, role))))
    assert_error(response, 403)
    assert not User.objects.filter(email="new.person@example.org").exists()


@pytest.mark.django_db
def test_creating_a_person_without_a_token_is_401(client):
    assert_error(post_json(client, PEOPLE_URL, new_person()), 401)
    assert not User.objects.filter(email="new.person@example.org").exists()


@pytest.mark.django_db
def test_an_email_already_in_use_is_409_whatever_its_case(client, people):
    UserFactory(email="taken@example.org")
    response = post_json(
        client, PEOPLE_URL, new_person(email="Taken@EXAMPLE.org"), **bearer(token_for(people.admin))
    )
    assert "taken@example.org" in assert_error(response, 409)
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"sector": "nursing"}, "sector"),
        ({"sector": "Health"}, "sector"),
        ({"job_role": "astronaut"}, "job_role"),
        ({"job_role": "inactive_role"}, "job_role"),
        ({"area": 999_999}, "area"),
        ({"area": 10**30}, "area"),
        ({"area": "E99999999"}, "area"),
        ({"area": "E12000007"}, "area"),  # London is a region, not a place people pick
        ({"area": ["E09000007"]}, "area"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "two@at@example.org"}, "email"),
        ({"email": ""}, "email"),
        ({"email": "a" * 250 + "@example.org"}, "email"),
        ({"email": None}, "email"),
        ({"full_name": ""}, "full_name"),
        ({"full_name": "   "}, "full_name"),
        ({"full_name": "x" * 151}, "full_name"),
        ({"full_name": "Ann\x00Smith"}, "full_name"),
        ({"sector": None}, "sector"),
    ],
)
def test_invalid_values_are_422_naming_the_field(client, people, overrides, field):
    JobRole.objects.create(slug="inactive_role", name="Retired role", is_active=False)
    response = post_json(client, PEOPLE_URL, new_person(**overrides), **bearer(token_for(people.admin)))
    detail = assert_error(response, 422)
    assert detail.startswith(field) or f"{field}:" in detail, detail
    assert not User.objects.filter(full_name="New Person").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["email", "full_name", "sector"])
def test_missing_required_fields_are_422_naming_the_field(client, people, field):
    body = new_person()
    del body[field]
    detail = assert_error(post_json(client, PEOPLE_URL, body, **bearer(token_for(people.admin))), 422)
    assert field in detail


@pytest.mark.django_db
def test_a_malformed_body_is_a_4xx_not_a_500(client, people):
    response = post_json(client, PEOPLE_URL, b"{", **bearer(token_for(people.admin)))
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


@pytest.mark.django_db
def test_fields_outside_the_schema_are_ignored(client, people):
    body = new_person(is_staff=True, is_superuser=True, is_demo=True, password="chosen-by-caller-123", id=1)
    response = post_json(client, PEOPLE_URL, body, **bearer(token_for(people.admin)))
    assert response.status_code == 201, response.content
    person = User.objects.get(email="new.person@example.org")
    assert not person.is_staff
    assert not person.is_superuser
    assert not person.is_demo
    assert not person.has_usable_password()
    assert person.pk != 1 or User.objects.count() == 1


# --- Schema and docs -------------------------------------------------------------------------


def _resolve(document, ref):
    assert ref.startswith("#/"), ref
    node = document
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _enum_of(schema):
    if "enum" in schema:
        return [value for value in schema["enum"] if value is not None]
    for option in schema.get("anyOf", []):
        if "enum" in option:
            return [value for value in option["enum"] if value is not None]
    return None


@pytest.mark.django_db
def test_openapi_document_is_valid_openapi_3(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert re.fullmatch(r"3\.\d+\.\d+", document["openapi"])
    assert document["info"]["title"] and document["info"]["version"]
    assert {"/api/v1/auth/token", "/api/v1/me", "/api/v1/people"} <= set(document["paths"])
    operation_ids = []
    for path, item in document["paths"].items():
        assert path.startswith("/api/v1/")
        for method, operation in item.items():
            assert method in {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
            operation_ids.append(operation["operationId"])
            assert operation["responses"]
            for status, reply in operation["responses"].items():
                assert re.fullmatch(r"[1-5]\d\d|default", status)
                assert "description" in reply
    assert len(operation_ids) == len(set(operation_ids))
    for ref in _refs(document):
        assert _resolve(document, ref) is not None
    # Bearer tokens: the token endpoint is open, the others need a token.
    schemes = document["components"]["securitySchemes"]
    assert any(s["type"] == "http" and s["scheme"] == "bearer" for s in schemes.values())
    assert not document["paths"]["/api/v1/auth/token"]["post"].get("security")
    assert document["paths"]["/api/v1/me"]["get"]["security"]
    assert document["paths"]["/api/v1/people"]["post"]["security"]


@pytest.mark.django_db
def test_openapi_lists_sector_and_job_role_slugs(client):
    document = client.get("/api/v1/openapi.json").json()
    body = document["paths"]["/api/v1/people"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in body:
        body = _resolve(document, body["$ref"])
    properties = body["properties"]
    assert set(body["required"]) >= {"email", "full_name", "sector"}
    assert set(_enum_of(properties["sector"])) == SECTOR_SLUGS
    job_roles = _enum_of(properties["job_role"])
    assert {"social_worker", "district_nurse"} <= set(job_roles)
    assert set(job_roles) == set(JobRole.objects.active().values_list("slug", flat=True))


@pytest.mark.django_db
def test_docs_page_renders_without_third_party_origins(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=[\"']([^\"']+)", html, flags=re.I)
    assert sources, "the docs page should load its scripts and styles from this site"
    for source in sources:
        assert source.startswith("/static/"), source
    lowered = html.lower()
    assert "cdn" not in lowered
    assert "http://" not in lowered
    assert "https://" not in lowered
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]

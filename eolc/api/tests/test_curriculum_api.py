"""The curriculum API: programmes, parts, completions, enrolments, transcripts and certificates."""

import datetime
from decimal import Decimal

import pytest

from eolc.api.tests.test_api import assert_error, bearer, post_json, token_for
from eolc.curriculum import services
from eolc.curriculum.models import Completion, CompletionSource, Enrolment, Part, PartCredit
from eolc.curriculum.tests.factories import CreditSchemeFactory, PartFactory
from eolc.programmes.models import Membership, Role

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def admin_headers(people):
    return bearer(token_for(people.admin))


def test_a_programme_admin_builds_a_programme_with_gated_parts(client, people):
    headers = bearer(token_for(people.admin))
    response = post_json(
        client,
        "/api/v1/programmes",
        {"title": "Palliative care for social workers", "summary": "Four parts"},
        **headers,
    )
    assert response.status_code == 201, response.content
    programme_id = response.json()["id"]
    assert Membership.objects.filter(programme_id=programme_id, person=people.admin, role=Role.ADMIN).exists()

    url = f"/api/v1/programmes/{programme_id}/parts"
    one = post_json(client, url, {"title": "Part I", "kind": "self_paced", "ce_hours": "8.0"}, **headers)
    assert one.status_code == 201, one.content
    assert one.json()["ce_hours"] == "8.00"
    four = post_json(
        client,
        url,
        {
            "title": "Part IV: Mentorship",
            "kind": "mentorship",
            "ce_hours": "0",
            "requires": [one.json()["id"]],
        },
        **headers,
    )
    assert four.status_code == 201, four.content
    assert four.json()["requires"] == [one.json()["id"]]
    assert list(Part.objects.get(pk=four.json()["id"]).requires.all()) == [
        Part.objects.get(pk=one.json()["id"])
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "X", "kind": "webinar", "ce_hours": "1"}, "kind"),
        ({"title": "X", "kind": "live", "ce_hours": "one"}, "ce_hours"),
        ({"title": "X", "kind": "live", "ce_hours": "-1"}, "ce_hours"),
        ({"title": "X", "kind": "live", "ce_hours": "1.005"}, "ce_hours"),
        ({"title": "X", "kind": "live", "ce_hours": "NaN"}, "ce_hours"),
        ({"title": "X", "kind": "live", "ce_hours": "1e9"}, "ce_hours"),
        ({"title": "", "kind": "live", "ce_hours": "1"}, "title"),
        ({"title": "X\x00", "kind": "live", "ce_hours": "1"}, "title"),
        ({"kind": "live", "ce_hours": "1"}, "title"),
        ({"title": "X", "kind": "live", "ce_hours": "1", "requires": [999999]}, "requires"),
        ({"title": "X", "kind": "live", "ce_hours": "1", "requires": [2**70]}, "requires"),
        ({"title": "X", "kind": "live", "ce_hours": "1", "requires": "1"}, "requires"),
        ({"title": "X", "kind": "live", "ce_hours": "1", "status": "hidden"}, "status"),
    ],
)
def test_bad_part_input_gets_a_4xx_naming_the_field(client, programme, admin_headers, body, field):
    response = post_json(client, f"/api/v1/programmes/{programme.pk}/parts", body, **admin_headers)
    assert field in assert_error(response, 422)


def test_a_part_cannot_require_a_part_of_another_programme(client, programme, admin_headers):
    elsewhere = PartFactory()
    response = post_json(
        client,
        f"/api/v1/programmes/{programme.pk}/parts",
        {"title": "X", "kind": "live", "ce_hours": "1", "requires": [elsewhere.pk]},
        **admin_headers,
    )
    assert "requires" in assert_error(response, 422)


@pytest.mark.parametrize(("role", "status"), [("learner", 403), ("other_admin", 404), ("outsider", 404)])
def test_only_the_programmes_admins_add_parts(client, people, programme, role, status):
    response = post_json(
        client,
        f"/api/v1/programmes/{programme.pk}/parts",
        {"title": "X", "kind": "live", "ce_hours": "1"},
        **bearer(token_for(getattr(people, role))),
    )
    assert_error(response, status)


def test_learners_cannot_create_programmes(client, people):
    response = post_json(client, "/api/v1/programmes", {"title": "Mine"}, **bearer(token_for(people.learner)))
    assert_error(response, 403)
    assert_error(post_json(client, "/api/v1/programmes", {"title": "Mine"}), 401)


def test_enrolment_is_409_naming_the_missing_part_until_it_is_completed(client, people, programme):
    part_one = PartFactory(programme=programme, title="Part I: Online training")
    mentorship = PartFactory(programme=programme, title="Part IV: Monthly mentorship", kind="mentorship")
    mentorship.requires.add(part_one)
    learner = bearer(token_for(people.learner))
    url = f"/api/v1/parts/{mentorship.pk}/enrolments"

    detail = assert_error(post_json(client, url, {}, **learner), 409)
    assert "Part I: Online training" in detail
    assert not Enrolment.objects.exists()

    completed = post_json(
        client,
        f"/api/v1/parts/{part_one.pk}/completions",
        {"person": people.learner.pk},
        **bearer(token_for(people.admin)),
    )
    assert completed.status_code == 201, completed.content
    assert completed.json()["certificate_code"]

    response = post_json(client, url, {}, **learner)
    assert response.status_code == 201, response.content
    assert response.json()["person"] == people.learner.pk


def test_staff_enrol_members_but_learners_cannot_enrol_others(client, people, programme):
    part = PartFactory(programme=programme)
    url = f"/api/v1/parts/{part.pk}/enrolments"
    assert_error(
        post_json(client, url, {"person": people.champion.pk}, **bearer(token_for(people.learner))), 403
    )
    response = post_json(client, url, {"person": people.champion.pk}, **bearer(token_for(people.admin)))
    assert response.status_code == 201
    assert Enrolment.objects.get().person == people.champion
    stranger = post_json(client, url, {"person": people.outsider.pk}, **bearer(token_for(people.admin)))
    assert "person" in assert_error(stranger, 422)


def test_completions_are_recorded_by_admins_only_and_not_in_the_future(client, people, programme):
    part = PartFactory(programme=programme)
    url = f"/api/v1/parts/{part.pk}/completions"
    assert_error(
        post_json(client, url, {"person": people.learner.pk}, **bearer(token_for(people.learner))), 403
    )
    future = post_json(
        client,
        url,
        {"person": people.learner.pk, "completed_on": "2999-01-01"},
        **bearer(token_for(people.admin)),
    )
    assert "completed_on" in assert_error(future, 422)
    assert "person" in assert_error(post_json(client, url, {}, **bearer(token_for(people.admin))), 422)
    assert not Completion.objects.exists()


def test_the_transcript_adds_hours_exactly_and_is_private(client, people, programme):
    scheme = CreditSchemeFactory(name="NASW CE")
    for number, hours in enumerate(["8.00", "2.50", "2.00"], 1):
        part = PartFactory(programme=programme, number=number, ce_hours=Decimal(hours))
        PartCredit.objects.create(part=part, scheme=scheme, category="Social work", hours=Decimal(hours))
        services.part_complete(person=people.learner, part=part, on=DAY, source=CompletionSource.IMPORTED)
    url = f"/api/v1/people/{people.learner.pk}/transcript"
    body = client.get(url, headers=bearer(token_for(people.learner))).json()
    assert body["total_ce_hours"] == "12.50"
    assert body["totals_by_scheme"] == {"NASW CE": "12.50"}
    assert [e["ce_hours"] for e in body["entries"]] == ["8.00", "2.50", "2.00"]
    assert set(body["entries"][0]) >= {"part", "ce_hours", "completed_on", "certificate_code"}
    assert client.get(url, headers=bearer(token_for(people.admin))).status_code == 200
    for role in ("champion", "other_admin", "outsider"):
        assert_error(client.get(url, headers=bearer(token_for(getattr(people, role)))), 404)
    assert_error(
        client.get(f"/api/v1/people/{2**64}/transcript", headers=bearer(token_for(people.admin))), 404
    )


def test_a_certificate_is_verified_by_code_without_signing_in(client, people, programme):
    part = PartFactory(programme=programme, title="Part I", ce_hours=Decimal("8.00"))
    completion = services.part_complete(
        person=people.learner, part=part, on=DAY, source=CompletionSource.IMPORTED
    )
    code = completion.certificate.code
    body = client.get(f"/api/v1/certificates/{code}").json()
    assert body["valid"] is True
    assert (body["name"], body["part"], body["ce_hours"], body["completed_on"]) == (
        people.learner.full_name,
        "Part I",
        "8.00",
        "2026-11-02",
    )
    assert "email" not in str(body)
    assert body["verification_url"].endswith(f"/verify/{code}/")
    services.certificate_revoke(
        certificate=completion.certificate, reason="Duplicate", revoked_by=people.admin
    )
    assert client.get(f"/api/v1/certificates/{code.lower()}").json()["valid"] is False
    assert_error(client.get("/api/v1/certificates/NOPE-NOPE-NOPE-NOPE"), 404)


@pytest.mark.parametrize(
    ("url", "body", "status", "field"),
    [
        ("/api/v1/parts/{part}/enrolments", {"person": "abc"}, 422, "person"),
        ("/api/v1/parts/{part}/enrolments", {"person": 0}, 422, "person"),
        ("/api/v1/parts/{part}/enrolments", {"person": 2**70}, 422, "person"),
        ("/api/v1/parts/{part}/enrolments", "[1, 2", 400, "body"),
        ("/api/v1/parts/{part}/completions", {"person": 1, "completed_on": "yesterday"}, 422, "completed_on"),
        ("/api/v1/parts/18446744073709551616/enrolments", {}, 404, ""),
        (
            "/api/v1/programmes/18446744073709551616/parts",
            {"title": "X", "kind": "live", "ce_hours": "1"},
            404,
            "",
        ),
        ("/api/v1/programmes", {"title": "X", "summary": 5}, 422, "summary"),
    ],
)
def test_malformed_input_is_a_4xx_naming_the_field_never_a_500(
    client, people, programme, url, body, status, field
):
    part = PartFactory(programme=programme)
    response = post_json(client, url.format(part=part.pk), body, **bearer(token_for(people.admin)))
    assert field in assert_error(response, status)

"""Authoring for programme administrators: build, order, validate and publish in the site."""

import pytest
from django.test import Client
from django.urls import reverse

from eolc.curriculum.models import Activity, ActivityKind, Module, Part, PartCredit, Status
from eolc.curriculum.tests.factories import ActivityFactory, CreditSchemeFactory, ModuleFactory, PartFactory

pytestmark = pytest.mark.django_db


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("learner", 403),
        ("facilitator", 403),
        ("other_admin", 404),
        ("outsider", 404),
        ("admin", 200),
        ("site_admin", 200),
    ],
)
def test_only_the_programmes_admins_manage_its_curriculum(people, programme, role, status):
    part = PartFactory(programme=programme)
    client = signed_in(getattr(people, role))
    assert client.get(reverse("curriculum:manage", args=[programme.slug])).status_code == status
    expected = 404 if status == 404 else status
    assert client.get(reverse("curriculum:part_edit", args=[part.pk])).status_code == expected


def test_an_admin_builds_a_part_module_and_video_and_publishing_checks_captions(people, programme):
    client = signed_in(people.admin)
    first = PartFactory(programme=programme, title="Part I")
    response = client.post(
        reverse("curriculum:part_create", args=[programme.slug]),
        {
            "title": "Part II: Live workshop",
            "kind": "live",
            "ce_hours": "2.5",
            "requires": [first.pk],
            "required_meetings": "0",
            "summary": "Scenarios and discussion",
        },
    )
    part = Part.objects.get(title="Part II: Live workshop")
    assert response["Location"] == reverse("curriculum:part_edit", args=[part.pk])
    assert (part.status, str(part.ce_hours), list(part.requires.all())) == ("draft", "2.50", [first])

    scheme = CreditSchemeFactory(name="NASW CE")
    client.post(
        reverse("curriculum:part_credit_add", args=[part.pk]),
        {"scheme": scheme.pk, "category": "Clinical", "hours": "2.50"},
    )
    assert PartCredit.objects.get(part=part).hours == 2.5

    client.post(
        reverse("curriculum:module_create", args=[part.pk]), {"title": "Family meetings", "summary": ""}
    )
    module = Module.objects.get(part=part)
    client.post(
        reverse("curriculum:activity_create", args=[module.pk]),
        {
            "title": "A family meeting",
            "kind": "video",
            "required": "on",
            "video_url": "/static/meeting.webm",
            "pass_mark": "80",
        },
    )
    video = Activity.objects.get(module=module)
    response = client.post(reverse("curriculum:publish", args=["activity", video.pk]), follow=True)
    page = response.content.decode()
    assert "cannot be published yet" in page and "captions" in page and "transcript" in page
    video.refresh_from_db()
    assert video.status == Status.DRAFT

    client.post(
        reverse("curriculum:activity_edit", args=[video.pk]),
        {
            "title": "A family meeting",
            "kind": "video",
            "required": "on",
            "video_url": "/static/meeting.webm",
            "captions": "WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome.",
            "transcript": "Welcome.",
            "pass_mark": "80",
        },
    )
    client.post(reverse("curriculum:publish", args=["activity", video.pk]))
    client.post(reverse("curriculum:publish", args=["module", module.pk]))
    video.refresh_from_db()
    module.refresh_from_db()
    assert (video.status, module.status) == (Status.PUBLISHED, Status.PUBLISHED)


def test_a_post_test_gets_questions_with_feedback_in_the_site(people, programme):
    module = ModuleFactory(part=PartFactory(programme=programme))
    test = ActivityFactory(module=module, kind=ActivityKind.POST_TEST, status=Status.DRAFT)
    client = signed_in(people.admin)
    missing = client.post(reverse("curriculum:question_add", args=[test.pk]), {"prompt": "Who decides?"})
    assert "There is a problem" in missing.content.decode()
    client.post(
        reverse("curriculum:question_add", args=[test.pk]),
        {
            "prompt": "Who decides?",
            "correct": "2",
            "choice_1": "The team",
            "feedback_1": "No: ask the person.",
            "choice_2": "The person, with support",
            "feedback_2": "Yes.",
        },
    )
    question = test.questions.get()
    assert [(c.text, c.correct) for c in question.choices.all()] == [
        ("The team", False),
        ("The person, with support", True),
    ]
    client.post(reverse("curriculum:publish", args=["activity", test.pk]))
    test.refresh_from_db()
    assert test.status == Status.PUBLISHED


def test_moving_swaps_neighbours(people, programme):
    module = ModuleFactory(part=PartFactory(programme=programme))
    first, second, third = (ActivityFactory(module=module, number=n) for n in (1, 2, 3))
    signed_in(people.admin).post(reverse("curriculum:move", args=["activity", third.pk]), {"direction": "up"})
    assert list(module.activities.order_by("number").values_list("pk", flat=True)) == [
        first.pk,
        third.pk,
        second.pk,
    ]


def test_a_part_cannot_be_made_to_require_itself_through_another(people, programme):
    one = PartFactory(programme=programme, title="One")
    two = PartFactory(programme=programme, title="Two")
    two.requires.add(one)
    response = signed_in(people.admin).post(
        reverse("curriculum:part_edit", args=[one.pk]),
        {
            "title": "One",
            "kind": "self_paced",
            "ce_hours": "1",
            "requires": [two.pk],
            "required_meetings": "0",
        },
    )
    assert "cannot require itself" in response.content.decode()
    assert not one.requires.exists()


def test_admins_find_the_authoring_pages_and_the_certificates_to_revoke(people, programme):
    import datetime

    from eolc.curriculum import services
    from eolc.curriculum.models import CompletionSource

    part = PartFactory(programme=programme, title="Part I")
    completion = services.part_complete(
        person=people.learner, part=part, on=datetime.date(2026, 11, 2), source=CompletionSource.IMPORTED
    )
    manage_link = reverse("curriculum:manage", args=[programme.slug])
    assert manage_link in signed_in(people.admin).get(reverse("curriculum:catalogue")).content.decode()
    assert manage_link not in signed_in(people.learner).get(reverse("curriculum:catalogue")).content.decode()
    page = signed_in(people.admin).get(reverse("curriculum:part_edit", args=[part.pk])).content.decode()
    assert reverse("curriculum:certificate_revoke", args=[completion.certificate.code]) in page


def test_an_admin_records_a_completion_for_a_member_only(people, programme):
    from eolc.curriculum.models import Completion

    part = PartFactory(programme=programme, title="Part II: Live workshop")
    url = reverse("curriculum:completion_record", args=[part.pk])
    client = signed_in(people.admin)
    stranger = client.post(url, {"person": people.outsider.pk, "completed_on": "2026-11-02"})
    assert "Select a valid choice" in stranger.content.decode()
    future = client.post(url, {"person": people.learner.pk, "completed_on": "2999-01-01"})
    assert "cannot be in the future" in future.content.decode()
    client.post(url, {"person": people.learner.pk, "completed_on": "2026-11-02"})
    completion = Completion.objects.get()
    assert (completion.person, completion.recorded_by, completion.source) == (
        people.learner,
        people.admin,
        "imported",
    )
    assert completion.certificate.code
    assert signed_in(people.learner).get(url).status_code == 403

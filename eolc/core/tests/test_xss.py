"""Script typed into free-text fields comes out as text wherever it is shown to someone.

One data-driven test: each `Shown` row names where people type text (a queryset and its fields),
who reads it, and the pages that show it. The test builds the rows once, then for every payload
writes it into the fields and checks each page renders it escaped. Add a row when a new free-text
field is shown to other people.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eolc.action_plans.models import Action
from eolc.action_plans.tests.access_table import plan
from eolc.champions.models import ChampionStatus, Thread
from eolc.champions.services.noticeboard import thread_create
from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
from eolc.core.tests.kept import forget_kept
from eolc.core.tests.walk import World
from eolc.core.tests.xss import PAYLOADS, assert_inert
from eolc.evaluation.models import Answer, Invitation, QuestionKind, SurveyKind
from eolc.evaluation.services import response_save
from eolc.evaluation.tests.factories import QuestionFactory, ScheduleFactory, SurveyFactory
from eolc.events.models import Event, Registration
from eolc.events.tests.access_table import event, registration
from eolc.insights.models import Contribution, ExampleStatus, PracticeExample
from eolc.insights.tests.factories import PracticeExampleFactory, make_contribution
from eolc.library.models import Resource
from eolc.library.tests.access_table import resource
from eolc.mentoring import services as mentoring
from eolc.mentoring.models import Mentor
from eolc.mentoring.tests.access_table import part as mentorship
from eolc.programmes.models import Programme
from eolc.scenarios.models import Node
from eolc.scenarios.tests.access_table import story


@dataclass
class Shown:
    """Text in `fields` of the rows `rows(world)` returns, read by `viewer` on `pages(world)`."""

    viewer: str  # a role of the `people` fixture, or "anonymous"
    rows: Callable
    fields: tuple
    pages: Callable


def _thread(w):
    network = NetworkFactory(programme=w.programme)
    ChampionFactory(network=network, person=w.people.champion, status=ChampionStatus.ACTIVE)
    return thread_create(network=network, author=w.people.champion, category="questions", title="T", body="B")


def _survey_answers(w):
    """Five free-text answers: results show text only once five people have answered."""
    survey = SurveyFactory(programme=w.programme, kind=SurveyKind.FEEDBACK, created_by=w.people.admin)
    question = QuestionFactory(survey=survey, position=1, kind=QuestionKind.TEXT, required=False)
    schedule = ScheduleFactory(survey=survey, event=event(w))
    answers, now = [], timezone.now()
    for person in (
        w.people.learner,
        w.people.champion,
        w.people.mentor,
        w.people.commissioner,
        w.people.outsider,
    ):
        invitation = Invitation.objects.create(
            schedule=schedule,
            survey=survey,
            event=event(w),
            person=person,
            claim="x",
            claimed_at=now,
            sent_at=now,
        )
        response = response_save(invitation=invitation, answers={question: "An answer"}, submit=True)
        answers.append(response.answers.get().pk)
    w._built["survey"] = survey
    return Answer.objects.filter(pk__in=answers)


def _mentor_offer(w):
    """An offer waiting for the programme's decision, with what the mentor wrote about themselves."""
    offer = mentoring.mentor_apply(
        programme=w.programme,
        person=w.people.mentor,
        capacity=4,
        work_settings=["hospital"],
        specialisms=[],
        experience="Years of hospice social work.",
    )
    return Mentor.objects.filter(pk=offer.pk)


def _one(model, build):
    return lambda w: model.objects.filter(pk=build(w).pk)


SHOWN = {
    "programme title": Shown(
        "learner",
        _one(Programme, lambda w: w.programme),
        ("title",),
        lambda w: [reverse("programmes:dashboard"), reverse("programmes:detail", args=[w.programme.slug])],
    ),
    "event title and description": Shown(
        "anonymous",
        _one(Event, event),
        ("title", "description", "venue_name"),
        lambda w: [
            f"{reverse('events:calendar')}?month={timezone.localtime(event(w).starts_at):%Y-%m}",
            f"{reverse('events:calendar')}?month={timezone.localtime(event(w).starts_at):%Y-%m}&view=list",
            reverse("events:detail", args=[event(w).pk]),
        ],
    ),
    "a registration's hopes and access needs": Shown(
        "facilitator",
        _one(Registration, registration),
        ("hopes", "access_needs"),
        lambda w: [reverse("events:registrations", args=[event(w).pk])],
    ),
    "action plan actions": Shown(
        "learner",
        lambda w: Action.objects.filter(plan=plan(w)),
        ("description", "partners", "barrier"),
        lambda w: [reverse("action_plans:detail", args=[plan(w).pk])],
    ),
    "library resource": Shown(
        "learner",
        _one(Resource, resource),
        ("title", "summary"),
        lambda w: [reverse("library:index"), reverse("library:resource", args=[resource(w).pk])],
    ),
    "a contribution in the review queue": Shown(
        "facilitator",
        _one(Contribution, lambda w: make_contribution(w.programme, approved=False)),
        ("text",),
        lambda w: [reverse("insights:review")],
    ),
    "practice example": Shown(
        "anonymous",
        _one(
            PracticeExample,
            lambda w: w.once(
                "example",
                lambda: PracticeExampleFactory(status=ExampleStatus.PUBLISHED, published_at=timezone.now()),
            ),
        ),
        ("title", "summary"),
        lambda w: [reverse("insights:catalogue"), reverse("insights:example", args=[w._built["example"].pk])],
    ),
    "noticeboard thread": Shown(
        "champion",
        lambda w: Thread.objects.filter(pk=w.once("thread", lambda: _thread(w)).pk),
        ("title",),
        lambda w: [
            reverse("champions:noticeboard", args=[w.programme.slug]),
            reverse("champions:thread", args=[w.programme.slug, w._built["thread"].pk]),
        ],
    ),
    "free-text survey answers": Shown(
        "facilitator",
        _survey_answers,
        ("text",),
        lambda w: [reverse("evaluation:results", args=[w._built["survey"].pk])],
    ),
    "scenario step": Shown(
        "learner",
        lambda w: Node.objects.filter(pk=story(w)[1]["start"].pk),
        ("title", "text"),
        lambda w: [reverse("scenarios:step", args=[story(w)[0].pk, story(w)[1]["start"].pk])],
    ),
    "a mentor's experience": Shown(
        "admin",
        _mentor_offer,
        ("experience",),
        lambda w: [reverse("mentoring:manage", args=[mentorship(w).pk])],
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_name_is_inert_in_the_people_list_and_the_transcript(people, programme, payload):
    people.learner.full_name = payload
    people.learner.save(update_fields=["full_name"])
    client = Client()
    client.force_login(people.admin)
    assert_inert(client.get(reverse("programmes:people")).content.decode(), payload)
    assert_inert(
        client.get(reverse("curriculum:person_transcript", args=[people.learner.pk])).content.decode(),
        payload,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", SHOWN)
def test_free_text_is_inert_wherever_it_is_shown(people, programme, other_programme, name):
    shown = SHOWN[name]
    world = World(people, programme, other_programme)
    rows = shown.rows(world)
    assert rows.exists(), f"{name}: the rows to write into were not built"
    pages = shown.pages(world)
    client = Client()
    if shown.viewer != "anonymous":
        client.force_login(getattr(people, shown.viewer))
    for payload in PAYLOADS:
        rows.update(**dict.fromkeys(shown.fields, payload))
        # A bulk update sends no signals, so pages kept under stamps (the anonymous calendar)
        # would still show the previous payload; the pages must render this one.
        forget_kept()
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
            assert_inert(response.content.decode(), payload)

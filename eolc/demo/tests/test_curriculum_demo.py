"""The demo curricula: the four-part course on programme 2 and the six-key-messages course."""

from decimal import Decimal

import pytest
from django.db.models import Sum

from eolc.curriculum.models import (
    Activity,
    Certificate,
    Choice,
    Completion,
    Domain,
    Enrolment,
    Module,
    Part,
    PartCredit,
    Question,
)
from eolc.curriculum.services import activity_publish_problems, prerequisites_missing
from eolc.demo import content
from eolc.demo.services import demo_load

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (
            Part,
            Module,
            Activity,
            Question,
            Choice,
            PartCredit,
            Completion,
            Certificate,
            Enrolment,
        )
    ]


def four_parts():
    return {p.number: p for p in Part.objects.filter(programme__slug=content.SOCIAL_WORK_CE)}


def test_the_curriculum_loads_once(db):
    demo_load()
    first = counts()
    demo_load()
    assert counts() == first


def test_four_parts_with_exact_hours_and_mentorship_gated_on_part_one(db):
    demo_load()
    parts = four_parts()
    assert [parts[n].ce_hours for n in (1, 2, 3)] == [Decimal("8.00"), Decimal("2.50"), Decimal("4.00")]
    assert sorted(parts[1].credits.values_list("category", "hours")) == [
        ("Clinical social work practice", Decimal("2.00")),
        ("Cross-cultural practice", Decimal("1.50")),
        ("Ethics", Decimal("1.00")),
        ("Pain and symptom management", Decimal("3.50")),
    ]
    assert parts[1].credits.aggregate(total=Sum("hours"))["total"] == Decimal("8.00")
    assert list(parts[4].requires.all()) == [parts[1]]
    learner = Enrolment.objects.get(person__email="learner@example.org").person
    assert prerequisites_missing(person=learner, part=parts[4]) == [parts[1]]


def test_part_one_covers_all_eight_domains_with_publishable_activities(db):
    demo_load()
    part_one = four_parts()[1]
    modules = part_one.modules.exclude(title="Check your learning")
    assert modules.count() >= 8
    covered = set(Domain.objects.filter(modules__in=modules).values_list("slug", flat=True))
    assert covered == set(Domain.objects.values_list("slug", flat=True))
    activities = Activity.objects.in_part(part_one)
    assert {a.kind for a in activities} >= {"exercise", "reflection", "resource", "post_test"}
    for activity in activities:
        assert activity_publish_problems(activity) == [], activity.title
    assert activities.get(kind="post_test").questions.count() == 8


def test_the_working_together_course_is_built_on_six_key_messages(db):
    demo_load()
    part = Part.objects.get(programme__slug=content.LONDON)
    messages = part.modules.get(title="Six key messages").activities.all()
    assert messages.count() == 6
    for activity in Activity.objects.in_part(part):
        assert activity_publish_problems(activity) == [], activity.title

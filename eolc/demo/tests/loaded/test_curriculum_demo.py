"""The demo curricula: the four-part course on programme 2 and the six-key-messages course."""

import pytest

from eolc.curriculum.models import (
    Activity,
    Domain,
    Part,
)
from eolc.curriculum.services import activity_publish_problems
from eolc.demo import content

pytestmark = pytest.mark.django_db


def four_parts():
    return {p.number: p for p in Part.objects.filter(programme__slug=content.SOCIAL_WORK_CE)}


def test_part_one_covers_all_eight_domains_with_publishable_activities():
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


def test_the_working_together_course_is_built_on_six_key_messages():
    part = Part.objects.get(programme__slug=content.LONDON)
    messages = part.modules.get(title="Six key messages").activities.all()
    assert messages.count() == 6
    for activity in Activity.objects.in_part(part):
        assert activity_publish_problems(activity) == [], activity.title

"""A programme with Part I (self-paced) and a mentorship part that requires it, approved mentors
and a scheduled group, for mentoring tests."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from conftest import give_totp
from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import CompletionSource, PartKind
from eolc.curriculum.tests.factories import PartFactory
from eolc.mentoring import services
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory


def next_weekday_at(hour, days=10):
    """A naive wall-clock time `days` from today at `hour` (a future time, whatever the hour now)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 0))


def approved_mentor(programme, admin, **kwargs):
    person = give_totp(UserFactory(**kwargs))
    MembershipFactory(programme=programme, person=person, role=Role.LEARNER)
    offer = services.mentor_apply(
        programme=programme,
        person=person,
        capacity=8,
        work_settings=["hospital"],
        specialisms=[],
        experience="Fifteen years as a palliative care social worker.",
    )
    return services.mentor_decide(mentor=offer, approve=True, by=admin)


def complete(person, part):
    return curriculum_services.part_complete(
        person=person, part=part, on=timezone.localdate(), source=CompletionSource.IMPORTED
    )


@pytest.fixture
def mentoring(people, programme):
    part_one = PartFactory(programme=programme, title="Part I: Online training", number=1)
    part = PartFactory(
        programme=programme,
        title="Part IV: Monthly mentorship",
        number=4,
        kind=PartKind.MENTORSHIP,
        required_meetings=3,
    )
    part.requires.set([part_one])
    mentor = approved_mentor(programme, people.admin, full_name="Rosa Delgado")
    other_mentor = approved_mentor(programme, people.admin, full_name="Tom Reyes")
    group = services.group_create(
        mentor=mentor,
        part=part,
        title="Hospital social work, lunchtime",
        capacity=4,
        first_meeting=next_weekday_at(13),
        time_zone="Europe/London",
        meetings=6,
        by=people.admin,
        work_setting="hospital",
    )
    other_group = services.group_create(
        mentor=other_mentor,
        part=part,
        title="Evening group",
        capacity=4,
        first_meeting=next_weekday_at(18),
        time_zone="Europe/London",
        meetings=6,
        by=people.admin,
    )
    return SimpleNamespace(
        part_one=part_one,
        part=part,
        mentor=mentor,
        other_mentor=other_mentor,
        group=group,
        other_group=other_group,
    )


@pytest.fixture
def mentee(people, mentoring):
    """The `people.learner`, having completed Part I and placed in the lunchtime group."""
    complete(people.learner, mentoring.part_one)
    return services.mentee_signup(
        part=mentoring.part,
        person=people.learner,
        times=["afternoon"],
        online_ok=True,
        work_setting="hospital",
    )


def move_into_past(meeting, days_ago=1):
    """Meetings are scheduled in the future; tests move one back to record what happened."""
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    meeting.starts_at, meeting.ends_at = starts, starts + datetime.timedelta(hours=1)
    meeting.save(update_fields=["starts_at", "ends_at"])
    return meeting

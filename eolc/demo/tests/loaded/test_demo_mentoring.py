"""Demo mentoring: three approved mentors leading monthly groups with mentees."""

import pytest
from django.utils import timezone

from eolc.events.models import Attendance, EventKind
from eolc.mentoring.models import Feedback, Mentee, MenteeStatus, Mentor, MentoringGroup, SessionNote

pytestmark = pytest.mark.django_db


def test_demo_mentoring_has_three_mentors_and_groups_with_mentees():
    assert Mentor.objects.approved().count() == 3
    assert Mentor.objects.waiting().count() == 1
    groups = MentoringGroup.objects.with_member_counts()
    assert groups.count() == 3
    assert all(group.member_count >= 2 for group in groups)
    assert len({group.mentor_id for group in groups}) == 3
    for group in groups:
        meetings = group.meetings()
        assert meetings.count() == 6
        assert meetings.filter(starts_at__lt=timezone.now()).count() == 2
    assert Mentee.objects.filter(status=MenteeStatus.WAITING).count() == 2
    assert Attendance.objects.filter(event__kind=EventKind.MENTORING, attended=True).exists()
    assert Feedback.objects.exists()
    note = SessionNote.objects.get()
    assert note.author == note.group.mentor.person

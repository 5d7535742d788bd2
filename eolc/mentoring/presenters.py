"""What mentoring pages show: a person's standing for each mentorship part, and feedback summaries."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count

from eolc.events.models import Attendance
from eolc.mentoring import services
from eolc.mentoring.forms import USEFUL_CHOICES
from eolc.mentoring.models import Feedback, Mentee, MenteeStatus, Mentor, MentoringGroup

USEFUL_LABELS = dict(USEFUL_CHOICES)


@dataclass
class PartStanding:
    part: object
    missing: list
    mentee: Mentee | None
    mentor: Mentor | None
    led_groups: list = field(default_factory=list)
    attended: int = 0
    can_manage: bool = False

    @property
    def eligible(self):
        return not self.missing

    @property
    def placed(self):
        return self.mentee is not None and self.mentee.status == MenteeStatus.PLACED

    @property
    def waiting(self):
        return self.mentee is not None and self.mentee.status == MenteeStatus.WAITING

    @property
    def needed(self):
        return self.part.required_meetings


def standing(user, part, *, can_manage) -> PartStanding:
    return PartStanding(
        part=part,
        missing=services.eligibility_missing(person=user, part=part),
        mentee=Mentee.objects.filter(part=part, person=user).select_related("group").first(),
        mentor=Mentor.objects.filter(programme=part.programme, person=user).first(),
        led_groups=list(MentoringGroup.objects.for_part(part).led_by(user).with_member_counts()),
        attended=services.meetings_attended(person=user, part=part),
        can_manage=can_manage,
    )


@dataclass
class FeedbackSummary:
    count: int
    average: float | None
    comments: list  # (meeting date, useful label, comment), newest first, without names


def feedback_summary(group) -> FeedbackSummary:
    rows = Feedback.objects.filter(group=group)
    totals = rows.aggregate(n=Count("pk"), average=Avg("useful"))
    comments = [
        (f.meeting.starts_at, USEFUL_LABELS.get(f.useful, ""), f.comment)
        for f in rows.exclude(comment="").select_related("meeting").order_by("-meeting__starts_at", "pk")
    ]
    average = round(totals["average"], 1) if totals["average"] is not None else None
    return FeedbackSummary(count=totals["n"], average=average, comments=comments)


def attendance_by_meeting(group, meetings, members) -> dict:
    """meeting id -> {person id: attended} for the group's members, for tables and forms."""
    grid = {meeting.pk: {} for meeting in meetings}
    rows = Attendance.objects.filter(event__in=list(grid), person__in=[m.person_id for m in members])
    for row in rows:
        grid[row.event_id][row.person_id] = row.attended
    return grid

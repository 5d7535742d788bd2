"""Demo mentoring for the US social work programme: three approved mentors and one offer waiting,
three monthly groups that started two months ago, social workers who finished Part I placed in
them (two still waiting), attendance at the meetings so far, feedback and a mentor's private note.

Mentors are found again by person, groups by part and title, and mentees by person, so loading
twice adds nothing. Places are written directly (no emails are sent to demo people).
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from eolc.curriculum.models import Completion, Part, PartKind
from eolc.demo import content
from eolc.events.models import Attendance, Registration, RegistrationStatus
from eolc.mentoring import services
from eolc.mentoring.models import (
    Feedback,
    Mentee,
    MenteeStatus,
    Mentor,
    MentoringGroup,
    MentorStatus,
    SessionNote,
)
from eolc.programmes.models import Membership, Role

SEED = "mentoring"

MENTOR_OFFERS = [
    (
        ["hospital", "primary_care"],
        10,
        "Palliative care social worker on an inpatient consult team for eighteen years. I supervise "
        "newly qualified social workers and can help with family meetings, goals-of-care conversations "
        "and the paperwork that goes with them.",
    ),
    (
        ["hospice", "home_care"],
        8,
        "Hospice social work lead. I have mentored hospice and home health colleagues for ten years, "
        "mostly on anticipatory grief, caregiver strain and working alongside faith leaders.",
    ),
    (
        ["community", "primary_care", "hospital"],
        8,
        "Community palliative care social worker who set up a joint clinic with a primary care "
        "practice. I can help people bring palliative care skills into busy general settings.",
    ),
    (
        ["hospital"],
        6,
        "ICU social worker with an interest in moral distress and team debriefs after difficult deaths.",
    ),
]

# (title, mentor index, work setting focus, local hour in New York, weekday offset)
GROUPS = [
    ("Hospital social work, lunchtime", 0, "hospital", 12, 0),
    ("Hospice and home health, evenings", 1, "hospice", 18, 2),
    ("Community and primary care, mornings", 2, "", 9, 4),
]
TIMES = {12: "afternoon", 18: "evening", 9: "morning"}

FEEDBACK = [
    (
        5,
        "Hearing how others handle a family who disagree about stopping treatment was exactly what I needed.",
    ),
    (4, "Good discussion. I would like a bit more time for the case I brought."),
    (5, "I left with a plan for the goals-of-care meeting I have been putting off."),
    (3, "Useful, though the connection dropped twice."),
]

NOTE = (
    "Second meeting. Two of the group are carrying a lot after a run of deaths on their units; check in "
    "with both before the next case discussion. One wants to practise leading a family meeting: offer "
    "to role-play it next month."
)


def _mentors(programme, people, admin) -> list[Mentor]:
    mentor_people = [people["mentor@example.org"]] + sorted(
        (
            m.person
            for m in Membership.objects.filter(programme=programme, role=Role.MENTOR, person__is_demo=True)
            .exclude(person__email="mentor@example.org")
            .select_related("person")
        ),
        key=lambda person: person.email,
    )
    mentors = []
    for index, (person, (settings, capacity, experience)) in enumerate(
        zip(mentor_people, MENTOR_OFFERS, strict=False)
    ):
        mentor, _ = Mentor.objects.update_or_create(
            programme=programme,
            person=person,
            defaults={
                "capacity": capacity,
                "work_settings": settings,
                "experience": experience,
                "status": MentorStatus.APPROVED if index < 3 else MentorStatus.APPLIED,
                "decided_by": admin if index < 3 else None,
                "decided_at": timezone.now() - datetime.timedelta(days=90) if index < 3 else None,
            },
        )
        mentors.append(mentor)
    return mentors


def _groups(part, mentors, admin) -> list[MentoringGroup]:
    today = timezone.localdate()
    groups = []
    for title, mentor_index, setting, hour, offset in GROUPS:
        group = MentoringGroup.objects.filter(part=part, title=title).first()
        if group is None:
            first_day = today - datetime.timedelta(days=45 - offset)
            first = datetime.datetime.combine(first_day, datetime.time(hour, 0))
            group = services.group_create(
                mentor=mentors[mentor_index],
                part=part,
                title=title,
                description="A monthly virtual group for social workers putting Part I into practice.",
                capacity=6,
                work_setting=setting,
                online=True,
                joining_link=f"https://meet.example.org/mentoring-{mentor_index + 1}",
                first_meeting=first,
                time_zone="America/New_York",
                meetings=6,
                by=admin,
                now=timezone.make_aware(first) - datetime.timedelta(days=7),
            )
        groups.append(group)
    return groups


def _mentees(part, groups, finishers, rng) -> int:
    """Place all but the last two finishers, each in the group of their setting where possible."""
    added = 0
    now = timezone.now()
    by_setting = {group.work_setting: group for group in groups if group.work_setting}
    counts = {group.pk: 0 for group in groups}
    for index, person in enumerate(finishers):
        mentee = Mentee.objects.filter(part=part, person=person).first()
        if mentee is not None:
            if mentee.group_id:
                counts[mentee.group_id] = counts.get(mentee.group_id, 0) + 1
            continue
        if index >= len(finishers) - 2:
            Mentee.objects.create(
                part=part,
                person=person,
                times=["morning"],
                online_ok=True,
                work_setting=person.work_setting,
                area=person.area,
            )
            added += 1
            continue
        group = by_setting.get(person.work_setting)
        if group is None or counts[group.pk] >= group.capacity:
            group = min(groups, key=lambda g: counts[g.pk])
        counts[group.pk] += 1
        joined = group.meetings().first().starts_at - datetime.timedelta(days=rng.randint(3, 12))
        Mentee.objects.create(
            part=part,
            person=person,
            status=MenteeStatus.PLACED,
            group=group,
            times=[group.time_of_day],
            online_ok=True,
            work_setting=person.work_setting,
            area=person.area,
            created_at=joined,
            placed_at=joined,
        )
        Registration.objects.get_or_create(
            series=group.series,
            person=person,
            status=RegistrationStatus.CONFIRMED,
            defaults={"created_at": joined, "confirmed_at": joined},
        )
        for meeting in group.meetings().filter(starts_at__lt=now):
            attended = rng.random() < 0.85
            Attendance.objects.get_or_create(
                event=meeting,
                person=person,
                defaults={
                    "attended": attended,
                    "recorded_by": group.mentor.person,
                    "recorded_at": meeting.ends_at,
                },
            )
            if attended and rng.random() < 0.5:
                useful, comment = rng.choice(FEEDBACK)
                Feedback.objects.get_or_create(
                    meeting=meeting,
                    person=person,
                    defaults={
                        "group": group,
                        "useful": useful,
                        "comment": comment,
                        "created_at": meeting.ends_at,
                    },
                )
        added += 1
    return added


@transaction.atomic
def mentoring_load(*, programmes, people) -> str:
    programme = programmes[content.SOCIAL_WORK_CE]
    part = Part.objects.filter(programme=programme, kind=PartKind.MENTORSHIP).first()
    part_one = part.requires.first() if part else None
    admin = (
        Membership.objects.filter(programme=programme, role=Role.ADMIN, person__is_demo=True)
        .order_by("person__email")
        .first()
    )
    if part is None or part_one is None or admin is None or "mentor@example.org" not in people:
        return "Mentoring: skipped (the social work programme's parts are missing)"
    rng = random.Random(SEED)
    mentors = _mentors(programme, people, admin.person)
    groups = _groups(part, mentors, admin.person)
    finishers = sorted(
        (c.person for c in Completion.objects.filter(part=part_one).select_related("person")),
        key=lambda person: person.email,
    )
    added = _mentees(part, groups, finishers, rng)
    first_group = groups[0]
    past = first_group.meetings().filter(starts_at__lt=timezone.now()).last()
    SessionNote.objects.get_or_create(
        group=first_group, author=first_group.mentor.person, text=NOTE, defaults={"meeting": past}
    )
    return f"Mentoring: {len(mentors)} mentor offers, {len(groups)} groups, {added} mentees added"

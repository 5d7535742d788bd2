"""Writes for mentoring: approving mentors, scheduling groups, signing up and matching mentees,
recording attendance, private notes and feedback.

Group meetings are created through the events app's services, and a mentee's place in a group
is an events registration for the group's series, so calendars, reminders and attendance stay
in one place. Completion of the mentorship part is decided by the curriculum's own service.
"""

import calendar
import datetime
import zoneinfo
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from eolc.accounts.models import Area
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import PartKind, Status
from eolc.events import services as events_services
from eolc.events.models import (
    Attendance,
    Event,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
    time_of_day,
)
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

MAX_MEETINGS = 24


class NotEligible(Exception):
    """The person has not completed the parts the mentorship part requires."""

    def __init__(self, part, missing):
        self.part = part
        self.missing = missing
        names = " and ".join(f"“{p.title}”" for p in missing)
        super().__init__(f"You can join mentoring once you have completed {names}.")


class MentoringRefused(Exception):
    """An action that is not allowed now; the message is shown to the person as it is."""


# --- Mentors -----------------------------------------------------------------------------------


@transaction.atomic
def mentor_apply(*, programme, person, capacity, work_settings, specialisms, experience) -> Mentor:
    """Offer to mentor, or update an offer; a declined offer made again waits for a new decision."""
    mentor = Mentor.objects.select_for_update().filter(programme=programme, person=person).first()
    if mentor is None:
        mentor = Mentor(programme=programme, person=person)
    elif mentor.status == MentorStatus.DECLINED:
        mentor.status, mentor.decided_at, mentor.decided_by = MentorStatus.APPLIED, None, None
        mentor.applied_at = timezone.now()
    mentor.capacity = capacity
    mentor.work_settings = list(work_settings)
    mentor.experience = experience.strip()
    mentor.full_clean()
    mentor.save()
    mentor.specialisms.set(specialisms)
    return mentor


@transaction.atomic
def mentor_decide(*, mentor: Mentor, approve: bool, by) -> Mentor:
    """Approve or decline; approval gives the person the programme's mentor role."""
    mentor = Mentor.objects.select_for_update().get(pk=mentor.pk)
    if not approve and mentor.groups.exists():
        raise MentoringRefused("This mentor leads groups; move their mentees before declining them.")
    mentor.status = MentorStatus.APPROVED if approve else MentorStatus.DECLINED
    mentor.decided_at = timezone.now()
    mentor.decided_by = by
    mentor.save(update_fields=["status", "decided_at", "decided_by"])
    if approve:
        Membership.objects.get_or_create(programme=mentor.programme, person=mentor.person, role=Role.MENTOR)
    return mentor


def mentor_places_left(mentor: Mentor, *, excluding=None) -> int:
    """Places the mentor can still offer in a new group: capacity less their groups' places."""
    groups = mentor.groups.all()
    if excluding is not None:
        groups = groups.exclude(pk=excluding.pk)
    return mentor.capacity - (groups.aggregate(n=Sum("capacity"))["n"] or 0)


# --- Groups and their monthly meetings ---------------------------------------------------------


def monthly_dates(first: datetime.datetime, count: int) -> list[datetime.datetime]:
    """The same weekday in the same week of each month ("the second Tuesday"), at the same
    wall-clock time; a fifth weekday becomes the last one in months that have only four."""
    week, weekday = (first.day - 1) // 7, first.weekday()
    dates = [first]
    year, month = first.year, first.month
    while len(dates) < count:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        offset = (weekday - datetime.date(year, month, 1).weekday()) % 7
        day = 1 + offset + 7 * week
        if day > calendar.monthrange(year, month)[1]:
            day -= 7
        dates.append(datetime.datetime.combine(datetime.date(year, month, day), first.timetz()))
    return dates


@transaction.atomic
def group_create(
    *,
    mentor: Mentor,
    part,
    title,
    first_meeting: datetime.datetime,
    time_zone: str,
    meetings: int,
    capacity: int,
    by,
    minutes=60,
    description="",
    work_setting="",
    area=None,
    online=True,
    joining_link="",
    venue_name="",
    now=None,
) -> MentoringGroup:
    """A group and its monthly meetings (published events whose places are given by matching).

    `first_meeting` is a naive wall-clock time in `time_zone`; `now` lets the demo start a group
    whose first meetings have already happened.
    """
    now = now or timezone.now()
    errors = {}
    if not mentor.is_approved:
        errors["mentor"] = "Only approved mentors can lead a group."
    if part.kind != PartKind.MENTORSHIP or part.programme_id != mentor.programme_id:
        errors["mentor"] = "Choose a mentor from this programme."
    if capacity > mentor_places_left(mentor):
        errors["capacity"] = (
            f"{mentor.person} has {max(0, mentor_places_left(mentor))} places left of their capacity of "
            f"{mentor.capacity}."
        )
    if not 1 <= meetings <= MAX_MEETINGS:
        errors["meetings"] = f"Schedule between 1 and {MAX_MEETINGS} monthly meetings."
    zone = zoneinfo.ZoneInfo(time_zone)
    first = first_meeting.replace(tzinfo=zone)
    if first <= now:
        errors["first_meeting"] = "The first meeting must be in the future."
    if not online and area is None:
        errors["area"] = "Choose the area a group that meets in person is in."
    if errors:
        raise ValidationError(errors)
    series = events_services.series_create(
        title=title, programme=mentor.programme, capacity=capacity, description=description
    )
    group = MentoringGroup(
        programme=mentor.programme,
        part=part,
        mentor=mentor,
        series=series,
        title=title,
        description=description,
        capacity=capacity,
        work_setting=work_setting,
        area=area,
        online=online,
        time_of_day=time_of_day(first, time_zone),
    )
    group.full_clean()
    group.save()
    for starts in monthly_dates(first, meetings):
        events_services.event_create(
            created_by=by,
            facilitators=[mentor.person],
            title=f"{title}: {starts:%B %Y}",
            kind=EventKind.MENTORING,
            description=description or f"Monthly mentoring group led by {mentor.person}.",
            status=EventStatus.PUBLISHED,
            programme=mentor.programme,
            series=series,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(minutes=minutes),
            time_zone=time_zone,
            online=online,
            joining_link=joining_link,
            venue_name=venue_name,
            area=area,
            capacity=capacity,
            # Places are given by matching, never by registering on the events calendar.
            registration_closes_at=now,
        )
    return group


def next_meeting(group: MentoringGroup, now=None):
    return group.meetings().filter(status=EventStatus.PUBLISHED, ends_at__gt=now or timezone.now()).first()


# --- Mentees: sign-up and matching -------------------------------------------------------------


def eligibility_missing(*, person, part):
    return curriculum_services.prerequisites_missing(person=person, part=part)


@transaction.atomic
def mentee_signup(*, part, person, times, online_ok, work_setting="", area=None) -> Mentee:
    """Sign up for mentoring (refused until the part's prerequisites are complete), then try to
    match the person straight away."""
    if part.kind != PartKind.MENTORSHIP or part.status != Status.PUBLISHED:
        raise MentoringRefused("This part does not offer mentoring.")
    missing = eligibility_missing(person=person, part=part)
    if missing:
        raise NotEligible(part, missing)
    mentee = Mentee.objects.select_for_update().filter(part=part, person=person).first()
    if mentee is not None and mentee.status == MenteeStatus.PLACED:
        raise MentoringRefused("You are already in a mentoring group for this part.")
    mentee = mentee or Mentee(part=part, person=person)
    mentee.status, mentee.group, mentee.placed_at = MenteeStatus.WAITING, None, None
    mentee.times, mentee.online_ok = list(times), online_ok
    mentee.work_setting, mentee.area = work_setting, area
    mentee.created_at = timezone.now()
    mentee.full_clean()
    mentee.save()
    mentees_match(part=part, only=[mentee.pk])
    mentee.refresh_from_db()
    return mentee


def _areas_within(groups) -> dict[int, set[int]]:
    return {
        group.pk: set(Area.objects.within(group.area).values_list("pk", flat=True))
        for group in groups
        if group.area_id
    }


def _fits(group, mentee, areas_within) -> tuple[bool, bool, bool]:
    """(can go at all, setting matches, area matches). Time of day is a hard requirement, as is
    being able to travel to a group that meets in person."""
    in_area = group.area_id is None or (
        mentee.area_id is not None and mentee.area_id in areas_within[group.pk]
    )
    can_go = group.time_of_day in mentee.times and (
        group.online and mentee.online_ok or not group.online and in_area
    )
    return can_go, bool(group.work_setting) and group.work_setting == mentee.work_setting, in_area


def match_tiers(groups, mentees) -> list[dict]:
    """Availability per round, best fit first: setting and area, then setting or area, then any."""
    areas_within = _areas_within(groups)
    tiers = [{}, {}, {}]
    for mentee in mentees:
        for group in groups:
            can_go, setting, area = _fits(group, mentee, areas_within)
            if not can_go:
                continue
            score = int(setting) + int(area and group.area_id is not None)
            for tier in range(3):
                if score >= 2 - tier:
                    tiers[tier].setdefault(mentee.pk, []).append(group.pk)
    return tiers


def _free_places(groups) -> dict[int, int]:
    placed = Counter(Mentee.objects.placed().filter(group__in=groups).values_list("group", flat=True))
    return {group.pk: group.capacity - placed[group.pk] for group in groups}


@transaction.atomic
def mentees_match(*, part, by=None, only=None) -> list[Mentee]:
    """Place waiting mentees in groups with room, in rounds from best fit to any fit.

    Each round is a run of the allocation engine: it places as many people as capacity and
    availability allow, earliest sign-up first. Returns the mentees placed.
    """
    from eolc.allocation import engine  # numpy and OR-Tools load only when matching runs

    now = timezone.now()
    groups = [
        group
        for group in MentoringGroup.objects.for_part(part).filter(mentor__status=MentorStatus.APPROVED)
        if next_meeting(group, now) is not None
    ]
    waiting = Mentee.objects.for_part(part).waiting().select_for_update().select_related("person")
    if only is not None:
        waiting = waiting.filter(pk__in=only)
    waiting = list(waiting.first_come())
    if not groups or not waiting:
        return []
    free = _free_places(groups)
    by_id = {mentee.pk: mentee for mentee in waiting}
    groups_by_id = {group.pk: group for group in groups}
    placed = []
    for tier in match_tiers(groups, waiting):
        sessions = [engine.Session(id=pk, capacity=max(0, n)) for pk, n in free.items()]
        people = [
            engine.Person(
                id=pk,
                sector=by_id[pk].person.sector or "-",
                available=tuple(available),
                requested_at=by_id[pk].created_at,
            )
            for pk, available in tier.items()
            if by_id[pk].status == MenteeStatus.WAITING
        ]
        if not people:
            continue
        for mentee_pk, group_pk in engine.allocate(sessions, people).placements.items():
            if mentee_place(mentee=by_id[mentee_pk], group=groups_by_id[group_pk], by=by, now=now):
                free[group_pk] -= 1
                placed.append(by_id[mentee_pk])
    return placed


@transaction.atomic
def mentee_place(*, mentee: Mentee, group: MentoringGroup, by=None, now=None) -> bool:
    """Give a waiting mentee a confirmed place in the group's series; False if it has filled up."""
    meeting = next_meeting(group, now)
    if meeting is None:
        return False
    registration, _ = events_services.registration_create(
        event=meeting, person=mentee.person, registered_by=by, now=now, enforce_window=False
    )
    if registration.status != RegistrationStatus.CONFIRMED:
        events_services.registration_cancel(registration=registration, by=by)
        return False
    mentee.status, mentee.group, mentee.placed_at = MenteeStatus.PLACED, group, now or timezone.now()
    mentee.save(update_fields=["status", "group", "placed_at"])
    return True


@transaction.atomic
def mentee_leave(*, mentee: Mentee, by) -> Mentee:
    """Leave a group: the series place is cancelled (and offered to nobody: places come by matching)."""
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    if mentee.status != MenteeStatus.PLACED:
        return mentee
    for registration in Registration.objects.filter(
        series=mentee.group.series, person=mentee.person
    ).active():
        events_services.registration_cancel(registration=registration, by=by)
    mentee.status = MenteeStatus.LEFT
    mentee.save(update_fields=["status"])
    return mentee


# --- Meetings: attendance, notes, feedback -----------------------------------------------------


@transaction.atomic
def meeting_attendance_record(*, group: MentoringGroup, meeting: Event, person, attended: bool, by, now=None):
    """Record who came; every attended meeting counts towards the mentorship part's completion."""
    now = now or timezone.now()
    if meeting.series_id != group.series_id:
        raise MentoringRefused("That meeting is not one of this group's.")
    if meeting.starts_at > now:
        raise MentoringRefused("Attendance can be recorded once the meeting has started.")
    attendance = events_services.attendance_record(
        event=meeting, person=person, attended=attended, by=by, now=now
    )
    meetings = Event.objects.filter(series__mentoring_group__part=group.part).exclude(
        status=EventStatus.CANCELLED
    )
    attended_count = Attendance.objects.filter(event__in=meetings, person=person, attended=True).count()
    curriculum_services.part_attendance_record(
        person=person,
        part=group.part,
        sessions_attended=attended_count,
        sessions_total=meetings.filter(series=group.series).count(),
        on=timezone.localtime(meeting.starts_at, zoneinfo.ZoneInfo(meeting.time_zone)).date(),
    )
    return attendance


def meetings_attended(*, person, part) -> int:
    meetings = Event.objects.filter(series__mentoring_group__part=part).exclude(status=EventStatus.CANCELLED)
    return Attendance.objects.filter(event__in=meetings, person=person, attended=True).count()


@transaction.atomic
def note_add(*, group: MentoringGroup, author, text: str, meeting=None) -> SessionNote:
    if group.mentor.person_id != author.pk:
        raise MentoringRefused("Only the group's mentor keeps notes on it.")
    if meeting is not None and meeting.series_id != group.series_id:
        raise MentoringRefused("That meeting is not one of this group's.")
    note = SessionNote(group=group, author=author, meeting=meeting, text=text.strip())
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def note_update(*, note: SessionNote, text: str, meeting=None) -> SessionNote:
    if meeting is not None and meeting.series_id != note.group.series_id:
        raise MentoringRefused("That meeting is not one of this group's.")
    note.text, note.meeting = text.strip(), meeting
    note.updated_at = timezone.now()
    note.full_clean()
    note.save(update_fields=["text", "meeting", "updated_at"])
    return note


@transaction.atomic
def feedback_give(
    *, group: MentoringGroup, meeting: Event, person, useful: int, comment="", now=None
) -> Feedback:
    """One piece of feedback per person per meeting; giving it again replaces it."""
    now = now or timezone.now()
    if meeting.series_id != group.series_id or meeting.starts_at > now:
        raise MentoringRefused("You can give feedback on a meeting once it has taken place.")
    if not Registration.objects.filter(series=group.series, person=person).confirmed().exists():
        raise MentoringRefused("Only members of the group can give feedback on its meetings.")
    feedback, _ = Feedback.objects.update_or_create(
        meeting=meeting,
        person=person,
        defaults={"group": group, "useful": useful, "comment": comment.strip(), "created_at": now},
    )
    return feedback

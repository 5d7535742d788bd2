import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum.models import Completion
from eolc.events import services as events_services
from eolc.events.models import Event, EventKind, Registration, RegistrationStatus
from eolc.mentoring import services
from eolc.mentoring.models import Mentee, MenteeStatus, MentorStatus
from eolc.mentoring.tests.conftest import approved_mentor, complete, move_into_past, next_weekday_at
from eolc.programmes.models import Membership, Role
from eolc.programmes.tests.factories import MembershipFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_monthly_dates_keep_the_weekday_of_the_month_and_the_wall_clock_time():
    first = datetime.datetime(2027, 1, 12, 13, 0, tzinfo=LONDON)  # the second Tuesday
    dates = services.monthly_dates(first, 4)
    assert [d.date() for d in dates] == [
        datetime.date(2027, 1, 12),
        datetime.date(2027, 2, 9),
        datetime.date(2027, 3, 9),
        datetime.date(2027, 4, 13),  # after the clocks change
    ]
    assert all(d.weekday() == 1 and d.hour == 13 for d in dates)
    assert dates[3].utcoffset() == datetime.timedelta(hours=1)


def test_a_fifth_weekday_becomes_the_last_in_shorter_months():
    first = datetime.datetime(2026, 12, 29, 18, 0, tzinfo=LONDON)  # the fifth Tuesday
    assert [d.date() for d in services.monthly_dates(first, 2)] == [
        datetime.date(2026, 12, 29),
        datetime.date(2027, 1, 26),
    ]


def test_approval_gives_the_mentor_role(people, programme):
    person = UserFactory()
    offer = services.mentor_apply(
        programme=programme,
        person=person,
        capacity=6,
        work_settings=["hospice"],
        specialisms=[],
        experience="Hospice social worker.",
    )
    assert offer.status == MentorStatus.APPLIED
    assert not Membership.objects.filter(person=person, role=Role.MENTOR).exists()
    services.mentor_decide(mentor=offer, approve=True, by=people.admin)
    assert Membership.objects.filter(person=person, programme=programme, role=Role.MENTOR).exists()


def test_group_meetings_are_monthly_mentoring_events_closed_to_booking(people, mentoring):
    meetings = list(mentoring.group.meetings())
    assert len(meetings) == 6
    assert {m.kind for m in meetings} == {EventKind.MENTORING}
    assert all(m.series_id == mentoring.group.series_id for m in meetings)
    assert list(meetings[0].facilitators.all()) == [mentoring.mentor.person]
    complete(people.champion, mentoring.part_one)
    with pytest.raises(events_services.RegistrationClosed):
        events_services.registration_create(event=meetings[0], person=people.champion)


def test_a_group_cannot_offer_more_places_than_the_mentor_has(people, mentoring):
    with pytest.raises(ValidationError) as error:
        services.group_create(
            mentor=mentoring.mentor,
            part=mentoring.part,
            title="Too many",
            capacity=5,
            first_meeting=next_weekday_at(9),
            time_zone="Europe/London",
            meetings=3,
            by=people.admin,
        )
    assert "capacity" in error.value.message_dict


def test_sign_up_is_refused_before_part_one(people, mentoring):
    with pytest.raises(services.NotEligible) as refusal:
        services.mentee_signup(
            part=mentoring.part, person=people.learner, times=["afternoon"], online_ok=True
        )
    assert "Part I: Online training" in str(refusal.value)
    assert not Mentee.objects.filter(person=people.learner).exists()
    assert not Registration.objects.filter(person=people.learner).exists()


def test_sign_up_after_part_one_places_the_person_in_a_group_at_a_time_they_can_make(mentee, mentoring):
    assert mentee.status == MenteeStatus.PLACED
    assert mentee.group == mentoring.group
    registration = Registration.objects.get(person=mentee.person, series=mentoring.group.series)
    assert registration.status == RegistrationStatus.CONFIRMED


def test_nobody_is_placed_in_a_group_at_a_time_they_cannot_make(people, mentoring):
    complete(people.champion, mentoring.part_one)
    mentee = services.mentee_signup(
        part=mentoring.part, person=people.champion, times=["morning"], online_ok=True
    )
    assert mentee.status == MenteeStatus.WAITING
    assert mentee.group is None


def test_matching_prefers_the_setting_and_respects_capacity(people, programme, mentoring):
    # Both groups meet in the afternoon now; only the lunchtime one focuses on hospitals.
    afternoon = approved_mentor(programme, people.admin)
    care_homes = services.group_create(
        mentor=afternoon,
        part=mentoring.part,
        title="Care homes",
        capacity=2,
        first_meeting=next_weekday_at(14),
        time_zone="Europe/London",
        meetings=2,
        by=people.admin,
        work_setting="care_home",
    )
    mentees = []
    for setting in ["hospital", "hospital", "hospital", "hospital", "hospital", "care_home"]:
        person = UserFactory()
        MembershipFactory(programme=programme, person=person, role=Role.LEARNER)
        complete(person, mentoring.part_one)
        mentees.append(
            Mentee.objects.create(
                part=mentoring.part, person=person, times=["afternoon"], work_setting=setting
            )
        )
    placed = services.mentees_match(part=mentoring.part)
    assert len(placed) == 6
    by_person = {m.person_id: m.group_id for m in Mentee.objects.filter(pk__in=[m.pk for m in mentees])}
    # The four earliest hospital workers fill the hospital group; the fifth goes where there is room.
    assert [by_person[m.person_id] for m in mentees[:4]] == [mentoring.group.pk] * 4
    assert by_person[mentees[4].person_id] == care_homes.pk
    assert by_person[mentees[5].person_id] == care_homes.pk
    late = UserFactory()
    complete(late, mentoring.part_one)
    assert (
        services.mentee_signup(part=mentoring.part, person=late, times=["afternoon"], online_ok=True).status
        == MenteeStatus.WAITING
    )


def test_in_person_groups_take_only_people_from_their_area(people, programme, mentoring):
    camden = Area.objects.get(code="E09000007")
    hackney = Area.objects.get(code="E09000012")
    mentor = approved_mentor(programme, people.admin)
    group = services.group_create(
        mentor=mentor,
        part=mentoring.part,
        title="Camden, in person",
        capacity=4,
        online=False,
        area=camden,
        first_meeting=next_weekday_at(9),
        time_zone="Europe/London",
        meetings=2,
        by=people.admin,
    )
    far, near = UserFactory(), UserFactory()
    for person in (far, near):
        complete(person, mentoring.part_one)
    away = services.mentee_signup(
        part=mentoring.part, person=far, times=["morning"], online_ok=False, area=hackney
    )
    here = services.mentee_signup(
        part=mentoring.part, person=near, times=["morning"], online_ok=False, area=camden
    )
    assert away.status == MenteeStatus.WAITING
    assert here.group == group


def test_attending_the_required_meetings_completes_the_part(people, mentee, mentoring):
    meetings = list(mentoring.group.meetings())
    for index, meeting in enumerate(meetings[:3]):
        move_into_past(meeting, days_ago=90 - 30 * index)
        services.meeting_attendance_record(
            group=mentoring.group,
            meeting=meeting,
            person=mentee.person,
            attended=True,
            by=mentoring.mentor.person,
        )
        done = Completion.objects.filter(person=mentee.person, part=mentoring.part).exists()
        assert done == (index == 2)
    assert services.meetings_attended(person=mentee.person, part=mentoring.part) == 3


def test_absence_does_not_count_and_future_meetings_cannot_be_marked(mentee, mentoring):
    first, second = list(mentoring.group.meetings())[:2]
    move_into_past(first)
    services.meeting_attendance_record(
        group=mentoring.group, meeting=first, person=mentee.person, attended=False, by=mentoring.mentor.person
    )
    assert services.meetings_attended(person=mentee.person, part=mentoring.part) == 0
    with pytest.raises(services.MentoringRefused):
        services.meeting_attendance_record(
            group=mentoring.group,
            meeting=second,
            person=mentee.person,
            attended=True,
            by=mentoring.mentor.person,
        )


def test_only_the_groups_mentor_keeps_notes(people, mentoring):
    services.note_add(
        group=mentoring.group, author=mentoring.mentor.person, text="Ask about the family meeting."
    )
    with pytest.raises(services.MentoringRefused):
        services.note_add(
            group=mentoring.group, author=mentoring.other_mentor.person, text="Not mine to write."
        )
    with pytest.raises(services.MentoringRefused):
        services.note_add(group=mentoring.group, author=people.admin, text="Not mine either.")


def test_feedback_is_for_members_once_the_meeting_has_happened(people, mentee, mentoring):
    meeting = move_into_past(mentoring.group.meetings().first())
    services.feedback_give(
        group=mentoring.group, meeting=meeting, person=mentee.person, useful=4, comment="Good"
    )
    services.feedback_give(
        group=mentoring.group, meeting=meeting, person=mentee.person, useful=5, comment="Better"
    )
    assert mentoring.group.feedback.get().useful == 5
    with pytest.raises(services.MentoringRefused):
        services.feedback_give(group=mentoring.group, meeting=meeting, person=people.champion, useful=3)
    upcoming = mentoring.group.meetings().last()
    with pytest.raises(services.MentoringRefused):
        services.feedback_give(group=mentoring.group, meeting=upcoming, person=mentee.person, useful=3)


def test_leaving_cancels_the_series_place(mentee, mentoring):
    services.mentee_leave(mentee=mentee, by=mentee.person)
    assert Mentee.objects.get(pk=mentee.pk).status == MenteeStatus.LEFT
    assert (
        not Registration.objects.filter(person=mentee.person, series=mentoring.group.series).active().exists()
    )
    assert Event.objects.filter(series=mentoring.group.series).count() == 6

"""Surveys go out by themselves, on time, to the right people, once; non-responders get one reminder."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum.tests.factories import PartFactory
from eolc.evaluation import analytics, services
from eolc.evaluation.models import Invitation, SurveyKind, Timing
from eolc.evaluation.tests.factories import ScheduleFactory, confidence_survey
from eolc.events.models import Attendance, EventStatus
from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.programmes.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def event():
    return EventFactory(programme=ProgrammeFactory())


def test_before_survey_goes_to_confirmed_people_once_in_its_window(event):
    schedule = ScheduleFactory(
        survey=confidence_survey(event.programme, SurveyKind.PRE), event=event, timing=Timing.BEFORE, days=3
    )
    booked = RegistrationFactory(event=event).person
    RegistrationFactory(event=event, status="waitlisted", confirmed_at=None)
    assert services.invitations_send(now=event.starts_at - 4 * DAY) == 0
    assert services.invitations_send(now=event.starts_at - 2 * DAY) == 1
    assert services.invitations_send(now=event.starts_at - 2 * DAY + datetime.timedelta(hours=1)) == 0
    assert [m.to for m in mail.outbox] == [[booked.email]]
    assert "/surveys/invitations/" in mail.outbox[0].body
    late = RegistrationFactory(event=event).person
    assert services.invitations_send(now=event.starts_at - datetime.timedelta(hours=1)) == 1
    assert mail.outbox[-1].to == [late.email]
    RegistrationFactory(event=event)
    assert services.invitations_send(now=event.starts_at + datetime.timedelta(minutes=1)) == 0
    assert Invitation.objects.filter(schedule=schedule).count() == 2


def test_after_and_later_surveys_go_to_people_who_attended(event):
    came, missed = UserFactory(), UserFactory()
    for person, attended in ((came, True), (missed, False)):
        RegistrationFactory(event=event, person=person)
        Attendance.objects.create(event=event, person=person, attended=attended)
    ScheduleFactory(
        survey=confidence_survey(event.programme, SurveyKind.POST), event=event, timing=Timing.AFTER
    )
    ScheduleFactory(
        survey=confidence_survey(event.programme, SurveyKind.FOLLOW_UP),
        event=event,
        timing=Timing.LATER,
        days=90,
    )
    assert services.invitations_send(now=event.ends_at - datetime.timedelta(minutes=1)) == 0
    assert services.invitations_send(now=event.ends_at + datetime.timedelta(minutes=5)) == 1
    assert services.invitations_send(now=event.ends_at + 10 * DAY) == 0  # the post window has passed
    assert services.invitations_send(now=event.ends_at + 90 * DAY) == 1
    assert {m.to[0] for m in mail.outbox} == {came.email}


def test_part_schedule_covers_every_event_linked_to_the_part(event):
    part = PartFactory(programme=event.programme)
    event.part = part
    event.save()
    other = EventFactory(
        programme=event.programme, part=part, starts_at=event.starts_at, ends_at=event.ends_at
    )
    unlinked = EventFactory(programme=event.programme, starts_at=event.starts_at, ends_at=event.ends_at)
    for e in (event, other, unlinked):
        RegistrationFactory(event=e)
    ScheduleFactory(
        survey=confidence_survey(event.programme, SurveyKind.PRE), part=part, timing=Timing.BEFORE, days=1
    )
    assert services.invitations_send(now=event.starts_at - datetime.timedelta(hours=2)) == 2
    assert set(Invitation.objects.values_list("event", flat=True)) == {event.pk, other.pk}


def test_cancelled_events_send_nothing(event):
    RegistrationFactory(event=event)
    ScheduleFactory(
        survey=confidence_survey(event.programme, SurveyKind.PRE), event=event, timing=Timing.BEFORE, days=2
    )
    event.status = EventStatus.CANCELLED
    event.save()
    assert services.invitations_send(now=event.starts_at - DAY) == 0


def test_an_abandoned_claim_is_taken_over_but_a_fresh_one_is_not(event):
    schedule = ScheduleFactory(
        survey=confidence_survey(event.programme, SurveyKind.PRE), event=event, timing=Timing.BEFORE, days=2
    )
    person = RegistrationFactory(event=event).person
    now = event.starts_at - DAY
    Invitation.objects.create(
        schedule=schedule, survey=schedule.survey, event=event, person=person, claimed_at=now, claim="other"
    )
    assert services.invitations_send(now=now + datetime.timedelta(minutes=1)) == 0
    assert services.invitations_send(now=now + datetime.timedelta(minutes=11)) == 1
    assert Invitation.objects.get().sent_at is not None


def test_non_responders_get_one_reminder_and_rates_count_them(event):
    schedule = ScheduleFactory(
        survey=confidence_survey(event.programme, SurveyKind.POST), event=event, timing=Timing.AFTER
    )
    people = UserFactory.create_batch(3)
    for person in people:
        RegistrationFactory(event=event, person=person)
        Attendance.objects.create(event=event, person=person, attended=True)
    call_command("send_survey_invitations", stdout=io.StringIO())
    assert services.invitations_send(now=event.ends_at + datetime.timedelta(hours=1)) == 3
    answered = Invitation.objects.get(person=people[0])
    services.response_save(
        invitation=answered, answers=dict.fromkeys(schedule.survey.questions.all(), 5), submit=True
    )
    mail.outbox.clear()
    assert services.reminders_send(now=event.ends_at + 2 * DAY) == 0
    assert services.reminders_send(now=event.ends_at + 4 * DAY) == 2
    assert services.reminders_send(now=event.ends_at + 5 * DAY) == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[1:])
    assert "Reminder" in mail.outbox[0].subject

    (row,) = analytics.response_counts(programme=event.programme)
    assert (row["survey"], row["event"], row["invited"], row["answered"], row["reminded"]) == (
        schedule.survey_id,
        event.pk,
        3,
        1,
        2,
    )


def test_the_event_page_offers_a_waiting_survey_from_when_it_is_sent_until_it_is_answered(
    client, event, django_capture_on_commit_callbacks
):
    """Each person's waiting surveys are kept between requests (eolc/evaluation/waiting.py)."""
    event.status = EventStatus.PUBLISHED
    event.save()
    survey = confidence_survey(event.programme, SurveyKind.PRE)
    ScheduleFactory(survey=survey, event=event, timing=Timing.BEFORE, days=3)
    person = RegistrationFactory(event=event).person
    client.force_login(person)
    page = f"/events/{event.pk}/"
    assert "Answer the survey" not in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_send(now=event.starts_at - 2 * DAY) == 1
    assert f"Answer the survey: {survey.title}" in client.get(page).text
    invitation = Invitation.objects.get(person=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.response_save(invitation=invitation, answers={}, submit=True)
    assert "Answer the survey" not in client.get(page).text

"""Writes for surveys: building them, sending them once, and saving answers as drafts or for good.

Invitations follow ADR 006: the invitation row is the claim. Inserting it under a unique constraint
(or taking over a claim whose worker died) comes before the email, so a survey is sent to a person
for an event once. A reminder is claimed by a conditional UPDATE of `reminded_at`.
"""

import datetime
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from eolc.evaluation import emails, waiting
from eolc.evaluation.models import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Response,
    Schedule,
    Survey,
    Timing,
)
from eolc.events.models import Attendance, Event, EventStatus, Registration

CLAIM_LEASE = timedelta(minutes=10)
# How long after it falls due a survey is still worth sending.
SEND_WINDOW = {Timing.AFTER: timedelta(days=7), Timing.LATER: timedelta(days=14)}
REMIND_AFTER = timedelta(days=3)
PAIRING_SALT = "eolc.evaluation.pairing"


class SurveyLocked(Exception):
    """Questions cannot change once people have answered; the message is shown as it is."""


class AlreadyAnswered(Exception):
    pass


def pairing_key(*, programme_id: int, person_id: int) -> str:
    """The same person in the same programme always gets the same key; nobody can reverse it
    without the secret, and keys from two programmes cannot be matched with each other."""
    secret = settings.EVALUATION_PAIRING_SECRET or settings.SECRET_KEY
    return salted_hmac(
        PAIRING_SALT, f"{programme_id}:{person_id}", secret=secret, algorithm="sha256"
    ).hexdigest()[:40]


# --- Building -------------------------------------------------------------------------------


def is_locked(survey: Survey) -> bool:
    return survey.responses.exists()


def _require_unlocked(survey: Survey):
    if is_locked(survey):
        raise SurveyLocked(
            "People have started answering this survey, so its questions cannot change. "
            "Make a new version to change them."
        )


@transaction.atomic
def survey_create(*, programme, by, title, kind, introduction="", anonymous=False) -> Survey:
    survey = Survey(
        programme=programme,
        title=title,
        kind=kind,
        introduction=introduction,
        anonymous=anonymous,
        created_by=by,
    )
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, **fields) -> Survey:
    if "anonymous" in fields and fields["anonymous"] != survey.anonymous:
        _require_unlocked(survey)
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def survey_copy(*, survey: Survey, programme, by, title=None) -> Survey:
    """A new, unsent survey with the same questions: how templates are used and surveys revised."""
    copy = Survey.objects.create(
        programme=programme,
        title=title or survey.title,
        kind=survey.kind,
        introduction=survey.introduction,
        anonymous=survey.anonymous,
        created_from=survey,
        created_by=by,
    )
    Question.objects.bulk_create(
        Question(
            survey=copy,
            position=q.position,
            kind=q.kind,
            text=q.text,
            help_text=q.help_text,
            required=q.required,
            options=q.options,
            measure=q.measure,
        )
        for q in survey.questions.all()
    )
    return copy


@transaction.atomic
def question_add(*, survey: Survey, **fields) -> Question:
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    _require_unlocked(survey)
    last = survey.questions.aggregate(n=Max("position"))["n"] or 0
    question = Question(survey=survey, position=last + 1, **fields)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_update(*, question: Question, **fields) -> Question:
    _require_unlocked(question.survey)
    for name, value in fields.items():
        setattr(question, name, value)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    survey = question.survey
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    _require_unlocked(survey)
    position = question.position
    question.delete()
    # Two steps, so no moment has two questions at the same position.
    later = survey.questions.filter(position__gt=position)
    later.update(position=F("position") + 1000)
    later.update(position=F("position") - 1001)


@transaction.atomic
def question_move(*, question: Question, up: bool) -> None:
    survey = question.survey
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    _require_unlocked(survey)
    neighbours = survey.questions.filter(position__lt=question.position).order_by("-position")
    if not up:
        neighbours = survey.questions.filter(position__gt=question.position).order_by("position")
    other = neighbours.first()
    if other is None:
        return
    mine, theirs = question.position, other.position
    Question.objects.filter(pk=question.pk).update(position=0)
    Question.objects.filter(pk=other.pk).update(position=mine)
    Question.objects.filter(pk=question.pk).update(position=theirs)


@transaction.atomic
def schedule_add(*, survey: Survey, timing, days=0, event=None, part=None) -> Schedule:
    if not survey.questions.exists():
        raise ValidationError("Add at least one question before sending this survey.")
    if timing == Timing.AFTER:
        days = 0
    schedule = Schedule(survey=survey, timing=timing, days=days, event=event, part=part)
    schedule.full_clean()
    schedule.save()
    return schedule


@transaction.atomic
def schedule_delete(*, schedule: Schedule) -> None:
    """Stops further invitations; invitations already sent and their answers stay."""
    if schedule.invitations.exists():
        raise ValidationError("Invitations have gone out for this schedule, so it cannot be removed.")
    schedule.delete()


# --- Sending --------------------------------------------------------------------------------


def send_window(schedule: Schedule, event: Event) -> tuple[datetime.datetime, datetime.datetime]:
    """(due from, due until) for one schedule at one event."""
    if schedule.timing == Timing.BEFORE:
        return event.starts_at - timedelta(days=schedule.days), event.starts_at
    due = event.ends_at + timedelta(days=schedule.days if schedule.timing == Timing.LATER else 0)
    return due, due + SEND_WINDOW[schedule.timing]


def recipients(schedule: Schedule, event: Event):
    """Before a session: everyone with a confirmed place. After: everyone recorded as attending."""
    if schedule.timing == Timing.BEFORE:
        return Registration.objects.for_event(event).confirmed().values("person")
    return Attendance.objects.filter(event=event, attended=True).values("person")


def _events_for(schedule: Schedule):
    if schedule.event_id:
        return Event.objects.filter(pk=schedule.event_id)
    return Event.objects.filter(Q(part_id=schedule.part_id) | Q(series__part_id=schedule.part_id))


def _claim(schedule, event, person_id, now, claim) -> Invitation | None:
    try:
        with transaction.atomic():
            return Invitation.objects.create(
                schedule=schedule,
                survey_id=schedule.survey_id,
                event=event,
                person_id=person_id,
                claimed_at=now,
                claim=claim,
            )
    except IntegrityError:
        taken = Invitation.objects.filter(
            schedule=schedule,
            event=event,
            person_id=person_id,
            sent_at__isnull=True,
            claimed_at__lt=now - CLAIM_LEASE,
        ).update(claimed_at=now, claim=claim)
        if taken:
            return Invitation.objects.get(schedule=schedule, event=event, person_id=person_id)
        return None


def invitations_send(*, now=None) -> int:
    """Send every survey invitation that is due, each once. Returns how many this run sent."""
    now = now or timezone.now()
    claim = uuid.uuid4().hex
    sent = 0
    schedules = Schedule.objects.select_related("survey").filter(survey__programme__isnull=False)
    for schedule in schedules:
        events = _events_for(schedule).filter(status=EventStatus.PUBLISHED)
        # Only events whose window can include now: a cheap filter before the exact check.
        events = events.filter(
            starts_at__lte=now + timedelta(days=schedule.days + 1),
            ends_at__gte=now - timedelta(days=schedule.days + 15),
        )
        for event in events:
            due, until = send_window(schedule, event)
            if not (due <= now < until):
                continue
            done = Invitation.objects.filter(
                schedule=schedule, event=event, person_id=OuterRef("person")
            ).filter(Q(sent_at__isnull=False) | Q(claimed_at__gte=now - CLAIM_LEASE))
            people = (
                recipients(schedule, event)
                .filter(person__is_active=True)
                .exclude(Exists(done))
                .values_list("person", flat=True)
            )
            for person_id in list(people):
                invitation = _claim(schedule, event, person_id, now, claim)
                if invitation is None:
                    continue
                emails.invitation_send(invitation=invitation)
                Invitation.objects.filter(pk=invitation.pk, claim=claim).update(sent_at=now)
                waiting.STAMP.move()
                sent += 1
    return sent


def reminder_due(invitation: Invitation) -> datetime.datetime | None:
    """When a non-responder is reminded; None when a reminder would come too late to help."""
    if invitation.schedule.timing == Timing.BEFORE:
        due = max(invitation.event.starts_at - timedelta(days=1), invitation.sent_at + timedelta(hours=12))
        return due if due < invitation.event.starts_at else None
    return invitation.sent_at + REMIND_AFTER


def reminders_send(*, now=None) -> int:
    """Remind each person who has not answered, once. Returns how many were reminded."""
    now = now or timezone.now()
    awaiting = (
        Invitation.objects.awaiting()
        .filter(reminded_at__isnull=True, sent_at__lte=now - timedelta(hours=12), person__is_active=True)
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("schedule", "event", "survey", "person")
    )
    reminded = 0
    for invitation in awaiting:
        due = reminder_due(invitation)
        if due is None or due > now:
            continue
        if invitation.schedule.timing == Timing.BEFORE and now >= invitation.event.starts_at:
            continue
        reminded += _remind(invitation, now)
    return reminded


def _remind(invitation: Invitation, now) -> int:
    claimed = Invitation.objects.filter(
        pk=invitation.pk, reminded_at__isnull=True, responded_at__isnull=True
    ).update(reminded_at=now)
    if claimed:
        emails.reminder_send(invitation=invitation)
    return claimed


def non_responders_remind(*, invitations, now=None) -> int:
    """A facilitator's "remind them now": only people not yet reminded, each once."""
    now = now or timezone.now()
    reminded = 0
    for invitation in (
        invitations.awaiting().filter(reminded_at__isnull=True).select_related("survey", "event", "person")
    ):
        reminded += _remind(invitation, now)
    return reminded


# --- Answering ------------------------------------------------------------------------------


def _scope(schedule: Schedule) -> str:
    return f"part:{schedule.part_id}" if schedule.part_id else f"event:{schedule.event_id}"


def response_for(*, invitation: Invitation) -> Response | None:
    """The person's response (draft or submitted) to this invitation, if they have started one."""
    if invitation.survey.anonymous:
        return Response.objects.filter(invitation=invitation).first()
    return Response.objects.filter(
        survey_id=invitation.survey_id, event_id=invitation.event_id, person_id=invitation.person_id
    ).first()


BLANK = {"value": None, "choice": "", "choices": [], "text": ""}


def _answer_fields(question: Question, value) -> dict:
    blank = BLANK
    if value in (None, "", []):
        return blank
    if question.kind in (QuestionKind.LIKERT, QuestionKind.CONFIDENCE):
        return {**blank, "value": int(value)}
    if question.kind == QuestionKind.SINGLE:
        return {**blank, "choice": value}
    if question.kind == QuestionKind.MULTIPLE:
        return {**blank, "choices": list(value)}
    return {**blank, "text": value}


@transaction.atomic
def response_save(*, invitation: Invitation, answers: dict, submit: bool, now=None) -> Response:
    """Save answers (question -> cleaned value). Submitting makes them final; a draft can be resumed.

    Answering an anonymous survey drops the person, the invitation link and the time of day, so
    the stored response cannot be traced back to whoever sent it.
    """
    now = now or timezone.now()
    invitation = (
        Invitation.objects.select_for_update().select_related("survey", "schedule").get(pk=invitation.pk)
    )
    if invitation.responded_at is not None:
        raise AlreadyAnswered("You have already answered this survey. Thank you.")
    survey = invitation.survey
    response = response_for(invitation=invitation)
    if response is None:
        response = Response.objects.create(
            survey=survey,
            event_id=invitation.event_id,
            invitation=invitation,
            person=None if survey.anonymous else invitation.person,
            pairing_key=""
            if survey.anonymous
            else pairing_key(programme_id=survey.programme_id, person_id=invitation.person_id),
            scope=_scope(invitation.schedule),
            started_at=now,
        )
    elif response.is_submitted:
        # The same survey reached this person twice for one event: their first answer stands.
        Invitation.objects.filter(pk=invitation.pk).update(responded_at=response.submitted_at)
        waiting.STAMP.move()
        raise AlreadyAnswered("You have already answered this survey. Thank you.")
    for question, value in answers.items():
        fields = _answer_fields(question, value)
        if fields == BLANK:
            Answer.objects.filter(response=response, question=question).delete()
        else:
            Answer.objects.update_or_create(response=response, question=question, defaults=fields)
    if submit:
        when = now
        if survey.anonymous:
            when = now.replace(hour=0, minute=0, second=0, microsecond=0)
            response.person, response.invitation, response.started_at = None, None, when
        response.submitted_at = when
        response.save()
        Invitation.objects.filter(pk=invitation.pk).update(responded_at=when)
        waiting.STAMP.move()
    return response

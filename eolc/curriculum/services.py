"""Writes for the curriculum. Later apps (events, mentoring) call these to complete parts."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from eolc.curriculum.models import (
    Activity,
    ActivityKind,
    ActivityProgress,
    Certificate,
    Choice,
    Completion,
    CompletionCredit,
    CompletionSource,
    Enrolment,
    Module,
    Part,
    PartKind,
    ProgressStatus,
    Question,
    Reflection,
    Status,
)

REFLECTION_MIN_LENGTH = 20
REFLECTION_MAX_LENGTH = 10_000


class PrerequisitesMissing(Exception):
    """Raised when someone tries to enrol on a part before completing the parts it requires."""

    def __init__(self, part: Part, missing: list[Part]):
        self.part = part
        self.missing = missing
        names = " and ".join(f"“{p.title}”" for p in missing)
        super().__init__(f"Complete {names} before starting “{part.title}”")


class NotEnrolled(Exception):
    pass


# --- Prerequisites, enrolment and completion --------------------------------------------------


def prerequisites_missing(*, person, part: Part) -> list[Part]:
    """Parts `part` requires that `person` has not completed, in programme order."""
    done = Completion.objects.filter(person=person).values("part")
    return list(part.requires.exclude(pk__in=done).order_by("number", "pk"))


@transaction.atomic
def enrolment_create(*, person, part: Part, enrolled_by=None) -> Enrolment:
    """Enrol once; refuses (PrerequisitesMissing) until every required part is complete."""
    missing = prerequisites_missing(person=person, part=part)
    if missing:
        raise PrerequisitesMissing(part, missing)
    enrolment, _ = Enrolment.objects.get_or_create(
        person=person, part=part, defaults={"enrolled_by": enrolled_by}
    )
    return enrolment


def _credits_copy(completion: Completion, part: Part) -> None:
    CompletionCredit.objects.bulk_create(
        CompletionCredit(completion=completion, scheme=c.scheme.name, category=c.category, hours=c.hours)
        for c in part.credits.select_related("scheme")
    )


def _certificate_issue(completion: Completion, part: Part) -> Certificate:
    body = part.accrediting_body.name if part.accrediting_body_id else ""
    return Certificate.objects.create(
        completion=completion, accrediting_body=body, approval_number=part.approval_number
    )


@transaction.atomic
def part_complete(*, person, part: Part, on: datetime.date, source: str, recorded_by=None) -> Completion:
    """Record a completion once; a second call returns the first (double clicks, retries).

    The part's hours and credit split are copied, and a certificate is issued, in the same
    transaction, so a transcript never shows a completion without its credit.
    """
    existing = Completion.objects.filter(person=person, part=part).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            completion = Completion.objects.create(
                person=person,
                part=part,
                completed_on=on,
                source=source,
                ce_hours=part.ce_hours,
                recorded_by=recorded_by,
            )
    except IntegrityError:
        return Completion.objects.get(person=person, part=part)
    _credits_copy(completion, part)
    _certificate_issue(completion, part)
    Enrolment.objects.get_or_create(person=person, part=part, defaults={"enrolled_by": recorded_by})
    return completion


@transaction.atomic
def part_attendance_record(
    *, person, part: Part, sessions_attended: int, sessions_total: int, on: datetime.date
) -> Completion | None:
    """Called by the events app after attendance changes for a session linked to `part`.

    Live and series parts complete when every session was attended; mentorship parts when
    the configured number of meetings (or every scheduled one) was attended.
    """
    if part.kind == PartKind.MENTORSHIP and part.required_meetings:
        needed = part.required_meetings
    elif part.kind in (PartKind.LIVE, PartKind.SERIES, PartKind.MENTORSHIP):
        needed = sessions_total
    else:
        return None
    if needed <= 0 or sessions_attended < needed:
        return None
    return part_complete(person=person, part=part, on=on, source=CompletionSource.ATTENDANCE)


def self_paced_requirements_met(*, person, part: Part) -> bool:
    """Every required published activity done and every published post-test passed."""
    activities = Activity.objects.published().in_part(part)
    required = set(activities.required().values_list("pk", flat=True))
    post_tests = set(activities.filter(kind=ActivityKind.POST_TEST).values_list("pk", flat=True))
    if not required and not post_tests:
        return False
    done = set(
        ActivityProgress.objects.filter(person=person, activity__in=required | post_tests)
        .done()
        .values_list("activity", flat=True)
    )
    passed = set(
        ActivityProgress.objects.filter(person=person, activity__in=post_tests, passed=True).values_list(
            "activity", flat=True
        )
    )
    return required <= done and post_tests <= passed


@transaction.atomic
def part_self_paced_check(*, person, part: Part, on: datetime.date | None = None) -> Completion | None:
    """Complete a self-paced part when its rule is met; called after every activity is done."""
    if part.kind != PartKind.SELF_PACED or not self_paced_requirements_met(person=person, part=part):
        return None
    return part_complete(
        person=person, part=part, on=on or timezone.localdate(), source=CompletionSource.SELF_PACED
    )


# --- Working through activities ---------------------------------------------------------------


def _progress(person, activity) -> ActivityProgress:
    progress, _ = ActivityProgress.objects.get_or_create(person=person, activity=activity)
    return progress


def _require_enrolment(person, activity):
    if not Enrolment.objects.filter(person=person, part=activity.module.part).exists():
        raise NotEnrolled(f"Enrol on “{activity.module.part.title}” to start its activities")


@transaction.atomic
def activity_open(*, person, activity: Activity) -> ActivityProgress:
    """Note that someone opened an activity, so "continue where you left off" can find it."""
    _require_enrolment(person, activity)
    progress = _progress(person, activity)
    progress.updated_at = timezone.now()
    progress.save(update_fields=["updated_at"])
    return progress


def _mark_done(progress: ActivityProgress) -> Completion | None:
    now = timezone.now()
    if progress.status != ProgressStatus.DONE:
        progress.status = ProgressStatus.DONE
        progress.completed_at = now
    progress.updated_at = now
    progress.save()
    return part_self_paced_check(person=progress.person, part=progress.activity.module.part)


@transaction.atomic
def activity_done(*, person, activity: Activity) -> Completion | None:
    """A video watched or a resource read. Returns the part's completion if this finished it."""
    if activity.kind not in (ActivityKind.VIDEO, ActivityKind.RESOURCE):
        raise ValidationError("This activity is done by answering it")
    _require_enrolment(person, activity)
    return _mark_done(_progress(person, activity))


@transaction.atomic
def reflection_draft_save(*, person, activity: Activity, text: str) -> ActivityProgress:
    """Keep what has been typed so far, whatever it is: drafts are never validated."""
    _require_enrolment(person, activity)
    progress = _progress(person, activity)
    progress.draft = text[:REFLECTION_MAX_LENGTH]
    progress.updated_at = timezone.now()
    progress.save(update_fields=["draft", "updated_at"])
    return progress


def reflection_answer_errors(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return ["Write your answer to the question"]
    if len(text) < REFLECTION_MIN_LENGTH:
        return [f"Your answer must be at least {REFLECTION_MIN_LENGTH} characters"]
    if len(text) > REFLECTION_MAX_LENGTH:
        return [f"Your answer must be {REFLECTION_MAX_LENGTH:,} characters or fewer"]
    return []


def reflection_answer_submit(*, person, activity: Activity, text: str) -> Completion | None:
    """Save the answer. On a ValidationError the text is still kept as the draft, so the draft
    is saved in its own transaction, before validation, and not rolled back with the error."""
    progress = reflection_draft_save(person=person, activity=activity, text=text)
    errors = reflection_answer_errors(text)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        progress.answer = text.strip()
        return _mark_done(progress)


def _questions(activity):
    return list(activity.questions.prefetch_related("choices"))


def exercise_next_question(activity: Activity, choice: Choice) -> Question | None:
    """Where a choice leads: its branch, or (in an exercise without branches) the next question."""
    if choice.leads_to_id:
        return choice.leads_to
    branching = Choice.objects.filter(question__activity=activity, leads_to__isnull=False).exists()
    if branching:
        return None
    questions = _questions(activity)
    position = next(i for i, q in enumerate(questions) if q.pk == choice.question_id)
    return questions[position + 1] if position + 1 < len(questions) else None


@transaction.atomic
def exercise_choice_pick(*, person, activity: Activity, choice: Choice) -> Question | None:
    """Record a pick; returns the next question, or None when the exercise is finished."""
    if activity.kind != ActivityKind.EXERCISE or choice.question.activity_id != activity.pk:
        raise ValidationError("That choice does not belong to this exercise")
    _require_enrolment(person, activity)
    progress = _progress(person, activity)
    next_question = exercise_next_question(activity, choice)
    if next_question is None:
        _mark_done(progress)
    else:
        progress.updated_at = timezone.now()
        progress.save(update_fields=["updated_at"])
    return next_question


@transaction.atomic
def post_test_submit(*, person, activity: Activity, answers: dict[int, int]) -> ActivityProgress:
    """Mark a post-test. `answers` maps question id to choice id; every question must be answered.

    The best score is kept; passing marks the activity done and may complete the part.
    """
    if activity.kind != ActivityKind.POST_TEST:
        raise ValidationError("This activity is not a post-test")
    _require_enrolment(person, activity)
    questions = _questions(activity)
    unanswered = [q for q in questions if q.pk not in answers]
    if unanswered:
        raise ValidationError(
            {
                f"question_{q.pk}": f"Answer question {i}"
                for i, q in enumerate(questions, 1)
                if q in unanswered
            }
        )
    correct = 0
    for question in questions:
        chosen = next((c for c in question.choices.all() if c.pk == answers[question.pk]), None)
        if chosen is None:
            raise ValidationError({f"question_{question.pk}": "Choose one of the answers shown"})
        correct += chosen.correct
    score = round(Decimal(correct * 100) / Decimal(len(questions))) if questions else 0
    progress = _progress(person, activity)
    progress.last_score = score
    progress.attempts += 1
    progress.score = max(score, progress.score or 0)
    if score >= activity.pass_mark:
        progress.passed = True
        _mark_done(progress)
    else:
        progress.updated_at = timezone.now()
        progress.save()
    return progress


# --- Reflections as CPD evidence --------------------------------------------------------------


@transaction.atomic
def reflection_add(*, person, part: Part, text: str, activity: Activity | None = None) -> Reflection:
    """A written reflection on a completed activity or part."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Write your reflection"})
    if len(text) > REFLECTION_MAX_LENGTH:
        raise ValidationError(
            {"text": f"Your reflection must be {REFLECTION_MAX_LENGTH:,} characters or fewer"}
        )
    if activity is not None:
        if activity.module.part_id != part.pk:
            raise ValidationError({"activity": "That activity is not in this part"})
        done = ActivityProgress.objects.filter(person=person, activity=activity).done().exists()
        if not done:
            raise ValidationError({"activity": "Finish the activity before reflecting on it"})
    elif not Completion.objects.filter(person=person, part=part).exists():
        raise ValidationError({"part": "Complete the part before reflecting on it"})
    return Reflection.objects.create(person=person, part=part, activity=activity, text=text)


# --- Certificates ----------------------------------------------------------------------------


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, revoked_by) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for revoking the certificate"})
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = revoked_by
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate


# --- Authoring --------------------------------------------------------------------------------


def _next_number(queryset) -> int:
    return (queryset.aggregate(top=Max("number"))["top"] or 0) + 1


@transaction.atomic
def part_create(
    *, programme, title: str, kind: str, ce_hours: Decimal, requires=(), summary: str = "", **fields
) -> Part:
    requires = list(requires)
    if any(p.programme_id != programme.pk for p in requires):
        raise ValidationError({"requires": "Required parts must belong to the same programme"})
    part = Part(
        programme=programme,
        title=title,
        kind=kind,
        ce_hours=ce_hours,
        summary=summary,
        number=fields.pop("number", None) or _next_number(programme.parts.all()),
        **fields,
    )
    part.full_clean(exclude=["programme"])
    part.save()
    part.requires.set(requires)
    return part


def _would_cycle(part: Part, requires) -> bool:
    """True if `part` would (indirectly) require itself."""
    seen, queue = set(), [p.pk for p in requires]
    while queue:
        pk = queue.pop()
        if pk == part.pk:
            return True
        if pk in seen:
            continue
        seen.add(pk)
        queue.extend(Part.requires.through.objects.filter(from_part=pk).values_list("to_part", flat=True))
    return False


@transaction.atomic
def part_requires_set(*, part: Part, requires) -> None:
    requires = list(requires)
    if any(p.programme_id != part.programme_id for p in requires):
        raise ValidationError({"requires": "Required parts must belong to the same programme"})
    if _would_cycle(part, requires):
        raise ValidationError({"requires": "A part cannot require itself, directly or through another part"})
    part.requires.set(requires)


@transaction.atomic
def module_create(*, part: Part, title: str, summary: str = "", domains=()) -> Module:
    module = Module.objects.create(
        part=part, title=title, summary=summary, number=_next_number(part.modules.all())
    )
    module.domains.set(domains)
    return module


@transaction.atomic
def activity_create(*, module: Module, title: str, kind: str, **fields) -> Activity:
    domains = fields.pop("domains", ())
    activity = Activity(
        module=module, title=title, kind=kind, number=_next_number(module.activities.all()), **fields
    )
    activity.full_clean(exclude=["module"])
    activity.save()
    activity.domains.set(domains)
    return activity


@transaction.atomic
def question_create(*, activity: Activity, prompt: str, choices: list[dict]) -> Question:
    """`choices`: dicts with text, correct, feedback (and optionally leads_to)."""
    if not activity.has_questions:
        raise ValidationError("Only exercises and post-tests have questions")
    question = Question.objects.create(
        activity=activity, prompt=prompt, number=_next_number(activity.questions.all())
    )
    for number, data in enumerate(choices, 1):
        Choice.objects.create(question=question, number=number, **data)
    return question


def activity_publish_problems(activity: Activity) -> list[str]:
    """What stops an activity from being published, in words an author can act on."""
    problems = []
    if activity.kind == ActivityKind.VIDEO:
        if not activity.video_url.strip():
            problems.append("Add the address of the video")
        if not activity.captions.strip().startswith("WEBVTT"):
            problems.append("Add captions in WebVTT format (they start with “WEBVTT”)")
        if not activity.transcript.strip():
            problems.append("Add a full transcript of the video")
    elif activity.kind == ActivityKind.REFLECTION:
        if not activity.body.strip():
            problems.append("Write the reflective question")
    elif activity.kind == ActivityKind.RESOURCE:
        if not activity.resource_url and not activity.body.strip():
            problems.append("Add a link to the resource or describe it")
    else:
        questions = _questions(activity)
        if not questions:
            problems.append("Add at least one question")
        for number, question in enumerate(questions, 1):
            choices = list(question.choices.all())
            if len(choices) < 2:
                problems.append(f"Question {number} needs at least two choices")
            elif not any(c.correct for c in choices):
                problems.append(f"Question {number} needs a correct answer")
            if activity.kind == ActivityKind.EXERCISE and any(not c.feedback.strip() for c in choices):
                problems.append(f"Question {number}: give feedback for every choice")
    return problems


@transaction.atomic
def activity_publish(*, activity: Activity) -> Activity:
    problems = activity_publish_problems(activity)
    if problems:
        raise ValidationError(problems)
    activity.status = Status.PUBLISHED
    activity.save(update_fields=["status"])
    return activity


@transaction.atomic
def module_publish(*, module: Module) -> Module:
    if not module.activities.filter(status=Status.PUBLISHED).exists():
        raise ValidationError(["Publish at least one activity in this module first"])
    module.status = Status.PUBLISHED
    module.save(update_fields=["status"])
    return module


@transaction.atomic
def part_publish(*, part: Part) -> Part:
    if part.kind == PartKind.SELF_PACED and not Activity.objects.published().in_part(part).exists():
        raise ValidationError(["Publish at least one module with a published activity first"])
    part.status = Status.PUBLISHED
    part.save(update_fields=["status"])
    return part


@transaction.atomic
def unpublish(*, item) -> None:
    """Take a part, module or activity back to draft; learners' progress is kept."""
    item.status = Status.DRAFT
    item.save(update_fields=["status"])


@transaction.atomic
def reorder(*, item, direction: str) -> None:
    """Swap an item with its neighbour ("up" or "down") among its siblings."""
    siblings = list(type(item).objects.filter(**_parent_filter(item)).order_by("number", "pk"))
    position = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = position - 1 if direction == "up" else position + 1
    if not 0 <= other < len(siblings):
        return
    siblings[position], siblings[other] = siblings[other], siblings[position]
    for number, sibling in enumerate(siblings, 1):
        if sibling.number != number:
            sibling.number = number
            sibling.save(update_fields=["number"])


def _parent_filter(item) -> dict:
    if isinstance(item, Part):
        return {"programme_id": item.programme_id}
    if isinstance(item, Module):
        return {"part_id": item.part_id}
    if isinstance(item, Activity):
        return {"module_id": item.module_id}
    return {"activity_id": item.activity_id}

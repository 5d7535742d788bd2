"""Self-paced learning: enrolment gating, activities, post-tests, completion, credit and certificates."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum import services
from eolc.curriculum.models import (
    ActivityKind,
    ActivityProgress,
    Certificate,
    Completion,
    CompletionSource,
    PartCredit,
    PartKind,
    Status,
)
from eolc.curriculum.tests.factories import (
    ActivityFactory,
    CreditSchemeFactory,
    ModuleFactory,
    PartFactory,
    question_with_choices,
)
from eolc.curriculum.transcript import hours_text, transcript_for

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 23)


def small_part(**part_fields):
    """A self-paced part: a resource, a reflection, an optional draft activity and a 2-question post-test."""
    part = PartFactory(**part_fields)
    module = ModuleFactory(part=part)
    resource = ActivityFactory(module=module)
    reflection = ActivityFactory(module=module, kind=ActivityKind.REFLECTION, body="What surprised you?")
    ActivityFactory(module=module, status=Status.DRAFT)
    optional = ActivityFactory(module=module, required=False)
    test = ActivityFactory(module=module, kind=ActivityKind.POST_TEST, pass_mark=100)
    first = question_with_choices(test, "First?")
    second = question_with_choices(test, "Second?")
    return part, resource, reflection, optional, test, (first, second)


def right_answers(questions):
    return {q.pk: q.choices.get(correct=True).pk for q in questions}


def test_a_self_paced_part_completes_when_required_activities_are_done_and_the_test_passed():
    person = UserFactory()
    part, resource, reflection, _optional, test, questions = small_part(ce_hours=Decimal("8.00"))
    scheme = CreditSchemeFactory(name="NASW CE")
    PartCredit.objects.create(part=part, scheme=scheme, category="Clinical", hours=Decimal("2.00"))
    PartCredit.objects.create(part=part, scheme=scheme, category="Ethics", hours=Decimal("6.00"))
    services.enrolment_create(person=person, part=part)

    assert services.activity_done(person=person, activity=resource) is None
    wrong = {q.pk: q.choices.get(correct=False).pk for q in questions}
    progress = services.post_test_submit(person=person, activity=test, answers=wrong)
    assert (progress.score, progress.passed) == (0, False)
    half = {**right_answers(questions), questions[1].pk: wrong[questions[1].pk]}
    assert services.post_test_submit(person=person, activity=test, answers=half).score == 50
    progress = services.post_test_submit(person=person, activity=test, answers=right_answers(questions))
    assert (progress.score, progress.passed, progress.attempts) == (100, True, 3)
    assert not Completion.objects.exists()  # the reflection is still to do; the optional one is not needed

    completion = services.reflection_answer_submit(
        person=person, activity=reflection, text="How much the family wanted to talk about dying."
    )
    assert completion is not None
    assert completion.source == CompletionSource.SELF_PACED
    assert completion.ce_hours == Decimal("8.00")
    assert sorted((c.category, c.hours) for c in completion.credits.all()) == [
        ("Clinical", Decimal("2.00")),
        ("Ethics", Decimal("6.00")),
    ]
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", completion.certificate.code)


def test_a_failed_post_test_keeps_the_best_score_and_does_not_complete():
    person = UserFactory()
    part, resource, reflection, _optional, test, questions = small_part()
    services.enrolment_create(person=person, part=part)
    services.activity_done(person=person, activity=resource)
    services.reflection_answer_submit(person=person, activity=reflection, text="x" * 40)
    half = {**right_answers(questions), questions[1].pk: questions[1].choices.get(correct=False).pk}
    services.post_test_submit(person=person, activity=test, answers=half)
    progress = services.post_test_submit(
        person=person, activity=test, answers={q.pk: q.choices.get(correct=False).pk for q in questions}
    )
    assert (progress.score, progress.passed) == (50, False)
    assert not Completion.objects.exists()


def test_a_post_test_must_answer_every_question_with_its_own_choices():
    person = UserFactory()
    part, *_rest, test, questions = small_part()
    services.enrolment_create(person=person, part=part)
    with pytest.raises(ValidationError) as missing:
        services.post_test_submit(person=person, activity=test, answers={questions[0].pk: 1})
    assert f"question_{questions[1].pk}" in missing.value.message_dict
    foreign = question_with_choices(ActivityFactory(kind=ActivityKind.POST_TEST))
    answers = {**right_answers(questions), questions[0].pk: foreign.choices.first().pk}
    with pytest.raises(ValidationError):
        services.post_test_submit(person=person, activity=test, answers=answers)


def test_activities_need_an_enrolment():
    part, resource, *_rest = small_part()
    with pytest.raises(services.NotEnrolled):
        services.activity_done(person=UserFactory(), activity=resource)


def test_mentorship_enrolment_is_refused_before_part_one_and_accepted_after():
    person = UserFactory()
    part_one = PartFactory(title="Part I: Online training")
    mentorship = PartFactory(
        programme=part_one.programme, kind=PartKind.MENTORSHIP, title="Monthly mentorship"
    )
    mentorship.requires.add(part_one)
    with pytest.raises(services.PrerequisitesMissing) as refused:
        services.enrolment_create(person=person, part=mentorship)
    assert refused.value.missing == [part_one]
    assert "Part I: Online training" in str(refused.value)
    services.part_complete(person=person, part=part_one, on=DAY, source=CompletionSource.IMPORTED)
    enrolment = services.enrolment_create(person=person, part=mentorship)
    assert services.enrolment_create(person=person, part=mentorship) == enrolment


def test_a_reflective_answer_that_fails_validation_is_kept_as_the_draft():
    person = UserFactory()
    part, _resource, reflection, *_rest = small_part()
    services.enrolment_create(person=person, part=part)
    with pytest.raises(ValidationError):
        services.reflection_answer_submit(person=person, activity=reflection, text="Too short")
    progress = ActivityProgress.objects.get(person=person, activity=reflection)
    assert progress.draft == "Too short"
    assert progress.status == "started"


def test_a_branching_exercise_follows_the_choice_and_ends_at_a_leaf():
    person = UserFactory()
    exercise = ActivityFactory(kind=ActivityKind.EXERCISE)
    services.enrolment_create(person=person, part=exercise.module.part)
    start = question_with_choices(exercise, "Mrs Ahmed's son asks you not to tell her. What do you do?")
    follow_up = question_with_choices(exercise, "He agrees to talk. What next?")
    branch = start.choices.get(correct=True)
    branch.leads_to = follow_up
    branch.save()
    assert services.exercise_choice_pick(person=person, activity=exercise, choice=branch) == follow_up
    assert not ActivityProgress.objects.filter(activity=exercise, status="done").exists()
    services.exercise_choice_pick(person=person, activity=exercise, choice=follow_up.choices.first())
    assert ActivityProgress.objects.get(activity=exercise).status == "done"


def test_a_video_cannot_be_published_without_captions_and_transcript():
    video = ActivityFactory(kind=ActivityKind.VIDEO, status=Status.DRAFT, video_url="/static/v.webm")
    with pytest.raises(ValidationError) as refused:
        services.activity_publish(activity=video)
    text = " ".join(refused.value.messages)
    assert "captions" in text and "transcript" in text
    video.captions = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello."
    video.transcript = "Hello."
    services.activity_publish(activity=video)
    video.refresh_from_db()
    assert video.status == Status.PUBLISHED


def test_an_exercise_needs_feedback_for_every_choice():
    exercise = ActivityFactory(kind=ActivityKind.EXERCISE, status=Status.DRAFT)
    question = question_with_choices(exercise)
    question.choices.update(feedback="")
    assert any("feedback" in p for p in services.activity_publish_problems(exercise))


def test_certificates_have_distinct_codes_and_are_revoked_only_with_a_reason():
    part = PartFactory()
    codes = {
        services.part_complete(
            person=UserFactory(), part=part, on=DAY, source=CompletionSource.IMPORTED
        ).certificate.code
        for _ in range(20)
    }
    assert len(codes) == 20
    certificate = Certificate.objects.first()
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=certificate, reason="  ", revoked_by=None)
    services.certificate_revoke(certificate=certificate, reason="Issued in error", revoked_by=None)
    certificate.refresh_from_db()
    assert not certificate.is_valid and certificate.revoked_reason == "Issued in error"
    assert Certificate.objects.valid().count() == 19


def test_transcript_totals_are_exact_decimals_across_many_parts():
    person = UserFactory()
    nasw = CreditSchemeFactory(name="NASW CE")
    cpd = CreditSchemeFactory(name="Social Work England CPD")
    programme = PartFactory().programme
    # 0.1 and 0.2 do not add up exactly in binary floating point; Decimals must.
    hours = [Decimal("0.10"), Decimal("0.20"), Decimal("2.50"), Decimal("8.00"), Decimal("1.70")] * 6
    for number, value in enumerate(hours, 1):
        part = PartFactory(programme=programme, ce_hours=value, number=number)
        PartCredit.objects.create(part=part, scheme=nasw, category="Clinical", hours=value)
        PartCredit.objects.create(part=part, scheme=cpd, category="Ethics", hours=value / 2)
        services.part_complete(person=person, part=part, on=DAY, source=CompletionSource.IMPORTED)
    transcript = transcript_for(person)
    assert transcript.total == Decimal("75.00")
    assert hours_text(transcript.total) == "75.00"
    assert transcript.by_scheme == {"NASW CE": Decimal("75.00"), "Social Work England CPD": Decimal("37.50")}
    assert transcript.by_scheme_and_category[("Social Work England CPD", "Ethics")] == Decimal("37.50")
    assert len(transcript.entries) == 30


def test_part_requirements_cannot_form_a_cycle():
    one = PartFactory()
    two = PartFactory(programme=one.programme)
    services.part_requires_set(part=two, requires=[one])
    with pytest.raises(ValidationError):
        services.part_requires_set(part=one, requires=[two])
    with pytest.raises(ValidationError):
        services.part_requires_set(part=one, requires=[PartFactory()])

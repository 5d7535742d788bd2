"""Pre/post pairing: the right answers are paired, nobody else's, and nothing names the person."""

import datetime

import pytest

from eolc.accounts.tests.factories import UserFactory
from eolc.evaluation import analytics, services
from eolc.evaluation.models import Response, SurveyKind, Timing
from eolc.evaluation.tests.factories import ScheduleFactory, confidence_survey, sent_invitation
from eolc.events.tests.factories import EventFactory
from eolc.programmes.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def answer(schedule, event, person, values, submit=True):
    invitation = sent_invitation(schedule, event, person)
    questions = list(schedule.survey.questions.order_by("position"))
    return services.response_save(
        invitation=invitation, answers=dict(zip(questions, values, strict=True)), submit=submit
    )


@pytest.fixture
def setting():
    programme = ProgrammeFactory()
    event = EventFactory(programme=programme)
    pre = ScheduleFactory(
        survey=confidence_survey(programme, SurveyKind.PRE), event=event, timing=Timing.BEFORE
    )
    post = ScheduleFactory(survey=confidence_survey(programme, SurveyKind.POST), event=event)
    return programme, event, pre, post


def test_pairs_each_persons_before_and_after_answers(setting):
    programme, event, pre, post = setting
    ana, ben, cat, dan = UserFactory.create_batch(4)
    answer(pre, event, ana, [3, 4])
    answer(post, event, ana, [7, 6])
    answer(pre, event, ben, [5, 2])
    answer(post, event, ben, [6, 2])
    answer(pre, event, cat, [1, 1])  # no post: not a pair
    answer(post, event, dan, [9, 9])  # no pre: not a pair
    answer(pre, event, UserFactory(), [2, 2], submit=False)  # a draft never counts

    rows = list(analytics.paired_confidence_changes(programme=programme))
    key = {p: services.pairing_key(programme_id=programme.pk, person_id=p.pk) for p in (ana, ben)}
    got = {(r["pairing_key"], r["measure"]): (r["pre"], r["post"]) for r in rows}
    assert got == {
        (key[ana], "know-roles"): (3, 7),
        (key[ana], "contact-others"): (4, 6),
        (key[ben], "know-roles"): (5, 6),
        (key[ben], "contact-others"): (2, 2),
    }
    assert {r["scope"] for r in rows} == {f"event:{event.pk}"}
    # The key is not the person's id, and keys differ between programmes.
    assert key[ana] != str(ana.pk)
    assert key[ana] != services.pairing_key(programme_id=ProgrammeFactory().pk, person_id=ana.pk)

    summary = {s.measure: s for s in analytics.confidence_change_summary(programme=programme)}
    assert summary["know-roles"].n == 2
    assert summary["know-roles"].mean_pre == 4.0 and summary["know-roles"].mean_post == 6.5
    assert summary["know-roles"].mean_change == 2.5
    # Changes 4 and 1: sd 2.121, se 1.5, t(1) = 12.706.
    assert summary["know-roles"].ci_low == pytest.approx(2.5 - 12.706 * 1.5, abs=0.01)
    assert summary["contact-others"].mean_change == 1.0


def test_pairs_stay_within_one_event(setting):
    programme, event, pre, post = setting
    other = EventFactory(programme=programme)
    person = UserFactory()
    answer(pre, event, person, [2, 2])
    ScheduleFactory(survey=post.survey, event=other)
    answer(post.survey.schedules.get(event=other), other, person, [8, 8])
    assert list(analytics.paired_confidence_changes(programme=programme)) == []


def test_follow_up_pairs_with_the_before_answers(setting):
    programme, event, pre, _ = setting
    follow = ScheduleFactory(
        survey=confidence_survey(programme, SurveyKind.FOLLOW_UP), event=event, timing=Timing.LATER, days=90
    )
    person = UserFactory()
    answer(pre, event, person, [2, 3])
    answer(follow, event, person, [5, 5])
    rows = analytics.paired_confidence_changes(programme=programme, after=SurveyKind.FOLLOW_UP)
    assert sorted((r["measure"], r["pre"], r["post"]) for r in rows) == [
        ("contact-others", 3, 5),
        ("know-roles", 2, 5),
    ]
    assert list(analytics.paired_confidence_changes(programme=programme)) == []


def test_filters_narrow_the_pairs(setting):
    programme, event, pre, post = setting
    health, care = UserFactory(sector="health"), UserFactory(sector="social_care")
    for person in (health, care):
        answer(pre, event, person, [1, 1])
        answer(post, event, person, [2, 2])
    assert len(analytics.paired_confidence_changes(programme=programme, sector="health")) == 2
    assert len(analytics.paired_confidence_changes(programme=programme, measure="know-roles")) == 2
    day = event.starts_at.date()
    assert (
        len(analytics.paired_confidence_changes(programme=programme, start=day + datetime.timedelta(days=1)))
        == 0
    )
    assert len(analytics.paired_confidence_changes(programme=ProgrammeFactory())) == 0


def test_anonymous_answers_keep_no_person_and_never_pair(setting):
    programme, event, _, _ = setting
    pre = ScheduleFactory(
        survey=confidence_survey(programme, SurveyKind.PRE, anonymous=True), event=event, timing=Timing.BEFORE
    )
    post = ScheduleFactory(survey=confidence_survey(programme, SurveyKind.POST, anonymous=True), event=event)
    person = UserFactory()
    draft = answer(pre, event, person, [4, None], submit=False)
    assert draft.invitation is not None and draft.person is None and draft.pairing_key == ""
    invitation = draft.invitation
    questions = list(pre.survey.questions.order_by("position"))
    done = services.response_save(invitation=invitation, answers={questions[1]: 5}, submit=True)
    done.refresh_from_db()
    assert done.person is None and done.invitation is None and done.pairing_key == ""
    assert done.submitted_at.hour == 0 and done.submitted_at.minute == 0
    assert sorted(done.answers.values_list("value", flat=True)) == [4, 5]
    invitation.refresh_from_db()
    assert invitation.responded_at is not None
    answer(post, event, person, [9, 9])
    assert list(analytics.paired_confidence_changes(programme=programme)) == []
    with pytest.raises(services.AlreadyAnswered):
        services.response_save(invitation=invitation, answers={}, submit=True)


def test_a_draft_is_resumed_and_submitting_twice_is_refused(setting):
    programme, event, pre, _ = setting
    person = UserFactory()
    draft = answer(pre, event, person, [6, None], submit=False)
    invitation = draft.invitation
    assert draft.submitted_at is None and draft.answers.count() == 1
    first, second = pre.survey.questions.order_by("position")
    services.response_save(invitation=invitation, answers={first: 7, second: 8}, submit=True)
    assert Response.objects.get(pk=draft.pk).answers.count() == 2
    assert list(Response.objects.get(pk=draft.pk).answers.values_list("value", flat=True)) == [7, 8]
    with pytest.raises(services.AlreadyAnswered):
        services.response_save(invitation=invitation, answers={first: 1}, submit=True)
    assert Response.objects.get(pk=draft.pk).answers.get(question=first).value == 7

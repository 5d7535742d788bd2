"""Survey pages: who may build, answer and see what; drafts; figures without names."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from eolc.accounts.tests.factories import UserFactory
from eolc.evaluation import services
from eolc.evaluation.models import QuestionKind, Response, Survey, SurveyKind, Timing
from eolc.evaluation.tests.factories import (
    QuestionFactory,
    ScheduleFactory,
    SurveyFactory,
    confidence_survey,
    sent_invitation,
)
from eolc.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def invite(survey, event, person, timing=Timing.AFTER):
    schedule = survey.schedules.first() or ScheduleFactory(survey=survey, event=event, timing=timing)
    return sent_invitation(schedule, event, person)


@pytest.fixture
def event(programme):
    return EventFactory(programme=programme, title="Working together: Camden")


@pytest.fixture
def feedback(programme):
    survey = SurveyFactory(programme=programme, title="How was the session?", anonymous=True)
    QuestionFactory(survey=survey, position=1, kind=QuestionKind.LIKERT, text="The session was relevant.")
    QuestionFactory(
        survey=survey, position=2, kind=QuestionKind.TEXT, text="What would make it better?", required=False
    )
    return survey


def test_templates_are_seeded_with_shared_measures():
    pre, post, follow = (
        Survey.objects.get(template_key=k)
        for k in ("confidence-pre", "confidence-post", "follow-up-3-months")
    )
    measures = set(pre.questions.exclude(measure="").values_list("measure", flat=True))
    assert len(measures) == 7
    assert measures == set(post.questions.exclude(measure="").values_list("measure", flat=True))
    assert measures == set(follow.questions.exclude(measure="").values_list("measure", flat=True))
    assert Survey.objects.get(template_key="session-feedback").anonymous
    kinds = set(Survey.objects.templates().values_list("questions__kind", flat=True))
    assert kinds == {"likert", "single", "multiple", "text", "confidence"}


def test_draft_then_submit(client, people, event, feedback):
    invitation = invite(feedback, event, people.learner)
    client.force_login(people.learner)
    url = reverse("evaluation:answer", args=[invitation.pk])
    page = client.get(url)
    assert page.status_code == 200 and escape("The session was relevant.") in page.content.decode()
    question, comment = feedback.questions.order_by("position")
    saved = client.post(url, {f"q{comment.pk}": "More time for questions", "action": "save"})
    assert saved.status_code == 302
    assert "More time for questions" in client.get(url).content.decode()
    # Sending without the required answer keeps what was typed and names the problem.
    refused = client.post(url, {f"q{comment.pk}": "More time for questions", "action": "submit"})
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "Answer this question, or save and finish later" in body and "More time for questions" in body
    client.post(
        url, {f"q{question.pk}": "4", f"q{comment.pk}": "More time for questions", "action": "submit"}
    )
    response = Response.objects.get(survey=feedback)
    assert response.is_submitted and response.person is None and response.invitation is None
    assert "You have answered this survey" in client.get(url).content.decode()
    again = client.post(url, {f"q{question.pk}": "1", "action": "submit"})
    assert again.status_code == 200 and response.answers.get(question=question).value == 4


def test_the_event_page_offers_the_persons_own_waiting_survey(
    client, people, event, feedback, django_capture_on_commit_callbacks
):
    invitation = invite(feedback, event, people.learner)
    client.force_login(people.learner)
    link = reverse("evaluation:answer", args=[invitation.pk])
    assert link in client.get(reverse("events:detail", args=[event.pk])).content.decode()
    client.force_login(people.champion)
    assert link not in client.get(reverse("events:detail", args=[event.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # waiting surveys are kept until a change
        invitation.responded_at = event.ends_at
        invitation.save()
    client.force_login(people.learner)
    assert link not in client.get(reverse("events:detail", args=[event.pk])).content.decode()


def test_another_persons_invitation_is_404_even_for_staff(client, people, event, feedback):
    invitation = invite(feedback, event, people.learner)
    for someone in (people.champion, people.admin, people.facilitator, people.outsider):
        client.force_login(someone)
        assert client.get(reverse("evaluation:answer", args=[invitation.pk])).status_code == 404
        assert (
            client.post(reverse("evaluation:answer", args=[invitation.pk]), {"action": "submit"}).status_code
            == 404
        )


def test_builder_access(client, people, feedback):
    url = reverse("evaluation:edit", args=[feedback.pk])
    expected = {
        "admin": 200,
        "facilitator": 200,
        "site_admin": 200,
        "commissioner": 403,
        "learner": 404,
        "champion": 404,
        "other_admin": 404,
        "outsider": 404,
    }
    for role, status in expected.items():
        client.force_login(getattr(people, role))
        assert client.get(url).status_code == status, role
    client.force_login(people.other_admin)
    assert client.post(reverse("evaluation:add_question", args=[feedback.pk]), {}).status_code == 404
    question = feedback.questions.first()
    assert client.post(reverse("evaluation:delete_question", args=[question.pk])).status_code == 404
    assert client.get(reverse("evaluation:results", args=[feedback.pk])).status_code == 404
    client.force_login(people.commissioner)
    assert client.get(reverse("evaluation:results", args=[feedback.pk])).status_code == 200


def test_build_a_survey_from_a_template_and_send_it(client, people, programme, event):
    client.force_login(people.facilitator)
    template = Survey.objects.get(template_key="confidence-pre")
    page = client.get(reverse("evaluation:programme", args=[programme.slug]))
    assert escape(template.title) in page.content.decode()
    copied = client.post(reverse("evaluation:use_template", args=[programme.slug, template.pk]))
    survey = Survey.objects.get(programme=programme)
    assert copied.url == reverse("evaluation:edit", args=[survey.pk])
    assert survey.questions.count() == template.questions.count() and survey.created_from == template

    add = reverse("evaluation:add_question", args=[survey.pk])
    bad = client.post(
        add,
        {"question-kind": "multiple", "question-text": "Which roles did you meet?", "question-options": "GP"},
    )
    assert bad.status_code == 200 and "Give at least 2 options, one per line." in bad.content.decode()
    assert "Which roles did you meet?" in bad.content.decode()
    client.post(
        add,
        {
            "question-kind": "multiple",
            "question-text": "Which roles did you meet?",
            "question-options": "GP\nCare home manager\n\nHospice nurse",
            "question-required": "on",
        },
    )
    last = survey.questions.order_by("position").last()
    assert last.options == ["GP", "Care home manager", "Hospice nurse"] and last.position == 9

    client.post(reverse("evaluation:move_question", args=[last.pk]), {"direction": "up"})
    last.refresh_from_db()
    assert last.position == 8
    client.post(reverse("evaluation:delete_question", args=[survey.questions.get(position=1).pk]))
    assert list(survey.questions.order_by("position").values_list("position", flat=True)) == list(range(1, 9))

    sending = reverse("evaluation:add_schedule", args=[survey.pk])
    refused = client.post(sending, {"timing": "before", "days": "2"})
    assert refused.status_code == 200 and "Choose an event or a part" in refused.content.decode()
    client.post(sending, {"event": event.pk, "timing": "before", "days": "2"})
    schedule = survey.schedules.get()
    assert schedule.event == event and schedule.days == 2


def test_questions_lock_once_answering_starts(client, people, event, feedback):
    invitation = invite(feedback, event, people.learner)
    services.response_save(invitation=invitation, answers={}, submit=False)
    client.force_login(people.admin)
    page = client.get(reverse("evaluation:edit", args=[feedback.pk])).content.decode()
    assert "People have started answering" in page and "Add a question" not in page
    question = feedback.questions.first()
    client.post(reverse("evaluation:delete_question", args=[question.pk]))
    assert feedback.questions.count() == 2
    client.post(reverse("evaluation:copy", args=[feedback.pk]))
    assert Survey.objects.filter(created_from=feedback).get().questions.count() == 2


def test_results_show_figures_not_names_and_hide_small_numbers(client, people, programme, event):
    pre = confidence_survey(programme, SurveyKind.PRE)
    post = confidence_survey(programme, SurveyKind.POST)
    QuestionFactory(survey=post, position=3, kind=QuestionKind.TEXT, text="What will you do?", required=False)
    respondents = [UserFactory(full_name=f"Named Person {n}") for n in range(5)]
    client.force_login(people.facilitator)
    url = reverse("evaluation:results", args=[post.pk])
    for n, person in enumerate(respondents):
        questions = list(pre.questions.order_by("position"))
        services.response_save(
            invitation=invite(pre, event, person, Timing.BEFORE),
            answers={q: 3 for q in questions},
            submit=True,
        )
        q1, q2, text = post.questions.order_by("position")
        services.response_save(
            invitation=invite(post, event, person),
            answers={q1: 5 + n % 2, q2: 3, text: f"Call the hospice {n}"},
            submit=True,
        )
        body = client.get(url).content.decode()
        if n < 4:
            assert "Fewer than 5 people have answered" in body and "Call the hospice" not in body
    assert "5 people answered." in body and "Call the hospice 4" in body
    assert "Named Person" not in body
    assert "Fewer than 5" not in body
    assert "+2.4" in body  # four people 3 -> 5 or 6: mean change (2+3+2+3+2)/5
    assert ">100%<" in body  # 5 invited, 5 answered


def test_results_download_as_csv_with_the_pages_hiding(client, people, programme, event):
    pre = confidence_survey(programme, SurveyKind.PRE)
    post = confidence_survey(programme, SurveyKind.POST)
    client.force_login(people.facilitator)

    def csv_lines(table, **params):
        response = client.get(reverse("evaluation:results_csv", args=[post.pk, table]), params)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        return response.content.decode().strip().splitlines()

    for n in range(5):
        person = UserFactory(full_name=f"Named Person {n}")
        services.response_save(
            invitation=invite(pre, event, person, Timing.BEFORE),
            answers={q: 3 for q in pre.questions.all()},
            submit=True,
        )
        services.response_save(
            invitation=invite(post, event, person), answers={q: 5 for q in post.questions.all()}, submit=True
        )
        if n == 2:
            assert csv_lines("answers") == ["Question,Answer,People,Share (%)"]
            assert all(",fewer than 5," in line for line in csv_lines("changes")[1:])
    answers = csv_lines("answers", event=event.pk)
    assert len(answers) == 1 + 2 * 10  # two questions of ten points each
    assert any(line.endswith(",5,5,100") for line in answers)
    changes = csv_lines("changes")
    assert changes[0].startswith("Question,People paired") and len(changes) == 3
    assert all(",5,3.0,5.0,2.0," in line for line in changes[1:])
    assert "Named Person" not in "".join(answers + changes)
    assert client.get(reverse("evaluation:results_csv", args=[post.pk, "people"])).status_code == 404
    client.force_login(people.learner)
    assert client.get(reverse("evaluation:results_csv", args=[post.pk, "answers"])).status_code == 404

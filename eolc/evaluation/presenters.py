"""What the survey pages show: invitation states, and results as figures without names."""

from dataclasses import dataclass, field

from django.urls import reverse

from eolc.evaluation import analytics, waiting
from eolc.evaluation.models import LIKERT_LABELS, QuestionKind, SurveyKind


@dataclass
class InvitationRow:
    invitation: object
    status: str
    tag: str
    action: str


def invitation_rows(invitations) -> list[InvitationRow]:
    """Invitations annotated `with_draft()`."""
    rows = []
    for invitation in invitations:
        if invitation.responded_at:
            rows.append(InvitationRow(invitation, "Answered", "nhsuk-tag--green", "See what you sent"))
        elif invitation.has_draft:
            rows.append(InvitationRow(invitation, "Started", "nhsuk-tag--yellow", "Carry on"))
        else:
            rows.append(InvitationRow(invitation, "To do", "nhsuk-tag--blue", "Answer"))
    return rows


@dataclass
class QuestionResult:
    question: object
    answered: int = 0
    mean: float | None = None
    rows: list[tuple[str, int, int]] = field(default_factory=list)  # label, count, percent
    texts: list[str] = field(default_factory=list)


def _rows(pairs, total):
    return [(label, n, round(100 * n / total) if total else 0) for label, n in pairs]


def question_results(survey, **filters) -> list[QuestionResult]:
    results = []
    for question in survey.questions.order_by("position"):
        result = QuestionResult(question)
        if question.kind in (QuestionKind.LIKERT, QuestionKind.CONFIDENCE):
            counts = {
                row["value"]: row["n"] for row in analytics.scale_distribution(question=question, **filters)
            }
            result.answered = sum(counts.values())
            mean = analytics.scale_mean(question=question, **filters)["mean"]
            result.mean = round(mean, 1) if mean is not None else None
            labels = (
                list(enumerate(LIKERT_LABELS, start=1))
                if question.kind == QuestionKind.LIKERT
                else [(n, str(n)) for n in range(1, 11)]
            )
            result.rows = _rows([(label, counts.get(value, 0)) for value, label in labels], result.answered)
        elif question.kind == QuestionKind.SINGLE:
            counts = {
                row["choice"]: row["n"] for row in analytics.choice_counts(question=question, **filters)
            }
            result.answered = sum(counts.values())
            result.rows = _rows([(o, counts.get(o, 0)) for o in question.options], result.answered)
        elif question.kind == QuestionKind.MULTIPLE:
            counts = analytics.multiple_choice_counts(question=question, **filters)
            result.answered = analytics.respondents(survey=survey, **filters)
            result.rows = _rows(list(counts.items()), result.answered)
        else:
            result.texts = analytics.free_text(question=question, survey=survey, **filters)
            result.answered = len(result.texts)
        results.append(result)
    return results


@dataclass
class MeasureRow:
    label: str
    summary: analytics.ChangeSummary


def paired_changes(survey, **filters) -> tuple[str, list[MeasureRow]]:
    """For surveys with before-and-after measures: (what is compared, one row per measure)."""
    questions = survey.questions.exclude(measure="").order_by("position")
    measures = {q.measure: q.text for q in questions}
    order = {measure: index for index, measure in enumerate(measures)}
    if not measures or survey.kind not in (SurveyKind.PRE, SurveyKind.POST, SurveyKind.FOLLOW_UP):
        return "", []
    after = SurveyKind.FOLLOW_UP if survey.kind == SurveyKind.FOLLOW_UP else SurveyKind.POST
    compared = (
        "Before the session and three months on" if after == SurveyKind.FOLLOW_UP else "Before and after"
    )
    summaries = analytics.confidence_change_summary(programme=survey.programme, after=after, **filters)
    rows = [MeasureRow(measures[s.measure], s) for s in summaries if s.measure in measures]
    return compared, sorted(rows, key=lambda row: order[row.summary.measure])


RESULT_COLUMNS = {
    "answers": ["Question", "Answer", "People", "Share (%)"],
    "changes": [
        "Question",
        "People paired",
        "Average before",
        "Average after",
        "Change",
        "95% interval from",
        "95% interval to",
    ],
}


def result_rows(survey, table: str, **filters) -> list[list]:
    """The results page's tables as rows for a spreadsheet, hidden where the page hides them.

    `answers`: counts per answer for scale and choice questions, only once the page shows them (free
    text stays on the page). `changes`: the paired change per question, blank under 5 pairs.
    """
    if table == "changes":
        rows = []
        for row in paired_changes(survey, **filters)[1]:
            summary = row.summary
            if summary.suppressed:
                rows.append([row.label, f"fewer than {analytics.SMALL_NUMBER}", "", "", "", "", ""])
            else:
                rows.append(
                    [
                        row.label,
                        summary.n,
                        summary.mean_pre,
                        summary.mean_post,
                        summary.mean_change,
                        summary.ci_low,
                        summary.ci_high,
                    ]
                )
        return rows
    if analytics.respondents(survey=survey, **filters) < analytics.SMALL_NUMBER:
        return []
    return [
        [f"{result.question.position}. {result.question.text}", label, count, percent]
        for result in question_results(survey, **filters)
        for label, count, percent in result.rows
    ]


def _display(question, answer) -> str:
    if answer is None:
        return "Not answered"
    if question.kind == QuestionKind.LIKERT and answer.value:
        return LIKERT_LABELS[answer.value - 1]
    if question.kind == QuestionKind.CONFIDENCE and answer.value:
        return f"{answer.value} out of 10"
    if question.kind == QuestionKind.SINGLE:
        return answer.choice
    if question.kind == QuestionKind.MULTIPLE:
        return "; ".join(answer.choices)
    return answer.text


def answer_rows(survey, response) -> list[tuple[str, str]]:
    """(question, what the person answered) for showing someone their own named response."""
    answers = {a.question_id: a for a in response.answers.all()}
    return [(q.text, _display(q, answers.get(q.pk))) for q in survey.questions.order_by("position")]


def event_page_links(event, person, registration) -> list[dict]:
    """On an event's page: the person's own surveys about it that still wait for answers.
    Registered in AppConfig.ready() with eolc.events.links."""
    return [
        {"text": f"Answer the survey: {title}", "href": reverse("evaluation:answer", args=[pk])}
        for pk, title in waiting.waiting_by_event(person).get(event.pk, [])
    ]

"""Survey figures as database aggregates, without identity: what the results page and reports read.

Every function takes the same filters (see `_responses`) and returns querysets of plain values or
a handful of numbers, whatever the number of answers. Pairing uses the pseudonymous key only, so
nothing here can name the person behind a pair. Callers decide who may see which programme
(`eolc/programmes/access/`) and suppress small numbers where they show them.
"""

import math
from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Case, Count, F, IntegerField, Max, Q, When

from eolc.accounts.models import Area
from eolc.evaluation.models import Answer, Invitation, QuestionKind, Response, SurveyKind

# Answers from fewer people than this are not shown on the results page.
SMALL_NUMBER = 5


def _responses(
    *,
    programme=None,
    survey=None,
    event=None,
    part=None,
    area=None,
    start=None,
    end=None,
    event_kind=None,
    sector=None,
    phase=None,
):
    """Submitted responses matching the filters. Dates are the event's day (start and end inclusive).

    `sector` filters named surveys by the respondent's sector; anonymous responses carry none.
    `phase` means the phase's dates and, when it has any, its target areas.
    """
    responses = Response.objects.submitted()
    if programme is not None:
        responses = responses.filter(survey__programme=programme)
    if survey is not None:
        responses = responses.filter(survey=survey)
    if event is not None:
        responses = responses.filter(event=event)
    if part is not None:
        responses = responses.filter(Q(event__part=part) | Q(event__series__part=part))
    if area is not None:
        responses = responses.filter(event__area__in=Area.objects.within(area))
    if phase is not None:
        start = max(filter(None, [start, phase.starts_on]))
        end = min(filter(None, [end, phase.ends_on]))
        targets = phase.target_areas.all()
        if targets.exists():
            responses = responses.filter(event__area__in=targets)
    if start is not None:
        responses = responses.filter(event__starts_at__date__gte=start)
    if end is not None:
        responses = responses.filter(event__starts_at__date__lte=end)
    if event_kind:
        responses = responses.filter(event__kind=event_kind)
    if sector:
        responses = responses.filter(person__sector=sector)
    return responses


def paired_confidence_changes(*, measure=None, after=SurveyKind.POST, with_session=False, **filters):
    """One row per person and measure who answered both before and after: a values queryset of
    `pairing_key`, `scope`, `measure`, `pre` and `post` (whole numbers), computed in one GROUP BY.

    `after` picks the comparison: POST (straight after) or FOLLOW_UP (months later). A pair is the
    same pairing key within the same scope (one event, or one part's sessions). Sector filters
    apply to the "after" answer's respondent, who is the same person as the "before" one.
    `with_session` adds the "after" answer's `event_id` and `person_id`, for the reports' rollups.
    """
    responses = _responses(**filters).exclude(pairing_key="")
    answers = Answer.objects.filter(
        response__in=responses.values("pk"),
        response__survey__kind__in=[SurveyKind.PRE, after],
        question__kind__in=[QuestionKind.LIKERT, QuestionKind.CONFIDENCE],
        value__isnull=False,
    ).exclude(question__measure="")
    if measure:
        answers = answers.filter(question__measure=measure)

    def value_in(kind):
        return Max(Case(When(response__survey__kind=kind, then="value"), output_field=IntegerField()))

    def after_field(name):
        return Max(Case(When(response__survey__kind=after, then=name), output_field=IntegerField()))

    session = (
        {"event_id": after_field("response__event_id"), "person_id": after_field("response__person_id")}
        if with_session
        else {}
    )
    return (
        answers.values(
            pairing_key=F("response__pairing_key"), scope=F("response__scope"), measure=F("question__measure")
        )
        .annotate(pre=value_in(SurveyKind.PRE), post=value_in(after), **session)
        .filter(pre__isnull=False, post__isnull=False)
        .order_by("measure", "scope", "pairing_key")
    )


@dataclass
class ChangeSummary:
    measure: str
    n: int
    mean_pre: float | None
    mean_post: float | None
    mean_change: float | None
    ci_low: float | None
    ci_high: float | None

    @property
    def suppressed(self) -> bool:
        return self.n < SMALL_NUMBER


# Two-sided 95% critical values of Student's t for small samples; 1.96 beyond the table.
_T95 = {
    1: 12.706,
    2: 4.303,
    3: 3.182,
    4: 2.776,
    5: 2.571,
    6: 2.447,
    7: 2.365,
    8: 2.306,
    9: 2.262,
    10: 2.228,
    12: 2.179,
    15: 2.131,
    20: 2.086,
    25: 2.060,
    30: 2.042,
    40: 2.021,
    60: 2.000,
    120: 1.980,
}


def _t95(df: int) -> float:
    fits = [value for limit, value in sorted(_T95.items()) if limit >= df]
    return fits[0] if fits else 1.96


def confidence_change_summary(**filters) -> list[ChangeSummary]:
    """Per measure: pairs, mean before and after, mean change and its 95% confidence interval.

    The pairs are summed by the database (one query over the pairing GROUP BY), so the cost does not
    grow in Python with the number of answers.
    """
    pairs = paired_confidence_changes(**filters)
    # The inner SQL is compiled by Django with its values kept apart as parameters.
    inner, params = pairs.order_by().query.sql_with_params()
    sql = (
        "SELECT measure, COUNT(*), AVG(pre * 1.0), AVG(post * 1.0), AVG((post - pre) * 1.0), "  # noqa: S608
        "SUM((post - pre) * (post - pre) * 1.0) "
        f"FROM ({inner}) AS pairs GROUP BY measure ORDER BY measure"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        summary_from_sums(measure, n, pre * n, post * n, change * n, squares)
        for measure, n, pre, post, change, squares in rows
    ]


def summary_from_sums(measure, n, pre_sum, post_sum, change_sum, change_squares) -> ChangeSummary:
    """A measure's summary from the sums over its n pairs (what the reports' rollups keep)."""
    n = int(n)
    pre, post, change = (float(total) / n for total in (pre_sum, post_sum, change_sum))
    low = high = None
    if n > 1:
        variance = max((float(change_squares) - n * change**2) / (n - 1), 0.0)
        margin = _t95(n - 1) * math.sqrt(variance / n)
        low, high = round(change - margin, 2), round(change + margin, 2)
    return ChangeSummary(
        measure=measure,
        n=n,
        mean_pre=round(pre, 2),
        mean_post=round(post, 2),
        mean_change=round(change, 2),
        ci_low=low,
        ci_high=high,
    )


def response_counts(*, by=("survey", "event"), programme=None, survey=None, event=None):
    """Invited, answered and reminded counts per survey and event (or any of `by`), from invitations.

    Works the same for anonymous surveys: an invitation records that its person answered, not what.
    """
    invitations = Invitation.objects.sent()
    if programme is not None:
        invitations = invitations.filter(survey__programme=programme)
    if survey is not None:
        invitations = invitations.filter(survey=survey)
    if event is not None:
        invitations = invitations.filter(event=event)
    return (
        invitations.values(*by)
        .annotate(
            invited=Count("pk"),
            answered=Count("pk", filter=Q(responded_at__isnull=False)),
            reminded=Count("pk", filter=Q(reminded_at__isnull=False)),
        )
        .order_by(*by)
    )


def drafts_count(*, survey=None, event=None) -> int:
    drafts = Response.objects.drafts()
    if survey is not None:
        drafts = drafts.filter(survey=survey)
    if event is not None:
        drafts = drafts.filter(event=event)
    return drafts.count()


def scale_distribution(*, question, **filters):
    """How many chose each point of a scale question: a values queryset of `value`, `n`."""
    return (
        Answer.objects.filter(question=question, response__in=_responses(**filters).values("pk"))
        .exclude(value__isnull=True)
        .values("value")
        .annotate(n=Count("pk"))
        .order_by("value")
    )


def scale_mean(*, question, **filters):
    answers = Answer.objects.filter(question=question, response__in=_responses(**filters).values("pk"))
    return answers.aggregate(mean=Avg("value"), n=Count("value"))


def choice_counts(*, question, **filters):
    """Choose-one counts: a values queryset of `choice`, `n`."""
    return (
        Answer.objects.filter(question=question, response__in=_responses(**filters).values("pk"))
        .exclude(choice="")
        .values("choice")
        .annotate(n=Count("pk"))
        .order_by("-n", "choice")
    )


def multiple_choice_counts(*, question, **filters) -> dict[str, int]:
    """Choose-any counts. Choices are a JSON list per answer, which neither database can group by
    portably, so this counts one survey question's answers in Python (bounded by its respondents)."""
    counts = {option: 0 for option in question.options}
    answers = Answer.objects.filter(question=question, response__in=_responses(**filters).values("pk"))
    for chosen in answers.values_list("choices", flat=True):
        for option in chosen or []:
            counts[option] = counts.get(option, 0) + 1
    return counts


def free_text(*, question, limit=50, **filters) -> list[str]:
    """The newest free-text answers, without names or dates."""
    answers = Answer.objects.filter(question=question, response__in=_responses(**filters).values("pk"))
    return list(
        answers.exclude(text="")
        .order_by("-response__submitted_at", "-pk")
        .values_list("text", flat=True)[:limit]
    )


def respondents(**filters) -> int:
    return _responses(**filters).count()

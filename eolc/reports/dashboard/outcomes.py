"""What changed: CE hours, action-plan follow-through and paired before-and-after answers.

Outcomes come from the rollups (OutcomeFact): one query per table, whatever the volume.
"""

from django.db.models import Sum

from eolc.action_plans.models import PracticeCategory
from eolc.core.charts import SUPPRESSED, Interval, Table, interval_chart
from eolc.evaluation import analytics as evaluation
from eolc.evaluation.models import Question, SurveyKind
from eolc.reports.dashboard.scope import SECTOR_LABELS, Scope, in_order, sector_label
from eolc.reports.models import PlanFact


def credit_table(scope: Scope) -> Table:
    rows = scope.credits().values("sector").annotate(completions=Sum("completions"), hours=Sum("ce_hours"))
    labels = in_order(list(SECTOR_LABELS) + [""], "sector", sector_label)
    table_rows = []
    for label, row in labels(rows):
        completions = scope.count(row["completions"])
        table_rows.append([label, completions, SUPPRESSED if completions == SUPPRESSED else row["hours"]])
    return Table(
        "ce_hours", "CE hours awarded by sector", ["Sector", "Completions", "CE hours"], table_rows, chart=2
    )


def follow_through_table(scope: Scope) -> Table:
    rows = {}
    for row in (
        PlanFact.objects.in_programmes(scope.programme_ids)
        .values("category")
        .annotate(people=Sum("people"), actions=Sum("actions"), done=Sum("done"))
    ):
        rows[row["category"]] = row
    labels = {"": "All actions", **dict(PracticeCategory.choices)}
    table_rows = []
    for value, label in labels.items():
        row = rows.get(value)
        if row is None:
            continue
        people = scope.count(row["people"])
        hidden = people == SUPPRESSED
        rate = round(100 * row["done"] / row["actions"], 1) if row["actions"] else 0
        table_rows.append(
            [
                label,
                people,
                SUPPRESSED if hidden else row["actions"],
                SUPPRESSED if hidden else row["done"],
                SUPPRESSED if hidden else rate,
            ]
        )
    return Table(
        "follow_through",
        "Action-plan follow-through",
        ["Kind of action", "People with plans", "Actions", "Done", "Done (%)"],
        table_rows,
        chart=4,
        note="Plans written after the programme's sessions, across all dates.",
    )


def outcome_summaries(scope: Scope, comparison=SurveyKind.POST) -> list[evaluation.ChangeSummary]:
    """Per measure: pairs, means before and after, mean change and its 95% interval, from the rollups."""
    rows = (
        scope.outcomes(comparison)
        .values("measure")
        .annotate(
            n=Sum("pairs"),
            pre=Sum("pre_sum"),
            post=Sum("post_sum"),
            change=Sum("change_sum"),
            squares=Sum("change_squares"),
        )
        .order_by("measure")
    )
    return [
        evaluation.summary_from_sums(
            row["measure"], row["n"], row["pre"], row["post"], row["change"], row["squares"]
        )
        for row in rows
        if row["n"]
    ]


def outcome_table(scope: Scope) -> tuple[Table, dict | None]:
    """Paired before-and-after change per measure, with its 95% confidence interval and n; and the
    chart of those changes and intervals (nothing drawn for suppressed measures)."""
    summaries = outcome_summaries(scope)
    labels = dict(
        Question.objects.filter(survey__kind=SurveyKind.PRE, measure__in=[s.measure for s in summaries])
        .order_by("measure", "pk")
        .values_list("measure", "text")
    )
    rows, marks = [], []
    for summary in summaries:
        label = labels.get(summary.measure, summary.measure.replace("-", " "))
        if scope.count(summary.n) == SUPPRESSED:
            rows.append([label, SUPPRESSED, "", "", "", ""])
            marks.append(Interval(label, None, text=SUPPRESSED))
            continue
        interval = "" if summary.ci_low is None else f"{summary.ci_low:+.2f} to {summary.ci_high:+.2f}"
        rows.append(
            [label, summary.n, summary.mean_pre, summary.mean_post, f"{summary.mean_change:+.2f}", interval]
        )
        marks.append(
            Interval(
                label,
                summary.mean_change,
                summary.ci_low,
                summary.ci_high,
                text=f"{summary.mean_change:+.2f} (n = {summary.n:,})",
            )
        )
    note = (
        "Each person's answers before and after are paired without their identity; only people who "
        "answered both count."
    )
    table = Table(
        "outcomes",
        "Change from before to after the session",
        ["Measure", "People (pairs)", "Before (mean)", "After (mean)", "Change", "95% confidence interval"],
        rows,
        chart=None,
        note=note,
    )
    return table, interval_chart(f"{table.caption}: average change with its 95% confidence interval", marks)

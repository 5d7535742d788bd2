"""The dashboard's figures, read from the rollups with a fixed number of aggregate queries.

Each function takes a `Scope` (programmes and filters) and returns `Table`s. Nothing here loops
over attendances or people: every query groups fact rows in the database, and the number of
queries does not depend on how much data there is.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, Q, Sum
from django.utils import timezone

from eolc.accounts.models import Area, Sector
from eolc.action_plans.models import PracticeCategory
from eolc.champions.models import Champion, ChampionStatus
from eolc.core.charts import SUPPRESSED, Interval, Table, interval_chart, suppress
from eolc.evaluation import analytics as evaluation
from eolc.evaluation.models import Question, SurveyKind
from eolc.events.models import EventKind, TimeOfDay
from eolc.insights.models import Consent, Contribution, PracticeExample, ReviewStatus, Theme
from eolc.insights.models import PracticeCategory as ExampleCategory
from eolc.library.models import SECTOR_COUNT_FIELDS, DeliveredSession
from eolc.programmes.models import Phase
from eolc.reports.models import (
    MIX_BANDS,
    CreditFact,
    OutcomeFact,
    PlanFact,
    ProfileAttendance,
    ProfileDimension,
    RollupChange,
    RollupState,
    SectorAttendance,
    SessionFact,
)

NOT_RECORDED = "Not recorded"
SECTOR_LABELS = dict(Sector.choices)
KIND_LABELS = dict(EventKind.choices)
TIME_LABELS = dict(TimeOfDay.choices)


class Status:
    REACHED = "reached"
    PLANNED = "planned"
    NONE = "none"
    LABELS = {REACHED: "Reached", PLANNED: "Planned", NONE: "No activity"}


@dataclass
class Scope:
    """Which programmes, and which slice of their data, a page shows."""

    programme_ids: list[int]
    suppress_small: bool
    phase: Phase | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    area: Area | None = None
    sector: str = ""
    kind: str = ""
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def months(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The month range: the phase's months, narrowed by any dates given (a date picks its month)."""
        start, end = self.start, self.end
        if self.phase is not None:
            start = max(filter(None, [start, self.phase.starts_on]))
            end = min(filter(None, [end, self.phase.ends_on]))
        return (start.replace(day=1) if start else None, end.replace(day=1) if end else None)

    @property
    def filters_events(self) -> bool:
        return bool(self.area or self.kind)

    def _base(self, model):
        return model.objects.in_programmes(self.programme_ids).months(*self.months)

    def sessions(self):
        rows = self._base(SessionFact)
        if self.kind:
            rows = rows.filter(kind=self.kind)
        if self.area is not None:
            rows = rows.filter(area__in=Area.objects.within(self.area))
        return rows

    def attendance(self):
        rows = self._base(SectorAttendance)
        if self.kind:
            rows = rows.filter(kind=self.kind)
        if self.area is not None:
            rows = rows.filter(area__in=Area.objects.within(self.area))
        return self._sector(rows)

    def profiles(self, dimension):
        return self._sector(self._base(ProfileAttendance).filter(dimension=dimension))

    def credits(self):
        return self._sector(self._base(CreditFact))

    def outcomes(self, comparison):
        rows = self._base(OutcomeFact).filter(comparison=comparison)
        if self.kind:
            rows = rows.filter(kind=self.kind)
        if self.area is not None:
            rows = rows.filter(area__in=Area.objects.within(self.area))
        return self._sector(rows)

    def _sector(self, rows):
        return rows.filter(sector="" if self.sector == "unknown" else self.sector) if self.sector else rows

    def count(self, value):
        return suppress(value) if self.suppress_small else value


def sector_label(slug) -> str:
    return SECTOR_LABELS.get(slug, NOT_RECORDED) if slug else NOT_RECORDED


# --- Freshness -------------------------------------------------------------------------------


@dataclass
class Freshness:
    refreshed_at: datetime.datetime | None
    waiting: bool


def freshness(scope: Scope) -> Freshness:
    states = RollupState.objects.filter(programme_id__in=scope.programme_ids)
    oldest = states.order_by("refreshed_at").values_list("refreshed_at", flat=True).first()
    waiting = RollupChange.objects.filter(programme_id__in=scope.programme_ids).exists()
    return Freshness(refreshed_at=oldest, waiting=waiting)


# --- Reach -----------------------------------------------------------------------------------


@dataclass
class Headline:
    people: object
    sessions: int
    attendances: object
    planned: int
    ce_hours: object
    completions: object
    held: int = 0  # sessions held, with or without recorded attendance
    delivered: int = 0  # training-pack sessions trainers ran outside the platform's events
    delivered_attendees: object = 0
    champions: object = 0  # active champions


REACH_COLUMNS = ["People first reached", "Sessions", "Attendances"]


def _reach_rows(scope, rows, labels):
    return [
        [label, scope.count(row["people"]), row["sessions"], scope.count(row["attendances"])]
        for label, row in labels(rows)
    ]


def _grouped(scope, key):
    return (
        scope.attendance()
        .values(key)
        .annotate(
            people=Sum("people_new"), sessions=Count("event", distinct=True), attendances=Sum("attendances")
        )
        .order_by(key)
    )


def _in_order(order, key, label):
    def labels(rows):
        by_value = {row[key]: row for row in rows}
        ordered = [value for value in order if value in by_value]
        ordered += [value for value in by_value if value not in order]
        return [(label(value), by_value[value]) for value in ordered]

    return labels


def reach_tables(scope: Scope, keys=None) -> list[Table]:
    """The reach tables, or only those whose key is in `keys` (one query each)."""

    def wanted(key):
        return keys is None or key in keys

    tables = []
    sectors = list(SECTOR_LABELS) + [""]
    if wanted("sector"):
        tables.append(
            Table(
                "sector",
                "Reach by sector",
                ["Sector", *REACH_COLUMNS],
                _reach_rows(scope, _grouped(scope, "sector"), _in_order(sectors, "sector", sector_label)),
            )
        )
    if wanted("month"):
        months = _grouped(scope, "month")
        tables.append(
            Table(
                "month",
                "Reach by month",
                ["Month", *REACH_COLUMNS],
                _reach_rows(scope, months, _in_order([], "month", lambda m: m.strftime("%B %Y"))),
                chart=3,
            )
        )
    if wanted("kind"):
        tables.append(
            Table(
                "kind",
                "Reach by kind of session",
                ["Kind of session", *REACH_COLUMNS],
                _reach_rows(
                    scope,
                    _grouped(scope, "kind"),
                    _in_order(list(KIND_LABELS), "kind", lambda k: KIND_LABELS.get(k, k)),
                ),
                chart=3,
            )
        )
    if wanted("time_of_day"):
        tables.append(
            Table(
                "time_of_day",
                "Reach by time of day",
                ["Time of day", *REACH_COLUMNS],
                _reach_rows(
                    scope,
                    _grouped(scope, "time_of_day"),
                    _in_order(list(TIME_LABELS), "time_of_day", lambda t: TIME_LABELS.get(t, t)),
                ),
                chart=3,
            )
        )
    if wanted("session_area"):
        areas = _grouped(scope, "area__name")
        tables.append(
            Table(
                "session_area",
                "Reach by where sessions were held",
                ["Area", *REACH_COLUMNS],
                _reach_rows(
                    scope, areas, _in_order([], "area__name", lambda name: name or "Online or not set")
                ),
                chart=3,
            )
        )
    note = "These figures follow the programme, date and sector filters only." if scope.filters_events else ""
    for key, caption, label_field, heading in (
        (ProfileDimension.ROLE, "Reach by job role", "job_role__name", "Job role"),
        (ProfileDimension.HOME_AREA, "Reach by area people work in", "home_area__name", "Area"),
    ):
        if not wanted(key):
            continue
        rows = (
            scope.profiles(key)
            .values(label_field)
            .annotate(people=Sum("people_new"), attendances=Sum("attendances"))
            .order_by(label_field)
        )
        tables.append(
            Table(
                key,
                caption,
                [heading, "People first reached", "Attendances"],
                [
                    [
                        row[label_field] or NOT_RECORDED,
                        scope.count(row["people"]),
                        scope.count(row["attendances"]),
                    ]
                    for row in rows
                ],
                note=note,
            )
        )
    return tables


def reach_by_quarter(scope: Scope) -> Table:
    """Reach by calendar quarter: the month table folded up, for the printed report.

    People are counted at their first session, so a quarter's people are the sum of its months'.
    """
    quarters: dict[tuple[int, int], dict] = {}
    for row in _grouped(scope, "month"):
        month = row["month"]
        cell = quarters.setdefault(
            (month.year, (month.month - 1) // 3 + 1), {"people": 0, "sessions": 0, "attendances": 0}
        )
        for key in cell:
            cell[key] += row[key] or 0
    return Table(
        "quarter",
        "Reach by quarter",
        ["Quarter", *REACH_COLUMNS],
        [
            [f"{year} Q{quarter}", scope.count(c["people"]), c["sessions"], scope.count(c["attendances"])]
            for (year, quarter), c in sorted(quarters.items())
        ],
        chart=3,
    )


def headline(scope: Scope) -> Headline:
    totals = scope.attendance().aggregate(
        people=Sum("people_new"), sessions=Count("event", distinct=True), attendances=Sum("attendances")
    )
    held = scope.sessions().aggregate(
        planned=Count("pk", filter=Q(starts_at__gte=scope.now)),
        held=Count("pk", filter=Q(starts_at__lt=scope.now)),
    )
    credit = scope.credits().aggregate(hours=Sum("ce_hours"), completions=Sum("completions"))
    completions = credit["completions"] or 0
    hours = credit["hours"] or Decimal("0")
    return Headline(
        people=scope.count(totals["people"] or 0),
        sessions=totals["sessions"] or 0,
        attendances=scope.count(totals["attendances"] or 0),
        planned=held["planned"],
        ce_hours=SUPPRESSED if scope.count(completions) == SUPPRESSED else hours,
        completions=scope.count(completions),
        held=held["held"],
    )


# --- Champions -------------------------------------------------------------------------------
# Networks hold hundreds of people, not millions: one GROUP BY over them, whatever the programme.


def champion_table(scope: Scope) -> tuple[Table, object]:
    """Active and waiting champions by sector, and the number active (suppressed as the table is)."""
    champions = Champion.objects.filter(network__programme_id__in=scope.programme_ids)
    if scope.area is not None:
        champions = champions.in_area(scope.area)
    if scope.sector:
        champions = champions.filter(person__sector="" if scope.sector == "unknown" else scope.sector)
    rows = list(
        champions.values(sector=F("person__sector"))
        .annotate(
            active=Count("pk", filter=Q(status=ChampionStatus.ACTIVE)),
            pending=Count("pk", filter=Q(status=ChampionStatus.PENDING)),
        )
        .order_by("sector")
    )
    labels = _in_order(list(SECTOR_LABELS) + [""], "sector", sector_label)
    table = Table(
        "champions",
        "Champions by sector",
        ["Sector", "Active champions", "Waiting to be approved"],
        [[label, scope.count(row["active"]), scope.count(row["pending"])] for label, row in labels(rows)],
        note="Champions now in the network, by the sector on their profile. "
        "These figures follow the programme, area and sector filters only.",
    )
    return table, scope.count(sum(row["active"] for row in rows))


# --- Sessions trainers delivered with the training pack ----------------------------------------
# Recorded by trainers as counts per sector (eolc.library): one aggregate query, whatever the volume.


def _month_end(month: datetime.date | None) -> datetime.date | None:
    if month is None:
        return None
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)


def delivered_table(scope: Scope) -> tuple[Table, int, object]:
    """Attendees of training-pack sessions by sector; and the number of sessions and of attendees."""
    start, end = scope.months
    sessions = DeliveredSession.objects.filter(programme_id__in=scope.programme_ids).between(
        start, _month_end(end)
    )
    if scope.area is not None:
        sessions = sessions.in_area(scope.area)
    sums = sessions.aggregate(
        sessions=Count("pk"), **{sector: Sum(field) for sector, field in SECTOR_COUNT_FIELDS.items()}
    )
    sectors = [s for s in SECTOR_COUNT_FIELDS if not scope.sector or s == scope.sector]
    counts = {sector: sums[sector] or 0 for sector in sectors}
    table = Table(
        "delivered",
        "Attendees of sessions trainers delivered with the training pack",
        ["Sector", "Attendees"],
        [[sector_label(sector), scope.count(n)] for sector, n in counts.items() if n],
        note="Counts trainers recorded for sessions they ran outside the platform's events. "
        "These figures follow the programme, date, area and sector filters only.",
    )
    return table, sums["sessions"], scope.count(sum(counts.values()))


# --- Coverage --------------------------------------------------------------------------------


@dataclass
class AreaCoverage:
    code: str
    name: str
    status: str
    held: int
    planned: int
    attendances: object

    @property
    def status_label(self) -> str:
        return Status.LABELS[self.status]


def target_areas(scope: Scope):
    phases = Phase.objects.filter(programme_id__in=scope.programme_ids)
    if scope.phase is not None:
        phases = phases.filter(pk=scope.phase.pk)
    return Area.objects.filter(phases__in=phases).distinct().order_by("name")


def coverage(scope: Scope) -> list[AreaCoverage]:
    """Every target area: reached (a session there had attendees), planned (one is to come), or neither."""
    now = scope.now
    facts = {
        row["area_id"]: row
        for row in scope.sessions()
        .filter(area__isnull=False)
        .values("area_id")
        .annotate(
            held=Count("pk", filter=Q(starts_at__lt=now, attendances__gt=0)),
            planned=Count("pk", filter=Q(starts_at__gte=now)),
            attendances=Sum("attendances", filter=Q(starts_at__lt=now)),
        )
    }
    result = []
    for area_id, code, name in target_areas(scope).values_list("pk", "code", "name"):
        row = facts.get(area_id, {"held": 0, "planned": 0, "attendances": 0})
        status = Status.REACHED if row["held"] else Status.PLANNED if row["planned"] else Status.NONE
        result.append(
            AreaCoverage(
                code, name, status, row["held"], row["planned"], scope.count(row["attendances"] or 0)
            )
        )
    return result


def coverage_table(areas: list[AreaCoverage]) -> Table:
    return Table(
        "coverage",
        "Coverage of target areas",
        ["Area", "Status", "Sessions held", "Sessions planned", "Attendances"],
        [[a.name, a.status_label, a.held, a.planned, a.attendances] for a in areas],
        chart=None,
    )


# --- Mix -------------------------------------------------------------------------------------


def mix_table(scope: Scope) -> tuple[Table, float | None]:
    rows = {
        row["mix_band"]: row
        for row in scope.sessions()
        .held(scope.now)
        .filter(mix_band__isnull=False)
        .values("mix_band")
        .annotate(sessions=Count("pk"), average=Avg("mix_index"))
    }
    total = sum(row["sessions"] for row in rows.values())
    average = (
        round(sum(row["average"] * row["sessions"] for row in rows.values()) / total, 2) if total else None
    )
    table = Table(
        "mix",
        "Sessions by mix index",
        ["Mix index", "Sessions"],
        [
            [
                f"{band / MIX_BANDS:.1f} to {(band + 1) / MIX_BANDS:.1f}",
                rows[band]["sessions"] if band in rows else 0,
            ]
            for band in range(MIX_BANDS)
        ],
        note="0 means everyone came from one sector; 1 means the sectors were as evenly mixed as the "
        "group's size allows. Sessions with fewer than two attendees of known sector are left out.",
    )
    return table, average


# --- Outcomes --------------------------------------------------------------------------------


def credit_table(scope: Scope) -> Table:
    rows = scope.credits().values("sector").annotate(completions=Sum("completions"), hours=Sum("ce_hours"))
    labels = _in_order(list(SECTOR_LABELS) + [""], "sector", sector_label)
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


@dataclass
class Dashboard:
    headline: Headline
    freshness: Freshness
    reach: list[Table]
    coverage: list[AreaCoverage]
    coverage_table: Table
    mix: Table
    mix_average: float | None
    credits: Table
    follow_through: Table
    champions: Table
    delivered: Table
    outcomes: Table
    outcome_chart: dict | None
    themes: list
    theme_table: Table

    @property
    def tables(self) -> list[Table]:
        return [
            *self.reach,
            self.coverage_table,
            self.mix,
            self.outcomes,
            self.credits,
            self.follow_through,
            self.champions,
            self.delivered,
            self.theme_table,
        ]


def dashboard(scope: Scope, reach=None) -> Dashboard:
    """Every figure of the dashboard; `reach` limits the reach tables to those keys (the PDF's)."""
    areas = coverage(scope)
    mix, average = mix_table(scope)
    outcomes, outcome_chart = outcome_table(scope)
    themes = top_themes(scope)
    champions, totals_champions = champion_table(scope)
    totals = headline(scope)
    totals.champions = totals_champions
    delivered, totals.delivered, totals.delivered_attendees = delivered_table(scope)
    return Dashboard(
        headline=totals,
        freshness=freshness(scope),
        reach=reach_tables(scope, reach),
        coverage=areas,
        coverage_table=coverage_table(areas),
        mix=mix,
        mix_average=average,
        credits=credit_table(scope),
        follow_through=follow_through_table(scope),
        champions=champions,
        delivered=delivered,
        outcomes=outcomes,
        outcome_chart=outcome_chart,
        themes=themes,
        theme_table=theme_table(scope, themes),
    )


def phases(programme_ids):
    return (
        Phase.objects.filter(programme_id__in=programme_ids)
        .select_related("programme")
        .order_by("programme__title", "starts_on")
    )


# --- Evaluation and insights ---------------------------------------------------------------------
# Outcomes come from the rollups (OutcomeFact); themes from the insights app's own aggregate query.
# One query each, whatever the volume.


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


def _publishable():
    return Q(contributions__status=ReviewStatus.APPROVED) & ~Q(contributions__consent=Consent.PRIVATE)


def top_themes(scope: Scope, limit=8):
    return list(
        Theme.objects.filter(programme_id__in=scope.programme_ids)
        .annotate(contributions_count=Count("contributions", filter=_publishable(), distinct=True))
        .filter(contributions_count__gt=0)
        .order_by("-contributions_count", "title")[:limit]
    )


def theme_table(scope: Scope, themes) -> Table:
    return Table(
        "themes",
        "Top themes from what people said",
        ["Theme", "Contributions"],
        [[theme.title, scope.count(theme.contributions_count)] for theme in themes],
        note="Contributions approved by a facilitator, across all dates.",
    )


def quotes_for(themes, per_theme=2) -> dict[int, list[dict]]:
    """Up to two quotes per theme, only from contributions whose authors agreed to be quoted."""
    quotes: dict[int, list[dict]] = {}
    rows = (
        Contribution.objects.quotable()
        .filter(themes__in=[theme.pk for theme in themes])
        .order_by("created_at", "pk")
        .values("themes", "text", "sector")
    )
    for row in rows:
        chosen = quotes.setdefault(row["themes"], [])
        if len(chosen) < per_theme:
            chosen.append({"text": row["text"], "who": sector_label(row["sector"]) if row["sector"] else ""})
    return quotes


def practice_examples(scope: Scope) -> list[tuple[str, list]]:
    """Published practice examples in the programmes' target areas, by category."""
    examples = (
        PracticeExample.objects.published()
        .filter(area__in=target_areas(scope))
        .select_related("area")
        .order_by("category", "title")
    )
    by_category: dict[str, list] = {}
    for example in examples:
        by_category.setdefault(example.category, []).append(example)
    return [(label, by_category[value]) for value, label in ExampleCategory.choices if value in by_category]

"""Who was reached: headline figures and reach tables by sector, month, kind, time, area, role.

People are counted at their first session in a programme (`people_new`), so summing any cells
never counts a person twice.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from eolc.champions.models import Champion, ChampionStatus
from eolc.core.charts import SUPPRESSED, Table
from eolc.library.models import SECTOR_COUNT_FIELDS, DeliveredSession
from eolc.reports.dashboard.scope import (
    KIND_LABELS,
    NOT_RECORDED,
    SECTOR_LABELS,
    TIME_LABELS,
    Scope,
    in_order,
    sector_label,
)
from eolc.reports.models import ProfileDimension


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
                _reach_rows(scope, _grouped(scope, "sector"), in_order(sectors, "sector", sector_label)),
            )
        )
    if wanted("month"):
        months = _grouped(scope, "month")
        tables.append(
            Table(
                "month",
                "Reach by month",
                ["Month", *REACH_COLUMNS],
                _reach_rows(scope, months, in_order([], "month", lambda m: m.strftime("%B %Y"))),
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
                    in_order(list(KIND_LABELS), "kind", lambda k: KIND_LABELS.get(k, k)),
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
                    in_order(list(TIME_LABELS), "time_of_day", lambda t: TIME_LABELS.get(t, t)),
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
                    scope, areas, in_order([], "area__name", lambda name: name or "Online or not set")
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
    labels = in_order(list(SECTOR_LABELS) + [""], "sector", sector_label)
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

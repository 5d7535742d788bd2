"""Report endpoints: a programme dashboard's summary figures, as the dashboard shows them.

A thin layer over `eolc.reports.dashboard` (read from the rollups, a fixed number of queries) and
`eolc.programmes.access`. Counts of fewer than 5 people come back as the string "fewer than 5" for
everyone the dashboard hides them from (commissioners).
"""

import datetime

from ninja import Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from eolc.accounts.models import Sector
from eolc.api.errors import Router
from eolc.api.schemas import ErrorOut, IsoDate, Text, one_of
from eolc.events.models import EventKind
from eolc.programmes import access
from eolc.reports import dashboard as figures

router = Router(tags=["reports"])

# A count, or "fewer than 5" where small numbers are hidden from the caller.
Count = int | str


class SummaryFilters(Schema):
    start: IsoDate | None = Field(None, description="From this date's month")
    end: IsoDate | None = Field(None, description="To this date's month")
    sector: one_of(["", *Sector.values, "unknown"]) = ""
    kind: one_of(["", *EventKind.values]) = Field("", description="Kind of session")


class CoverageOut(Schema):
    target_areas: int
    reached: int
    planned: int
    no_activity: int


class OutcomeOut(Schema):
    measure: str
    pairs: Count = Field(description="People who answered both before and after")
    mean_before: float | None = Field(None, description="Empty when the pairs are too few to show")
    mean_after: float | None = None
    mean_change: float | None = None
    ci_low: float | None = Field(None, description="95% confidence interval of the mean change")
    ci_high: float | None = None


class SummaryOut(Schema):
    programme: str
    refreshed_at: datetime.datetime | None = Field(
        description="When the rollups were last brought up to date"
    )
    small_numbers_hidden: bool
    people_reached: Count
    attendances: Count
    sessions_with_attendance: int
    sessions_held: int
    sessions_planned: int
    training_pack_sessions_delivered: int
    training_pack_attendees: Count
    active_champions: Count
    completions: Count
    ce_hours: float | str
    mix_index_average: float | None
    coverage: CoverageOut
    outcomes: list[OutcomeOut]


def _outcome_out(scope, summary) -> dict:
    if scope.count(summary.n) != summary.n:
        return {"measure": summary.measure, "pairs": scope.count(summary.n)}
    return {
        "measure": summary.measure,
        "pairs": summary.n,
        "mean_before": summary.mean_pre,
        "mean_after": summary.mean_post,
        "mean_change": summary.mean_change,
        "ci_low": summary.ci_low,
        "ci_high": summary.ci_high,
    }


@router.get(
    "/reports/programmes/{slug}/summary",
    response={200: SummaryOut, 403: ErrorOut},
    summary="A programme's headline figures, coverage and paired before-and-after changes (reporting roles)",
)
def report_summary(request, slug: Text, filters: Query[SummaryFilters]):
    user = request.auth
    programme = access.get_report_programme_or_404(user, slug)
    if filters.start and filters.end and filters.start > filters.end:
        raise HttpError(422, "end: must not be before start")
    scope = figures.Scope(
        programme_ids=[programme.pk],
        suppress_small=access.reports_suppressed_for(user, programme),
        start=filters.start,
        end=filters.end,
        sector=filters.sector,
        kind=filters.kind,
    )
    headline = figures.headline(scope)
    _, champions = figures.champion_table(scope)
    _, delivered, delivered_attendees = figures.delivered_table(scope)
    _, mix_average = figures.mix_table(scope)
    areas = figures.coverage(scope)
    status = [area.status for area in areas]
    return {
        "programme": programme.slug,
        "refreshed_at": figures.freshness(scope).refreshed_at,
        "small_numbers_hidden": scope.suppress_small,
        "people_reached": headline.people,
        "attendances": headline.attendances,
        "sessions_with_attendance": headline.sessions,
        "sessions_held": headline.held,
        "sessions_planned": headline.planned,
        "training_pack_sessions_delivered": delivered,
        "training_pack_attendees": delivered_attendees,
        "active_champions": champions,
        "completions": headline.completions,
        "ce_hours": headline.ce_hours if isinstance(headline.ce_hours, str) else float(headline.ce_hours),
        "mix_index_average": mix_average,
        "coverage": {
            "target_areas": len(areas),
            "reached": status.count(figures.Status.REACHED),
            "planned": status.count(figures.Status.PLANNED),
            "no_activity": status.count(figures.Status.NONE),
        },
        "outcomes": [_outcome_out(scope, summary) for summary in figures.outcome_summaries(scope)],
    }

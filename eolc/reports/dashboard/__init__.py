"""The dashboard's figures, read from the rollups with a fixed number of aggregate queries.

Each function takes a `Scope` (programmes and filters) and returns `Table`s. Nothing here loops
over attendances or people: every query groups fact rows in the database, and the number of
queries does not depend on how much data there is. The figures live by concept (reach, coverage,
outcomes, insights); this module assembles them into one `Dashboard`.
"""

import datetime
from dataclasses import dataclass

from eolc.core.charts import Table
from eolc.programmes.models import Phase
from eolc.reports.dashboard.coverage import (
    AreaCoverage,
    Status,
    coverage,
    coverage_table,
    mix_table,
    target_areas,
)
from eolc.reports.dashboard.insights import practice_examples, quotes_for, theme_table, top_themes
from eolc.reports.dashboard.outcomes import (
    credit_table,
    follow_through_table,
    outcome_summaries,
    outcome_table,
)
from eolc.reports.dashboard.reach import (
    Headline,
    champion_table,
    delivered_table,
    headline,
    reach_by_quarter,
    reach_tables,
)
from eolc.reports.dashboard.scope import (
    KIND_LABELS,
    NOT_RECORDED,
    SECTOR_LABELS,
    TIME_LABELS,
    Scope,
    sector_label,
)
from eolc.reports.models import RollupChange, RollupState

__all__ = [
    "KIND_LABELS",
    "NOT_RECORDED",
    "SECTOR_LABELS",
    "TIME_LABELS",
    "AreaCoverage",
    "Dashboard",
    "Freshness",
    "Headline",
    "Scope",
    "Status",
    "champion_table",
    "coverage",
    "coverage_table",
    "credit_table",
    "dashboard",
    "delivered_table",
    "follow_through_table",
    "freshness",
    "headline",
    "mix_table",
    "outcome_summaries",
    "outcome_table",
    "phases",
    "practice_examples",
    "quotes_for",
    "reach_by_quarter",
    "reach_tables",
    "sector_label",
    "target_areas",
    "theme_table",
    "top_themes",
]

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

"""Network growth for the programme team: champions per target area of each phase, and the gaps.

A target area counts the champions whose profile area is that area or lies within it. Areas where
champions live that no phase targets are listed too, so nobody drops out of the figures.
"""

from collections import Counter
from dataclasses import dataclass

from eolc.accounts.models import Area
from eolc.champions.models import ChampionStatus
from eolc.core.charts import Table, bar_chart


@dataclass
class AreaRow:
    phase: str
    area: str
    active: int
    pending: int

    @property
    def is_gap(self):
        return self.active == 0


def _counts(champions):
    counts = {ChampionStatus.ACTIVE: Counter(), ChampionStatus.PENDING: Counter()}
    for area_id, status in champions.values_list("person__area", "status"):
        counts[status][area_id] += 1
    return counts


def area_rows(programme, champions) -> list[AreaRow]:
    counts = _counts(champions)
    rows, targeted = [], set()
    for phase in programme.phases.prefetch_related("target_areas").order_by("starts_on"):
        for area in sorted(phase.target_areas.all(), key=lambda a: a.name):
            within = set(Area.objects.within(area).values_list("pk", flat=True))
            targeted |= within
            rows.append(
                AreaRow(
                    phase=phase.name,
                    area=area.name,
                    active=sum(counts[ChampionStatus.ACTIVE][pk] for pk in within),
                    pending=sum(counts[ChampionStatus.PENDING][pk] for pk in within),
                )
            )
    others = (set(counts[ChampionStatus.ACTIVE]) | set(counts[ChampionStatus.PENDING])) - targeted
    names = dict(Area.objects.filter(pk__in=[pk for pk in others if pk]).values_list("pk", "name"))
    for pk in sorted(others, key=lambda pk: names.get(pk, "~")):
        rows.append(
            AreaRow(
                phase="Not a target area",
                area=names.get(pk, "No area given"),
                active=counts[ChampionStatus.ACTIVE][pk],
                pending=counts[ChampionStatus.PENDING][pk],
            )
        )
    return rows


def chart(rows: list[AreaRow]) -> dict | None:
    """Active champions per area as the shared SVG bar chart (ADR 010); the page shows the table too."""
    table = Table(
        key="growth",
        caption="Active champions by area",
        columns=["Area", "Active champions"],
        rows=[[row.area, row.active] for row in rows],
    )
    return bar_chart(table)

"""Where sessions happened: coverage of target areas, and how mixed the groups were."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q, Sum

from eolc.accounts.models import Area
from eolc.core.charts import Table
from eolc.programmes.models import Phase
from eolc.reports.dashboard.scope import Scope
from eolc.reports.models import MIX_BANDS


class Status:
    REACHED = "reached"
    PLANNED = "planned"
    NONE = "none"
    LABELS = {REACHED: "Reached", PLANNED: "Planned", NONE: "No activity"}


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

"""Follow-through figures over a set of plans, without identity, with small cells suppressed.

Every figure is computed from the raw plans, actions and progress updates. A cell that describes
fewer than `SMALL_CELL` distinct people is suppressed (shown as "fewer than 5"), so nobody's own
progress can be read off a table. When the whole set covers fewer people, nothing is shown.
"""

import statistics
from dataclasses import dataclass, field

from eolc.action_plans.models import Action, BuddyPair, PracticeCategory, ProgressUpdate, Status, StuckReason

SMALL_CELL = 5


@dataclass
class Cell:
    label: str
    people: int
    actions: int = 0
    done: int = 0

    @property
    def suppressed(self) -> bool:
        return self.people < SMALL_CELL

    @property
    def completion_rate(self) -> float | None:
        return round(100 * self.done / self.actions, 1) if self.actions else None


@dataclass
class FollowThrough:
    people: int
    plans: int
    actions: int
    done: int
    median_days_to_done: float | None
    stuck_reasons: list[Cell] = field(default_factory=list)
    categories: list[Cell] = field(default_factory=list)
    cohorts: list[Cell] = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        return self.people < SMALL_CELL

    @property
    def completion_rate(self) -> float | None:
        return round(100 * self.done / self.actions, 1) if self.actions else None


def _cell(label, rows) -> Cell:
    """rows: (owner id, is done) per action."""
    return Cell(
        label=label,
        people=len({owner for owner, _ in rows}),
        actions=len(rows),
        done=sum(1 for _, done in rows if done),
    )


def follow_through(plans) -> FollowThrough:
    actions = list(
        Action.objects.filter(plan__in=plans).values_list(
            "pk",
            "plan_id",
            "plan__owner_id",
            "plan__event_id",
            "plan__created_at",
            "category",
            "status",
            "completed_at",
        )
    )
    owners = {row[2] for row in actions}
    done_days = [
        (completed - created).total_seconds() / 86400
        for _, _, _, _, created, _, status, completed in actions
        if status == Status.DONE and completed is not None
    ]
    median = round(statistics.median(done_days), 1) if done_days else None

    categories = []
    for value, label in PracticeCategory.choices:
        rows = [(row[2], row[6] == Status.DONE) for row in actions if row[5] == value]
        if rows:
            categories.append(_cell(label, rows))

    # Ever stuck for a reason: count actions (and the people behind them) that named it.
    owner_of = {row[0]: row[2] for row in actions}
    reasons: dict[str, set] = {}
    for action_id, chosen in ProgressUpdate.objects.filter(
        action__plan__in=plans, status=Status.STUCK
    ).values_list("action_id", "stuck_reasons"):
        for reason in chosen or []:
            reasons.setdefault(reason, set()).add(action_id)
    stuck = []
    for value, label in StuckReason.choices:
        ids = reasons.get(value, set())
        if ids:
            stuck.append(Cell(label=label, people=len({owner_of[i] for i in ids}), actions=len(ids)))

    # A plan "had a buddy" when its owner was paired (at any time) with someone from the plan's event.
    pairs = BuddyPair.objects.filter(event__in=plans.filter(event__isnull=False).values("event")).values_list(
        "event_id", "first_id", "second_id"
    )
    buddied = set()
    for event_id, first, second in pairs:
        buddied.update({(event_id, first), (event_id, second)})
    with_buddy = [(row[2], row[6] == Status.DONE) for row in actions if (row[3], row[2]) in buddied]
    without = [(row[2], row[6] == Status.DONE) for row in actions if (row[3], row[2]) not in buddied]
    cohorts = [_cell("With a buddy", with_buddy), _cell("Without a buddy", without)]

    return FollowThrough(
        people=len(owners),
        plans=len({row[1] for row in actions}),
        actions=len(actions),
        done=sum(1 for row in actions if row[6] == Status.DONE),
        median_days_to_done=median,
        stuck_reasons=stuck,
        categories=categories,
        cohorts=cohorts,
    )


def csv_rows(figures: FollowThrough) -> list[list]:
    """The same tables as the page, one row per cell; suppressed cells carry no numbers."""
    hidden = "fewer than 5 people"
    if figures.suppressed:
        return [
            ["section", "label", "people", "actions", "done", "completion rate %"],
            ["all", hidden, "", "", "", ""],
        ]
    rows = [
        ["section", "label", "people", "actions", "done", "completion rate %"],
        ["all", "All actions", figures.people, figures.actions, figures.done, figures.completion_rate],
        [
            "all",
            "Median days to done",
            "",
            "",
            "",
            figures.median_days_to_done if figures.median_days_to_done is not None else "",
        ],
    ]
    for section, cells in (
        ("category", figures.categories),
        ("stuck reason", figures.stuck_reasons),
        ("cohort", figures.cohorts),
    ):
        for cell in cells:
            if cell.suppressed:
                rows.append([section, cell.label, hidden, "", "", ""])
            else:
                rate = cell.completion_rate if section != "stuck reason" else ""
                done = cell.done if section != "stuck reason" else ""
                rows.append(
                    [section, cell.label, cell.people, cell.actions, done, "" if rate is None else rate]
                )
    return rows

"""How far a person has got: per activity, module, part, programme and domain.

Only published, required activities count towards progress, matching the completion rule.
"""

from collections import defaultdict
from dataclasses import dataclass

from eolc.core.stamps import PersonStamp, kept
from eolc.curriculum import outline
from eolc.curriculum.models import (
    ActivityProgress,
    Completion,
    Enrolment,
    ProgressStatus,
    Reflection,
)


@dataclass
class Tally:
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    def add(self, done: bool):
        self.total += 1
        self.done += int(done)


def done_activity_ids(person, activities) -> set[int]:
    return set(
        ActivityProgress.objects.for_person(person)
        .filter(activity__in=activities, status=ProgressStatus.DONE)
        .values_list("activity", flat=True)
    )


@dataclass
class Record:
    """What one person has done, read in three small queries and shared by a whole page."""

    done: set[int]
    # Activity id → (updated_at, pk) of activities opened and not finished.
    started: dict[int, tuple]
    # Part id → (enrolled_at, pk).
    enrolled: dict[int, tuple]
    completed: set[int]


RECORD_STAMP = PersonStamp("curriculum:record")
RECORD_TIMEOUT_SECONDS = 600


def record_of(person) -> Record:
    """Kept per process under the person's own stamp, which their progress, enrolments and
    completions move (ADR 020): a learner's pages read it once per change, not once per page."""
    if RECORD_STAMP.changing():
        return _read_record(person)
    key = f"curriculum:record:{RECORD_STAMP.value(person)}:{person.pk}"
    return kept(key, lambda: _read_record(person), timeout=RECORD_TIMEOUT_SECONDS)


def _read_record(person) -> Record:
    done, started = set(), {}
    rows = ActivityProgress.objects.for_person(person).order_by()
    for activity_id, status, updated_at, pk in rows.values_list("activity_id", "status", "updated_at", "pk"):
        if status == ProgressStatus.DONE:
            done.add(activity_id)
        else:
            started[activity_id] = (updated_at, pk)
    enrolments = Enrolment.objects.for_person(person).order_by()
    enrolled = {
        part_id: (at, pk) for part_id, at, pk in enrolments.values_list("part_id", "enrolled_at", "pk")
    }
    completed = set(Completion.objects.for_person(person).order_by().values_list("part_id", flat=True))
    return Record(done, started, enrolled, completed)


@dataclass
class Progress:
    """Tallies for one person over a set of parts."""

    activity_done: set[int]
    modules: dict[int, Tally]
    parts: dict[int, Tally]
    programmes: dict[int, Tally]
    domains: list[tuple[outline.DomainOutline, Tally]]
    completed_parts: set[int]


def _published_activities(parts, snapshot):
    """(outline part, activity) for each published activity of `parts`, in learning order."""
    wanted = {part.pk for part in parts}
    for programme in snapshot.outlines:
        for part in programme.parts:
            if part.pk in wanted:
                for activity in programme.activities.get(part.pk, ()):
                    yield part, activity


def progress_for(person, parts, *, record=None, snapshot=None) -> Progress:
    """Counts published, required activities. `record` and `snapshot` are read here unless the
    page has them already."""
    if record is None:
        record = record_of(person)
    if snapshot is None:
        snapshot = outline.read({part.programme_id for part in parts})
    modules, part_tallies, programmes = defaultdict(Tally), defaultdict(Tally), defaultdict(Tally)
    domain_tallies = defaultdict(Tally)
    done = set()
    for part, activity in _published_activities(parts, snapshot):
        if not activity.required:
            continue
        is_done = activity.pk in record.done
        if is_done:
            done.add(activity.pk)
        modules[activity.module_id].add(is_done)
        part_tallies[part.pk].add(is_done)
        programmes[part.programme_id].add(is_done)
        for domain_id in activity.domain_ids:
            domain_tallies[domain_id].add(is_done)
    completed = {part.pk for part in parts if part.pk in record.completed}
    domains = [(d, domain_tallies[d.pk]) for d in snapshot.domains if d.pk in domain_tallies]
    return Progress(done, dict(modules), dict(part_tallies), dict(programmes), domains, completed)


def continue_activity(person, parts, *, record=None, snapshot=None) -> outline.ActivityOutline | None:
    """Where to pick up: the activity last opened and not finished in a part still under way,
    else the first unfinished activity of the part most recently enrolled on."""
    if record is None:
        record = record_of(person)
    if snapshot is None:
        snapshot = outline.read({part.programme_id for part in parts})
    open_parts = [part for part in parts if part.pk in record.enrolled and part.pk not in record.completed]
    activities = list(_published_activities(open_parts, snapshot))
    started = [activity for _part, activity in activities if activity.pk in record.started]
    if started:
        return max(started, key=lambda activity: record.started[activity.pk])
    if not open_parts:
        return None
    latest = max(open_parts, key=lambda part: record.enrolled[part.pk])
    return next(
        (a for part, a in activities if part.pk == latest.pk and a.pk not in record.done),
        None,
    )


def completion_for(person, part) -> Completion | None:
    return Completion.objects.for_person(person).filter(part=part).select_related("certificate").first()


def is_enrolled(person, part) -> bool:
    return Enrolment.objects.for_person(person).filter(part=part).exists()


def reflections_of(person):
    return Reflection.objects.for_person(person).select_related("part__programme", "activity")

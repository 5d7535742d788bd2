"""How far a person has got: per activity, module, part, programme and domain.

Only published, required activities count towards progress, matching the completion rule.
"""

from collections import defaultdict
from dataclasses import dataclass

from eolc.curriculum.models import (
    Activity,
    ActivityProgress,
    Completion,
    Domain,
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
class Progress:
    """Tallies for one person over a set of parts."""

    activity_done: set[int]
    modules: dict[int, Tally]
    parts: dict[int, Tally]
    programmes: dict[int, Tally]
    domains: list[tuple[Domain, Tally]]
    completed_parts: set[int]


def progress_for(person, parts) -> Progress:
    activities = list(
        Activity.objects.published()
        .required()
        .filter(module__part__in=parts)
        .select_related("module__part")
        .prefetch_related("domains", "module__domains")
    )
    done = done_activity_ids(person, activities)
    modules, part_tallies, programmes = defaultdict(Tally), defaultdict(Tally), defaultdict(Tally)
    domain_tallies = defaultdict(Tally)
    for activity in activities:
        is_done = activity.pk in done
        modules[activity.module_id].add(is_done)
        part_tallies[activity.module.part_id].add(is_done)
        programmes[activity.module.part.programme_id].add(is_done)
        # An activity without its own domains counts towards its module's.
        for domain in activity.domains.all() or activity.module.domains.all():
            domain_tallies[domain.pk].add(is_done)
    completed = set(
        Completion.objects.for_person(person).filter(part__in=parts).values_list("part", flat=True)
    )
    domains = [(d, domain_tallies[d.pk]) for d in Domain.objects.all() if d.pk in domain_tallies]
    return Progress(done, dict(modules), dict(part_tallies), dict(programmes), domains, completed)


def continue_activity(person, parts) -> Activity | None:
    """Where to pick up: the activity last opened and not finished in a part still under way,
    else the first unfinished activity of the part most recently enrolled on."""
    completed = Completion.objects.for_person(person).values("part")
    open_parts = (
        Enrolment.objects.for_person(person).filter(part__in=parts).exclude(part__in=completed).values("part")
    )
    started = (
        ActivityProgress.objects.for_person(person)
        .filter(status=ProgressStatus.STARTED, activity__in=Activity.objects.published())
        .filter(activity__module__part__in=open_parts)
        .select_related("activity__module__part")
        .order_by("-updated_at", "-pk")
        .first()
    )
    if started:
        return started.activity
    latest = Enrolment.objects.for_person(person).filter(part__in=open_parts).order_by("-enrolled_at").first()
    if latest is None:
        return None
    done = ActivityProgress.objects.for_person(person).filter(status=ProgressStatus.DONE).values("activity")
    return (
        Activity.objects.published()
        .in_part(latest.part)
        .exclude(pk__in=done)
        .select_related("module__part")
        .order_by("module__number", "module__pk", "number", "pk")
        .first()
    )


def completion_for(person, part) -> Completion | None:
    return Completion.objects.for_person(person).filter(part=part).select_related("certificate").first()


def is_enrolled(person, part) -> bool:
    return Enrolment.objects.for_person(person).filter(part=part).exists()


def reflections_of(person):
    return Reflection.objects.for_person(person).select_related("part__programme", "activity")

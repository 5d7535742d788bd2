"""Each programme's curriculum as learners' pages need it, kept in memory between requests.

The learning catalogue counts every published activity of every part a person can see, by module,
part, programme and domain, and looks up each part's prerequisites. Reading that through the ORM
on every visit cost most of the page, yet it changes only when someone edits the curriculum. So a
programme's outline (its parts of any status with their prerequisites, and each part's published
activities in order with their domains) is read once in a few plain queries and kept in each
process's memory (the "local" cache), as small tuples that are quick to unpickle.

Once a save or delete of a programme, part, module, activity or domain, or a change to a part's
prerequisites or to the domains of a module or activity, commits, a generation stamp that is part
of every key moves, so the next request reads the outline afresh. The stamp lives in the shared
cache, so a change made through one app server shows at once on all of them (eolc/core/stamps.py,
ADR 020). Until then the transaction that made the change reads the outline
from the database, and keeps what it read to itself: other threads must not see what may yet be
rolled back. Who may see which part, and what a person has done, are never kept here: they are
decided and read on every request.
"""

from collections import defaultdict
from decimal import Decimal
from typing import NamedTuple

from django.core.cache import caches

from eolc.core.stamps import Stamp
from eolc.curriculum.models import Activity, Domain, Module, Part
from eolc.programmes.models import Programme

STAMP = Stamp("curriculum:outline:generation")
# A bound on staleness should a change ever bypass the signals (a queryset update, raw SQL).
TIMEOUT_SECONDS = 600


class ProgrammeOutline(NamedTuple):
    pk: int
    title: str
    slug: str


class RequiredPart(NamedTuple):
    pk: int
    title: str
    number: int


class PartOutline(NamedTuple):
    pk: int
    programme_id: int
    programme: ProgrammeOutline
    title: str
    number: int
    kind: str
    status: str
    ce_hours: Decimal
    requires: tuple[RequiredPart, ...]


class ModuleOutline(NamedTuple):
    pk: int
    title: str
    part: PartOutline


class ActivityOutline(NamedTuple):
    pk: int
    title: str
    required: bool
    module_id: int
    module: ModuleOutline
    # Its own domains, or its module's when it has none: what progress by domain counts.
    domain_ids: tuple[int, ...]


class DomainOutline(NamedTuple):
    pk: int
    slug: str
    name: str


class Outline(NamedTuple):
    programme: ProgrammeOutline
    parts: tuple[PartOutline, ...]
    # Part id → its published activities in published modules, in the order learners take them.
    activities: dict[int, tuple[ActivityOutline, ...]]


def generation() -> str:
    return STAMP.value()


def _build(programme_id: int) -> Outline | None:
    row = Programme.objects.filter(pk=programme_id).values_list("pk", "title", "slug").first()
    if row is None:
        return None
    programme = ProgrammeOutline(*row)
    requires = defaultdict(list)
    through = Part.requires.through.objects.filter(from_part__programme_id=programme_id).order_by()
    for from_id, *required in through.values_list(
        "from_part_id", "to_part_id", "to_part__title", "to_part__number"
    ):
        requires[from_id].append(RequiredPart(*required))
    parts = tuple(
        PartOutline(
            pk,
            programme_id,
            programme,
            title,
            number,
            kind,
            status,
            ce_hours,
            tuple(sorted(requires[pk], key=lambda r: (r.number, r.pk))),
        )
        for pk, title, number, kind, status, ce_hours in Part.objects.filter(programme_id=programme_id)
        .order_by("number", "pk")
        .values_list("pk", "title", "number", "kind", "status", "ce_hours")
    )
    by_pk = {part.pk: part for part in parts}
    published = Activity.objects.published().filter(module__part__programme_id=programme_id)
    own_domains, module_domains = defaultdict(list), defaultdict(list)
    for activity_id, domain_id in (
        Activity.domains.through.objects.filter(activity__in=published.values("pk"))
        .order_by()
        .values_list("activity_id", "domain_id")
    ):
        own_domains[activity_id].append(domain_id)
    for module_id, domain_id in (
        Module.domains.through.objects.filter(module__part__programme_id=programme_id)
        .order_by()
        .values_list("module_id", "domain_id")
    ):
        module_domains[module_id].append(domain_id)
    modules, activities = {}, defaultdict(list)
    for pk, title, required, module_id, module_title, part_id in published.order_by(
        "module__part", "module__number", "module__pk", "number", "pk"
    ).values_list("pk", "title", "required", "module_id", "module__title", "module__part_id"):
        if module_id not in modules:
            modules[module_id] = ModuleOutline(module_id, module_title, by_pk[part_id])
        domain_ids = tuple(sorted(own_domains[pk] or module_domains[module_id]))
        activities[part_id].append(
            ActivityOutline(pk, title, required, module_id, modules[module_id], domain_ids)
        )
    return Outline(programme, parts, {part_id: tuple(rows) for part_id, rows in activities.items()})


def _key(stamp: str, name) -> str:
    return f"curriculum:outline:{stamp}:{name}"


class Snapshot(NamedTuple):
    outlines: list[Outline]
    domains: tuple[DomainOutline, ...]


def _domains() -> tuple[DomainOutline, ...]:
    return tuple(DomainOutline(*row) for row in Domain.objects.values_list("pk", "slug", "name"))


def read(programme_ids) -> Snapshot:
    """The outlines of these programmes (any that no longer exist are left out), and the domains
    in their order: one look at the stamp, then memory, building only what is missing."""
    if STAMP.changing():
        outlines = [_build(programme_id) for programme_id in programme_ids]
        return Snapshot([outline for outline in outlines if outline is not None], _domains())
    local = caches["local"]
    stamp = generation()
    keys = {programme_id: _key(stamp, programme_id) for programme_id in programme_ids}
    domains_key = _key(stamp, "domains")
    found = local.get_many([*keys.values(), domains_key])
    outlines = []
    for programme_id, key in keys.items():
        outline = found.get(key)
        if outline is None:
            outline = _build(programme_id)
            if outline is None:
                continue
            local.set(key, outline, TIMEOUT_SECONDS)
        outlines.append(outline)
    domains = found.get(domains_key)
    if domains is None:
        domains = _domains()
        local.set(domains_key, domains, TIMEOUT_SECONDS)
    return Snapshot(outlines, domains)


def connect() -> None:
    STAMP.follow(
        Programme,
        Part,
        Module,
        Activity,
        Domain,
        Part.requires.through,
        Module.domains.through,
        Activity.domains.through,
    )

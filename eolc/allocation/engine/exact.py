"""Step 5 made exact on small rounds: after the local search, CP-SAT looks for the best job role
and area mix among every allocation that places as many people and keeps the sector cost (rules
included), then for earlier requests. Bounded by CP-SAT's deterministic time, so its time is capped
and its answer reproducible; its answer is taken only when it is strictly better than the local
search's.
"""

from collections import Counter, defaultdict

from eolc.allocation.engine.data import _Instance
from eolc.allocation.engine.flow import _MixModel

# Rounds with at most this many (person, session) choices are refined exactly. A round of 20 people
# is proved optimal in a few hundredths of a second and one of 60 within a second; at about 100
# people the limit below ends the search first (still better than the local search alone).
EXACT_MAX_CHOICES = 400
# CP-SAT's deterministic time limit, in its own work units (about 1 to 2 s of a busy core at most):
# the same on every run, unlike a wall-clock limit, so the proposal stays deterministic.
EXACT_WORK_LIMIT = 0.25


def _objectives(placements, instance: _Instance):
    """(sum over sessions of squared counts by role and by area, blanks ignored; sum of the request
    ranks of the free people placed): the two things the exact step minimises, in that order."""
    counts = Counter()
    for pid, sid in placements.items():
        person = instance.people_by_id[pid]
        for attr in ("role", "area"):
            key = getattr(person, attr)
            if key:
                counts[(sid, attr, key)] += 1
    for pid, sid in instance.pinned.items():
        person = instance.people_by_id[pid]
        for attr in ("role", "area"):
            key = getattr(person, attr)
            if key:
                counts[(sid, attr, key)] += 1
    rank = {p.id: r for r, p in enumerate(instance.ordered)}
    return sum(n * n for n in counts.values()), sum(rank[pid] for pid in placements)


def _sector_cost(placements, instance: _Instance, model: _MixModel) -> int:
    """The flow's objective (sector cost with rule weights) of the free people's placements."""
    code = {name: c for c, name in enumerate(instance.sector_names)}
    counts = Counter(
        (instance.session_index[sid], code[instance.people_by_id[pid].sector])
        for pid, sid in placements.items()
    )
    total = 0
    for (j, c), n in counts.items():
        already = int(instance.pinned_count[j * instance.n_sectors + c])
        total += sum(model.marginal(j, already + k) for k in range(1, n + 1))
    return total


def _refine_exactly(placements, instance: _Instance, model: _MixModel):
    """`placements` (free people only) or a strictly better allocation for steps 5 and 6."""
    if not placements or len(instance.arc_person) > EXACT_MAX_CHOICES:
        return placements
    # Loaded only by rounds that use it: large rounds never do, and it adds about 45 MB.
    from ortools.sat.python import cp_model

    people, sessions, free = instance.free_people, instance.sessions, instance.free.tolist()
    rank = {p.id: r for r, p in enumerate(instance.ordered)}
    cp = cp_model.CpModel()
    chosen = {}  # (free person index, session index) -> placed there
    by_session = defaultdict(list)
    for i, row in enumerate(instance.rows):
        for j in row:
            var = cp.new_bool_var(f"x{i}_{j}")
            chosen[i, j] = var
            by_session[j].append(i)
        if row:
            cp.add_at_most_one(chosen[i, j] for j in row)
    for j, members in by_session.items():
        cp.add(sum(chosen[i, j] for i in members) <= free[j])
    cp.add(sum(chosen.values()) == len(placements))

    def counted(j, members, table):
        """A variable equal to table[number of `members` placed in session j]."""
        top = min(len(members), free[j])
        n = cp.new_int_var(0, top, "")
        cp.add(n == sum(chosen[i, j] for i in members))
        value = cp.new_int_var(min(table[: top + 1]), max(table[: top + 1]), "")
        cp.add_element(n, table[: top + 1], value)
        return value

    sector_terms = []
    for j, members in sorted(by_session.items()):
        by_sector = defaultdict(list)
        for i in members:
            by_sector[int(instance.person_sector[i])].append(i)
        for c, group in sorted(by_sector.items()):
            already = int(instance.pinned_count[j * instance.n_sectors + c])
            table = [0]
            for k in range(1, len(group) + 1):
                table.append(table[-1] + model.marginal(j, already + k))
            sector_terms.append(counted(j, group, table))
    cp.add(sum(sector_terms) <= _sector_cost(placements, instance, model))

    pinned_keys = Counter()
    for pid, sid in instance.pinned.items():
        person = instance.people_by_id[pid]
        pinned_keys.update(
            (instance.session_index[sid], attr, getattr(person, attr)) for attr in ("role", "area")
        )
    squares = []
    for j, members in sorted(by_session.items()):
        for attr in ("role", "area"):
            groups = defaultdict(list)
            for i in members:
                key = getattr(people[i], attr)
                if key:
                    groups[key].append(i)
            for key, group in sorted(groups.items()):
                fixed = pinned_keys[(j, attr, key)]
                squares.append(counted(j, group, [(fixed + k) ** 2 for k in range(len(group) + 1)]))
    fairness = sum(rank[people[i].id] * var for (i, _), var in chosen.items())
    weight = len(instance.ordered) ** 2 + 1  # more than any sum of ranks: the mix comes first
    cp.minimize(weight * sum(squares) + fairness)
    for (i, j), var in chosen.items():
        cp.add_hint(var, placements.get(people[i].id) == sessions[j].id)

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = EXACT_WORK_LIMIT
    # A fuller linear relaxation of the element tables: several times faster to prove on these.
    solver.parameters.linearization_level = 2
    status = solver.solve(cp)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return placements
    found = {people[i].id: sessions[j].id for (i, j), var in chosen.items() if solver.value(var)}
    # Taken only when strictly better and, as a guard, equal on everything ranked above.
    if (
        len(found) == len(placements)
        and _sector_cost(found, instance, model) <= _sector_cost(placements, instance, model)
        and _objectives(found, instance) < _objectives(placements, instance)
    ):
        return found
    return placements

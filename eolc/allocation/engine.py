"""The mixed-group allocator: who goes to which session, as a pure function of plain data.

No Django here, so it can be tested exhaustively, benchmarked and run in a worker.

Order of priorities (lexicographic):

1. Hard: capacity, availability, at most one session per person, pinned people stay put.
2. Place as many people as possible: the count comes from a plain maximum flow and is then fixed.
3. Per-session rules ("at least 3 sectors", "no sector above 50%") where they can be met.
4. Sector mix: each extra person of a sector already in a session counts for less (a concave
   utility), which makes the problem a convex-cost network flow:
   person -> (session, sector) -> session -> sink, where the k-th unit through the
   (session, sector) node costs k. OR-Tools' min-cost flow solves it exactly.
5. Fairness: among allocations equally good on the above, earlier requests are placed.
6. Secondary mix by job role and area: swaps of two people of the same sector between sessions,
   which leave every sector count (and so the objective above) unchanged.

The result is deterministic for the same input.
"""

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

# Costs must stay within int64 when summed over every unit of flow.
_COST_LIMIT = 2**62


@dataclass(frozen=True)
class Session:
    id: Hashable
    capacity: int
    label: str = ""
    min_sectors: int | None = None
    max_sector_share: float | None = None
    pinned: tuple = ()

    @property
    def name(self) -> str:
        return self.label or f"Session {self.id}"


@dataclass(frozen=True)
class Person:
    id: Hashable
    sector: str
    available: tuple
    requested_at: object = 0
    role: str = ""
    area: str = ""


@dataclass
class Result:
    placements: dict  # person id -> session id
    unplaced: list  # person ids, earliest request first
    mix: dict  # session id -> {"sector": {...}, "role": {...}, "area": {...}}
    baseline: dict  # first come, first served: person id -> session id
    baseline_unplaced: list
    baseline_mix: dict
    max_placeable: int
    reports: list = field(default_factory=list)
    score: dict = field(default_factory=dict)
    baseline_score: dict = field(default_factory=dict)


def _order(people: Sequence[Person]) -> list[Person]:
    """Earliest request first; the person id breaks ties so the order never depends on input order."""
    return sorted(people, key=lambda p: (p.requested_at, str(p.id)))


def _pins(sessions, people_by_id):
    """person id -> session id for pinned people; a person pinned twice keeps the first pin."""
    pinned = {}
    for session in sessions:
        for pid in session.pinned:
            if pid in people_by_id and pid not in pinned:
                pinned[pid] = session.id
    return pinned


def _free_capacity(sessions, pinned):
    taken = Counter(pinned.values())
    return {s.id: max(0, s.capacity - taken[s.id]) for s in sessions}


def _candidates(people, sessions_by_id, pinned):
    """Free (unpinned) people and the sessions each may go to, in a stable order."""
    out = []
    for person in people:
        if person.id in pinned:
            continue
        seen = []
        for sid in person.available:
            if sid in sessions_by_id and sid not in seen:
                seen.append(sid)
        out.append((person, seen))
    return out


def max_placeable(sessions: Sequence[Session], people: Sequence[Person]) -> int:
    """The most people that can be placed (pinned included): a plain maximum flow."""
    sessions_by_id = {s.id: s for s in sessions}
    people_by_id = {p.id: p for p in people}
    pinned = _pins(sessions, people_by_id)
    free = _free_capacity(sessions, pinned)
    candidates = _candidates(_order(people), sessions_by_id, pinned)
    session_index = {sid: i for i, sid in enumerate(sessions_by_id)}
    n_people, n_sessions = len(candidates), len(sessions_by_id)
    source, sink = n_people + n_sessions, n_people + n_sessions + 1
    flow = max_flow.SimpleMaxFlow()
    tails, heads, caps = [], [], []
    for i, (_, available) in enumerate(candidates):
        tails.append(source), heads.append(i), caps.append(1)
        for sid in available:
            tails.append(i), heads.append(n_people + session_index[sid]), caps.append(1)
    for sid, j in session_index.items():
        tails.append(n_people + j), heads.append(sink), caps.append(free[sid])
    if not tails:
        return len(pinned)
    flow.add_arcs_with_capacity(
        np.array(tails, dtype=np.int32), np.array(heads, dtype=np.int32), np.array(caps, dtype=np.int64)
    )
    status = flow.solve(source, sink)
    if status != flow.OPTIMAL:
        raise RuntimeError(f"maximum flow failed with status {status}")
    return flow.optimal_flow() + len(pinned)


def _share_limit(session: Session) -> int | None:
    if session.max_sector_share is None:
        return None
    return max(1, int(session.max_sector_share * session.capacity))


def _solve_mix(sessions, people, pinned, placed_target):
    """Exact convex-cost flow placing exactly `placed_target` free people; returns person -> session."""
    sessions_by_id = {s.id: s for s in sessions}
    free = _free_capacity(sessions, pinned)
    ordered = _order(people)
    candidates = _candidates(ordered, sessions_by_id, pinned)
    if placed_target == 0:
        return {}
    people_by_id = {p.id: p for p in people}
    pinned_counts = defaultdict(Counter)
    for pid, sid in pinned.items():
        pinned_counts[sid][people_by_id[pid].sector] += 1

    # Nodes: people, (session, sector) pairs, sessions, source, sink.
    n_people = len(candidates)
    pair_index = {}
    for person, available in candidates:
        for sid in available:
            pair_index.setdefault((sid, person.sector), len(pair_index))
    session_index = {sid: i for i, sid in enumerate(sessions_by_id)}
    pair_base = n_people
    session_base = pair_base + len(pair_index)
    source = session_base + len(session_index)
    sink = source + 1

    # Units through a pair: at most the session's free places.
    pair_units = {pair: free[pair[0]] for pair in pair_index}
    # Tier sizes, for weights that keep the priorities lexicographic within int64.
    mix_bound = sum(
        sum(pinned_counts[sid][sector] + k for k in range(1, units + 1))
        for (sid, sector), units in pair_units.items()
    )
    fairness_bound = n_people * placed_target
    rule_bound = sum(units for units in pair_units.values())
    fairness_scale = 1
    while True:
        w_mix = fairness_bound // fairness_scale + 1
        w_rule = (mix_bound + 1) * w_mix
        total = (rule_bound + 1) * w_rule * 2 + placed_target * (w_rule + n_people)
        if total < _COST_LIMIT or fairness_scale > n_people:
            break
        # Too large for int64: group request ranks into coarser steps of fairness.
        fairness_scale *= 2
    if total >= _COST_LIMIT:
        raise ValueError("instance too large for exact integer costs")

    tails, heads, caps, costs = [], [], [], []

    def arc(t, h, cap, cost):
        tails.append(t), heads.append(h), caps.append(cap), costs.append(cost)

    for rank, (person, available) in enumerate(candidates):
        arc(source, rank, 1, 0)
        for sid in available:
            # Offset w_rule keeps every cost non-negative once rule bonuses are subtracted below.
            arc(rank, pair_base + pair_index[(sid, person.sector)], 1, w_rule + rank // fairness_scale)
    for (sid, sector), p in pair_index.items():
        session = sessions_by_id[sid]
        already = pinned_counts[sid][sector]
        limit = _share_limit(session)
        for k in range(1, pair_units[(sid, sector)] + 1):
            count = already + k
            cost = count * w_mix
            if session.min_sectors and count == 1:
                cost -= w_rule
            if limit is not None and count > limit:
                cost += w_rule
            arc(pair_base + p, session_base + session_index[sid], 1, cost)
    for sid, j in session_index.items():
        if free[sid]:
            arc(session_base + j, sink, free[sid], 0)

    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(
        np.array(tails, dtype=np.int32),
        np.array(heads, dtype=np.int32),
        np.array(caps, dtype=np.int64),
        np.array(costs, dtype=np.int64),
    )
    supplies = np.zeros(sink + 1, dtype=np.int64)
    supplies[source], supplies[sink] = placed_target, -placed_target
    solver.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"minimum cost flow failed with status {status}")
    flows = solver.flows(arcs)
    placements = {}
    pair_session = {p: sid for (sid, _), p in pair_index.items()}
    for a in np.nonzero(flows)[0]:
        t, h = tails[a], heads[a]
        if t < n_people and pair_base <= h < session_base:
            placements[candidates[t][0].id] = pair_session[h - pair_base]
    return placements


def _swap_change(counter: Counter, out_key: str, in_key: str) -> int:
    """Change in the sum of squared counts (blank keys ignored) when one `out_key` becomes `in_key`."""
    if out_key == in_key:
        return 0
    change = 0
    if in_key:
        change += 2 * counter[in_key] + 1
    if out_key:
        change += 1 - 2 * counter[out_key]
    return change


def _improve_secondary(placements, people_by_id, pinned, max_passes=3, neighbours=12):
    """Swap two same-sector people between sessions when role and area mix improve; sector counts
    (and so the sector objective) are untouched. A bounded local search: it never makes the mix
    worse and stays linear in the number of people."""
    members = defaultdict(list)
    for pid, sid in placements.items():
        members[(sid, people_by_id[pid].sector)].append(pid)
    for key in members:
        members[key].sort(key=lambda pid: (people_by_id[pid].requested_at, str(pid)))
    roles = defaultdict(Counter)
    areas = defaultdict(Counter)
    for pid, sid in {**placements, **pinned}.items():
        roles[sid][people_by_id[pid].role] += 1
        areas[sid][people_by_id[pid].area] += 1
    available = {pid: frozenset(people_by_id[pid].available) for pid in placements}

    def delta(sid, out_person, in_person):
        return _swap_change(roles[sid], out_person.role, in_person.role) + _swap_change(
            areas[sid], out_person.area, in_person.area
        )

    def move(sid, out_person, in_person):
        roles[sid][out_person.role] -= 1
        roles[sid][in_person.role] += 1
        areas[sid][out_person.area] -= 1
        areas[sid][in_person.area] += 1

    for _ in range(max_passes):
        improved = False
        for pid in sorted(placements, key=lambda p: (people_by_id[p].requested_at, str(p))):
            a = people_by_id[pid]
            s = placements[pid]
            for t in a.available:
                if t == s or t not in roles:
                    continue
                for qid in members.get((t, a.sector), [])[:neighbours]:
                    b = people_by_id[qid]
                    if s not in available[qid] or placements.get(qid) != t:
                        continue
                    if delta(s, a, b) + delta(t, b, a) < 0:
                        move(s, a, b), move(t, b, a)
                        placements[pid], placements[qid] = t, s
                        members[(s, a.sector)].remove(pid)
                        members[(t, a.sector)].remove(qid)
                        members[(s, a.sector)].append(qid)
                        members[(t, a.sector)].append(pid)
                        improved = True
                        break
                if placements[pid] != s:
                    break
        if not improved:
            break
    return placements


def first_come_first_served(sessions: Sequence[Session], people: Sequence[Person]) -> dict:
    """What a booking system does: pinned people first, then each person in request order takes
    the first session they listed that still has a place."""
    sessions_by_id = {s.id: s for s in sessions}
    people_by_id = {p.id: p for p in people}
    pinned = _pins(sessions, people_by_id)
    free = _free_capacity(sessions, pinned)
    placements = dict(pinned)
    for person, available in _candidates(_order(people), sessions_by_id, pinned):
        for sid in available:
            if free[sid] > 0:
                free[sid] -= 1
                placements[person.id] = sid
                break
    return placements


def session_mix(sessions, people_by_id, placements) -> dict:
    mix = {s.id: {"sector": Counter(), "role": Counter(), "area": Counter()} for s in sessions}
    for pid, sid in placements.items():
        person = people_by_id[pid]
        mix[sid]["sector"][person.sector] += 1
        mix[sid]["role"][person.role] += 1
        mix[sid]["area"][person.area] += 1
    return {sid: {k: dict(sorted(c.items())) for k, c in m.items()} for sid, m in mix.items()}


def sector_cost(mix: dict) -> int:
    """The sector objective the flow minimises: sum over sessions and sectors of n(n+1)/2."""
    return sum(n * (n + 1) // 2 for m in mix.values() for n in m["sector"].values())


def metrics(sessions, people, mix, bound) -> dict:
    """Placement, distinct sectors and evenness, each as a ratio of what is possible (issue 5)."""
    placed = sum(sum(m["sector"].values()) for m in mix.values())
    shares = Counter(p.sector for p in people)
    total = sum(shares.values())
    ceiling = 1 - sum((n / total) ** 2 for n in shares.values()) if total else 0
    n_sectors = len(shares)
    sector_ratios, evenness = [], []
    for m in mix.values():
        size = sum(m["sector"].values())
        if not size:
            continue
        sector_ratios.append(len(m["sector"]) / min(n_sectors, size))
        gini = 1 - sum((n / size) ** 2 for n in m["sector"].values())
        evenness.append(gini / ceiling if ceiling else 1.0)
    return {
        "placement": round(placed / bound, 4) if bound else 1.0,
        "sectors": round(sum(sector_ratios) / len(sector_ratios), 4) if sector_ratios else 1.0,
        "evenness": round(sum(evenness) / len(evenness), 4) if evenness else 1.0,
    }


def _rule_reports(sessions, people, mix, pinned) -> list[str]:
    """Plain sentences for rules the proposal does not meet, saying why."""
    reachable = defaultdict(set)
    for person in people:
        for sid in person.available:
            reachable[sid].add(person.sector)
    for pid, sid in pinned.items():
        reachable[sid].add(next(p.sector for p in people if p.id == pid))
    reports = []
    for session in sessions:
        sectors = mix[session.id]["sector"]
        size = sum(sectors.values())
        if session.min_sectors and len(sectors) < session.min_sectors:
            can = len(reachable[session.id])
            if can < session.min_sectors:
                reports.append(
                    f"{session.name} cannot have {session.min_sectors} sectors: only people from "
                    f"{can} sector{'s' if can != 1 else ''} can attend it."
                )
            else:
                reports.append(
                    f"{session.name} has {len(sectors)} of the {session.min_sectors} sectors asked for: "
                    f"the people from other sectors are needed to give everyone a place."
                )
        limit = _share_limit(session)
        if limit is not None and size:
            for sector, n in sorted(sectors.items()):
                if n > limit:
                    reports.append(
                        f"{session.name} has {n} people from {sector.replace('_', ' ')}, more than "
                        f"{round(session.max_sector_share * 100)}% of its places: not enough people from "
                        f"other sectors can attend it."
                    )
        over = Counter(pinned.values())[session.id] - session.capacity
        if over > 0:
            reports.append(f"{session.name} has {over} more pinned people than places.")
    return reports


def allocate(sessions: Sequence[Session], people: Sequence[Person]) -> Result:
    """Propose who goes where; see the module docstring for the priorities."""
    # A canonical order, so that equally good optima are chosen the same way every time.
    sessions = sorted(sessions, key=lambda s: str(s.id))
    people_by_id = {p.id: p for p in people}
    pinned = _pins(sessions, people_by_id)
    bound = max_placeable(sessions, people)
    placements = _solve_mix(sessions, people, pinned, bound - len(pinned))
    placements = _improve_secondary(placements, people_by_id, pinned)
    placements = {**pinned, **placements}
    unplaced = [p.id for p in _order(people) if p.id not in placements]
    mix = session_mix(sessions, people_by_id, placements)
    baseline = first_come_first_served(sessions, people)
    baseline_mix = session_mix(sessions, people_by_id, baseline)
    return Result(
        placements=placements,
        unplaced=unplaced,
        mix=mix,
        baseline=baseline,
        baseline_unplaced=[p.id for p in _order(people) if p.id not in baseline],
        baseline_mix=baseline_mix,
        max_placeable=bound,
        reports=_rule_reports(sessions, people, mix, pinned),
        score=metrics(sessions, people, mix, bound),
        baseline_score=metrics(sessions, people, baseline_mix, bound),
    )

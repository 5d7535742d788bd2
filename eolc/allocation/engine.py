"""The mixed-group allocator: who goes to which session, as a pure function of plain data.

No Django here, so it can be tested exhaustively, benchmarked and run in a worker.

Order of priorities (lexicographic; ADR 012 explains the model):

1. Hard: capacity, availability, at most one session per person, pinned people stay put.
2. Place as many people as possible.
3. Per-session rules ("at least 3 sectors", "no sector above 50%") where they can be met.
4. Sector mix: each extra person of a sector already in a session counts for less (a concave
   utility), which makes the problem a convex-cost network flow:
   person -> (session, sector) -> session -> sink, where the k-th unit through the
   (session, sector) node costs k. OR-Tools' min-cost flow solves 2-4 exactly in one call.
5. Secondary mix by job role and area: swaps, moves to a free place and replacements by an
   unplaced person, each taken only when the sector cost (and the number placed) is unchanged.
6. Fairness: earlier requests win ties. Before the role and area steps, an unplaced person takes
   the place of a later request whenever that costs nothing above; in the steps, the latest
   request is the one that gives way.

Steps 5 and 6 are local searches (good, not proven best); steps 1-4 are exact.

The result is deterministic for the same input, whatever order it comes in.
"""

import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

# Costs must stay within int64 when summed over every unit of flow.
_COST_LIMIT = 2**62
# Units of a (session, sector) pair beyond its expected share that get their own arc at first.
_UNIT_SLACK = 2


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


Progress = Callable[[int, str], None]


def _silent(percent: int, phase: str) -> None:
    """The default progress callback: nobody is watching."""


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


class _Instance:
    """The input as arrays: free people in request order, the sessions each could attend, sector
    codes and what pinned people already take. Built once; both flow models read it."""

    def __init__(self, sessions, people):
        self.sessions = sorted(sessions, key=lambda s: str(s.id))
        self.ordered = _order(people)
        self.people_by_id = {p.id: p for p in people}
        self.pinned = _pins(self.sessions, self.people_by_id)
        self.session_index = {s.id: j for j, s in enumerate(self.sessions)}
        self.sector_names = sorted({p.sector for p in self.ordered})
        sector_code = {name: c for c, name in enumerate(self.sector_names)}
        self.free_people = [p for p in self.ordered if p.id not in self.pinned]
        index = self.session_index
        rows = [[index[sid] for sid in dict.fromkeys(p.available) if sid in index] for p in self.free_people]
        self.rows = rows  # each free person's sessions, as indices, in the order they listed them
        self.row_of = {p.id: row for p, row in zip(self.free_people, rows, strict=True)}
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        n_arcs = int(lengths.sum())
        self.arc_session = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=n_arcs)
        self.arc_person = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        self.person_sector = np.fromiter(
            (sector_code[p.sector] for p in self.free_people), dtype=np.int64, count=len(rows)
        )
        n_sessions, n_sectors = len(self.sessions), max(1, len(self.sector_names))
        self.n_sectors = n_sectors
        self.pinned_count = np.zeros(n_sessions * n_sectors, dtype=np.int64)
        for pid, sid in self.pinned.items():
            self.pinned_count[index[sid] * n_sectors + sector_code[self.people_by_id[pid].sector]] += 1
        capacity = np.fromiter((s.capacity for s in self.sessions), dtype=np.int64, count=n_sessions)
        pinned_per_session = self.pinned_count.reshape(n_sessions, n_sectors).sum(axis=1)
        self.free = np.maximum(0, capacity - pinned_per_session)


def _solve_max_flow(instance: _Instance) -> int:
    """The most free people that can be placed: a plain maximum flow."""
    n_people, n_sessions = len(instance.free_people), len(instance.sessions)
    if not len(instance.arc_person):
        return 0
    source, sink = n_people + n_sessions, n_people + n_sessions + 1
    tails = np.concatenate([np.full(n_people, source), instance.arc_person, n_people + np.arange(n_sessions)])
    heads = np.concatenate([np.arange(n_people), n_people + instance.arc_session, np.full(n_sessions, sink)])
    caps = np.concatenate([np.ones(n_people + len(instance.arc_person), dtype=np.int64), instance.free])
    flow = max_flow.SimpleMaxFlow()
    flow.add_arcs_with_capacity(tails.astype(np.int32), heads.astype(np.int32), caps.astype(np.int64))
    status = flow.solve(source, sink)
    if status != flow.OPTIMAL:
        raise RuntimeError(f"maximum flow failed with status {status}")
    return flow.optimal_flow()


def max_placeable(sessions: Sequence[Session], people: Sequence[Person]) -> int:
    """The most people that can be placed (pinned included): a plain maximum flow."""
    instance = _Instance(sessions, people)
    return _solve_max_flow(instance) + len(instance.pinned)


def _share_limit(session: Session) -> int | None:
    if session.max_sector_share is None:
        return None
    return max(1, int(session.max_sector_share * session.capacity))


class _MixModel:
    """Steps 2-4 of the module docstring as one min-cost flow.

    Each (session, sector) pair gets one arc per unit of flow with the unit's marginal cost. To keep
    the network small, only the units up to a little above the pair's expected share get their own
    arc; the rest share a "tail" arc priced at the first unit it stands for. Marginal costs never
    decrease, so the tail under-prices and the model is a relaxation: when no tail carries more
    than one unit its price is exact and the solution is optimal for the full model. Otherwise the
    pairs whose tails overflowed get more unit arcs and the flow is solved again.
    """

    def __init__(self, instance: _Instance):
        self.instance = instance
        n_sectors = instance.n_sectors
        pair_key = instance.arc_session * n_sectors + instance.person_sector[instance.arc_person]
        self.pair_key, self.arc_pair = np.unique(pair_key, return_inverse=True)
        self.pair_session = self.pair_key // n_sectors
        reach = np.bincount(self.arc_pair, minlength=len(self.pair_key))
        session_reach = np.bincount(self.pair_session, weights=reach, minlength=len(instance.sessions))
        free = instance.free[self.pair_session]
        self.units = np.minimum(free, reach)
        expected = np.ceil(free * reach / np.maximum(session_reach[self.pair_session], 1)).astype(np.int64)
        self.explicit = np.minimum(self.units, expected + _UNIT_SLACK)
        self.already = instance.pinned_count[self.pair_key]
        self._rule_weights()

    def _rule_weights(self):
        sessions = self.instance.sessions
        n = len(sessions)
        self.min_sectors = np.fromiter((bool(s.min_sectors) for s in sessions), dtype=bool, count=n)
        limits = [_share_limit(s) for s in sessions]
        big = np.iinfo(np.int64).max
        self.share_limit = np.fromiter((big if x is None else x for x in limits), dtype=np.int64, count=n)
        self.has_rules = bool(self.min_sectors.any() or (self.share_limit < big).any())
        # Every unit of the sector mix together costs less than one rule broken.
        top = self.already + self.units
        mix_bound = int(((top * (top + 1) - self.already * (self.already + 1)) // 2).sum())
        self.w_rule = mix_bound + 1 if self.has_rules else 0
        if mix_bound + 2 * self.w_rule * int(self.units.sum()) >= _COST_LIMIT:
            raise ValueError("instance too large for exact integer costs")

    def unit_cost(self, pair, count):
        """Marginal cost of the `count`-th person (pinned included) of a pair's sector in its session."""
        session = self.pair_session[pair]
        cost = count.copy()
        if self.has_rules:
            cost -= self.w_rule * (self.min_sectors[session] & (count == 1))
            cost += self.w_rule * (count > self.share_limit[session])
        return cost

    def marginal(self, session: int, count: int) -> int:
        """`unit_cost` for one session index and count."""
        if not self.has_rules:
            return count
        cost = int(count)
        if self.min_sectors[session] and count == 1:
            cost -= self.w_rule
        if count > self.share_limit[session]:
            cost += self.w_rule
        return cost

    def solve(self, progress: Progress):
        """Returns (free person index -> session index arrays, number placed)."""
        while True:
            placed_people, placed_sessions, overflowing = self._solve_once()
            if not overflowing.any():
                return placed_people, placed_sessions
            grow = self.explicit[overflowing]
            self.explicit[overflowing] = np.minimum(self.units[overflowing], 2 * grow + _UNIT_SLACK)
            progress(40, f"Pricing {int(overflowing.sum())} groups more finely and solving again")

    def _solve_once(self):
        instance = self.instance
        if not len(instance.arc_person):
            return instance.arc_person, instance.arc_session, np.zeros(len(self.pair_key), dtype=bool)
        n_people, n_pairs, n_sessions = len(instance.free_people), len(self.pair_key), len(instance.sessions)
        pair_base = n_people
        session_base = pair_base + n_pairs
        source, sink = session_base + n_sessions, session_base + n_sessions + 1

        explicit = self.explicit
        unit_pair = np.repeat(np.arange(n_pairs), explicit)
        unit_k = np.arange(len(unit_pair)) - np.repeat(np.cumsum(explicit) - explicit, explicit) + 1
        unit_cost = self.unit_cost(unit_pair, self.already[unit_pair] + unit_k)
        tail_pair = np.nonzero(self.units > explicit)[0]
        tail_cost = self.unit_cost(tail_pair, self.already[tail_pair] + explicit[tail_pair] + 1)
        n_arcs = len(instance.arc_person)
        tails = np.concatenate(
            [
                np.full(n_people, source),
                instance.arc_person,
                pair_base + unit_pair,
                pair_base + tail_pair,
                session_base + np.arange(n_sessions),
            ]
        )
        heads = np.concatenate(
            [
                np.arange(n_people),
                pair_base + self.arc_pair,
                session_base + self.pair_session[unit_pair],
                session_base + self.pair_session[tail_pair],
                np.full(n_sessions, sink),
            ]
        )
        caps = np.concatenate(
            [
                np.ones(n_people + n_arcs + len(unit_pair), dtype=np.int64),
                self.units[tail_pair] - explicit[tail_pair],
                instance.free,
            ]
        )
        costs = np.concatenate(
            [
                np.zeros(n_people, dtype=np.int64),
                np.zeros(n_arcs, dtype=np.int64),
                unit_cost,
                tail_cost,
                np.zeros(n_sessions, dtype=np.int64),
            ]
        )
        solver = min_cost_flow.SimpleMinCostFlow()
        solver.add_arcs_with_capacity_and_unit_cost(
            tails.astype(np.int32), heads.astype(np.int32), caps.astype(np.int64), costs.astype(np.int64)
        )
        supplies = np.zeros(sink + 1, dtype=np.int64)
        supplies[source], supplies[sink] = n_people, -n_people
        solver.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies)
        # The maximum flow first (priority 2), then the least cost among maximum flows.
        status = solver.solve_max_flow_with_min_cost()
        if status != solver.OPTIMAL:
            raise RuntimeError(f"minimum cost flow failed with status {status}")
        flows = solver.flows(np.arange(len(tails), dtype=np.int32))
        person_arcs = np.nonzero(flows[n_people : n_people + n_arcs])[0]
        tail_start = n_people + n_arcs + len(unit_pair)
        tail_flow = flows[tail_start : tail_start + len(tail_pair)]
        overflowing = np.zeros(n_pairs, dtype=bool)
        overflowing[tail_pair[tail_flow > 1]] = True
        return instance.arc_person[person_arcs], instance.arc_session[person_arcs], overflowing


def _earlier_first(placements, instance: _Instance, model: "_MixModel"):
    """Fairness after the mix: an unplaced person takes the place of a later request in a session
    they chose when the exchange costs nothing on the objectives before fairness: someone of their
    own sector, or of a sector that has one more person there than theirs would have. The latest
    such request goes first; each exchange places an earlier request, so it ends."""
    rank = {p.id: r for r, p in enumerate(instance.ordered)}
    sectors = instance.sector_names
    code = {name: c for c, name in enumerate(sectors)}
    index = instance.session_index
    counts = instance.pinned_count.reshape(len(instance.sessions), max(1, len(sectors))).tolist()
    # (session index, sector code) -> max-heap by rank of the free people placed there, stale
    # entries skipped when met.
    latest = defaultdict(list)
    for pid, sid in placements.items():
        j, c = index[sid], code[instance.people_by_id[pid].sector]
        counts[j][c] += 1
        latest[(j, c)].append((-rank[pid], pid))
    for heap in latest.values():
        heapq.heapify(heap)

    def latest_in(j, c):
        heap = latest.get((j, c))
        while heap and placements.get(heap[0][1]) != instance.sessions[j].id:
            heapq.heappop(heap)
        return heap[0] if heap else None

    waiting = [(rank[p.id], p.id) for p in instance.free_people if p.id not in placements]
    heapq.heapify(waiting)
    while waiting:
        r, pid = heapq.heappop(waiting)
        c = code[instance.people_by_id[pid].sector]
        best = None
        for j in instance.row_of[pid]:
            for d in range(len(sectors)):
                if d != c and model.marginal(j, counts[j][c] + 1) > model.marginal(j, counts[j][d]):
                    continue
                top = latest_in(j, d)
                if top is not None and -top[0] > r and (best is None or top[0] < best[0][0]):
                    best = (top, j, d)
        if best is None:
            continue
        (_, out), j, d = best
        heapq.heappop(latest[(j, d)])
        del placements[out]
        placements[pid] = instance.sessions[j].id
        counts[j][d] -= 1
        counts[j][c] += 1
        heapq.heappush(latest[(j, c)], (-r, pid))
        heapq.heappush(waiting, (rank[out], out))
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


def _improve_secondary(placements, instance: _Instance, model: _MixModel, max_passes=3, budget=300_000):
    """Improve the mix of job roles and areas (fewer repeats: the sum of squared counts per session)
    without changing anything ranked above it. Three kinds of step, each taken only when it makes
    that sum smaller: swap two people of one sector between sessions; move someone to a session with
    a free place when their sector's cost is the same there; give someone's place to an unplaced
    person of the same sector who chose that session. Sector counts change only by moves that cost
    nothing, and the number placed never changes. A bounded local search: candidates are looked at
    in a fixed order and it stops after `budget` looks, so its time is capped and its result
    deterministic."""
    people_by_id, pinned = instance.people_by_id, instance.pinned
    index, sessions = instance.session_index, instance.sessions
    sector_names = instance.sector_names
    code = {name: c for c, name in enumerate(sector_names)}
    members = defaultdict(list)  # (session id, sector) -> free people placed there, earliest first
    waiting = defaultdict(list)  # (session id, sector) -> unplaced people who chose it, earliest first
    order = [p.id for p in instance.free_people if p.id in placements]
    for pid in order:
        members[(placements[pid], people_by_id[pid].sector)].append(pid)
    for p in instance.free_people:
        if p.id not in placements:
            for j in instance.row_of[p.id]:
                waiting[(sessions[j].id, p.sector)].append(p.id)
    roles = defaultdict(Counter)
    areas = defaultdict(Counter)
    sector_counts = instance.pinned_count.reshape(len(sessions), max(1, len(code))).tolist()
    room = instance.free.tolist()
    for pid, sid in placements.items():
        sector_counts[index[sid]][code[people_by_id[pid].sector]] += 1
        room[index[sid]] -= 1
    for pid, sid in itertools.chain(placements.items(), pinned.items()):
        person = people_by_id[pid]
        roles[sid][person.role] += 1
        areas[sid][person.area] += 1
    available = {p.id: frozenset(p.available) for p in instance.free_people}

    def change(sid, out_person, in_person):
        return _swap_change(roles[sid], out_person.role, in_person.role) + _swap_change(
            areas[sid], out_person.area, in_person.area
        )

    def shift(sid, out_person, in_person):
        j = index[sid]
        sector_counts[j][code[out_person.sector]] -= 1
        sector_counts[j][code[in_person.sector]] += 1

    def leave_join(sid, person, sign):
        roles[sid][person.role] += sign
        areas[sid][person.area] += sign

    def arrival(sid, person):
        """Change in the sum when `person` joins `sid`."""
        return sum(
            2 * counter[key] + 1
            for counter, key in ((roles[sid], person.role), (areas[sid], person.area))
            if key
        )

    def departure(sid, person):
        return sum(
            1 - 2 * counter[key]
            for counter, key in ((roles[sid], person.role), (areas[sid], person.area))
            if key
        )

    def trade(j, out_sector, in_sector):
        """Change in sector cost at session index `j` when one person of `out_sector` gives way to
        one of `in_sector`."""
        return model.marginal(j, sector_counts[j][in_sector] + 1) - model.marginal(
            j, sector_counts[j][out_sector]
        )

    def step_for(pid):
        """The first improving step for `pid`, counting each look against the budget."""
        nonlocal budget
        a = people_by_id[pid]
        s = placements[pid]
        # Only someone whose role or area is repeated in their session can gain by leaving it.
        if not ((a.role and roles[s][a.role] > 1) or (a.area and areas[s][a.area] > 1)):
            return None
        c = code[a.sector]
        leaving = departure(s, a)
        for t in a.available:
            if t == s or t not in index:
                continue
            j = index[t]
            budget -= 1
            neutral = room[j] > 0 and model.marginal(j, sector_counts[j][c] + 1) == model.marginal(
                index[s], sector_counts[index[s]][c]
            )
            if neutral and leaving + arrival(t, a) < 0:
                return ("move", None, s, t)
            for d, sector in enumerate(sector_names):
                partners = members.get((t, sector))
                budget -= 1
                if not partners or (d != c and trade(index[s], c, d) + trade(j, d, c) != 0):
                    continue
                for qid in partners:
                    budget -= 1
                    b = people_by_id[qid]
                    if s in available[qid] and change(s, a, b) + change(t, b, a) < 0:
                        return ("swap", qid, s, t)
        for d, sector in enumerate(sector_names):
            candidates = waiting.get((s, sector))
            if not candidates or (d != c and trade(index[s], c, d) != 0):
                continue
            for qid in candidates:
                budget -= 1
                if change(s, a, people_by_id[qid]) < 0:
                    return ("replace", qid, s, None)
        return None

    for _ in range(max_passes):
        improved = False
        for pid in reversed(list(order)):  # latest first: if someone must give way, it is them
            if pid not in placements:
                continue
            found = step_for(pid)
            if budget < 0:
                return placements
            if found is None:
                continue
            kind, qid, s, t = found
            a = people_by_id[pid]
            if kind == "move":
                leave_join(s, a, -1), leave_join(t, a, 1)
                placements[pid] = t
                members[(s, a.sector)].remove(pid)
                members[(t, a.sector)].append(pid)
                c = code[a.sector]
                sector_counts[index[s]][c] -= 1
                sector_counts[index[t]][c] += 1
                room[index[s]] += 1
                room[index[t]] -= 1
            elif kind == "swap":
                b = people_by_id[qid]
                leave_join(s, a, -1), leave_join(s, b, 1), leave_join(t, b, -1), leave_join(t, a, 1)
                placements[pid], placements[qid] = t, s
                members[(s, a.sector)].remove(pid)
                members[(t, b.sector)].remove(qid)
                members[(s, b.sector)].append(qid)
                members[(t, a.sector)].append(pid)
                shift(s, a, b), shift(t, b, a)
            else:
                b = people_by_id[qid]
                leave_join(s, a, -1), leave_join(s, b, 1)
                del placements[pid]
                placements[qid] = s
                members[(s, a.sector)].remove(pid)
                members[(s, b.sector)].append(qid)
                shift(s, a, b)
                for j in instance.row_of[qid]:
                    waiting[(sessions[j].id, b.sector)].remove(qid)
                for j in instance.row_of[pid]:
                    waiting[(sessions[j].id, a.sector)].append(pid)
                order.append(qid)
            improved = True
        if not improved:
            break
    return placements


def _first_come(instance: _Instance) -> dict:
    """First come, first served on a prepared instance (see `first_come_first_served`)."""
    free = instance.free.tolist()
    placements = dict(instance.pinned)
    session_ids = [s.id for s in instance.sessions]
    for person, row in zip(instance.free_people, instance.rows, strict=True):
        for j in row:
            if free[j] > 0:
                free[j] -= 1
                placements[person.id] = session_ids[j]
                break
    return placements


def first_come_first_served(sessions: Sequence[Session], people: Sequence[Person]) -> dict:
    """What a booking system does: pinned people first, then each person in request order takes
    the first session they listed that still has a place."""
    return _first_come(_Instance(sessions, people))


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


def _rule_reports(sessions, people, people_by_id, mix, pinned) -> list[str]:
    """Plain sentences for rules the proposal does not meet, saying why."""
    pinned_counts = Counter(pinned.values())
    has_rules = any(s.min_sectors or s.max_sector_share is not None for s in sessions)
    if not has_rules and all(pinned_counts[s.id] <= s.capacity for s in sessions):
        return []
    reachable = defaultdict(set)
    for person in people:
        for sid in person.available:
            reachable[sid].add(person.sector)
    for pid, sid in pinned.items():
        reachable[sid].add(people_by_id[pid].sector)
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
        over = pinned_counts[session.id] - session.capacity
        if over > 0:
            reports.append(f"{session.name} has {over} more pinned people than places.")
    return reports


def allocate(sessions: Sequence[Session], people: Sequence[Person], progress: Progress = _silent) -> Result:
    """Propose who goes where; see the module docstring for the priorities.

    `progress(percent, phase)` is called as each phase starts, for a progress bar.
    """
    progress(0, "Reading the requests")
    instance = _Instance(sessions, people)
    sessions, people_by_id, pinned = instance.sessions, instance.people_by_id, instance.pinned
    progress(10, "Placing the most people in the most mixed sessions")
    model = _MixModel(instance)
    people_index, session_index = model.solve(progress)
    placements = {
        instance.free_people[i].id: sessions[j].id
        for i, j in zip(people_index.tolist(), session_index.tolist(), strict=True)
    }
    bound = len(placements) + len(pinned)
    progress(60, "Giving places to earlier requests")
    placements = _earlier_first(placements, instance, model)
    progress(70, "Mixing job roles and areas")
    placements = _improve_secondary(placements, instance, model)
    placements = {**pinned, **placements}
    progress(85, "Working out first come, first served")
    unplaced = [p.id for p in instance.ordered if p.id not in placements]
    mix = session_mix(sessions, people_by_id, placements)
    baseline = _first_come(instance)
    baseline_mix = session_mix(sessions, people_by_id, baseline)
    progress(95, "Scoring the mix")
    result = Result(
        placements=placements,
        unplaced=unplaced,
        mix=mix,
        baseline=baseline,
        baseline_unplaced=[p.id for p in instance.ordered if p.id not in baseline],
        baseline_mix=baseline_mix,
        max_placeable=bound,
        reports=_rule_reports(sessions, people, people_by_id, mix, pinned),
        score=metrics(sessions, people, mix, bound),
        baseline_score=metrics(sessions, people, baseline_mix, bound),
    )
    progress(100, "Done")
    return result

"""The exact steps (1-4 of the package docstring) as network flows solved by OR-Tools."""

from collections.abc import Sequence

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from eolc.allocation.engine.data import Person, Progress, Session, _Instance

# Costs must stay within int64 when summed over every unit of flow.
_COST_LIMIT = 2**62
# Units of a (session, sector) pair beyond its expected share that get their own arc at first.
_UNIT_SLACK = 2


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
    """Steps 2-4 of the package docstring as one min-cost flow.

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

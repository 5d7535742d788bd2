"""The local searches after the flow: fairness to earlier requests (step 6) and the job role and
area mix (step 5). Good, not proven best; each step leaves everything ranked above it unchanged.
"""

import heapq
import itertools
from collections import Counter, defaultdict

from eolc.allocation.engine.data import _Instance
from eolc.allocation.engine.flow import _MixModel


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

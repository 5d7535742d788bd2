"""Plain sentences for the per-session rules a proposal does not meet."""

from collections import Counter, defaultdict

from eolc.allocation.engine.flow import _share_limit


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

"""How mixed a set of placements is: the mix per session, the sector cost and the ratios shown."""

from collections import Counter


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

"""What the allocation page shows: per-session mix of the proposal beside first come first served,
and the people placed, so templates stay free of logic."""

from django.contrib.auth import get_user_model

from eolc.accounts.models import Sector

SECTOR_NAMES = dict(Sector.choices)


def _sectors_text(counts: dict) -> str:
    if not counts:
        return "No one"
    return ", ".join(
        f"{SECTOR_NAMES.get(s, s)} {n}" for s, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )


def _evenness(counts: dict) -> str:
    total = sum(counts.values())
    if not total:
        return "–"
    return f"{1 - sum((n / total) ** 2 for n in counts.values()):.2f}"


def proposal_rows(allocation, events) -> list[dict]:
    """One row per session: places, then people, sectors and evenness for each of the two results."""
    result = allocation.result or {}
    mix, baseline = result.get("mix", {}), result.get("baseline_mix", {})
    rows = []
    for event in events:
        proposed = mix.get(str(event.pk), {}).get("sector", {})
        fcfs = baseline.get(str(event.pk), {}).get("sector", {})
        rows.append(
            {
                "event": event,
                "proposed_count": sum(proposed.values()),
                "proposed_sectors": _sectors_text(proposed),
                "proposed_evenness": _evenness(proposed),
                "fcfs_count": sum(fcfs.values()),
                "fcfs_sectors": _sectors_text(fcfs),
                "fcfs_evenness": _evenness(fcfs),
            }
        )
    return rows


def proposal_people(allocation) -> list[dict]:
    """Everyone in the round's proposal (placed first, by session), with where they are and any pin."""
    result = allocation.result or {}
    placed = {row["person"]: row["event"] for row in result.get("placements", [])}
    unplaced = result.get("unplaced", [])
    pins = {int(p): e for p, e in result.get("pins", {}).items()}
    # The allocation was loaded through the access module; these are exactly its requesters.
    people = get_user_model().objects.filter(pk__in=[*placed, *unplaced]).select_related("job_role")
    by_pk = {person.pk: person for person in people}
    rows = [
        {
            "person": by_pk[pk],
            "sector": SECTOR_NAMES.get(by_pk[pk].sector, by_pk[pk].sector),
            "event": placed.get(pk),
            "pinned": pk in pins,
        }
        for pk in [*placed, *unplaced]
        if pk in by_pk
    ]
    return rows

"""What the allocation page shows: per-session mix of the proposal beside first come first served,
and the people placed, so templates stay free of logic."""

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.urls import reverse

from eolc.accounts.models import Area, JobRole, Sector
from eolc.allocation.models import PlaceRequest, RequestRound
from eolc.core.stamps import Stamp

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


def _named_counts(counts: dict, names: dict) -> str:
    """ "Nurse 2, Social worker 1" from counts keyed by id as text (blank: not given)."""
    if not counts:
        return "No one"
    named = [(names.get(key, "Not given"), n) for key, n in counts.items()]
    return ", ".join(f"{name} {n}" for name, n in sorted(named, key=lambda x: (-x[1], x[0])))


def role_area_rows(allocation, events) -> list[dict]:
    """One row per session: its people by job role and by area, proposed and first come first
    served (the secondary mix; sectors have their own table and chart)."""
    result = allocation.result or {}
    mix, baseline = result.get("mix", {}), result.get("baseline_mix", {})
    keys = {"role": set(), "area": set()}
    for counts in (*mix.values(), *baseline.values()):
        for kind in keys:
            keys[kind].update(k for k in counts.get(kind, {}) if k.isdigit())
    names = {
        "role": {str(r.pk): r.name for r in JobRole.objects.filter(pk__in=[int(k) for k in keys["role"]])},
        "area": {str(a.pk): a.name for a in Area.objects.filter(pk__in=[int(k) for k in keys["area"]])},
    }
    rows = []
    for event in events:
        proposed, fcfs = mix.get(str(event.pk), {}), baseline.get(str(event.pk), {})
        rows.append(
            {
                "event": event,
                "proposed_roles": _named_counts(proposed.get("role", {}), names["role"]),
                "proposed_areas": _named_counts(proposed.get("area", {}), names["area"]),
                "fcfs_roles": _named_counts(fcfs.get("role", {}), names["role"]),
                "fcfs_areas": _named_counts(fcfs.get("area", {}), names["area"]),
            }
        )
    return rows


# NHS.UK palette colours, one per sector in a fixed order, each with a text colour that reads on it.
SECTOR_COLOURS = [
    ("#005eb8", "#ffffff"),
    ("#007f3b", "#ffffff"),
    ("#ffb81c", "#212b32"),
    ("#330072", "#ffffff"),
    ("#00a499", "#212b32"),
    ("#d5281b", "#ffffff"),
    ("#ae2573", "#ffffff"),
    ("#425563", "#ffffff"),
]
BAR_HEIGHT = 9


def _colours(sectors) -> dict:
    order = [s for s, _ in Sector.choices] + sorted(set(sectors) - set(SECTOR_NAMES))
    return {s: SECTOR_COLOURS[order.index(s) % len(SECTOR_COLOURS)] for s in sectors}


def _bar(label, counts, sectors, colours, places, top) -> dict:
    """One stacked bar: a segment per sector, widths out of the session's places (0-100)."""
    scale = 100 / max(places, sum(counts.values()), 1)
    segments, x = [], 0.0
    for sector in sectors:
        n = counts.get(sector, 0)
        if not n:
            continue
        width = n * scale
        fill, ink = colours[sector]
        segments.append(
            {
                "x": round(x, 2),
                "width": round(width, 2),
                "fill": fill,
                "ink": ink,
                "count": n,
                "text_x": round(x + width / 2, 2),
                "labelled": width >= 5,
            }
        )
        x += width
    return {"label": label, "label_y": top + 3.5, "y": top + 5, "segments": segments, "text_y": top + 11}


def session_charts(allocation, events) -> list[dict]:
    """For each session, stacked bars of its sectors (proposed, then first come first served) and
    the same numbers as table rows, so the chart never carries meaning on its own."""
    result = allocation.result or {}
    mix, baseline = result.get("mix", {}), result.get("baseline_mix", {})
    charts = []
    for event in events:
        proposed = mix.get(str(event.pk), {}).get("sector", {})
        fcfs = baseline.get(str(event.pk), {}).get("sector", {})
        present = set(proposed) | set(fcfs)
        sectors = [s for s, _ in Sector.choices if s in present] + sorted(present - set(SECTOR_NAMES))
        colours = _colours(sectors)
        places = event.places
        bars = [
            _bar("Proposed", proposed, sectors, colours, places, 0),
            _bar("First come, first served", fcfs, sectors, colours, places, 15),
        ]
        charts.append(
            {
                "event": event,
                "bars": bars,
                "height": 30,
                "summary": (
                    f"{event.title}. Proposed: {_sectors_text(proposed)}. "
                    f"First come, first served: {_sectors_text(fcfs)}."
                ),
                "rows": [
                    {
                        "sector": SECTOR_NAMES.get(s, s),
                        "fill": colours[s][0],
                        "proposed": proposed.get(s, 0),
                        "fcfs": fcfs.get(s, 0),
                    }
                    for s in sectors
                ],
                "proposed_total": sum(proposed.values()),
                "fcfs_total": sum(fcfs.values()),
                "proposed_evenness": _evenness(proposed),
                "fcfs_evenness": _evenness(fcfs),
            }
        )
    return charts


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


ROUNDS_STAMP = Stamp("allocation:rounds:generation")


def open_round_including(event) -> RequestRound | None:
    """The newest open round offering this event. Asked on every event page and the same for every
    viewer, so kept per process until a round or its sessions change (eolc/core/stamps.py)."""
    key = f"allocation:open-round:{ROUNDS_STAMP.value()}:{event.pk}"
    found = caches["local"].get(key)
    if found is None:
        found = (RequestRound.objects.open().including(event).newest_first().first(),)
        caches["local"].set(key, found, 60)
    return found[0]


def event_page_links(event, person, registration) -> list[dict]:
    """On the page of a session in a round taking requests, for someone without a place: ask for a
    place (or change the sessions asked for) instead of registering. Registered in
    AppConfig.ready() with eolc.events.links; "kind": "place" puts it where Register would be."""
    if registration is not None:
        return []
    request_round = open_round_including(event)
    if request_round is None or not request_round.accepts_requests():
        return []
    asked = person.is_authenticated and PlaceRequest.objects.in_round(request_round).by(person).exists()
    return [
        {
            "text": "Change the sessions you could attend" if asked else "Ask for a place",
            "href": reverse("allocation:request_places", args=[event.pk]),
            "kind": "place",
        }
    ]

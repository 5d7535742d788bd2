"""Writes for allocation: open a round, request places, run the allocator, pin, confirm.

Running is a background task that claims the allocation with a conditional UPDATE, so two
workers cannot run it twice. Confirming also claims it, then makes every registration through
the events app's services, which count places under their lock and queue the emails.
"""

from django.db import transaction
from django.utils import timezone

from eolc.allocation.models import (
    Allocation,
    AllocationStatus,
    PlaceRequest,
    RequestRound,
    RoundStatus,
)
from eolc.core.outbox import enqueue_on_commit
from eolc.events import services as event_services
from eolc.events.models import Event, EventStatus, RegistrationStatus


class RequestRefused(Exception):
    """Why a request for places cannot be taken; the message is shown as it is."""


class NotConfirmable(Exception):
    """Only a finished proposal can be confirmed, and only once."""


@transaction.atomic
def round_open(
    *, title, events, by=None, cut_off=None, min_sectors=None, max_sector_share=None
) -> RequestRound:
    events = list(events)
    if not events:
        raise RequestRefused("Choose at least one session.")
    request_round = RequestRound(
        title=title,
        cut_off=cut_off,
        min_sectors=min_sectors,
        max_sector_share=max_sector_share,
        created_by=by,
    )
    request_round.full_clean()
    request_round.save()
    request_round.events.set(events)
    return request_round


def round_for_events(*, events, by=None) -> RequestRound:
    """The open round over exactly these sessions, or a new one."""
    wanted = {event.pk for event in events}
    for request_round in (
        RequestRound.objects.open().filter(events__in=wanted).distinct().prefetch_related("events")
    ):
        if {event.pk for event in request_round.events.all()} == wanted:
            return request_round
    titles = ", ".join(sorted(event.title for event in events))
    return round_open(title=f"Requests for {titles}"[:200], events=events, by=by)


@transaction.atomic
def place_request_save(*, request_round: RequestRound, person, available_events, by=None, now=None):
    """Record which of the round's sessions a person could attend; `(request, created)`.

    Asking again changes the sessions but keeps the first request's time, so nobody loses their
    place in the queue by correcting a choice.
    """
    now = now or timezone.now()
    if not request_round.accepts_requests(now):
        raise RequestRefused("This round is no longer taking requests for places.")
    available = list(available_events)
    if not available:
        raise RequestRefused("Choose at least one session you could attend.")
    round_events = set(request_round.events.values_list("pk", flat=True))
    outside = [event for event in available if event.pk not in round_events]
    if outside:
        raise RequestRefused(f"“{outside[0].title}” is not one of this round's sessions.")
    place_request, created = PlaceRequest.objects.get_or_create(
        round=request_round, person=person, defaults={"requested_by": by, "created_at": now}
    )
    place_request.available_events.set(available)
    return place_request, created


@transaction.atomic
def allocation_create(*, request_round: RequestRound, by=None, queue=True, now=None) -> Allocation:
    """Queue a run of the allocator over the round; the proposal appears when the task finishes.

    With `queue=False` nothing is queued: the caller runs it (the command line does, to show a bar).
    """
    from eolc.allocation import tasks

    allocation = Allocation.objects.create(
        round=request_round, created_by=by, created_at=now or timezone.now()
    )
    if queue:
        enqueue_on_commit(tasks.allocation_run_task, allocation.pk)
    return allocation


def rounds_allocate_due(*, now=None) -> int:
    """At the cut-off, propose groups as a facilitator would by asking: queue a run for every open
    round whose cut-off has passed with no run since. Nothing is confirmed; the facilitator reviews
    the proposal on the round's page. Returns how many runs were queued."""
    now = now or timezone.now()
    queued = 0
    for pk in RequestRound.objects.due_for_allocation(now).values_list("pk", flat=True).distinct():
        with transaction.atomic():
            # Locked and checked again, so two copies of the command queue one run.
            request_round = RequestRound.objects.select_for_update().get(pk=pk)
            if not RequestRound.objects.due_for_allocation(now).filter(pk=pk).exists():
                continue
            allocation_create(request_round=request_round, now=now)
            queued += 1
    return queued


def _engine_input(request_round: RequestRound):
    from eolc.allocation import engine  # numpy and OR-Tools load only when a round runs

    events = list(
        request_round.events.exclude(status=EventStatus.CANCELLED)
        .with_place_counts()
        .order_by("starts_at", "pk")
    )
    pins = {int(person): int(event) for person, event in request_round.pins.items()}
    share = request_round.max_sector_share / 100 if request_round.max_sector_share else None
    sessions = []
    for event in events:
        local = timezone.localtime(event.starts_at)
        sessions.append(
            engine.Session(
                id=event.pk,
                capacity=max(0, event.places - event.confirmed_count),
                label=f"{event.title} ({local:%a %-d %b %H:%M})",
                min_sectors=request_round.min_sectors,
                max_sector_share=share,
                pinned=tuple(sorted(person for person, pinned_to in pins.items() if pinned_to == event.pk)),
            )
        )
    event_ids = {event.pk for event in events}
    people = []
    requests = PlaceRequest.objects.in_round(request_round).first_come().select_related("person")
    for place_request in requests.prefetch_related("available_events"):
        person = place_request.person
        people.append(
            engine.Person(
                id=person.pk,
                sector=person.sector or "unknown",
                available=tuple(e.pk for e in place_request.available_events.all() if e.pk in event_ids),
                requested_at=place_request.created_at.isoformat(),
                role=str(person.job_role_id or ""),
                area=str(person.area_id or ""),
            )
        )
    return sessions, people


def _progress_recorder(allocation_id: int, also=None):
    """A progress callback for the engine: the allocation's row shows the phase (the page polls
    it); reading the requests takes the first 10%, the engine's phases the rest."""

    def record(percent: int, phase: str) -> None:
        overall = min(99, 10 + percent * 9 // 10)
        Allocation.objects.filter(pk=allocation_id, status=AllocationStatus.RUNNING).update(
            progress=overall, phase=phase[:120]
        )
        if also is not None:
            also(overall, phase)

    return record


def allocation_run(*, allocation_id: int, progress=None) -> bool:
    """Run a queued allocation. Returns False when another worker already took it.

    `progress(percent, phase)`, if given, hears each phase too (the command line draws a bar).
    """
    claimed = Allocation.objects.filter(pk=allocation_id, status=AllocationStatus.QUEUED).update(
        status=AllocationStatus.RUNNING, progress=1, phase="Reading the requests"
    )
    if not claimed:
        return False
    allocation = Allocation.objects.select_related("round").get(pk=allocation_id)
    record = _progress_recorder(allocation_id, progress)
    from eolc.allocation import engine  # numpy and OR-Tools load only when a round runs

    try:
        sessions, people = _engine_input(allocation.round)
        result = engine.allocate(sessions, people, record)
    except Exception as exc:
        Allocation.objects.filter(pk=allocation_id).update(
            status=AllocationStatus.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
    stored = {
        "placements": [{"person": p, "event": e} for p, e in sorted(result.placements.items())],
        "unplaced": result.unplaced,
        "mix": {str(sid): mix for sid, mix in result.mix.items()},
        "baseline": [{"person": p, "event": e} for p, e in sorted(result.baseline.items())],
        "baseline_unplaced": result.baseline_unplaced,
        "baseline_mix": {str(sid): mix for sid, mix in result.baseline_mix.items()},
        "max_placeable": result.max_placeable,
        "reports": result.reports,
        "metrics": result.score,
        "baseline_metrics": result.baseline_score,
        "pins": {str(p): e for p, e in allocation.round.pins.items()},
    }
    Allocation.objects.filter(pk=allocation_id, status=AllocationStatus.RUNNING).update(
        status=AllocationStatus.DONE,
        progress=100,
        phase="",
        result=stored,
        score=result.score["evenness"],
        baseline_score=result.baseline_score["evenness"],
        finished_at=timezone.now(),
    )
    return True


@transaction.atomic
def round_pin(*, request_round: RequestRound, person_id: int, event: Event | None, by=None) -> RequestRound:
    """Pin a person to a session (or unpin with `event=None`); the next run keeps them there."""
    request_round = RequestRound.objects.select_for_update().get(pk=request_round.pk)
    if not PlaceRequest.objects.in_round(request_round).filter(person_id=person_id).exists():
        raise RequestRefused("Only people who asked for a place in this round can be pinned.")
    pins = dict(request_round.pins)
    if event is None:
        pins.pop(str(person_id), None)
    else:
        if not request_round.events.filter(pk=event.pk).exists():
            raise RequestRefused(f"“{event.title}” is not one of this round's sessions.")
        pins[str(person_id)] = event.pk
    request_round.pins = pins
    request_round.save(update_fields=["pins"])
    return request_round


def allocation_move(*, allocation: Allocation, person_id: int, event: Event, by=None) -> Allocation:
    """Move a person to another session: pin them there and run the allocator again."""
    round_pin(request_round=allocation.round, person_id=person_id, event=event, by=by)
    return allocation_create(request_round=allocation.round, by=by)


@transaction.atomic
def allocation_confirm(*, allocation: Allocation, by, now=None) -> dict:
    """Make the registrations of a proposal; unplaced people join the waiting lists they chose.

    Returns counts: confirmed, waitlisted and refused (an event that closed or a prerequisite).
    """
    now = now or timezone.now()
    claimed = Allocation.objects.filter(pk=allocation.pk, status=AllocationStatus.DONE).update(
        status=AllocationStatus.CONFIRMED, confirmed_at=now, confirmed_by=by
    )
    if not claimed:
        raise NotConfirmable("Only a finished proposal that is not yet confirmed can be confirmed.")
    allocation.refresh_from_db()
    request_round = allocation.round
    events = {event.pk: event for event in request_round.events.all()}
    requests = {
        r.person_id: r
        for r in PlaceRequest.objects.in_round(request_round)
        .select_related("person")
        .prefetch_related("available_events")
    }
    counts = {"confirmed": 0, "waitlisted": 0, "refused": 0}

    def register(person, event):
        try:
            registration, _ = event_services.registration_create(
                event=event, person=person, registered_by=by, now=now, enforce_window=False
            )
        except event_services.RegistrationRefused:
            counts["refused"] += 1
            return None
        return registration

    for row in allocation.result.get("placements", []):
        place_request = requests.get(row["person"])
        event = events.get(row["event"])
        if place_request is None or event is None:
            counts["refused"] += 1
            continue
        registration = register(place_request.person, event)
        if registration is not None:
            counts[registration.status] = counts.get(registration.status, 0) + 1
    for person_id in allocation.result.get("unplaced", []):
        place_request = requests.get(person_id)
        if place_request is None:
            continue
        for event in sorted(place_request.available_events.all(), key=lambda e: (e.starts_at, e.pk)):
            registration = register(place_request.person, event)
            if registration is None:
                continue
            counts[registration.status] = counts.get(registration.status, 0) + 1
            if registration.status == RegistrationStatus.CONFIRMED:
                # A place came free since the run: one place is enough.
                break
    request_round.status = RoundStatus.CLOSED
    request_round.save(update_fields=["status"])
    return counts

"""Allocation endpoints: ask for places in several sessions, run the allocator, read and confirm.

A thin layer over `eolc.allocation.services` and `eolc.programmes.access`. A run is a background
task: POST answers 202 at once and GET shows its progress until the proposal is ready.
"""

from ninja import Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from eolc.allocation import services
from eolc.api.errors import Router
from eolc.api.schemas import BodyIn, ErrorOut, Id, IntParam, check_id
from eolc.programmes import access

router = Router(tags=["allocation"])


class AllocationIn(BodyIn):
    events: list[Id] = Field(min_length=1, max_length=10_000, description="Ids of the sessions to fill")


class AllocationCreatedOut(Schema):
    id: int
    status: str


class PlacementOut(Schema):
    person: int
    event: int


class AllocationOut(Schema):
    id: int
    round: int
    status: str
    progress: int = Field(description="Percent done while queued or running")
    phase: str = Field(description="What the allocator is doing now, while it runs")
    placements: list[PlacementOut]
    unplaced: list[int] = Field(description="Person ids, earliest request first")
    score: float | None = Field(description="Mean sector evenness of the proposal, 0 to 1")
    baseline_score: float | None = Field(description="The same for first come, first served")
    mix: dict[str, dict[str, dict[str, int]]] = Field(
        description="Per event id: counts by sector, role, area"
    )
    baseline_mix: dict[str, dict[str, dict[str, int]]]
    reports: list[str] = Field(description="Rules that could not be met, in plain words")


class ConfirmedOut(Schema):
    id: int
    status: str
    confirmed: int
    waitlisted: int
    refused: int


class PlaceRequestIn(BodyIn):
    available_events: list[Id] = Field(min_length=1, max_length=1000)
    person: Id | None = Field(None, description="Someone else's id (organisers only); omit for yourself")


class PlaceRequestOut(Schema):
    id: int
    round: int
    person: int
    available_events: list[int]


def _out(allocation):
    result = allocation.result or {}
    return {
        "id": allocation.pk,
        "round": allocation.round_id,
        "status": allocation.status,
        "progress": allocation.progress,
        "phase": allocation.phase,
        "placements": result.get("placements", []),
        "unplaced": result.get("unplaced", []),
        "score": allocation.score,
        "baseline_score": allocation.baseline_score,
        "mix": result.get("mix", {}),
        "baseline_mix": result.get("baseline_mix", {}),
        "reports": result.get("reports", []),
    }


@router.post(
    "/allocations",
    response={202: AllocationCreatedOut, 403: ErrorOut, 404: ErrorOut},
    summary="Run the allocator over the requests for these sessions (their organisers)",
)
def allocation_create(request, payload: AllocationIn):
    user = request.auth
    events = [access.get_managed_event_or_404(user, pk) for pk in dict.fromkeys(payload.events)]
    request_round = services.round_for_events(events=events, by=user)
    allocation = services.allocation_create(request_round=request_round, by=user)
    return Status(202, {"id": allocation.pk, "status": allocation.status})


@router.get(
    "/allocations/{allocation_id}",
    response={200: AllocationOut},
    summary="Progress, then the proposal beside first come, first served",
)
def allocation_detail(request, allocation_id: IntParam):
    check_id(allocation_id)
    return _out(access.get_managed_allocation_or_404(request.auth, allocation_id))


@router.post(
    "/allocations/{allocation_id}/confirm",
    response={200: ConfirmedOut, 409: ErrorOut},
    summary="Make the registrations; people not placed join the waiting lists they chose",
)
def allocation_confirm(request, allocation_id: IntParam):
    check_id(allocation_id)
    allocation = access.get_managed_allocation_or_404(request.auth, allocation_id)
    try:
        counts = services.allocation_confirm(allocation=allocation, by=request.auth)
    except services.NotConfirmable as exc:
        raise HttpError(409, str(exc)) from None
    return {"id": allocation.pk, "status": "confirmed", **counts}


@router.post(
    "/events/{event_id}/requests",
    response={200: PlaceRequestOut, 201: PlaceRequestOut, 403: ErrorOut, 409: ErrorOut},
    summary='Say which sessions of a round you could attend (`{"available_events": [ids]}`), '
    'or, as an organiser, for someone else (`"person"`)',
)
def place_request_create(request, event_id: IntParam, payload: PlaceRequestIn):
    check_id(event_id)
    user = request.auth
    event, request_round = access.get_requestable_round_or_404(user, event_id)
    person = user
    if payload.person is not None and payload.person != user.pk:
        person = access.get_bookable_person_or_404(user, event, payload.person)
    choices = {e.pk: e for e in request_round.events.all()}
    unknown = [pk for pk in payload.available_events if pk not in choices]
    if unknown:
        raise HttpError(409, f"available_events: {unknown[0]} is not one of this round's sessions")
    try:
        place_request, created = services.place_request_save(
            request_round=request_round,
            person=person,
            available_events=[choices[pk] for pk in dict.fromkeys(payload.available_events)],
            by=user if person.pk != user.pk else None,
        )
    except services.RequestRefused as exc:
        raise HttpError(409, str(exc)) from None
    body = {
        "id": place_request.pk,
        "round": request_round.pk,
        "person": person.pk,
        "available_events": sorted(e.pk for e in place_request.available_events.all()),
    }
    return Status(201 if created else 200, body)

"""Facilitator pages: open a request round, run the allocator, compare with first come first
served, move people and confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.allocation import services
from eolc.allocation.forms import MoveForm, PlaceRequestForm, RoundForm
from eolc.allocation.models import AllocationStatus
from eolc.allocation.presenters import proposal_people, proposal_rows, role_area_rows, session_charts
from eolc.events.models import EventStatus
from eolc.programmes import access

RUNNING = (AllocationStatus.QUEUED, AllocationStatus.RUNNING)


@login_required
@require_GET
def list_rounds(request):
    if not access.can_schedule_events(request.user):
        raise PermissionDenied("Only facilitators and programme administrators run request rounds.")
    rounds = access.managed_rounds(request.user).newest_first().prefetch_related("events")
    return render(request, "allocation/rounds.html", {"rounds": rounds})


@login_required
@require_http_methods(["GET", "POST"])
def create_round(request):
    if not access.can_schedule_events(request.user):
        raise PermissionDenied("Only facilitators and programme administrators can open a round.")
    events = access.managed_events(request.user).published().upcoming().chronological()
    form = RoundForm(request.POST or None, events=events)
    if request.method == "POST" and form.is_valid():
        request_round = services.round_open(
            title=form.cleaned_data["title"],
            events=form.cleaned_data["events"],
            cut_off=form.cleaned_data["cut_off"],
            min_sectors=form.cleaned_data["min_sectors"],
            max_sector_share=form.cleaned_data["max_sector_share"],
            by=request.user,
        )
        messages.success(request, "The round is open: people can now ask for places.")
        return redirect("allocation:round", pk=request_round.pk)
    return render(request, "allocation/round_form.html", {"form": form})


@login_required
@require_GET
def show_round(request, pk):
    request_round = access.get_managed_round_or_404(request.user, pk)
    allocation = request_round.allocations.newest_first().first()
    events = list(request_round.events.chronological())
    return render(
        request,
        "allocation/round.html",
        {
            "round": request_round,
            "request_count": request_round.requests.count(),
            "allocation": allocation,
            "rows": proposal_rows(allocation, events) if allocation else [],
            "charts": session_charts(allocation, events) if allocation else [],
            "role_area_rows": role_area_rows(allocation, events) if allocation else [],
            "running": allocation is not None and allocation.status in RUNNING,
            "people": proposal_people(allocation) if allocation else [],
            "choices": [(event.pk, event.title) for event in events],
        },
    )


@login_required
@require_GET
def show_progress(request, pk):
    """The progress line the round page polls; when the run ends, htmx reloads the whole page."""
    allocation = access.get_managed_allocation_or_404(request.user, pk)
    if not request.headers.get("HX-Request"):
        return redirect("allocation:round", pk=allocation.round_id)
    response = render(request, "allocation/_progress.html", {"allocation": allocation})
    if allocation.status not in RUNNING:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def run_round(request, pk):
    request_round = access.get_managed_round_or_404(request.user, pk)
    services.allocation_create(request_round=request_round, by=request.user)
    messages.success(request, "The allocator is running; this page shows the proposal when it is ready.")
    return redirect("allocation:round", pk=request_round.pk)


@login_required
@require_POST
def move_person(request, pk):
    allocation = access.get_managed_allocation_or_404(request.user, pk)
    events = {event.pk: event for event in allocation.round.events.all()}
    form = MoveForm(request.POST, choices=[(event_pk, str(e)) for event_pk, e in events.items()])
    if form.is_valid():
        try:
            services.allocation_move(
                allocation=allocation,
                person_id=form.cleaned_data["person"],
                event=events[form.cleaned_data["event"]],
                by=request.user,
            )
        except services.RequestRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Pinned; the allocator is running again around them.")
    else:
        messages.error(request, "Choose one of this round's sessions.")
    return redirect("allocation:round", pk=allocation.round_id)


@login_required
@require_POST
def confirm_allocation(request, pk):
    allocation = access.get_managed_allocation_or_404(request.user, pk)
    try:
        counts = services.allocation_confirm(allocation=allocation, by=request.user)
    except services.NotConfirmable as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Confirmed: {counts['confirmed']} places, {counts['waitlisted']} on waiting lists. "
            "Everyone has been emailed.",
        )
    return redirect("allocation:round", pk=allocation.round_id)


@login_required
@require_http_methods(["GET", "POST"])
def request_places(request, pk):
    """A person says which of a round's sessions they could attend, instead of booking one."""
    event, request_round = access.get_requestable_round_or_404(request.user, pk)
    events = (
        access.events_for(request.user)
        .filter(pk__in=request_round.events.values("pk"))
        .exclude(status=EventStatus.CANCELLED)
        .chronological()
    )
    mine = access.own_place_request(request.user, request_round)
    initial = {"events": list(mine.available_events.all()) if mine else [event]}
    data = request.POST if request.method == "POST" else None
    form = PlaceRequestForm(data, events=events, initial=initial)
    taking = request_round.accepts_requests()
    if request.method == "POST" and taking and form.is_valid():
        try:
            services.place_request_save(
                request_round=request_round, person=request.user, available_events=form.cleaned_data["events"]
            )
        except services.RequestRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                "Thank you. When the groups are confirmed we will email you the session you have a place "
                "at, or put you on the waiting lists of the sessions you chose.",
            )
            return redirect("events:detail", pk=event.pk)
    return render(
        request,
        "allocation/request_places.html",
        {"event": event, "round": request_round, "form": form, "taking": taking, "mine": mine},
    )

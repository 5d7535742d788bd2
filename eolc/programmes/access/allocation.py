"""Who may run request rounds and allocations, and who may ask for a place.

Allocation models are looked up through the app registry: allocation depends on events.
A request round, its requests and its allocations belong to whoever runs every one of its
sessions; anyone else gets 404.
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404

from eolc.programmes.access.events import _events, get_event_or_404, managed_events


def _allocation(model_name):
    return apps.get_model("allocation", model_name)


def managed_rounds(user):
    """Rounds all of whose sessions the person runs (site administrators: every round)."""
    RequestRound = _allocation("RequestRound")
    if not user.is_authenticated:
        return RequestRound.objects.none()
    if user.is_site_admin:
        return RequestRound.objects.all()
    not_mine = _events("Event").objects.exclude(pk__in=managed_events(user).values("pk"))
    return (
        RequestRound.objects.filter(events__in=managed_events(user).values("pk"))
        .exclude(events__in=not_mine.values("pk"))
        .distinct()
    )


def get_managed_round_or_404(user, pk):
    return get_object_or_404(managed_rounds(user), pk=pk)


def get_managed_allocation_or_404(user, pk):
    Allocation = _allocation("Allocation")
    return get_object_or_404(
        Allocation.objects.filter(round__in=managed_rounds(user).values("pk")).select_related("round"), pk=pk
    )


def own_place_request(user, request_round):
    """The person's own request for places in a round, if they made one."""
    return _allocation("PlaceRequest").objects.in_round(request_round).by(user).first()


def get_requestable_round_or_404(user, event_pk):
    """The open round an event a person can see is taking requests in (the newest, if several)."""
    event = get_event_or_404(user, event_pk)
    request_round = _allocation("RequestRound").objects.open().including(event).newest_first().first()
    if request_round is None:
        raise Http404("This event is not taking requests for places")
    return event, request_round

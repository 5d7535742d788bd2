"""Who may open each allocation page and API operation (see eolc/core/tests/walk.py)."""

from eolc.allocation import services
from eolc.allocation.models import Allocation
from eolc.core.tests.walk import CONFLICT, DENIED, HIDDEN, OK, Expect
from eolc.events.tests.access_table import api_on_event, event


def request_round(w):
    return w.once(
        "round", lambda: services.round_open(title="Spring places", events=[event(w)], by=w.people.admin)
    )


def allocation(w):
    return w.once(
        "allocation", lambda: Allocation.objects.create(round=request_round(w), created_by=w.people.admin)
    )


def on_round(w):
    return {"pk": request_round(w).pk}


def on_allocation(w):
    return {"pk": allocation(w).pk}


def on_round_event(w):
    """The page of an event with a round open for requests."""
    request_round(w)
    return {"pk": event(w).pk}


def api_on_round_event(w):
    """An event with a round open for requests."""
    request_round(w)
    return api_on_event(w)


def api_on_allocation(w):
    return {"allocation_id": allocation(w).pk}


ACCESS = {
    "allocation:rounds": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "allocation:create_round": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "allocation:round": Expect(HIDDEN, args=on_round, facilitator=OK, admin=OK, site_admin=OK),
    "allocation:run": Expect(HIDDEN, method="post", args=on_round, facilitator=OK, admin=OK, site_admin=OK),
    "allocation:move": Expect(
        HIDDEN, method="post", args=on_allocation, facilitator=OK, admin=OK, site_admin=OK
    ),
    "allocation:confirm": Expect(
        HIDDEN, method="post", args=on_allocation, facilitator=OK, admin=OK, site_admin=OK
    ),
    "api:allocation_create": Expect(
        DENIED, facilitator=OK, admin=OK, site_admin=OK, body=lambda w: {"events": [event(w).pk]}
    ),
    "api:allocation_detail": Expect(HIDDEN, args=api_on_allocation, facilitator=OK, admin=OK, site_admin=OK),
    "api:allocation_confirm": Expect(
        HIDDEN, args=api_on_allocation, facilitator=CONFLICT, admin=CONFLICT, site_admin=CONFLICT
    ),
    "api:place_request_create": Expect(
        OK, args=api_on_round_event, body=lambda w: {"available_events": [event(w).pk]}
    ),
    "allocation:request_places": Expect(OK, args=on_round_event),
    "allocation:progress": Expect(HIDDEN, args=on_allocation, facilitator=OK, admin=OK, site_admin=OK),
}

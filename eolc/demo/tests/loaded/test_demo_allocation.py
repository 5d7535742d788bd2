"""Demo requests for places: a round over three sessions with a proposal waiting."""

import pytest

from eolc.allocation.models import Allocation, AllocationStatus, PlaceRequest, RequestRound
from eolc.demo.allocation_content import PLACES, REQUESTS, ROUND_TITLE

pytestmark = pytest.mark.django_db


def test_demo_round_has_requests_and_a_mixed_proposal():
    request_round = RequestRound.objects.get(title=ROUND_TITLE)
    assert request_round.events.count() == 3 and request_round.is_open
    assert PlaceRequest.objects.in_round(request_round).count() == REQUESTS
    allocation = Allocation.objects.for_round(request_round).get()
    assert allocation.status == AllocationStatus.DONE
    assert len(allocation.result["placements"]) == 3 * PLACES  # more asked than there are places
    assert allocation.score >= allocation.baseline_score
    assert all(len(mix["sector"]) >= 3 for mix in allocation.result["mix"].values())

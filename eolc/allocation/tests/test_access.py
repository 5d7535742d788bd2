"""Who may see a request round and its allocations: those who run every one of its sessions."""

import pytest
from django.http import Http404

from eolc.allocation import services
from eolc.events.tests.factories import EventFactory
from eolc.programmes import access


@pytest.mark.django_db
def test_a_round_belongs_to_those_who_run_all_its_sessions(people, programme, other_programme):
    mine = EventFactory(programme=programme)
    theirs = EventFactory(programme=other_programme)
    own_round = services.round_open(title="Ours", events=[mine])
    mixed_round = services.round_open(title="Shared", events=[mine, theirs])
    allocation = services.allocation_create(request_round=own_round)
    for person in (people.facilitator, people.admin, people.site_admin):
        assert access.get_managed_round_or_404(person, own_round.pk) == own_round
        assert access.get_managed_allocation_or_404(person, allocation.pk) == allocation
    for person in (people.learner, people.champion, people.commissioner, people.other_admin, people.outsider):
        with pytest.raises(Http404):
            access.get_managed_round_or_404(person, own_round.pk)
        with pytest.raises(Http404):
            access.get_managed_allocation_or_404(person, allocation.pk)
    with pytest.raises(Http404):
        access.get_managed_round_or_404(people.facilitator, mixed_round.pk)
    assert access.get_managed_round_or_404(people.site_admin, mixed_round.pk) == mixed_round


@pytest.mark.django_db
def test_people_find_the_open_round_of_an_event_they_can_see(people, programme):
    event = EventFactory(programme=programme)
    with pytest.raises(Http404):
        access.get_requestable_round_or_404(people.learner, event.pk)
    request_round = services.round_open(title="Spring", events=[event])
    assert access.get_requestable_round_or_404(people.learner, event.pk) == (event, request_round)

"""Request rounds, runs in the background, pins and confirmation through the events services."""

import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from eolc.accounts.models import Sector
from eolc.accounts.tests.factories import UserFactory
from eolc.allocation import services
from eolc.allocation.models import Allocation, AllocationStatus, PlaceRequest, RoundStatus
from eolc.events.models import Registration, RegistrationStatus
from eolc.events.tests.factories import EventFactory, in_days


def make_round(capacity=2, sessions=2):
    events = [EventFactory(capacity=capacity, starts_at=in_days(10 + i)) for i in range(sessions)]
    return services.round_open(title="Spring learning sessions", events=events), events


def ask(request_round, events, sector, **kwargs):
    person = UserFactory(sector=sector)
    services.place_request_save(request_round=request_round, person=person, available_events=events, **kwargs)
    return person


def run(request_round, capture, by=None):
    with capture(execute=True):
        allocation = services.allocation_create(request_round=request_round, by=by)
    allocation.refresh_from_db()
    return allocation


@pytest.mark.django_db
def test_a_run_in_the_background_proposes_mixed_groups_and_the_first_come_baseline(
    immediate_tasks, django_capture_on_commit_callbacks
):
    request_round, events = make_round()
    for sector in [Sector.HEALTH, Sector.HEALTH, Sector.SOCIAL_CARE, Sector.SOCIAL_CARE]:
        ask(request_round, events, sector)
    allocation = run(request_round, django_capture_on_commit_callbacks)
    assert allocation.status == AllocationStatus.DONE
    assert allocation.progress == 100
    assert len(allocation.result["placements"]) == 4
    assert allocation.result["unplaced"] == []
    assert all(len(mix["sector"]) == 2 for mix in allocation.result["mix"].values())
    assert allocation.score == 1.0
    assert allocation.baseline_score < allocation.score


@pytest.mark.django_db
def test_a_queued_allocation_is_run_once(immediate_tasks, django_capture_on_commit_callbacks):
    request_round, events = make_round()
    ask(request_round, events, Sector.HEALTH)
    allocation = run(request_round, django_capture_on_commit_callbacks)
    assert services.allocation_run(allocation_id=allocation.pk) is False


@pytest.mark.django_db
def test_asking_again_changes_the_sessions_but_keeps_the_place_in_the_queue():
    request_round, events = make_round()
    person = ask(request_round, events, Sector.HEALTH)
    first = PlaceRequest.objects.get(person=person)
    again, created = services.place_request_save(
        request_round=request_round, person=person, available_events=events[:1]
    )
    assert not created
    assert again.created_at == first.created_at
    assert list(again.available_events.all()) == events[:1]


@pytest.mark.django_db
def test_a_request_names_only_the_rounds_sessions():
    request_round, events = make_round()
    other = EventFactory(title="Somewhere else")
    with pytest.raises(services.RequestRefused, match="Somewhere else"):
        services.place_request_save(
            request_round=request_round, person=UserFactory(), available_events=[other]
        )
    with pytest.raises(services.RequestRefused):
        services.place_request_save(request_round=request_round, person=UserFactory(), available_events=[])


@pytest.mark.django_db
def test_a_moved_person_is_pinned_and_stays_put_on_the_next_run(
    immediate_tasks, django_capture_on_commit_callbacks
):
    request_round, events = make_round(capacity=3)
    people = [ask(request_round, events, sector) for sector in [Sector.HEALTH] * 2 + [Sector.VOLUNTARY] * 2]
    first = run(request_round, django_capture_on_commit_callbacks)
    placed = {row["person"]: row["event"] for row in first.result["placements"]}
    mover = people[0]
    target = next(e for e in events if e.pk != placed[mover.pk])
    with django_capture_on_commit_callbacks(execute=True):
        second = services.allocation_move(allocation=first, person_id=mover.pk, event=target)
    second.refresh_from_db()
    assert {row["person"]: row["event"] for row in second.result["placements"]}[mover.pk] == target.pk
    assert second.result["pins"] == {str(mover.pk): target.pk}


@pytest.mark.django_db
def test_confirming_registers_the_placed_waitlists_the_rest_and_emails_everyone(
    immediate_tasks, django_capture_on_commit_callbacks
):
    request_round, events = make_round(capacity=1)
    placed_people = [ask(request_round, events, s) for s in [Sector.HEALTH, Sector.SOCIAL_CARE]]
    late = ask(request_round, events, Sector.HEALTH)
    allocation = run(request_round, django_capture_on_commit_callbacks)
    assert allocation.result["unplaced"] == [late.pk]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.allocation_confirm(allocation=allocation, by=None)
    assert counts == {"confirmed": 2, "waitlisted": 2, "refused": 0}
    for person in placed_people:
        assert Registration.objects.get(person=person).status == RegistrationStatus.CONFIRMED
    waiting = Registration.objects.filter(person=late)
    assert {r.event_id for r in waiting} == {e.pk for e in events}
    assert all(r.status == RegistrationStatus.WAITLISTED for r in waiting)
    assert len(mail.outbox) == 4
    allocation.refresh_from_db()
    assert allocation.status == AllocationStatus.CONFIRMED
    assert allocation.round.status == RoundStatus.CLOSED
    with pytest.raises(services.NotConfirmable):
        services.allocation_confirm(allocation=allocation, by=None)


@pytest.mark.django_db
def test_a_closed_round_takes_no_requests():
    request_round, events = make_round()
    request_round.status = RoundStatus.CLOSED
    request_round.save()
    with pytest.raises(services.RequestRefused, match="no longer"):
        services.place_request_save(
            request_round=request_round, person=UserFactory(), available_events=events
        )


@pytest.mark.django_db
def test_an_allocation_waits_in_the_queue_until_a_worker_runs_it():
    request_round, events = make_round()
    ask(request_round, events, Sector.HEALTH)
    allocation = services.allocation_create(request_round=request_round)
    assert Allocation.objects.get(pk=allocation.pk).status == AllocationStatus.QUEUED
    assert services.allocation_run(allocation_id=allocation.pk) is True
    assert Allocation.objects.get(pk=allocation.pk).status == AllocationStatus.DONE


@pytest.mark.django_db
def test_the_command_line_runs_a_round_with_a_progress_bar():
    request_round, events = make_round()
    for sector in [Sector.HEALTH, Sector.SOCIAL_CARE, Sector.HEALTH]:
        ask(request_round, events, sector)
    out = io.StringIO()
    call_command("allocate_round", str(request_round.pk), stdout=out)
    text = out.getvalue()
    assert "[##############################] 100%  Proposal ready" in text
    assert "Mixing job roles and areas" in text
    assert "Proposed: 3 placed, 0 without a place" in text
    allocation = Allocation.objects.for_round(request_round).get()
    assert allocation.status == AllocationStatus.DONE and allocation.phase == ""
    with pytest.raises(CommandError, match="no request round"):
        call_command("allocate_round", "999999", stdout=io.StringIO())


@pytest.mark.django_db
def test_groups_are_proposed_once_at_the_cut_off(immediate_tasks, django_capture_on_commit_callbacks):
    events = [EventFactory(capacity=2, starts_at=in_days(10 + i)) for i in range(2)]
    cut_off = in_days(3)
    request_round = services.round_open(title="Spring", events=events, cut_off=cut_off)
    ask(request_round, events, Sector.HEALTH, now=in_days(1))
    ask(request_round, events, Sector.SOCIAL_CARE, now=in_days(2))
    closed = services.round_open(title="Done", events=events, cut_off=cut_off)
    closed.status = RoundStatus.CLOSED
    closed.save()
    assert services.rounds_allocate_due(now=in_days(2)) == 0  # still taking requests
    with django_capture_on_commit_callbacks(execute=True):
        assert services.rounds_allocate_due(now=in_days(4)) == 1
    allocation = Allocation.objects.for_round(request_round).get()
    assert allocation.status == AllocationStatus.DONE and len(allocation.result["placements"]) == 2
    assert services.rounds_allocate_due(now=in_days(5)) == 0  # one run per round after its cut-off
    assert not Allocation.objects.for_round(closed).exists()
    out = io.StringIO()
    call_command("allocate_due_rounds", stdout=out)
    assert out.getvalue() == "Rounds queued for allocation: 0\n"

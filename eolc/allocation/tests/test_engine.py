"""The allocator's hard constraints and objectives, checked on generated instances (hypothesis)."""

import itertools
from collections import Counter
from dataclasses import replace
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from eolc.allocation.engine import (
    Person,
    Session,
    allocate,
    first_come_first_served,
    flow,
    max_placeable,
    sector_cost,
    session_mix,
)

SECTORS = ["social_care", "health", "voluntary", "unpaid_carer"]


@st.composite
def instances(draw, max_people=14, max_sessions=4, pins=True):
    n_sessions = draw(st.integers(1, max_sessions))
    sessions_ids = list(range(1, n_sessions + 1))
    n_people = draw(st.integers(0, max_people))
    people = []
    for pid in range(100, 100 + n_people):
        available = draw(st.lists(st.sampled_from(sessions_ids), max_size=n_sessions, unique=True))
        people.append(
            Person(
                id=pid,
                sector=draw(st.sampled_from(SECTORS)),
                available=tuple(available),
                requested_at=draw(st.integers(0, 5)),
                role=draw(st.sampled_from(["nurse", "carer", "gp"])),
                area=draw(st.sampled_from(["Camden", "Barnet"])),
            )
        )
    pinned = {}
    if pins and people:
        for person in draw(st.lists(st.sampled_from(people), max_size=2, unique_by=lambda p: p.id)):
            if person.available:
                pinned.setdefault(person.available[0], []).append(person.id)
    sessions = [
        Session(
            id=sid,
            capacity=draw(st.integers(0, 5)) + len(pinned.get(sid, [])),
            min_sectors=draw(st.sampled_from([None, None, 3])),
            max_sector_share=draw(st.sampled_from([None, None, 0.5])),
            pinned=tuple(pinned.get(sid, [])),
        )
        for sid in sessions_ids
    ]
    return sessions, people


def check_hard_constraints(sessions, people, placements):
    by_id = {s.id: s for s in sessions}
    people_by_id = {p.id: p for p in people}
    pinned = {pid: s.id for s in sessions for pid in s.pinned}
    for sid, n in Counter(placements.values()).items():
        assert n <= by_id[sid].capacity
    for pid, sid in placements.items():
        assert sid in people_by_id[pid].available or pinned.get(pid) == sid
    for pid, sid in pinned.items():
        assert placements[pid] == sid


@settings(max_examples=150, deadline=None)
@given(instances())
def test_hard_constraints_hold_and_the_most_people_are_placed(instance):
    sessions, people = instance
    result = allocate(sessions, people)
    check_hard_constraints(sessions, people, result.placements)
    # A dict cannot place anyone twice; everyone is either placed or unplaced, never both.
    assert set(result.placements).isdisjoint(result.unplaced)
    assert set(result.placements) | set(result.unplaced) == {p.id for p in people}
    assert len(result.placements) == result.max_placeable == max_placeable(sessions, people)


@settings(max_examples=100, deadline=None)
@given(instances())
def test_the_first_come_baseline_keeps_the_hard_constraints_and_never_beats_the_bound(instance):
    sessions, people = instance
    result = allocate(sessions, people)
    check_hard_constraints(sessions, people, result.baseline)
    assert len(result.baseline) <= len(result.placements)
    assert result.baseline == first_come_first_served(sessions, people)


@settings(max_examples=60, deadline=None)
@given(instances())
def test_the_same_input_gives_the_same_result_whatever_its_order(instance):
    sessions, people = instance
    first = allocate(sessions, people)
    again = allocate(list(reversed(sessions)), list(reversed(people)))
    assert first.placements == again.placements
    assert first.unplaced == again.unplaced


def brute_force_best_sector_cost(sessions, people):
    """Every assignment of people to one of their sessions or none, keeping capacity and the
    maximum count; the least sector cost."""
    people_by_id = {p.id: p for p in people}
    bound = max_placeable(sessions, people)
    capacity = {s.id: s.capacity for s in sessions}
    best = None
    for choice in itertools.product(*[(None, *p.available) for p in people]):
        placements = {p.id: sid for p, sid in zip(people, choice, strict=True) if sid is not None}
        if len(placements) != bound:
            continue
        if any(n > capacity[sid] for sid, n in Counter(placements.values()).items()):
            continue
        cost = sector_cost(session_mix(sessions, people_by_id, placements))
        best = cost if best is None else min(best, cost)
    return best


@settings(max_examples=80, deadline=None)
@given(instances(max_people=6, max_sessions=3, pins=False))
def test_the_sector_objective_equals_brute_force_on_tiny_instances(instance):
    sessions, people = instance
    # Rules rank above the sector mix; the exact comparison is of the mix alone.
    sessions = [Session(id=s.id, capacity=s.capacity) for s in sessions]
    result = allocate(sessions, people)
    assert sector_cost(result.mix) == brute_force_best_sector_cost(sessions, people)


def test_earlier_requests_win_ties():
    sessions = [Session(id=1, capacity=1)]
    people = [Person(id=i, sector="health", available=(1,), requested_at=10 - i) for i in range(3)]
    assert allocate(sessions, people).placements == {2: 1}


def test_a_session_is_mixed_where_first_come_first_served_is_not():
    sessions = [Session(id=1, capacity=2, label="Tuesday"), Session(id=2, capacity=2, label="Thursday")]
    people = [
        Person(id=1, sector="health", available=(1, 2), requested_at=1),
        Person(id=2, sector="health", available=(1, 2), requested_at=2),
        Person(id=3, sector="social_care", available=(1, 2), requested_at=3),
        Person(id=4, sector="social_care", available=(1, 2), requested_at=4),
    ]
    result = allocate(sessions, people)
    assert all(len(m["sector"]) == 2 for m in result.mix.values())
    assert all(len(m["sector"]) == 1 for m in result.baseline_mix.values())
    assert result.score["evenness"] == 1.0 > result.baseline_score["evenness"]


def test_rules_that_cannot_be_met_are_reported_and_the_best_allocation_still_proposed():
    sessions = [Session(id=1, capacity=4, label="Tuesday evening", min_sectors=3, max_sector_share=0.5)]
    people = [
        Person(id=1, sector="health", available=(1,)),
        Person(id=2, sector="health", available=(1,)),
        Person(id=3, sector="health", available=(1,)),
        Person(id=4, sector="social_care", available=(1,)),
    ]
    result = allocate(sessions, people)
    assert len(result.placements) == 4
    assert (
        "Tuesday evening cannot have 3 sectors: only people from 2 sectors can attend it." in result.reports
    )
    assert any("more than 50% of its places" in line for line in result.reports)


def test_a_rule_is_met_when_it_can_be():
    sessions = [
        Session(id=1, capacity=3, min_sectors=3),
        Session(id=2, capacity=3),
    ]
    people = [Person(id=i, sector=s, available=(1, 2), requested_at=i) for i, s in enumerate("aabbcc")]
    result = allocate(sessions, people)
    assert len(result.mix[1]["sector"]) == 3
    assert result.reports == []


def test_secondary_mix_by_role_improves_without_touching_sectors():
    """The sector optimum puts two health workers in the larger session; which two is free, and
    role mix decides: the two nurses are split."""
    sessions = [Session(id=1, capacity=3), Session(id=2, capacity=2)]
    people = [
        Person(id=1, sector="health", role="nurse", available=(1, 2), requested_at=1),
        Person(id=2, sector="health", role="nurse", available=(1, 2), requested_at=2),
        Person(id=3, sector="social_care", role="social_worker", available=(1, 2), requested_at=3),
        Person(id=4, sector="social_care", role="carer", available=(1, 2), requested_at=4),
        Person(id=5, sector="health", role="gp", available=(1, 2), requested_at=5),
    ]
    result = allocate(sessions, people)
    assert sector_cost(result.mix) == 6
    assert all(n == 1 for m in result.mix.values() for n in m["role"].values())


@settings(max_examples=60, deadline=None)
@given(instances(max_people=6, max_sessions=3, pins=False))
def test_the_sector_objective_stays_exact_when_most_units_share_a_tail_arc(instance):
    """With no slack nearly every (session, sector) pair starts with a tail arc; the engine must
    notice when a tail is under-priced and solve again."""
    sessions, people = instance
    sessions = [Session(id=s.id, capacity=s.capacity) for s in sessions]
    with mock.patch.object(flow, "_UNIT_SLACK", 0):
        result = allocate(sessions, people)
    assert sector_cost(result.mix) == brute_force_best_sector_cost(sessions, people)


def test_an_earlier_request_takes_the_place_of_a_later_one_of_the_same_sector():
    sessions = [Session(id=1, capacity=1), Session(id=2, capacity=1)]
    people = [
        Person(id="a", sector="health", available=(1,), requested_at=0),
        Person(id="b", sector="health", available=(1, 2), requested_at=1),
        Person(id="c", sector="health", available=(2,), requested_at=2),
    ]
    result = allocate(sessions, people)
    assert result.placements == {"a": 1, "b": 2}
    assert result.unplaced == ["c"]


def test_progress_is_reported_phase_by_phase():
    seen = []
    people = [Person(id=1, sector="health", available=(1,))]
    allocate([Session(id=1, capacity=1)], people, lambda percent, phase: seen.append((percent, phase)))
    percents = [percent for percent, _ in seen]
    assert percents == sorted(percents)
    assert percents[0] == 0 and percents[-1] == 100
    assert all(phase for _, phase in seen)


@settings(max_examples=80, deadline=None)
@given(instances(max_people=10, max_sessions=4))
def test_role_and_area_steps_never_touch_the_placed_count_or_the_sector_objective(instance):
    sessions, people = instance
    plain = [Session(id=s.id, capacity=s.capacity, pinned=s.pinned) for s in sessions]
    with_roles = allocate(plain, people)
    without_roles = allocate(plain, [replace(p, role="", area="") for p in people])
    check_hard_constraints(plain, people, with_roles.placements)
    assert len(with_roles.placements) == len(without_roles.placements)
    assert sector_cost(with_roles.mix) == sector_cost(without_roles.mix)


def test_a_place_goes_to_an_unplaced_person_when_that_mixes_roles_better():
    sessions = [Session(id=1, capacity=2)]
    people = [
        Person(id=1, sector="health", role="nurse", available=(1,), requested_at=1),
        Person(id=2, sector="health", role="nurse", available=(1,), requested_at=2),
        Person(id=3, sector="health", role="gp", available=(1,), requested_at=3),
    ]
    assert allocate(sessions, people).placements == {1: 1, 3: 1}


def repeats(mix):
    """The role and area objective: sum over sessions of squared counts by role and by area."""
    return sum(n * n for m in mix.values() for key in ("role", "area") for n in m[key].values())


def brute_force_best_mix(sessions, people):
    """Lexicographic optimum over every assignment: most placed, least sector cost, fewest repeats."""
    people_by_id = {p.id: p for p in people}
    capacity = {s.id: s.capacity for s in sessions}
    best = None
    for choice in itertools.product(*[(None, *p.available) for p in people]):
        placements = {p.id: sid for p, sid in zip(people, choice, strict=True) if sid is not None}
        if any(n > capacity[sid] for sid, n in Counter(placements.values()).items()):
            continue
        mix = session_mix(sessions, people_by_id, placements)
        key = (-len(placements), sector_cost(mix), repeats(mix))
        best = key if best is None else min(best, key)
    return best


@settings(max_examples=60, deadline=None)
@given(instances(max_people=7, max_sessions=3, pins=False))
def test_small_rounds_get_the_best_role_and_area_mix_of_all(instance):
    """Small rounds end with an exact step (CP-SAT): the role and area mix is the best any
    allocation with the most people placed and the least sector cost can have, even where only a
    chain of moves reaches it."""
    sessions, people = instance
    sessions = [Session(id=s.id, capacity=s.capacity) for s in sessions]
    result = allocate(sessions, people)
    found = (-len(result.placements), sector_cost(result.mix), repeats(result.mix))
    assert found == brute_force_best_mix(sessions, people)

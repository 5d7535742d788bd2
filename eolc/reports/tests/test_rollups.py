"""Rollups equal the raw aggregates after random inserts, updates and cancellations."""

import random
from collections import Counter
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from eolc.accounts.models import JobRole
from eolc.curriculum.tests.factories import PartFactory
from eolc.events.models import Attendance, EventStatus, TimeOfDay
from eolc.programmes.tests.factories import PhaseFactory, ProgrammeFactory
from eolc.reports import raw, rollups
from eolc.reports.dashboard import (
    KIND_LABELS,
    NOT_RECORDED,
    Scope,
    dashboard,
    outcome_summaries,
    sector_label,
)
from eolc.reports.models import RollupChange, SessionFact
from eolc.reports.tests.builders import london_areas, person, random_change

pytestmark = pytest.mark.django_db


def _table(board, key):
    table = next(t for t in board.tables if t.key == key)
    return {row[0]: row[1:] for row in table.rows}


def _first_sessions_by_month(programme):
    """People counted at their first attended session, the rule the rollups keep (in Python)."""
    rows = (
        raw.attended(programme.pk)
        .order_by("event__starts_at", "event_id")
        .values_list("person_id", "event__starts_at")
    )
    first = {}
    for person_id, starts_at in rows:
        first.setdefault(person_id, rollups.month_of(starts_at))
    return Counter(first.values())


def assert_rollups_match(programme, now):
    board = dashboard(Scope(programme_ids=[programme.pk], suppress_small=False, now=now))
    expected = raw.figures(programme.pk, now)

    totals = expected["totals"]
    assert (board.headline.people, board.headline.sessions, board.headline.attendances) == (
        totals["people"],
        totals["sessions"],
        totals["attendances"],
    )
    assert board.headline.planned == expected["planned"]
    assert (
        outcome_summaries(Scope(programme_ids=[programme.pk], suppress_small=False)) == expected["outcomes"]
    )

    assert _table(board, "sector") == {
        sector_label(sector): [row["people"], row["sessions"], row["attendances"]]
        for sector, row in expected["sector"].items()
    }
    by_month = _first_sessions_by_month(programme)
    assert _table(board, "month") == {
        month.strftime("%B %Y"): [by_month.get(month, 0), row["sessions"], row["attendances"]]
        for month, row in expected["month"].items()
    }
    for key, labels in (
        ("kind", KIND_LABELS),
        ("time_of_day", dict(TimeOfDay.choices)),
        ("session_area", {None: "Online or not set"}),
    ):
        got = {
            label: [sessions, attendances] for label, (_, sessions, attendances) in _table(board, key).items()
        }
        assert got == {
            labels.get(value, value): [row["sessions"], row["attendances"]]
            for value, row in expected[key].items()
        }, key
    for key in ("role", "home_area"):
        assert _table(board, key) == {
            (value or NOT_RECORDED): [row["people"], row["attendances"]]
            for value, row in expected[key].items()
        }, key

    coverage = {area.name: (area.held, area.planned) for area in board.coverage}
    for area in london_areas():
        row = expected["coverage"].get(area.pk, {"held": 0, "planned": 0})
        assert coverage[area.name] == (row["held"], row["planned"]), area.name

    held = set(
        SessionFact.objects.filter(programme=programme, starts_at__lt=now).values_list("event_id", flat=True)
    )
    per_event = {}
    for row in expected["event_sectors"]:
        if row["event_id"] in held:
            per_event.setdefault(row["event_id"], []).append(row["n"])
    bands = Counter(rollups.mix_band(rollups.mix_index(counts)) for counts in per_event.values())
    bands.pop(None, None)
    mix = _table(board, "mix")
    assert [row[0] for row in mix.values()] == [bands.get(band, 0) for band in range(10)]

    credits = expected["credits"]
    assert board.headline.completions == credits["completions"]
    assert board.headline.ce_hours == (credits["hours"] or Decimal("0"))


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_rollups_equal_raw_aggregates_after_random_changes(seed):
    rng = random.Random(seed)
    areas = london_areas()
    roles = list(JobRole.objects.all()[:6])
    programmes = [ProgrammeFactory(), ProgrammeFactory()]
    for programme in programmes:
        PhaseFactory(programme=programme).target_areas.set(areas)
    parts = [PartFactory(programme=programme) for programme in programmes]
    crowd = [person(rng, areas, roles) for _ in range(14)]
    admin = crowd[0]
    for step in range(120):
        random_change(rng, programmes, crowd, areas, roles, parts, admin)
        if step % 40 == 39:
            rollups.refresh_due()
    rollups.refresh_due()
    assert not RollupChange.objects.exists()
    assert Attendance.objects.filter(attended=True).exists()
    assert SessionFact.objects.exclude(mix_index=None).exists()
    now = timezone.now()
    for programme in programmes:
        assert_rollups_match(programme, now)


def test_a_change_is_noted_in_the_same_transaction_and_rolled_back_with_it(programme):
    areas = london_areas()
    rng = random.Random(1)
    someone = person(rng, areas, [])
    from eolc.reports.tests.builders import attend, event

    held = event(rng, programme, areas, by=None, days=-3)
    RollupChange.objects.all().delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        attend(held, someone)
        assert RollupChange.objects.filter(programme_id=programme.pk).exists()
        raise RuntimeError("undo")
    assert not RollupChange.objects.exists()
    attend(held, someone)
    assert rollups.refresh_due() == 1
    assert SessionFact.objects.get(event=held).attendances == 1
    assert not RollupChange.objects.exists()


def test_signing_in_does_not_mark_anything_changed(programme):
    someone = person(random.Random(2), london_areas(), [])
    RollupChange.objects.all().delete()
    someone.last_login = timezone.now()
    someone.save(update_fields=["last_login"])
    assert not RollupChange.objects.exists()


def test_cancelled_events_leave_the_figures(programme):
    rng = random.Random(3)
    areas = london_areas()
    from eolc.events import services as event_services
    from eolc.reports.tests.builders import attend, event

    held = event(rng, programme, areas, by=None, days=-3)
    attend(held, person(rng, areas, []))
    rollups.refresh_due()
    assert SessionFact.objects.filter(event=held).exists()
    event_services.event_cancel(event=held, by=None)
    held.refresh_from_db()
    assert held.status == EventStatus.CANCELLED
    rollups.refresh_due()
    assert not SessionFact.objects.filter(event=held).exists()


def test_mix_index_runs_from_one_sector_to_an_even_spread():
    assert rollups.mix_index([5]) == 0
    assert rollups.mix_index([3, 3]) == 0.6  # two sectors; six people could have come from six
    assert rollups.mix_index([1, 1, 1, 1, 1, 1]) == 1
    assert rollups.mix_index([1]) is None
    assert rollups.mix_index([1, 1, 1, 1, 1, 1, 1]) == 1
    assert 0 < rollups.mix_index([8, 1, 1]) < 0.5
    assert rollups.mix_band(1.0) == 9 and rollups.mix_band(0.0) == 0

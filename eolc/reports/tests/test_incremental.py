"""The incremental refresh (ADR 019) leaves the facts a full rebuild would, touching only what changed."""

import datetime
import random

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from eolc.accounts.models import JobRole, Sector
from eolc.curriculum.tests.factories import PartFactory
from eolc.evaluation.models import SurveyKind, Timing
from eolc.evaluation.tests.factories import ScheduleFactory, confidence_survey
from eolc.evaluation.tests.test_pairing import answer
from eolc.events import services as event_services
from eolc.events.models import Event, EventKind, EventStatus
from eolc.programmes.tests.factories import PhaseFactory, ProgrammeFactory
from eolc.reports import rollups
from eolc.reports.models import (
    AttendeeFact,
    ChangeKind,
    OutcomeFact,
    ProfileAttendance,
    ProfileDimension,
    RollupChange,
    SectorAttendance,
    SessionFact,
)
from eolc.reports.tests.builders import attend, event, london_areas, person, random_change
from eolc.reports.tests.test_rollups import assert_rollups_match

pytestmark = pytest.mark.django_db


def facts(programme_id):
    """Every fact row of a programme without its id, sorted: what two refreshes must agree on."""
    return {
        model.__name__: sorted(
            (
                tuple(str(value) for value in row)
                for row in model.objects.filter(programme_id=programme_id).values_list(
                    *[f.attname for f in model._meta.concrete_fields if f.attname != "id"]
                )
            ),
        )
        for model in (*rollups.FACTS, AttendeeFact)
    }


@pytest.fixture
def incremental_only(monkeypatch):
    """Fail if a refresh falls back to a rebuild; returns the real rebuild for comparing with."""
    rebuild = rollups.programme_rebuild

    def refused(programme_id, **kwargs):
        raise AssertionError(f"programme {programme_id} was rebuilt, not refreshed incrementally")

    monkeypatch.setattr(rollups, "programme_rebuild", refused)
    return rebuild


def refresh_and_compare(programmes, rebuild):
    """Refresh incrementally, check against the raw aggregates, then against a full rebuild."""
    assert RollupChange.objects.exists()
    assert all(c.kind != ChangeKind.EVERYTHING for c in RollupChange.objects.all())
    rollups.refresh_due()
    assert not RollupChange.objects.exists()
    now = timezone.now()
    for programme in programmes:
        assert_rollups_match(programme, now)
        refreshed = facts(programme.pk)
        rebuild(programme.pk)
        assert facts(programme.pk) == refreshed


class Surveys:
    """Before and after surveys per session, answered once per person."""

    def __init__(self, programmes):
        self.surveys = {
            p.pk: (confidence_survey(p, SurveyKind.PRE), confidence_survey(p, SurveyKind.POST))
            for p in programmes
        }
        self.schedules = {}

    def answer(self, rng, target, someone):
        if (target.pk, someone.pk) in self.schedules:
            return
        pre, post = self.surveys[target.programme_id]
        before = ScheduleFactory(survey=pre, event=target, timing=Timing.BEFORE)
        after = ScheduleFactory(survey=post, event=target)
        self.schedules[target.pk, someone.pk] = (before, after)
        answer(before, target, someone, [rng.randint(1, 10), rng.randint(1, 10)])
        answer(after, target, someone, [rng.randint(1, 10), rng.randint(1, 10)])


@pytest.mark.parametrize("seed", [21, 22, 23])
def test_incremental_refresh_equals_raw_and_a_rebuild_after_random_changes(seed, incremental_only):
    rng = random.Random(seed)
    areas = london_areas()
    roles = list(JobRole.objects.all()[:6])
    programmes = [ProgrammeFactory(), ProgrammeFactory()]
    for programme in programmes:
        PhaseFactory(programme=programme).target_areas.set(areas)
    parts = [PartFactory(programme=programme) for programme in programmes]
    crowd = [person(rng, areas, roles) for _ in range(16)]
    admin = crowd[0]
    surveys = Surveys(programmes)
    for programme in programmes:
        for _ in range(4):
            held = event(rng, programme, areas, by=admin, days=rng.randint(-150, -1))
            for someone in rng.sample(crowd, 6):
                attend(held, someone)
    refresh_and_compare(programmes, incremental_only)
    for batch in range(4):
        for _ in range(30):
            choice = rng.random()
            if choice < 0.12:
                # Recorded late: a session earlier than any so far, which moves people's first session.
                earlier = event(rng, rng.choice(programmes), areas, by=admin, days=-400 + batch * 10)
                for someone in rng.sample(crowd, 3):
                    attend(earlier, someone)
            elif choice < 0.22:
                target = (
                    Event.objects.filter(
                        programme__in=programmes, status=EventStatus.PUBLISHED, attendances__attended=True
                    )
                    .order_by("?")
                    .first()
                )
                attendee = target.attendances.filter(attended=True).first().person
                surveys.answer(rng, target, attendee)
            else:
                random_change(rng, programmes, crowd, areas, roles, parts, admin)
        refresh_and_compare(programmes, incremental_only)


def test_first_session_moves_between_areas_and_months(programme, incremental_only):
    rng = random.Random(7)
    PhaseFactory(programme=programme).target_areas.set(london_areas())
    first_area, second_area = london_areas()[:2]
    someone = person(rng, [first_area], [])
    someone.sector = Sector.values[0]
    someone.save()
    now = timezone.now().replace(microsecond=0)

    def session(days, area):
        starts = now + datetime.timedelta(days=days)
        return event_services.event_create(
            created_by=None,
            title="Session",
            kind=EventKind.values[0],
            status=EventStatus.PUBLISHED,
            programme=programme,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            area=area,
            capacity=20,
            venue_name="Hall",
        )

    def new_people():
        rows = SectorAttendance.objects.filter(programme=programme)
        return {row.event_id: row.people_new for row in rows}

    def new_by_month():
        rows = ProfileAttendance.objects.filter(programme=programme, dimension=ProfileDimension.HOME_AREA)
        return {row.month: row.people_new for row in rows}

    later = session(-5, first_area)
    attend(later, someone)
    refresh_and_compare([programme], incremental_only)
    assert new_people() == {later.pk: 1}

    # A session two months earlier in another area, recorded afterwards, is now their first.
    earlier = session(-65, second_area)
    attend(earlier, someone)
    refresh_and_compare([programme], incremental_only)
    assert new_people() == {later.pk: 0, earlier.pk: 1}
    assert new_by_month() == {rollups.month_of(earlier.starts_at): 1, rollups.month_of(later.starts_at): 0}

    # The earlier session moves after the later one: the first session moves back, and across months.
    moved = later.starts_at + datetime.timedelta(days=40)
    event_services.event_update(
        event=earlier, by=None, starts_at=moved, ends_at=moved + datetime.timedelta(hours=2)
    )
    refresh_and_compare([programme], incremental_only)
    assert new_people() == {later.pk: 1, earlier.pk: 0}

    someone.sector = Sector.values[1]
    someone.area = second_area
    someone.save()
    event_services.event_cancel(event=later, by=None)
    refresh_and_compare([programme], incremental_only)
    assert new_people() == {earlier.pk: 1}


def test_a_late_attendance_rewrites_only_that_persons_rows_and_sessions(reported, people):
    first = AttendeeFact.objects.filter(programme_id=reported.pk, first_session=1).first()
    someone = get_user_model().objects.get(pk=first.person_id)
    sector_rows = set(
        SectorAttendance.objects.filter(programme=reported)
        .exclude(event_id=first.event_id)
        .values_list("pk", flat=True)
    )
    attendee_rows = set(
        AttendeeFact.objects.filter(programme_id=reported.pk)
        .exclude(person_id=someone.pk)
        .values_list("pk", flat=True)
    )
    profile_rows = ProfileAttendance.objects.filter(programme=reported).count()

    earlier = event(random.Random(9), reported, london_areas(), by=people.admin, days=-300)
    attend(earlier, someone)
    update = rollups.programme_update(
        reported.pk, list(RollupChange.objects.filter(programme_id=reported.pk))
    )

    assert update.people == {someone.pk}
    assert update.events == {earlier.pk, first.event_id}
    # Every other session's sector rows and every other person's attendee rows are the same rows.
    kept = SectorAttendance.objects.filter(programme=reported).exclude(event_id__in=update.events)
    assert set(kept.values_list("pk", flat=True)) == sector_rows
    assert attendee_rows <= set(AttendeeFact.objects.values_list("pk", flat=True))
    # At most one new profile cell per dimension, for the month of the earlier session.
    assert ProfileAttendance.objects.filter(programme=reported).count() <= profile_rows + 2
    assert not RollupChange.objects.exists()
    assert_rollups_match(reported, timezone.now())


def test_a_refresh_rebuilds_when_too_many_people_changed_or_the_facts_are_out_of_step(
    reported, people, monkeypatch
):
    rebuilt = []
    rebuild = rollups.programme_rebuild

    def counted(programme_id, **kwargs):
        rebuilt.append(programme_id)
        return rebuild(programme_id, **kwargs)

    monkeypatch.setattr(rollups, "programme_rebuild", counted)
    crowd = list(get_user_model().objects.filter(pk__in=AttendeeFact.objects.values("person_id")))
    for someone in crowd[:3]:
        someone.sector = ""
        someone.save()
    monkeypatch.setattr(rollups, "MOST_PEOPLE", 2)
    rollups.refresh_due()
    assert rebuilt == [reported.pk]
    assert_rollups_match(reported, timezone.now())

    monkeypatch.setattr(rollups, "MOST_PEOPLE", 20_000)
    ProfileAttendance.objects.filter(programme=reported).delete()
    crowd[0].sector = Sector.values[2]
    crowd[0].save()
    rollups.refresh_due()
    assert rebuilt == [reported.pk, reported.pk]
    assert_rollups_match(reported, timezone.now())


def test_a_note_without_a_kind_rebuilds_the_programme(reported):
    AttendeeFact.objects.filter(programme_id=reported.pk).delete()
    RollupChange.objects.create(programme_id=reported.pk)
    rollups.refresh_due()
    assert AttendeeFact.objects.filter(programme_id=reported.pk).exists()
    assert_rollups_match(reported, timezone.now())


def test_a_new_answer_sums_again_only_the_outcome_cells_of_its_session(reported, incremental_only):
    rng = random.Random(4)
    sessions = list(SessionFact.objects.filter(programme=reported, attendances__gt=0))
    one = sessions[0]
    other = next(s for s in sessions if (s.month, s.kind, s.area_id) != (one.month, one.kind, one.area_id))
    surveys = Surveys([reported])
    for fact in (one, other):
        held = Event.objects.get(pk=fact.event_id)
        for attendance in held.attendances.filter(attended=True)[:3]:
            surveys.answer(rng, held, attendance.person)
    refresh_and_compare([reported], incremental_only)
    kept = set(
        OutcomeFact.objects.filter(
            programme=reported, month=other.month, kind=other.kind, area=other.area_id
        ).values_list("pk", flat=True)
    )
    assert kept

    held = Event.objects.get(pk=one.event_id)
    newcomer = person(rng, london_areas(), [])
    attend(held, newcomer)
    surveys.answer(rng, held, newcomer)
    rollups.refresh_due()
    # The other session's cell is the same rows; the answered session's cell matches a rebuild.
    assert kept <= set(OutcomeFact.objects.filter(programme=reported).values_list("pk", flat=True))
    assert_rollups_match(reported, timezone.now())
    refreshed = facts(reported.pk)
    incremental_only(reported.pk)
    assert facts(reported.pk) == refreshed

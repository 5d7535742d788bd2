"""Rebuilding a programme's facts from the raw rows (ADR 009).

A rebuild replaces every fact row of one programme inside one transaction, so readers see the
old facts or the new ones, never half of each. The heavy grouping runs in the database
(INSERT … SELECT with a window function that finds each person's first session); Python only
touches one row per session.
"""

import time
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from eolc.action_plans.models import Action, Status
from eolc.curriculum.models import Completion
from eolc.evaluation import analytics as evaluation
from eolc.evaluation.models import SurveyKind
from eolc.events.models import Attendance, Event, EventStatus
from eolc.programmes.models import Programme
from eolc.reports.models import (
    MIX_BANDS,
    CreditFact,
    OutcomeFact,
    PlanFact,
    ProfileAttendance,
    ProfileDimension,
    RollupChange,
    RollupState,
    SectorAttendance,
    SessionFact,
)

FACTS = (SectorAttendance, ProfileAttendance, CreditFact, PlanFact, OutcomeFact, SessionFact)
# The surveys compared with the "before" survey: straight after, and the follow-up months later.
COMPARISONS = (SurveyKind.POST, SurveyKind.FOLLOW_UP)
SECTOR_COUNT = 7


def mix_index(counts) -> float | None:
    """Gini–Simpson diversity of the sectors in a session, scaled so 1 is as even as the size allows.

    Sessions of fewer than two people with a known sector have no mix to speak of (None).
    """
    counts = [n for n in counts if n]
    total = sum(counts)
    if total < 2:
        return None
    diversity = 1 - sum((n / total) ** 2 for n in counts)
    ceiling = 1 - 1 / min(SECTOR_COUNT, total)
    return round(min(diversity / ceiling, 1.0), 4)


def mix_band(index: float | None) -> int | None:
    return None if index is None else min(int(index * MIX_BANDS), MIX_BANDS - 1)


def month_of(moment):
    return timezone.localtime(moment).date().replace(day=1)


# A temporary table of one programme's attended sessions, ranked per person once per rebuild.
RANKED = "reports_ranked_attendance"


def _ranked_sql() -> str:
    """Attended sessions of one programme; `first` is 1 on each person's first session (in time order)."""
    # Table names come from model meta and values are parameters, so nothing here is user input.
    return f"""
        SELECT f.event_id, f.month, f.kind, f.area_id, f.time_of_day,
               u.sector, u.job_role_id, u.area_id AS home_area_id,
               CASE WHEN ROW_NUMBER() OVER (PARTITION BY a.person_id ORDER BY f.starts_at, f.event_id) = 1
                    THEN 1 ELSE 0 END AS first
        FROM {Attendance._meta.db_table} a
        JOIN {SessionFact._meta.db_table} f ON f.event_id = a.event_id
        JOIN {get_user_model()._meta.db_table} u ON u.id = a.person_id
        WHERE f.programme_id = %s AND a.attended = %s
    """  # noqa: S608


def _sessions(programme_id) -> dict[int, SessionFact]:
    events = Event.objects.filter(programme_id=programme_id, status=EventStatus.PUBLISHED).values_list(
        "pk", "starts_at", "kind", "area_id", "time_of_day"
    )
    return {
        pk: SessionFact(
            programme_id=programme_id,
            event_id=pk,
            starts_at=starts_at,
            month=month_of(starts_at),
            kind=kind,
            area_id=area_id,
            time_of_day=time_of_day,
        )
        for pk, starts_at, kind, area_id, time_of_day in events
    }


def _attendance_facts(programme_id) -> None:
    """Sector and profile facts from one ranking of the attendances (the costly sort runs once)."""
    sector_table = SectorAttendance._meta.db_table
    profile_table = ProfileAttendance._meta.db_table
    pid = int(programme_id)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {RANKED}")
        cursor.execute(f"CREATE TEMPORARY TABLE {RANKED} AS {_ranked_sql()}", [programme_id, True])
        cursor.execute(
            f"INSERT INTO {sector_table} (programme_id, event_id, month, kind, area_id, time_of_day, sector,"  # noqa: S608
            f" attendances, people_new) SELECT {pid}, event_id, month, kind, area_id, time_of_day, sector,"
            f" COUNT(*), SUM(first) FROM {RANKED}"
            " GROUP BY event_id, month, kind, area_id, time_of_day, sector"
        )
        for dimension, column in (
            (ProfileDimension.ROLE, "job_role_id"),
            (ProfileDimension.HOME_AREA, "home_area_id"),
        ):
            cursor.execute(
                f"INSERT INTO {profile_table} (programme_id, month, sector, dimension, {column},"  # noqa: S608
                f" attendances, people_new) SELECT {pid}, month, sector, '{dimension.value}', {column},"
                f" COUNT(*), SUM(first) FROM {RANKED} GROUP BY month, sector, {column}"
            )
        cursor.execute(f"DROP TABLE {RANKED}")


def _mix(programme_id, sessions: dict[int, SessionFact]) -> None:
    by_event = defaultdict(list)
    rows = SectorAttendance.objects.filter(programme_id=programme_id)
    for event_id, sector, attendances in rows.values_list("event_id", "sector", "attendances"):
        by_event[event_id].append((sector, attendances))
    for event_id, cells in by_event.items():
        session = sessions[event_id]
        session.attendances = sum(n for _, n in cells)
        known = [n for sector, n in cells if sector]
        session.sectors = len(known)
        session.mix_index = mix_index(known)
        session.mix_band = mix_band(session.mix_index)


def _credits(programme_id) -> None:
    rows = (
        Completion.objects.filter(part__programme_id=programme_id)
        .annotate(month=TruncMonth("completed_on"))
        .values("month", "person__sector")
        .annotate(completions=Count("pk"), hours=Sum("ce_hours"))
    )
    CreditFact.objects.bulk_create(
        CreditFact(
            programme_id=programme_id,
            month=row["month"],
            sector=row["person__sector"],
            completions=row["completions"],
            ce_hours=row["hours"],
        )
        for row in rows
    )


def _plans(programme_id) -> None:
    actions = Action.objects.filter(plan__event__programme_id=programme_id)
    figures = {
        "people": Count("plan__owner", distinct=True),
        "plans": Count("plan", distinct=True),
        "actions": Count("pk"),
        "done": Count("pk", filter=Q(status=Status.DONE)),
    }
    total = actions.aggregate(**figures)
    if not total["actions"]:
        return
    facts = [PlanFact(programme_id=programme_id, category="", **total)]
    for row in actions.values("category").annotate(**figures):
        facts.append(PlanFact(programme_id=programme_id, **row))
    PlanFact.objects.bulk_create(facts)


def _outcomes(programme_id) -> None:
    """Pairs of answers summed per cell: the pairing GROUP BY runs once here, not on every page."""
    table = OutcomeFact._meta.db_table
    for comparison in COMPARISONS:
        pairs = evaluation.paired_confidence_changes(
            programme=programme_id, after=comparison, with_session=True
        )
        # Compiled by Django with its values kept apart as parameters; table names come from model meta.
        inner, params = pairs.order_by().query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (programme_id, comparison, measure, month, kind, area_id, sector,"  # noqa: S608
                " pairs, pre_sum, post_sum, change_sum, change_squares)"
                f" SELECT {int(programme_id)}, %s, p.measure, f.month, COALESCE(f.kind, ''), f.area_id,"
                " COALESCE(u.sector, ''), COUNT(*), SUM(p.pre), SUM(p.post), SUM(p.post - p.pre),"
                " SUM((p.post - p.pre) * (p.post - p.pre))"
                f" FROM ({inner}) p"
                f" LEFT JOIN {SessionFact._meta.db_table} f ON f.event_id = p.event_id"
                f" LEFT JOIN {get_user_model()._meta.db_table} u ON u.id = p.person_id"
                " GROUP BY p.measure, f.month, f.kind, f.area_id, u.sector",
                [comparison.value, *params],
            )


def programme_rebuild(programme_id, *, change_ids=()) -> RollupState:
    """Replace one programme's facts with ones computed from the raw data, and forget its changes."""
    RollupState.objects.get_or_create(programme_id=programme_id, defaults={"refreshed_at": timezone.now()})
    started = time.perf_counter()
    with transaction.atomic():
        # One rebuild per programme at a time: a second refresher waits here, then rebuilds again.
        state = RollupState.objects.select_for_update().get(programme_id=programme_id)
        for model in FACTS:
            model.objects.filter(programme_id=programme_id).delete()
        sessions = _sessions(programme_id)
        SessionFact.objects.bulk_create(sessions.values(), batch_size=2000)
        _attendance_facts(programme_id)
        if sessions:
            _mix(programme_id, sessions)
            SessionFact.objects.filter(programme_id=programme_id).delete()
            for session in sessions.values():
                session.pk = None
            SessionFact.objects.bulk_create(sessions.values(), batch_size=2000)
        _credits(programme_id)
        _plans(programme_id)
        _outcomes(programme_id)
        RollupChange.objects.filter(pk__in=list(change_ids)).delete()
        state.refreshed_at = timezone.now()
        state.seconds = round(time.perf_counter() - started, 3)
        state.save(update_fields=["refreshed_at", "seconds"])
    return state


def refresh_due() -> int:
    """Rebuild every programme with a recorded change; returns how many were rebuilt.

    Only the change notes read here are deleted, so a change committed during a rebuild keeps
    its note and is picked up by the next run.
    """
    pending = defaultdict(list)
    for pk, programme_id in RollupChange.objects.values_list("pk", "programme_id"):
        pending[programme_id].append(pk)
    existing = set(Programme.objects.filter(pk__in=list(pending)).values_list("pk", flat=True))
    for programme_id, change_ids in pending.items():
        if programme_id in existing:
            programme_rebuild(programme_id, change_ids=change_ids)
        else:
            RollupChange.objects.filter(pk__in=change_ids).delete()
    return len(existing)


def rebuild_all() -> int:
    """Rebuild every programme (after bulk loads that send no signals)."""
    ids = list(Programme.objects.values_list("pk", flat=True))
    for programme_id in ids:
        changes = RollupChange.objects.filter(programme_id=programme_id).values_list("pk", flat=True)
        programme_rebuild(programme_id, change_ids=list(changes))
    return len(ids)

"""Bringing a programme's facts level with the raw rows: a full rebuild (ADR 009) or by difference (ADR 019).

A rebuild replaces every fact row of one programme inside one transaction, so readers see the
old facts or the new ones, never half of each. The heavy grouping runs in the database
(INSERT … SELECT with a window function that finds each person's first session); Python only
touches one row per session. A refresh by difference compares the changed people's stored attendee
rows with the raw data and moves the facts by what differs, also in one transaction.
"""

import datetime
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from eolc.action_plans.models import Action, Status
from eolc.curriculum.models import Completion
from eolc.evaluation import analytics as evaluation
from eolc.evaluation.models import Response, SurveyKind
from eolc.events.models import Attendance, Event, EventStatus
from eolc.programmes.models import Programme
from eolc.reports.models import (
    MIX_BANDS,
    AttendeeFact,
    ChangeKind,
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


# The columns of an attendee row, in the order the raw query and the stored rows are read.
ATTENDEE_COLUMNS = (
    "event_id, person_id, month, kind, area_id, time_of_day, sector, job_role_id, home_area_id, first_session"
)


def _ranked_sql(people=0) -> str:
    """Attended sessions of one programme, one row per person and session, as `ATTENDEE_COLUMNS`.

    `first_session` is 1 on each person's first session (in time order). With `people` the rows are
    those of that many people (ids as parameters): all of each one's sessions, so the ranking holds.
    """
    attendances, sessions = Attendance._meta.db_table, SessionFact._meta.db_table
    users = get_user_model()._meta.db_table
    # Read these people's attendances first, by the person index, in both databases: left to their
    # planners (SQLite always, PostgreSQL with stale statistics) they start from the programme's
    # sessions and read every attendance of the programme.
    prefix, table = "", f"{attendances} a"
    if people:
        ids = ", ".join(["%s"] * people)
        prefix = f"WITH a AS MATERIALIZED (SELECT * FROM {attendances} WHERE person_id IN ({ids})) "  # noqa: S608
        table = "a"
    # Table names come from model meta and values are parameters, so nothing here is user input.
    return f"""
        {prefix}SELECT a.event_id, a.person_id, f.month, f.kind, f.area_id, f.time_of_day,
               u.sector, u.job_role_id, u.area_id AS home_area_id,
               CASE WHEN ROW_NUMBER() OVER (PARTITION BY a.person_id ORDER BY f.starts_at, f.event_id) = 1
                    THEN 1 ELSE 0 END AS first_session
        FROM {table} JOIN {sessions} f ON f.event_id = a.event_id JOIN {users} u ON u.id = a.person_id
        WHERE f.programme_id = %s AND a.attended = %s
    """  # noqa: S608


def _sessions(programme_id, events=None) -> dict[int, SessionFact]:
    events_of = Event.objects.filter(programme_id=programme_id, status=EventStatus.PUBLISHED)
    if events is not None:
        events_of = events_of.filter(pk__in=events)
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
        for pk, starts_at, kind, area_id, time_of_day in events_of.values_list(
            "pk", "starts_at", "kind", "area_id", "time_of_day"
        )
    }


def _sector_facts(programme_id, events=None) -> None:
    """Sector facts summed from the attendee rows, of every session or of the given ones."""
    pid = int(programme_id)
    cells = "event_id, month, kind, area_id, time_of_day, sector"
    chunks = [None] if events is None else _chunks(events)
    with connection.cursor() as cursor:
        for chunk in chunks:
            # Unary plus keeps SQLite off the programme index, which would read every row of the programme.
            only = "" if chunk is None else f" AND event_id IN ({', '.join(['%s'] * len(chunk))})"
            cursor.execute(
                f"INSERT INTO {SectorAttendance._meta.db_table} (programme_id, {cells}, attendances,"  # noqa: S608
                f" people_new) SELECT {pid}, {cells}, COUNT(*), SUM(first_session)"
                f" FROM {AttendeeFact._meta.db_table} WHERE {'+' if only else ''}programme_id = {pid}{only}"
                f" GROUP BY {cells}",
                chunk or [],
            )


def _attendance_facts(programme_id) -> None:
    """Attendee rows from one ranking of the attendances (the costly sort runs once), then their sums."""
    attendees = AttendeeFact._meta.db_table
    pid = int(programme_id)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {attendees} (programme_id, {ATTENDEE_COLUMNS})"  # noqa: S608
            f" SELECT {pid}, r.* FROM ({_ranked_sql()}) r",
            [programme_id, True],
        )
        for dimension, column in (
            (ProfileDimension.ROLE, "job_role_id"),
            (ProfileDimension.HOME_AREA, "home_area_id"),
        ):
            cursor.execute(
                f"INSERT INTO {ProfileAttendance._meta.db_table} (programme_id, month, sector,"  # noqa: S608
                f" dimension, {column}, attendances, people_new) SELECT {pid}, month, sector,"
                f" '{dimension.value}', {column}, COUNT(*), SUM(first_session)"
                f" FROM {attendees} WHERE programme_id = {pid}"
                f" GROUP BY month, sector, {column}"
            )
    _sector_facts(programme_id)


def _mix(sessions: dict[int, SessionFact], rows) -> None:
    """Set each session's attendance and mix from its sector facts (`rows`, covering them all)."""
    by_event = defaultdict(list)
    for event_id, sector, attendances in rows.values_list("event_id", "sector", "attendances"):
        by_event[event_id].append((sector, attendances))
    for event_id, session in sessions.items():
        cells = by_event.get(event_id, [])
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


def _outcomes(programme_id, *, scopes=None, sessions=(), unplaced=False) -> None:
    """Pairs of answers summed per cell: the pairing GROUP BY runs once here, not on every page.

    With `scopes`, only the pairs in those scopes whose "after" session is one of `sessions`, or
    (with `unplaced`) has no published session: the cells an incremental refresh has emptied.
    """
    table = OutcomeFact._meta.db_table
    only, extra = "", []
    if scopes is not None:
        if not scopes:
            return
        kept = [f"p.event_id IN ({', '.join(['%s'] * len(sessions))})"] if sessions else []
        kept += ["f.event_id IS NULL"] if unplaced else []
        only = f" WHERE {' OR '.join(kept) or '1 = 0'}"
        extra = list(sessions)
    for comparison in COMPARISONS:
        pairs = evaluation.paired_confidence_changes(
            programme=programme_id, after=comparison, with_session=True
        )
        if scopes is not None:
            pairs = pairs.filter(response__scope__in=sorted(scopes))
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
                f"{only} GROUP BY p.measure, f.month, f.kind, f.area_id, u.sector",
                [comparison.value, *params, *extra],
            )


def _locked_state(programme_id) -> RollupState:
    """The programme's state row, locked: one refresher per programme at a time, a second one waits."""
    RollupState.objects.get_or_create(programme_id=programme_id, defaults={"refreshed_at": timezone.now()})
    return RollupState.objects.select_for_update().get(programme_id=programme_id)


def _finish(state, started, change_ids) -> RollupState:
    RollupChange.objects.filter(pk__in=list(change_ids)).delete()
    state.refreshed_at = timezone.now()
    state.seconds = round(time.perf_counter() - started, 3)
    state.save(update_fields=["refreshed_at", "seconds"])
    return state


def programme_rebuild(programme_id, *, change_ids=()) -> RollupState:
    """Replace one programme's facts with ones computed from the raw data, and forget its changes."""
    started = time.perf_counter()
    with transaction.atomic():
        state = _locked_state(programme_id)
        for model in (*FACTS, AttendeeFact):
            model.objects.filter(programme_id=programme_id).delete()
        sessions = _sessions(programme_id)
        SessionFact.objects.bulk_create(sessions.values(), batch_size=2000)
        _attendance_facts(programme_id)
        if sessions:
            _mix(sessions, SectorAttendance.objects.filter(programme_id=programme_id))
            SessionFact.objects.filter(programme_id=programme_id).delete()
            for session in sessions.values():
                session.pk = None
            SessionFact.objects.bulk_create(sessions.values(), batch_size=2000)
        _credits(programme_id)
        _plans(programme_id)
        _outcomes(programme_id)
        return _finish(state, started, change_ids)


# --- Incremental refresh (ADR 019) ---------------------------------------------------------------

# Past this many people in one refresh (a bulk change), rebuilding is quicker than comparing rows.
MOST_PEOPLE = 20_000
# Ids per IN list, well inside SQLite's limit on query parameters.
CHUNK = 2_000


class RebuildInstead(Exception):
    """The changes are too many to compare row by row, or the facts were found out of step."""


@dataclass
class Update:
    """What an incremental refresh rewrote: people whose attendee rows differed, sessions re-summed."""

    people: set = field(default_factory=set)
    events: set = field(default_factory=set)


def _chunks(ids):
    ids = sorted(ids)
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _execute_many(sql, rows) -> None:
    """One statement for many rows: model instances and per-row UPDATE … CASE cost more than the rows."""
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def _attendee_rows(programme_id, people, *, stored) -> dict[tuple, tuple]:
    """The given people's attendee rows, keyed by (event, person): as stored, or as the raw data has them."""
    rows = {}
    with connection.cursor() as cursor:
        for chunk in _chunks(people):
            if stored:
                cursor.execute(
                    f"SELECT {ATTENDEE_COLUMNS} FROM {AttendeeFact._meta.db_table}"  # noqa: S608
                    f" WHERE programme_id = %s AND person_id IN ({', '.join(['%s'] * len(chunk))})",
                    [programme_id, *chunk],
                )
            else:
                cursor.execute(_ranked_sql(people=len(chunk)), [*chunk, programme_id, True])
            for row in cursor.fetchall():
                rows[row[0], row[1]] = tuple(row)
    return rows


def _move_profile_facts(programme_id, removed, added) -> None:
    """Take the removed attendee rows out of the profile sums and put the added ones in."""
    delta = defaultdict(lambda: [0, 0])
    for sign, rows in ((-1, removed), (1, added)):
        for _, _, month, _, _, _, sector, job_role_id, home_area_id, first in rows:
            for dimension, value in (
                (ProfileDimension.ROLE, job_role_id),
                (ProfileDimension.HOME_AREA, home_area_id),
            ):
                cell = delta[str(month), sector, dimension.value, value]
                cell[0] += sign
                cell[1] += sign * first
    if not delta:
        return
    facts = ProfileAttendance.objects.filter(
        programme_id=programme_id, month__in={datetime.date.fromisoformat(key[0]) for key in delta}
    )
    existing = {}
    for fact in facts.values_list(
        "pk", "month", "sector", "dimension", "job_role_id", "home_area_id", "attendances", "people_new"
    ):
        pk, month, sector, dimension, job_role_id, home_area_id, attendances, people_new = fact
        value = job_role_id if dimension == ProfileDimension.ROLE else home_area_id
        existing[str(month), sector, dimension, value] = (pk, attendances, people_new)
    changed, created, emptied = [], [], []
    for (month, sector, dimension, value), (attendances, people_new) in delta.items():
        pk, before, before_new = existing.get((month, sector, dimension, value), (None, 0, 0))
        attendances, people_new = before + attendances, before_new + people_new
        if attendances < 0 or people_new < 0:
            raise RebuildInstead(f"profile facts of programme {programme_id} out of step")
        if pk is not None and attendances == 0:
            emptied.append(pk)
        elif pk is not None:
            changed.append((attendances, people_new, pk))
        elif attendances:
            values = {"job_role_id" if dimension == ProfileDimension.ROLE else "home_area_id": value}
            created.append(
                ProfileAttendance(
                    programme_id=programme_id,
                    month=datetime.date.fromisoformat(month),
                    sector=sector,
                    dimension=dimension,
                    attendances=attendances,
                    people_new=people_new,
                    **values,
                )
            )
    ProfileAttendance.objects.filter(pk__in=emptied).delete()
    table = ProfileAttendance._meta.db_table
    _execute_many(f"UPDATE {table} SET attendances = %s, people_new = %s WHERE id = %s", changed)  # noqa: S608
    ProfileAttendance.objects.bulk_create(created)


def _update_attendance(programme_id, changes) -> Update:
    """Bring the session, attendee, sector and profile facts level with the changed sessions and people."""
    events = {c.event_id for c in changes if c.kind == ChangeKind.SESSION}
    attended = {c.event_id for c in changes if c.kind == ChangeKind.ATTENDANCE}
    # Session rows are cheap to write again, and the ranking below joins them, so they go first.
    SessionFact.objects.filter(event_id__in=events | attended).delete()
    SessionFact.objects.bulk_create(_sessions(programme_id, events | attended).values())
    # A changed session changes the rows of everyone who attended it, before or after the change.
    people = {c.person_id for c in changes if c.kind in (ChangeKind.ATTENDANCE, ChangeKind.PROFILE)}
    people |= set(AttendeeFact.objects.filter(event_id__in=events).values_list("person_id", flat=True))
    people |= set(
        Attendance.objects.filter(event_id__in=events, attended=True).values_list("person_id", flat=True)
    )
    people.discard(None)
    if len(people) > MOST_PEOPLE:
        raise RebuildInstead(f"{len(people)} people changed in programme {programme_id}")
    before = _attendee_rows(programme_id, people, stored=True)
    after = _attendee_rows(programme_id, people, stored=False)
    removed = [row for key, row in before.items() if after.get(key) != row]
    added = [row for key, row in after.items() if before.get(key) != row]
    update = Update(people={row[1] for row in removed + added})
    update.events = events | attended
    update.events |= {row[0] for row in removed + added}
    update.events.discard(None)

    for chunk in _chunks(update.people):
        AttendeeFact.objects.filter(programme_id=programme_id, person_id__in=chunk).delete()
    _execute_many(
        f"INSERT INTO {AttendeeFact._meta.db_table} (programme_id, {ATTENDEE_COLUMNS})"  # noqa: S608
        f" VALUES ({', '.join(['%s'] * 11)})",
        [(programme_id, *row) for key, row in after.items() if key[1] in update.people],
    )
    _move_profile_facts(programme_id, removed, added)
    for chunk in _chunks(update.events):
        SectorAttendance.objects.filter(event_id__in=chunk).delete()
    _sector_facts(programme_id, update.events)
    for chunk in _chunks(update.events):
        sessions = {fact.event_id: fact for fact in SessionFact.objects.filter(event_id__in=chunk)}
        _mix(sessions, SectorAttendance.objects.filter(event_id__in=chunk))
        _execute_many(
            f"UPDATE {SessionFact._meta.db_table} SET attendances = %s, sectors = %s, mix_index = %s,"  # noqa: S608
            " mix_band = %s WHERE id = %s",
            [(f.attendances, f.sectors, f.mix_index, f.mix_band, f.pk) for f in sessions.values()],
        )
    return update


def _replace(model, build, programme_id) -> None:
    model.objects.filter(programme_id=programme_id).delete()
    build(programme_id)


# The outcome cell of pairs whose "after" session is not (or no longer) published.
UNPLACED = (None, "", None)


def _outcome_cells(events) -> set:
    """The (month, kind, area) outcome cells that pairs with these "after" sessions fall in."""
    facts = SessionFact.objects.filter(event_id__in=[e for e in events if e is not None])
    placed = {event_id: cell for event_id, *cell in facts.values_list("event_id", "month", "kind", "area_id")}
    return {tuple(placed[e]) if e in placed else UNPLACED for e in events}


def _after_responses(programme_id):
    return Response.objects.submitted().filter(
        survey__programme_id=programme_id, survey__kind__in=COMPARISONS
    )


def _answered(programme_id, **lookup) -> list[tuple[int | None, str]]:
    """(session, scope) of the programme's submitted "after" responses found by session or person.

    Filtered here rather than in SQL, where SQLite would start from the programme's surveys and
    read every response of the programme instead of using the session or person index.
    """
    rows = (
        Response.objects.filter(**lookup)
        .order_by()
        .values_list("event_id", "scope", "survey__programme_id", "survey__kind", "submitted_at")
    )
    return [
        (event_id, scope)
        for event_id, scope, programme, kind, submitted_at in rows
        if programme == programme_id and kind in COMPARISONS and submitted_at is not None
    ]


def _update_outcomes(programme_id, cells) -> None:
    """Empty the given outcome cells and sum again the pairs that fall in them (and only those)."""
    if not cells:
        return
    months = {month for month, _, _ in cells if month is not None}
    sessions = [
        event_id
        for event_id, *cell in SessionFact.objects.filter(month__in=months).values_list(
            "event_id", "month", "kind", "area_id"
        )
        if tuple(cell) in cells
    ]
    # A pair is paired within its scope, so its whole scope is read, "before" answers included.
    scopes = {
        scope for chunk in _chunks(sessions) for _, scope in _answered(programme_id, event_id__in=chunk)
    }
    unplaced = UNPLACED in cells
    if unplaced:
        published = SessionFact.objects.values("event_id")
        after = _after_responses(programme_id).exclude(event_id__in=published)
        scopes |= set(after.values_list("scope", flat=True))
    facts = OutcomeFact.objects.filter(programme_id=programme_id).filter(
        Q(month__in=months) | Q(month=None) if unplaced else Q(month__in=months)
    )
    emptied = [
        pk for pk, *cell in facts.values_list("pk", "month", "kind", "area_id") if tuple(cell) in cells
    ]
    for chunk in _chunks(emptied):
        OutcomeFact.objects.filter(pk__in=chunk).delete()
    _outcomes(programme_id, scopes=scopes, sessions=sessions, unplaced=unplaced)


def programme_update(programme_id, changes) -> Update:
    """Bring one programme's facts level with the noted changes only, and forget those notes.

    Attendance facts move by the difference between the changed people's stored attendee rows and
    their rows in the raw data. Outcome cells (month, kind and area of the "after" session) are summed
    again where a response, a respondent's profile or an answered session changed; credits and plans
    (thousands of rows, not millions) are recomputed when a change could touch them.
    """
    started = time.perf_counter()
    kinds = {c.kind for c in changes}
    noted = {c.person_id for c in changes} - {None}
    profiles = {c.person_id for c in changes if c.kind == ChangeKind.PROFILE}
    respondents = profiles | {c.person_id for c in changes if c.kind == ChangeKind.OUTCOME}
    with transaction.atomic():
        state = _locked_state(programme_id)
        # Answered sessions that changed: their pairs leave the cell the session was in, and join its new one.
        sessions = {c.event_id for c in changes if c.kind == ChangeKind.SESSION}
        answered = {event_id for event_id, _ in _answered(programme_id, event_id__in=sessions)}
        cells = _outcome_cells(answered)
        update = _update_attendance(programme_id, changes)
        completed = Completion.objects.filter(part__programme_id=programme_id, person_id__in=profiles)
        if ChangeKind.CREDIT in kinds or completed.exists():
            _replace(CreditFact, _credits, programme_id)
        if ChangeKind.PLAN in kinds:
            _replace(PlanFact, _plans, programme_id)
        gone = noted - set(get_user_model().objects.filter(pk__in=noted).values_list("pk", flat=True))
        if gone:
            # A deleted person's responses keep their pairs but lose the sector: too rare to trace.
            _replace(OutcomeFact, _outcomes, programme_id)
        else:
            answered |= {event_id for event_id, _ in _answered(programme_id, person_id__in=respondents)}
            answered |= {c.event_id for c in changes if c.kind == ChangeKind.OUTCOME}
            _update_outcomes(programme_id, cells | _outcome_cells(answered))
        _finish(state, started, [c.pk for c in changes])
    return update


def refresh_due() -> int:
    """Bring every programme with a recorded change up to date; returns how many were refreshed.

    Only the change notes read here are deleted, so a change committed during a refresh keeps
    its note and is picked up by the next run. Notes that do not say what changed, and changes too
    many to compare row by row, rebuild the programme.
    """
    pending = defaultdict(list)
    for change in RollupChange.objects.all():
        pending[change.programme_id].append(change)
    existing = set(Programme.objects.filter(pk__in=list(pending)).values_list("pk", flat=True))
    for programme_id, changes in pending.items():
        change_ids = [c.pk for c in changes]
        if programme_id not in existing:
            RollupChange.objects.filter(pk__in=change_ids).delete()
            continue
        if all(c.kind != ChangeKind.EVERYTHING for c in changes):
            try:
                programme_update(programme_id, changes)
                continue
            except RebuildInstead:
                pass
        programme_rebuild(programme_id, change_ids=change_ids)
    return len(existing)


def rebuild_all() -> int:
    """Rebuild every programme (after bulk loads that send no signals)."""
    ids = list(Programme.objects.values_list("pk", flat=True))
    for programme_id in ids:
        changes = RollupChange.objects.filter(programme_id=programme_id).values_list("pk", flat=True)
        programme_rebuild(programme_id, change_ids=list(changes))
    return len(ids)

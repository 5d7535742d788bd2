"""Importing people and attendance: upload, preview row by row, confirm in one transaction.

`plan_rows` reads the database and decides, for each row, what confirming would do (create,
update, nothing) or why it cannot (errors named by spreadsheet row number). It writes nothing.
`batch_confirm` plans again under a lock and applies the valid rows through the accounts,
programmes and events services, so an import follows the same rules as the pages do. Rows are
matched on natural keys (email; email and event), so importing the same file again creates nothing
twice and only changes what the file changes.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from eolc.accounts import services as accounts_services
from eolc.accounts.models import Area, JobRole, Organisation, Sector, User
from eolc.events import services as events_services
from eolc.events.models import Attendance, Event, Registration
from eolc.imports.models import BatchStatus, ImportBatch, ImportKind
from eolc.programmes import services as programmes_services
from eolc.programmes.models import Membership, Role

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
REQUIRED_COLUMNS = {ImportKind.PEOPLE: {"email"}, ImportKind.ATTENDANCE: {"email", "event"}}
YES = {"yes", "y", "true", "1", "attended", "present", "x"}
NO = {"no", "n", "false", "0", "absent", "did not attend"}


class AlreadyImported(Exception):
    pass


@dataclass
class RowPlan:
    row: int
    values: dict
    action: str = UNCHANGED
    errors: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    # What to apply, resolved to objects; only read when the row has no errors.
    apply: dict = field(default_factory=dict)

    def fail(self, message: str) -> None:
        self.errors.append(message)
        self.action = ERROR


def missing_columns(kind, rows) -> set[str]:
    present = set(rows[0]["values"]) if rows else set()
    return REQUIRED_COLUMNS[kind] - present


def _lookup(choices, text):
    """Match a slug/code or a name, ignoring case; returns the object, or None if unknown."""
    return choices.get(text.strip().lower())


# --- People -----------------------------------------------------------------------------------


def _people_choices():
    sectors = {}
    for value, label in Sector.choices:
        sectors[value] = value
        sectors[label.lower()] = value
    roles = {}
    for value, label in Role.choices:
        roles[value] = value
        roles[label.lower()] = value
    job_roles = {}
    for job_role in JobRole.objects.active():
        job_roles[job_role.slug] = job_role
        job_roles[job_role.name.lower()] = job_role
    areas, ambiguous = {}, set()
    for area in Area.objects.places_people_work():
        areas[area.code.lower()] = area
        name = area.name.lower()
        if name in areas and areas[name] is not area:
            ambiguous.add(name)
        areas[name] = area
    for name in ambiguous:
        areas.pop(name)
    organisations = {o.name.lower(): o for o in Organisation.objects.all()}
    return sectors, roles, job_roles, areas, organisations


def _plan_people(rows, *, programme, by) -> list[RowPlan]:
    sectors, roles, job_roles, areas, organisations = _people_choices()
    emails = {r["values"].get("email", "").strip().lower() for r in rows}
    existing = {u.email.lower(): u for u in User.objects.annotate(e=Lower("email")).filter(e__in=emails)}
    members = set(
        Membership.objects.filter(programme=programme, person__in=existing.values()).values_list(
            "person_id", "role"
        )
    )
    # Profiles are changed only for people the importer already looks after (or by site admins).
    managed = set(
        Membership.objects.filter(
            person__in=existing.values(),
            programme__in=Membership.objects.filter(person=by, role=Role.ADMIN).values("programme"),
        ).values_list("person_id", flat=True)
    )
    seen = {}
    plans = []
    for raw in rows:
        values = raw["values"]
        plan = RowPlan(row=raw["row"], values=values)
        plans.append(plan)
        email = values.get("email", "").strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            plan.fail(
                f"“{values.get('email', '')}” is not a valid email address" if email else "Email is missing"
            )
        if email in seen:
            plan.fail(f"Duplicate of row {seen[email]}: the same email address appears twice")
        elif email:
            seen[email] = plan.row

        fields = {}
        if values.get("full_name"):
            fields["full_name"] = values["full_name"][:150]
        for column, choices, label in (
            ("sector", sectors, "sector"),
            ("job_role", job_roles, "job role"),
            ("area", areas, "area"),
            ("organisation", organisations, "organisation"),
        ):
            text = values.get(column, "")
            if not text:
                continue
            found = _lookup(choices, text)
            if found is None:
                plan.fail(f"Unknown {label} “{text}”")
            else:
                fields[column] = found
        role = Role.LEARNER
        if values.get("role"):
            role = _lookup(roles, values["role"])
            if role is None:
                plan.fail(f"Unknown programme role “{values['role']}”")
        if plan.errors:
            continue

        person = existing.get(email)
        if person is None:
            if not fields.get("full_name"):
                plan.fail("Full name is missing for a new person")
                continue
            plan.action = CREATE
            plan.changes.append(f"New account, {Role(role).label.lower()}")
            plan.apply = {"email": email, "fields": fields, "role": role}
            continue
        changes = {}
        if by.is_site_admin or person.pk in managed:
            changes = {name: value for name, value in fields.items() if getattr(person, name) != value}
        new_role = (person.pk, role) not in members
        if changes or new_role:
            plan.action = UPDATE
            plan.changes.extend(
                f"{name.replace('_', ' ').capitalize()}: {value}" for name, value in changes.items()
            )
            if new_role:
                plan.changes.append(f"Add as {Role(role).label.lower()}")
        elif fields and not (by.is_site_admin or person.pk in managed):
            plan.changes.append("Existing account: profile left as it is")
        plan.apply = {"person": person, "fields": changes, "role": role}
    return plans


def _apply_person(plan: RowPlan, *, programme):
    person = plan.apply.get("person")
    fields = plan.apply["fields"]
    if person is None:
        person = accounts_services.person_create(
            email=plan.apply["email"],
            full_name=fields["full_name"],
            sector=fields.get("sector", ""),
            job_role=fields.get("job_role"),
            area=fields.get("area"),
            organisation=fields.get("organisation"),
        )
    elif fields:
        accounts_services.profile_update(person=person, **fields)
    programmes_services.membership_add(programme=programme, person=person, role=plan.apply["role"])


# --- Attendance -------------------------------------------------------------------------------


def _plan_attendance(rows, *, programme, events, now) -> list[RowPlan]:
    """`events`: the events the importer runs in this programme."""
    by_id = {str(e.pk): e for e in events}
    by_title = {}
    for event in events:
        by_title.setdefault(event.title.strip().lower(), []).append(event)
    emails = {r["values"].get("email", "").strip().lower() for r in rows}
    people = {u.email.lower(): u for u in User.objects.annotate(e=Lower("email")).filter(e__in=emails)}
    confirmed = set()
    for registration in (
        Registration.objects.confirmed()
        .filter(person__in=people.values())
        .filter(Q(event__in=events) | Q(series__in=[e.series_id for e in events if e.series_id]))
    ):
        confirmed.add((registration.person_id, registration.event_id or ("series", registration.series_id)))
    marks = {
        (a.person_id, a.event_id): a.attended
        for a in Attendance.objects.filter(event__in=events, person__in=people.values())
    }
    seen = {}
    plans = []
    for raw in rows:
        values = raw["values"]
        plan = RowPlan(row=raw["row"], values=values)
        plans.append(plan)
        email = values.get("email", "").strip().lower()
        person = people.get(email)
        if not email:
            plan.fail("Email is missing")
        elif person is None:
            plan.fail(f"Nobody has the email address “{values.get('email')}”: import them as people first")
        text = values.get("event", "").strip()
        event = by_id.get(text.removeprefix("#"))
        if event is None:
            matches = by_title.get(text.lower(), [])
            if len(matches) > 1:
                plan.fail(f"Several events are called “{text}”: use the event number instead")
            elif matches:
                event = matches[0]
            else:
                plan.fail(f"Unknown event “{text}” in this programme" if text else "Event is missing")
        mark = values.get("attended", "yes").strip().lower() or "yes"
        attended = True if mark in YES else False if mark in NO else None
        if attended is None:
            plan.fail(f"Attended must be yes or no, not “{values.get('attended')}”")
        if plan.errors:
            continue
        if event.starts_at > now:
            plan.fail(f"“{event.title}” has not happened yet")
            continue
        key = (email, event.pk)
        if key in seen:
            plan.fail(f"Duplicate of row {seen[key]}: the same person and event appear twice")
            continue
        seen[key] = plan.row
        target = event.pk if not event.series_id else ("series", event.series_id)
        if (person.pk, target) not in confirmed:
            plan.fail(f"{person} has no confirmed place at “{event.title}”: register them first")
            continue
        before = marks.get((person.pk, event.pk))
        if before is None:
            plan.action = CREATE
        elif before != attended:
            plan.action = UPDATE
        plan.changes.append(
            ("Attended" if attended else "Absent")
            + ("" if before is None else " (was " + ("attended" if before else "absent") + ")")
        )
        if plan.action == UNCHANGED:
            plan.changes = ["Already recorded"]
        plan.apply = {"event": event, "person": person, "attended": attended}
    return plans


def _apply_attendance(plan: RowPlan, *, by, now):
    events_services.attendance_record(
        event=plan.apply["event"],
        person=plan.apply["person"],
        attended=plan.apply["attended"],
        by=by,
        now=now,
    )


# --- Batches ----------------------------------------------------------------------------------


def plan_rows(batch: ImportBatch, *, by, events=None, now=None) -> list[RowPlan]:
    """What confirming would do to each row, reading the database as it is now. Writes nothing."""
    if batch.kind == ImportKind.PEOPLE:
        return _plan_people(batch.rows, programme=batch.programme, by=by)
    return _plan_attendance(
        batch.rows,
        programme=batch.programme,
        events=list(events if events is not None else Event.objects.none()),
        now=now or timezone.now(),
    )


def summary(plans) -> dict[str, int]:
    counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0, ERROR: 0}
    for plan in plans:
        counts[plan.action] += 1
    return counts


@transaction.atomic
def batch_create(*, programme, kind, filename, rows, by) -> ImportBatch:
    return ImportBatch.objects.create(
        programme=programme, kind=kind, filename=filename[:255], rows=rows, uploaded_by=by
    )


@transaction.atomic
def batch_confirm(*, batch: ImportBatch, by, events=None, now=None) -> dict[str, int]:
    """Apply every valid row in one transaction, skipping rows with errors. Confirming twice is refused."""
    now = now or timezone.now()
    claimed = ImportBatch.objects.filter(pk=batch.pk, status=BatchStatus.PREVIEWED).update(
        status=BatchStatus.CONFIRMED, confirmed_at=now
    )
    if not claimed:
        raise AlreadyImported("This file has already been imported.")
    plans = plan_rows(batch, by=by, events=events, now=now)
    for plan in plans:
        if plan.action in (CREATE, UPDATE):
            if batch.kind == ImportKind.PEOPLE:
                _apply_person(plan, programme=batch.programme)
            else:
                _apply_attendance(plan, by=by, now=now)
    counts = summary(plans)
    outcome = {
        "created": counts[CREATE],
        "updated": counts[UPDATE],
        "unchanged": counts[UNCHANGED],
        "skipped": counts[ERROR],
    }
    ImportBatch.objects.filter(pk=batch.pk).update(outcome=outcome)
    batch.refresh_from_db()
    return outcome

"""Eight weeks of phase 1 in North and East London, so the dashboard and report look lived in.

Earlier sessions across most phase 1 boroughs with a few hundred participants from every sector,
some planned sessions still to come (including the first in phase 2), completions with CE hours,
action plans with progress, and the programme lead's learning points. Dates are relative to
today, like the rest of the demo. Loading again changes nothing.
"""

import datetime
import random
import zoneinfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.utils import timezone

from eolc.accounts.models import Area, JobRole, Sector, User
from eolc.action_plans import services as plan_services
from eolc.action_plans.models import ActionPlan, PracticeCategory, Status, StuckReason
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import Completion, CompletionSource, Part
from eolc.demo import content
from eolc.demo.content import PARTICIPANT_PREFIX
from eolc.events.models import Attendance, Event, EventKind, EventStatus, Registration, RegistrationStatus
from eolc.programmes.models import Membership, Role
from eolc.reports import rollups
from eolc.reports import services as report_services

SEED = 909
LONDON_TZ = zoneinfo.ZoneInfo(content.LONDON_TZ)
PARTICIPANTS = 360
PREFIX = "Earlier session"

# Boroughs that have had sessions; City of London and Havering only have sessions planned.
HELD_IN = [
    "E09000002", "E09000007", "E09000012", "E09000019", "E09000025", "E09000026", "E09000030", "E09000031",
]  # fmt: skip
PLANNED_IN = ["E09000001", "E09000016", "E09000003", "E09000010"]
SECTOR_WEIGHTS = {
    Sector.SOCIAL_CARE: 34,
    Sector.HEALTH: 30,
    Sector.VOLUNTARY: 12,
    Sector.PRIVATE: 10,
    Sector.UNPAID_CARER: 8,
    Sector.EDUCATION: 3,
    Sector.OTHER: 3,
}
ROLES_BY_SECTOR = {
    Sector.SOCIAL_CARE: ["social_worker", "care_home_worker", "home_care_worker", "manager_commissioner"],
    Sector.HEALTH: ["district_nurse", "gp", "nurse", "palliative_care_specialist", "occupational_therapist"],
    Sector.VOLUNTARY: ["hospice_worker", "volunteer", "chaplain"],
    Sector.PRIVATE: ["home_care_worker", "care_home_worker"],
    Sector.UNPAID_CARER: ["unpaid_carer"],
    Sector.EDUCATION: ["trainer", "student"],
    Sector.OTHER: ["volunteer"],
}
KINDS = [
    (EventKind.LEARNING_SESSION, 90, 6),
    (EventKind.WORKSHOP, 360, 2),
    (EventKind.VIRTUAL, 90, 2),
    (EventKind.CHAMPION_EVENT, 120, 1),
]
TIMES = [(9, 30), (13, 30), (18, 0)]
LEARNING_POINTS = "\n\n".join(
    [
        "Mixed groups worked. Participants said that meeting a district nurse, a home care worker and an "
        "unpaid carer at the same table was what changed their practice, more than any slide.",
        "Evening sessions reached people the daytime ones did not: unpaid carers and home care staff on "
        "early shifts came to them in far larger numbers.",
        "Care homes struggled to release staff. Where a manager came first and saw the session, their staff "
        "followed; we will invite managers to a short briefing before phase 2.",
        "Action plans were kept when people had a buddy from another sector. We will pair people at the end "
        "of every session in phase 2 rather than leave it to chance.",
    ]
)


def _participants(rng, programme, areas, roles):
    emails = [f"{PARTICIPANT_PREFIX}{n:03d}@example.org" for n in range(1, PARTICIPANTS + 1)]
    existing = User.objects.in_bulk(emails, field_name="email")
    sectors = rng.choices(list(SECTOR_WEIGHTS), weights=list(SECTOR_WEIGHTS.values()), k=PARTICIPANTS)
    new = []
    for email, sector in zip(emails, sectors, strict=True):
        # Every draw is made on every load, so a second load draws the same values as the first.
        role = roles.get(rng.choice(ROLES_BY_SECTOR[sector]))
        home = areas[rng.choice(HELD_IN + PLANNED_IN[:2])]
        if email not in existing:
            number = email[len("participant") : len("participant") + 3]
            new.append(
                User(
                    email=email,
                    full_name=f"Participant {number}",
                    password=UNUSABLE_PASSWORD_PREFIX,
                    sector=sector,
                    job_role=role,
                    area=home,
                    is_demo=True,
                )
            )
    User.objects.bulk_create(new)
    people = list(User.objects.filter(email__in=emails).order_by("email"))
    # Like every demo person, participants have a verified primary address (they cannot sign in:
    # their password is unusable).
    addressed = set(EmailAddress.objects.filter(user__in=people).values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=p, email=p.email, verified=True, primary=True)
            for p in people
            if p.pk not in addressed
        ]
    )
    members = Membership.objects.filter(programme=programme, person__in=people)
    have = set(members.values_list("person", flat=True))
    Membership.objects.bulk_create(
        [Membership(programme=programme, person=p, role=Role.LEARNER) for p in people if p.pk not in have]
    )
    return people


def _session(programme, title, *, kind, starts, minutes, area, facilitator):
    event, _ = Event.objects.get_or_create(
        programme=programme,
        title=title,
        defaults={
            "kind": kind,
            "description": "A mixed-group session of the working together programme.",
            "status": EventStatus.PUBLISHED,
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(minutes=minutes),
            "time_zone": content.LONDON_TZ,
            "online": area is None,
            "venue_name": "" if area is None else f"{area.name} community venue",
            "area": area,
            "capacity": 24,
            "created_by": facilitator,
        },
    )
    return event


def _attend(rng, event, people, facilitator):
    for person in people:
        Registration.objects.get_or_create(
            event=event,
            person=person,
            status=RegistrationStatus.CONFIRMED,
            defaults={
                "confirmed_at": event.starts_at - datetime.timedelta(days=7),
                "registered_by": facilitator,
            },
        )
        Attendance.objects.get_or_create(
            event=event,
            person=person,
            defaults={
                "attended": rng.random() < 0.87,
                "recorded_by": facilitator,
                "recorded_at": event.ends_at,
            },
        )


def _plans(events, now):
    categories = list(PracticeCategory.values)
    made = 0
    for event in events:
        attended = list(Attendance.objects.filter(event=event, attended=True).select_related("person")[:6])
        for record in attended:
            if ActionPlan.objects.filter(owner=record.person, event=event).exists():
                continue
            rng = random.Random(f"{SEED}:{event.pk}:{record.person_id}")
            plan = plan_services.action_plan_create(
                owner=record.person,
                event=event,
                title="Joining up care after the session",
                actions=[
                    {
                        "description": "Meet the local hospice team and agree who to call",
                        "due_date": (event.starts_at + datetime.timedelta(days=30)).date(),
                        "category": rng.choice(categories),
                    }
                    for _ in range(rng.randint(1, 3))
                ],
                now=event.ends_at,
            )
            made += 1
            for action in plan.actions.all():
                roll = rng.random()
                status = Status.DONE if roll < 0.45 else Status.IN_PROGRESS if roll < 0.8 else Status.STUCK
                plan_services.progress_update_create(
                    action=action,
                    status=status,
                    stuck_reasons=[StuckReason.TIME] if status == Status.STUCK else (),
                    now=min(now, event.ends_at + datetime.timedelta(days=rng.randint(3, 20))),
                )
    return made


def reports_load(*, programmes, people) -> str:
    programme = programmes[content.LONDON]
    rng = random.Random(SEED)
    now = timezone.now()
    areas = Area.objects.in_bulk(HELD_IN + PLANNED_IN, field_name="code")
    roles = JobRole.objects.in_bulk(field_name="slug")
    facilitator = people.get("facilitator@example.org")
    participants = _participants(rng, programme, areas, roles)
    held = []
    for number in range(36):
        kind, minutes, _ = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
        area = None if kind == EventKind.VIRTUAL else areas[HELD_IN[number % len(HELD_IN)]]
        day = timezone.localdate() - datetime.timedelta(days=52 - number * 1.4)
        starts = datetime.datetime.combine(day, datetime.time(*rng.choice(TIMES)), tzinfo=LONDON_TZ)
        where = area.name if area else "online"
        event = _session(
            programme,
            f"{PREFIX} {number + 1}: {where}",
            kind=kind,
            starts=starts,
            minutes=minutes,
            area=area,
            facilitator=facilitator,
        )
        # One generator per session, so what a session draws does not depend on what exists already.
        session_rng = random.Random(f"{SEED}:{event.title}")
        came = session_rng.sample(participants, session_rng.randint(12, 22))
        _attend(session_rng, event, came, facilitator)
        held.append(event)
    for number, code in enumerate(PLANNED_IN):
        day = timezone.localdate() + datetime.timedelta(days=12 + number * 9)
        starts = datetime.datetime.combine(day, datetime.time(*TIMES[number % 3]), tzinfo=LONDON_TZ)
        _session(
            programme,
            f"Planned session: {areas[code].name}",
            kind=EventKind.LEARNING_SESSION,
            starts=starts,
            minutes=90,
            area=areas[code],
            facilitator=facilitator,
        )
    part = Part.objects.filter(programme=programme).order_by("number").first()
    completions = 0
    if part is not None:
        done = {
            a.person
            for a in Attendance.objects.filter(event__in=held, attended=True).select_related("person")
        }
        have = set(Completion.objects.filter(part=part).values_list("person", flat=True))
        # Through the service, so each completion gets its credit split and certificate.
        for person in sorted(done, key=lambda p: p.email):
            if person.pk not in have:
                curriculum_services.part_complete(
                    person=person,
                    part=part,
                    on=timezone.localdate() - datetime.timedelta(days=rng.randint(1, 50)),
                    source=CompletionSource.ATTENDANCE,
                )
                completions += 1
    plans = _plans(held[::3], now)
    if report_services.learning_points_for(programme=programme) is None:
        report_services.learning_points_save(
            programme=programme, text=LEARNING_POINTS, by=people.get("programme.admin@example.org")
        )
    rollups.rebuild_all()
    return (
        f"Reports: {len(participants)} participants, {len(held)} earlier sessions, "
        f"{completions} new completions, {plans} new action plans; rollups rebuilt"
    )

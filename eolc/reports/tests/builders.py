"""Random programme activity written through the owning apps' services, as real use would."""

import datetime
import random

from django.utils import timezone

from eolc.accounts.models import Area, JobRole, Sector
from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import CompletionSource
from eolc.events import services as event_services
from eolc.events.models import Attendance, Event, EventKind, EventStatus, Registration
from eolc.events.tests.factories import RegistrationFactory

BOROUGHS = ["E09000007", "E09000019", "E09000012", "E09000014", "E09000003"]


def london_areas():
    return list(Area.objects.filter(code__in=BOROUGHS).order_by("code"))


def person(rng, areas, roles):
    return UserFactory(
        sector=rng.choice([*Sector.values, ""]),
        job_role=rng.choice([*roles, None]),
        area=rng.choice([*areas, None]),
    )


def event(rng, programme, areas, *, by, days=None):
    days = rng.randint(-200, 60) if days is None else days
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days, hours=rng.randint(0, 12))
    return event_services.event_create(
        created_by=by,
        title=f"Session {rng.randint(1, 10**6)}",
        kind=rng.choice(EventKind.values),
        status=EventStatus.PUBLISHED,
        programme=programme,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        area=rng.choice([*areas, None]),
        capacity=50,
        venue_name="Community hall",
    )


def attend(event_obj, someone, attended=True, by=None):
    RegistrationFactory(event=event_obj, person=someone)
    return event_services.attendance_record(event=event_obj, person=someone, attended=attended, by=by)


def activity(programme, *, sessions, per_session, seed=0, by=None, part=None):
    """`sessions` past sessions with `per_session` attendees each, plus two planned ones."""
    rng = random.Random(seed)
    areas = london_areas()
    roles = list(JobRole.objects.all())
    crowd = [person(rng, areas, roles) for _ in range(max(per_session * 2, 6))]
    for _ in range(sessions):
        held = event(rng, programme, areas, by=by, days=rng.randint(-200, -1))
        for someone in rng.sample(crowd, per_session):
            attend(held, someone, attended=rng.random() < 0.9, by=by)
    for _ in range(2):
        event(rng, programme, areas, by=by, days=rng.randint(1, 60))
    if part is not None:
        for someone in crowd[: len(crowd) // 2]:
            curriculum_services.part_complete(
                person=someone, part=part, on=timezone.localdate(), source=CompletionSource.IMPORTED
            )
    return crowd


def random_change(rng, programmes, crowd, areas, roles, parts, by):
    """One change of the kinds real use makes: new sessions, attendance, cancellations, edits."""
    programme = rng.choice(programmes)
    events = list(Event.objects.filter(programme__in=programmes).exclude(status=EventStatus.CANCELLED))
    choice = rng.random()
    if choice < 0.15 or not events:
        event(rng, programme, areas, by=by)
    elif choice < 0.55:
        target = rng.choice(events)
        someone = rng.choice(crowd)
        if not Registration.objects.for_event(target).confirmed().filter(person=someone).exists():
            RegistrationFactory(event=target, person=someone)
        event_services.attendance_record(event=target, person=someone, attended=rng.random() < 0.8, by=by)
    elif choice < 0.65:
        record = Attendance.objects.filter(event__in=events).order_by("?").first()
        # A person whose place was cancelled since keeps their record but cannot be re-marked.
        if (
            record is not None
            and Registration.objects.for_event(record.event).confirmed().filter(person=record.person).exists()
        ):
            event_services.attendance_record(
                event=record.event, person=record.person, attended=not record.attended, by=by
            )
    elif choice < 0.72:
        registration = Registration.objects.filter(event__in=events).active().order_by("?").first()
        if registration is not None:
            event_services.registration_cancel(registration=registration, by=by)
    elif choice < 0.77:
        event_services.event_cancel(event=rng.choice(events), by=by)
    elif choice < 0.87:
        target = rng.choice(events)
        moved = target.starts_at + datetime.timedelta(days=rng.randint(-40, 40))
        event_services.event_update(
            event=target,
            by=by,
            starts_at=moved,
            ends_at=moved + datetime.timedelta(hours=2),
            kind=rng.choice(EventKind.values),
            area=rng.choice([*areas, None]),
        )
    elif choice < 0.94:
        someone = rng.choice(crowd)
        someone.sector = rng.choice([*Sector.values, ""])
        someone.job_role = rng.choice([*roles, None])
        someone.area = rng.choice([*areas, None])
        someone.save()
    else:
        curriculum_services.part_complete(
            person=rng.choice(crowd),
            part=rng.choice(parts),
            on=timezone.localdate(),
            source=CompletionSource.IMPORTED,
        )

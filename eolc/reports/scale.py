"""A national-sized data set for benchmarking reports: people, sessions, attendances, completions
and before-and-after survey answers.

Rows are written with `bulk_create` in large batches (no signals, no per-row queries), then the
programme's rollups are rebuilt once. Everything lives in one programme whose slug marks it as
generated, so a second run adds a second programme rather than mixing with real data.
"""

import datetime
import random
import sys
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection, models, transaction
from django.utils import timezone

from eolc.accounts import services as account_services
from eolc.accounts.models import Area, AreaKind, JobRole, Sector
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import Completion, CompletionSource, Part, PartKind
from eolc.evaluation import services as evaluation_services
from eolc.evaluation.models import (
    Answer,
    Invitation,
    QuestionKind,
    Response,
    Schedule,
    Survey,
    SurveyKind,
    Timing,
)
from eolc.events import services as event_services
from eolc.events.models import Attendance, Event, EventKind, EventStatus, Registration, time_of_day
from eolc.programmes.models import Membership, Phase, Programme, Role
from eolc.reports import rollups

BATCH = 10_000
SECTOR_WEIGHTS = {
    Sector.HEALTH: 34,
    Sector.SOCIAL_CARE: 30,
    Sector.VOLUNTARY: 10,
    Sector.PRIVATE: 10,
    Sector.UNPAID_CARER: 5,
    Sector.EDUCATION: 3,
    Sector.OTHER: 3,
    "": 5,
}
KIND_WEIGHTS = {
    EventKind.WORKSHOP: 20,
    EventKind.VIRTUAL: 30,
    EventKind.SERIES: 10,
    EventKind.LEARNING_SESSION: 25,
    EventKind.CHAMPION_EVENT: 5,
    EventKind.WEBINAR: 8,
    EventKind.MENTORING: 2,
}


class Progress:
    """A one-line text progress bar; prints whole lines when the output is not a terminal."""

    def __init__(self, stream=None, width=30):
        self.stream = stream or sys.stdout
        self.width = width
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = -1

    def __call__(self, label, done, total):
        percent = int(100 * done / total) if total else 100
        if not self.tty and percent // 10 == self._last // 10 and done != total:
            return
        self._last = percent
        filled = self.width * percent // 100
        line = f"{label:<13} [{'#' * filled}{'.' * (self.width - filled)}] {percent:3d}% {done:,}/{total:,}"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done >= total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


@dataclass
class ScaleSummary:
    programme: Programme
    people: int
    events: int
    attendances: int
    completions: int
    answers: int
    seconds: float
    rollup_seconds: float


def _weighted(rng, weights, n):
    return rng.choices(list(weights), weights=list(weights.values()), k=n)


def _people(rng, n, tag, areas, roles, progress):
    User = get_user_model()
    ids = []
    for start in range(0, n, BATCH):
        size = min(BATCH, n - start)
        sectors = _weighted(rng, SECTOR_WEIGHTS, size)
        batch = [
            User(
                email=f"scale-{tag}-{start + i}@scale.invalid",
                full_name=f"Scale person {start + i}",
                password=UNUSABLE_PASSWORD_PREFIX,
                sector=sectors[i],
                job_role_id=rng.choice(roles),
                area_id=rng.choice(areas),
            )
            for i in range(size)
        ]
        created = User.objects.bulk_create(batch, batch_size=2000)
        ids.extend(person.pk for person in created)
        progress("People", start + size, n)
    return ids


def _events(rng, n, programme, areas, progress, now):
    created_ids = []
    for start in range(0, n, BATCH):
        size = min(BATCH, n - start)
        kinds = _weighted(rng, KIND_WEIGHTS, size)
        batch = []
        for i in range(size):
            starts = now + datetime.timedelta(days=rng.uniform(-730, 90))
            starts = starts.replace(minute=0, second=0, microsecond=0, hour=rng.choice([9, 10, 13, 14, 18]))
            online = kinds[i] in (EventKind.VIRTUAL, EventKind.WEBINAR)
            batch.append(
                Event(
                    title=f"Scale session {start + i}",
                    kind=kinds[i],
                    status=EventStatus.PUBLISHED,
                    programme=programme,
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2),
                    time_zone="Europe/London",
                    time_of_day=time_of_day(starts, "Europe/London"),
                    online=online,
                    area_id=None if online and rng.random() < 0.5 else rng.choice(areas),
                    capacity=200,
                    created_at=now,
                )
            )
        created_ids.extend(
            (event.pk, event.starts_at) for event in Event.objects.bulk_create(batch, batch_size=2000)
        )
        progress("Sessions", start + size, n)
    return created_ids


def _insert(model, columns, rows) -> None:
    """Plain rows straight into a table: COPY on PostgreSQL, one prepared INSERT on SQLite.

    A million model instances and their INSERT statements would cost more than the data itself.
    """
    table = model._meta.db_table
    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def _attendances(rng, n, events, people, progress, now, sample=None, keep=0.0):
    """Write `n` attendances over the held sessions; attended ones are put in `sample` at rate `keep`."""
    held = [pk for pk, starts in events if starts < now]
    if not held:
        return 0
    per_event, extra = divmod(n, len(held))
    written, buffer = 0, []
    for index, event_id in enumerate(held):
        size = min(per_event + (1 if index < extra else 0), len(people))
        attendees = rng.sample(people, size)
        rows = [(event_id, person_id, rng.random() < 0.92, now) for person_id in attendees]
        if sample is not None and keep:
            sample.extend(
                (event_id, person_id) for event_id, person_id, came, _ in rows if came and rng.random() < keep
            )
        buffer.extend(rows)
        if len(buffer) >= BATCH * 5 or index == len(held) - 1:
            with transaction.atomic():
                _insert(Attendance, ["event_id", "person_id", "attended", "recorded_at"], buffer)
            written += len(buffer)
            buffer = []
            progress("Attendances", written, n)
    return written


def _completions(rng, programme, people, progress, now):
    part = Part.objects.create(
        programme=programme, title="Working together at the end of life", kind=PartKind.LIVE, ce_hours=6
    )
    chosen = rng.sample(people, len(people) // 3)
    today = now.date()
    for start in range(0, len(chosen), BATCH):
        Completion.objects.bulk_create(
            [
                Completion(
                    person_id=person_id,
                    part=part,
                    completed_on=today - datetime.timedelta(days=rng.randint(0, 700)),
                    source=CompletionSource.ATTENDANCE,
                    ce_hours=part.ce_hours,
                    created_at=now,
                )
                for person_id in chosen[start : start + BATCH]
            ],
            batch_size=2000,
        )
        progress("Completions", min(start + BATCH, len(chosen)), len(chosen))
    return len(chosen)


# Share of people who answered before a session that also answered straight after it.
POST_RATE = 0.85


def _survey_pair(programme):
    """The standard before and after confidence surveys, copied into the programme."""
    surveys = {}
    for key in ("confidence-pre", "confidence-post"):
        template = Survey.objects.templates().get(template_key=key)
        surveys[template.kind] = evaluation_services.survey_copy(
            survey=template, programme=programme, by=None
        )
    return surveys[SurveyKind.PRE], surveys[SurveyKind.POST]


def _answer_rows(rng, questions, response_id, before=None):
    """Plain answer rows for one response; "after" scores move from `before` by a mostly positive change."""
    rows, scores = [], {}
    for question in questions:
        if question.kind in (QuestionKind.LIKERT, QuestionKind.CONFIDENCE):
            low, high = (1, 5) if question.kind == QuestionKind.LIKERT else (1, 10)
            if before is None:
                value = round(rng.gauss((low + high) / 2 - 0.8, (high - low) / 5))
            else:
                value = before.get(question.measure, low) + round(rng.gauss(0.12 * (high - low), 1.3))
            value = min(max(value, low), high)
            scores[question.measure] = value
            rows.append((response_id, question.pk, value, "", "[]", ""))
        elif question.kind == QuestionKind.SINGLE:
            rows.append((response_id, question.pk, None, rng.choice(question.options), "[]", ""))
    return rows, scores


def _survey_answers(rng, n, programme, sample, starts, progress):
    """About `n` answers: people who attended answer before, most of them after too; scores paired."""
    if not n or not sample:
        return 0
    pre_survey, post_survey = _survey_pair(programme)
    pre_questions = [q for q in pre_survey.questions.all() if q.kind != QuestionKind.TEXT]
    post_questions = [q for q in post_survey.questions.all() if q.kind != QuestionKind.TEXT]
    keys = {}
    written = 0
    for start in range(0, len(sample), BATCH // 5):
        chunk = sample[start : start + BATCH // 5]
        responses = []
        for event_id, person_id in chunk:
            if person_id not in keys:
                keys[person_id] = evaluation_services.pairing_key(
                    programme_id=programme.pk, person_id=person_id
                )
            when = starts[event_id]
            common = {"event_id": event_id, "person_id": person_id, "pairing_key": keys[person_id]}
            before = when - datetime.timedelta(days=1)
            responses.append(
                Response(
                    survey=pre_survey,
                    scope=f"event:{event_id}",
                    started_at=before,
                    submitted_at=before,
                    **common,
                )
            )
            if rng.random() < POST_RATE:
                after = when + datetime.timedelta(hours=2)
                responses.append(
                    Response(
                        survey=post_survey,
                        scope=f"event:{event_id}",
                        started_at=after,
                        submitted_at=after,
                        **common,
                    )
                )
        rows, scores = [], {}
        for response in Response.objects.bulk_create(responses, batch_size=2000):
            key = (response.event_id, response.person_id)
            if response.survey_id == pre_survey.pk:
                answers, scores[key] = _answer_rows(rng, pre_questions, response.pk)
            else:
                answers, _ = _answer_rows(rng, post_questions, response.pk, before=scores.get(key))
            rows.extend(answers)
        rows = rows[: n - written]
        with transaction.atomic():
            _insert(Answer, ["response_id", "question_id", "value", "choice", "choices", "text"], rows)
        written += len(rows)
        progress("Answers", written, n)
        if written >= n:
            break
    return written


def generate(*, people, events, attendances, answers=0, seed=2026, progress=None, lead=None) -> ScaleSummary:
    """Write the data set and rebuild its rollups; `lead` (a person) becomes programme administrator."""
    progress = progress or Progress()
    rng = random.Random(seed)
    started = time.perf_counter()
    now = timezone.now()
    tag = f"{seed}-{int(time.time())}"
    areas = list(
        Area.objects.filter(kind=AreaKind.LOCAL_AUTHORITY, parent__parent__code="E92000001").values_list(
            "pk", flat=True
        )
    )
    areas = areas or list(Area.objects.filter(kind=AreaKind.LOCAL_AUTHORITY).values_list("pk", flat=True))
    roles = list(JobRole.objects.values_list("pk", flat=True))
    with transaction.atomic():
        programme = Programme.objects.create(
            title=f"National scale test {tag}",
            slug=f"scale-{tag}",
            summary="Generated for benchmarks: a national programme at full size.",
        )
        phase = Phase.objects.create(
            programme=programme,
            name="National roll-out",
            starts_on=(now - datetime.timedelta(days=730)).date(),
            ends_on=(now + datetime.timedelta(days=90)).date(),
        )
        phase.target_areas.set(areas)
        if lead is not None:
            Membership.objects.create(programme=programme, person=lead, role=Role.ADMIN)
    person_ids = _people(rng, people, tag, areas, roles, progress)
    event_rows = _events(rng, events, programme, areas, progress, now)
    # Enough attended places to draw the survey answers from (before, and after at POST_RATE).
    per_person = 8 + POST_RATE * 7
    keep = min(1.0, 1.1 * answers / per_person / max(attendances * 0.92, 1))
    sample = []
    written = _attendances(rng, attendances, event_rows, person_ids, progress, now, sample, keep)
    completions = _completions(rng, programme, person_ids, progress, now)
    rng.shuffle(sample)
    answered = _survey_answers(rng, answers, programme, sample, dict(event_rows), progress)
    generated = time.perf_counter()
    state = rollups.programme_rebuild(programme.pk)
    progress("Rollups", 1, 1)
    return ScaleSummary(
        programme=programme,
        people=len(person_ids),
        events=len(event_rows),
        attendances=written,
        completions=completions,
        answers=answered,
        seconds=round(generated - started, 1),
        rollup_seconds=state.seconds,
    )


def trickle(programme, *, changes=50, seed=2027) -> dict[str, int]:
    """About `changes` everyday changes to a generated programme, each through its owning service.

    What a busy minute of a national programme looks like to the rollups: attendances recorded (some
    at sessions earlier than any so far, which moves people's first session), attendances corrected,
    places cancelled, sessions moved and cancelled, profiles edited, parts completed and "after"
    surveys answered. Returns how many of each were made.
    """
    rng = random.Random(seed)
    now = timezone.now()
    User = get_user_model()
    held = list(
        Event.objects.filter(programme=programme, status=EventStatus.PUBLISHED, starts_at__lt=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    people = list(
        Attendance.objects.filter(event__programme=programme)
        .order_by("pk")
        .values_list("person_id", flat=True)[:5000]
    )
    share = max(changes // 10, 1)
    made = dict.fromkeys(
        (
            "attendances",
            "late sessions",
            "corrections",
            "cancelled places",
            "moved",
            "cancelled sessions",
            "profiles",
            "completions",
            "answers",
        ),
        0,
    )

    def attend(event, person):
        registration, _ = event_services.registration_create(
            event=event, person=person, now=event.starts_at - datetime.timedelta(days=1), enforce_window=False
        )
        event_services.attendance_record(event=event, person=person, attended=True, now=event.starts_at)
        return registration

    registrations = []
    for _ in range(3 * share):
        event = Event.objects.get(pk=rng.choice(held))
        person = User.objects.get(pk=rng.choice(people))
        if not Attendance.objects.filter(event=event, person=person).exists():
            registrations.append(attend(event, person))
            made["attendances"] += 1
    starts = now - datetime.timedelta(days=800)
    late = event_services.event_create(
        created_by=None,
        title="Session recorded late",
        kind=EventKind.WORKSHOP,
        status=EventStatus.PUBLISHED,
        programme=programme,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        area=None,
        capacity=50,
        venue_name="Town hall",
    )
    for person in User.objects.filter(pk__in=rng.sample(people, share)):
        attend(late, person)
        made["late sessions"] += 1
    for registration in registrations[:share]:
        event_services.attendance_record(event=registration.event, person=registration.person, attended=False)
        made["corrections"] += 1
    for registration in Registration.objects.filter(pk__in=[r.pk for r in registrations[-share:]]):
        event_services.registration_cancel(registration=registration)
        made["cancelled places"] += 1
    for event in Event.objects.filter(pk__in=rng.sample(held, share // 2 + 1)):
        moved = event.starts_at + datetime.timedelta(days=rng.choice([-45, -20, 20]))
        event_services.event_update(
            event=event, by=None, starts_at=moved, ends_at=moved + datetime.timedelta(hours=2)
        )
        made["moved"] += 1
    event_services.event_cancel(event=Event.objects.get(pk=rng.choice(held)), by=None)
    made["cancelled sessions"] += 1
    for person in User.objects.filter(pk__in=rng.sample(people, share)):
        account_services.profile_update(person=person, sector=rng.choice(Sector.values))
        made["profiles"] += 1
    part = Part.objects.filter(programme=programme).first()
    for person in User.objects.filter(pk__in=rng.sample(people, share)):
        curriculum_services.part_complete(
            person=person, part=part, on=now.date(), source=CompletionSource.IMPORTED
        )
        made["completions"] += 1
    post = Survey.objects.filter(programme=programme, kind=SurveyKind.POST).first()
    if post is not None:
        questions = [
            q for q in post.questions.all() if q.kind in (QuestionKind.LIKERT, QuestionKind.CONFIDENCE)
        ]
        answered = Response.objects.filter(survey=post).values("event_id", "person_id")
        waiting = Response.objects.filter(survey__programme=programme, survey__kind=SurveyKind.PRE).exclude(
            event_id__in=answered.filter(person_id=models.OuterRef("person_id")).values("event_id")
        )
        for before in waiting.select_related("event", "person").order_by("pk")[:share]:
            schedule, _ = Schedule.objects.get_or_create(survey=post, event=before.event, timing=Timing.AFTER)
            invitation = Invitation.objects.create(
                schedule=schedule,
                survey=post,
                event=before.event,
                person=before.person,
                claimed_at=now,
                claim="trickle",
            )
            evaluation_services.response_save(
                invitation=invitation, answers={q: rng.randint(5, 9) for q in questions}, submit=True
            )
            made["answers"] += 1
    return made

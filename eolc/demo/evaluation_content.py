"""Demo surveys: the London programme uses the four templates on its learning sessions, and three
sessions that have already happened carry before, after, feedback and three-month answers from the
people who came, enough for paired results on the results page and in reports.

Everything is found again by natural keys (survey by programme and template, event by programme
and title, invitation by schedule, event and person), so loading twice adds nothing. Answers go
through the evaluation services, as a person's would; no emails are sent.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from eolc.accounts.models import Area
from eolc.demo import content
from eolc.demo.content import PARTICIPANT_PREFIX
from eolc.demo.events_content import LONDON_TZ, MORNING, SESSION_DESCRIPTION, _at
from eolc.evaluation import services as evaluation_services
from eolc.evaluation.models import Invitation, QuestionKind, Schedule, Survey, Timing
from eolc.events.models import Attendance, Event, EventKind, EventStatus, Registration, RegistrationStatus
from eolc.programmes.models import Membership

SEED = 2027

# (title, days from today, borough code, venue, host key)
PAST_SESSIONS = [
    (
        "Working together at the end of life: Hackney, earlier session",
        -110,
        "E09000012",
        "Homerton Row community room",
        "leaside_hospice",
    ),
    (
        "Working together at the end of life: Newham, earlier session",
        -45,
        "E09000025",
        "Forest Gate Community Garden hall",
        "la_newham",
    ),
    (
        "Working together at the end of life: Tower Hamlets, earlier session",
        -21,
        "E09000030",
        "Whitechapel Idea Store, room 2",
        "evergreen",
    ),
]

# template key -> (timing, days)
SENDING = {
    "confidence-pre": (Timing.BEFORE, 3),
    "confidence-post": (Timing.AFTER, 0),
    "session-feedback": (Timing.AFTER, 0),
    "follow-up-3-months": (Timing.LATER, 90),
}

DIFFERENTLY = [
    "Ring the hospice social worker before a discharge instead of emailing.",
    "Ask the care home what the person's wishes are before I visit.",
    "Bring the district nurses into our team huddle once a month.",
    "Check whether there is a care plan to share before I make a referral.",
    "Introduce myself to the GP practice's palliative care lead.",
    "Tell families about the carers' centre on the first visit, not the last.",
    "Use the local services map when someone asks me who to call out of hours.",
]
BETTER = [
    "More time in the small groups; the stories were the best part.",
    "A list of local contacts to take away would help.",
    "It would help to have a GP in the room next time.",
    "Slightly shorter introductions so we get to the discussion sooner.",
    "Nothing, it was one of the most useful sessions I have been to.",
    "More about talking to families from different faiths.",
]
DIFFERENCE = [
    "I rang the hospice team directly and the person was moved home in time, as they wanted.",
    "The care home manager I met called me about a resident's wishes; we had a plan within a day.",
    "I shared the person's advance care plan with the ambulance service, so they were not taken to hospital.",
    "Our team now meets the district nurses monthly and we catch problems earlier.",
    "I pointed a daughter to bereavement support I had never heard of before the session.",
]


def _clip(value, low, high):
    return max(low, min(high, round(value)))


def _surveys(programme, facilitator) -> dict[str, Survey]:
    surveys = {}
    for template in Survey.objects.templates().filter(template_key__in=SENDING):
        survey = Survey.objects.filter(programme=programme, created_from=template).first()
        if survey is None:
            survey = evaluation_services.survey_copy(survey=template, programme=programme, by=facilitator)
        surveys[template.template_key] = survey
    return surveys


def _past_sessions(programme, organisations, facilitator, people, rng):
    areas = Area.objects.in_bulk([code for _, _, code, _, _ in PAST_SESSIONS], field_name="code")
    sessions = []
    for title, days, code, venue, host in PAST_SESSIONS:
        starts = _at(days, MORNING, LONDON_TZ)
        event = Event.objects.filter(programme=programme, title=title).first() or Event(
            programme=programme, title=title
        )
        event.kind = EventKind.LEARNING_SESSION
        event.description = SESSION_DESCRIPTION
        event.status = EventStatus.PUBLISHED
        event.starts_at, event.ends_at = starts, starts + datetime.timedelta(minutes=90)
        event.time_zone = content.LONDON_TZ
        event.venue_name, event.area = venue, areas.get(code)
        event.host = organisations.get(host)
        event.capacity, event.created_by = 16, facilitator
        event.save()
        if facilitator is not None:
            event.facilitators.add(facilitator)
        group = random.Random(f"{SEED}:{title}").sample(people, min(len(people), 15))
        have = set(Registration.objects.filter(event=event).values_list("person_id", flat=True))
        booked_at = starts - datetime.timedelta(days=14)
        Registration.objects.bulk_create(
            Registration(
                event=event,
                person=person,
                status=RegistrationStatus.CONFIRMED,
                created_at=booked_at,
                confirmed_at=booked_at,
            )
            for person in group
            if person.pk not in have
        )
        for person in group:
            Attendance.objects.get_or_create(
                event=event,
                person=person,
                defaults={"attended": rng.random() < 0.9, "recorded_by": facilitator, "recorded_at": starts},
            )
        sessions.append(event)
    return sessions


def _answers(survey, rng, start):
    """Plausible answers: confidence rises after a session and mostly holds three months on."""
    values = {}
    for question in survey.questions.all():
        if question.kind == QuestionKind.CONFIDENCE:
            base = start.setdefault(question.measure, _clip(rng.gauss(4.8, 1.7), 1, 9))
            lift = {"pre": 0, "post": rng.gauss(1.9, 1.1), "follow_up": rng.gauss(1.5, 1.3)}[survey.kind]
            values[question] = _clip(base + lift, 1, 10)
        elif question.kind == QuestionKind.LIKERT:
            lift = 0 if survey.kind == "pre" else 1
            values[question] = _clip(rng.choice([2, 3, 3, 4, 4, 5]) + lift * rng.random(), 1, 5)
        elif question.kind == QuestionKind.SINGLE:
            values[question] = rng.choice(question.options[:2] + question.options)
        elif question.kind == QuestionKind.MULTIPLE:
            values[question] = rng.sample(question.options[:-1], rng.randint(1, 3))
        elif rng.random() < 0.6:
            pool = {"post": DIFFERENTLY, "feedback": BETTER, "follow_up": DIFFERENCE}.get(survey.kind, BETTER)
            values[question] = rng.choice(pool)
    return values


def _invite(schedule, event, person, when):
    invitation, _ = Invitation.objects.get_or_create(
        schedule=schedule,
        event=event,
        person=person,
        defaults={"survey": schedule.survey, "claimed_at": when, "claim": "demo", "sent_at": when},
    )
    return invitation


@transaction.atomic
def evaluation_load(*, programmes, organisations, people) -> str:
    programme = programmes[content.LONDON]
    facilitator = people.get("facilitator@example.org")
    learner = people.get("learner@example.org")
    surveys = _surveys(programme, facilitator)
    rng = random.Random(SEED)
    learners = sorted(
        {
            m.person
            for m in Membership.objects.filter(programme=programme, role="learner", person__is_demo=True)
            .exclude(person__email__startswith=PARTICIPANT_PREFIX)
            .select_related("person")
        }
        - {learner},
        key=lambda person: person.email,
    )
    sessions = _past_sessions(programme, organisations, facilitator, learners, rng)
    upcoming = Event.objects.filter(
        programme=programme, kind=EventKind.LEARNING_SESSION, status=EventStatus.PUBLISHED
    ).exclude(pk__in=[e.pk for e in sessions])
    # The reports demo adds its dashboard sessions after this runs; leave them out on every load.
    upcoming = upcoming.exclude(title__startswith="Earlier session").exclude(
        title__startswith="Planned session:"
    )
    for event in [*sessions, *upcoming]:
        for key, (timing, days) in SENDING.items():
            Schedule.objects.get_or_create(
                survey=surveys[key], event=event, defaults={"timing": timing, "days": days}
            )

    answered = 0
    now = timezone.now()
    for event in sessions:
        came = set(Attendance.objects.filter(event=event, attended=True).values_list("person_id", flat=True))
        registrations = Registration.objects.filter(event=event).exclude(person=learner)
        for registration in registrations.select_related("person"):
            person = registration.person
            # One generator per person and event, drawn in full every time, so a second load
            # makes the same choices and adds nothing.
            person_rng = random.Random(f"{SEED}:{event.title}:{person.email}")
            start = {}
            for key, survey in surveys.items():
                rate = {"confidence-pre": 0.9, "confidence-post": 0.8, "session-feedback": 0.7}.get(key, 0.6)
                responds = person_rng.random() <= rate
                values = _answers(survey, person_rng, start)
                schedule = survey.schedules.get(event=event)
                due, _ = evaluation_services.send_window(schedule, event)
                if due > now or (key != "confidence-pre" and person.pk not in came):
                    continue
                invitation = _invite(schedule, event, person, due)
                if invitation.responded_at or not responds:
                    continue
                evaluation_services.response_save(
                    invitation=invitation, answers=values, submit=True, now=due + datetime.timedelta(hours=5)
                )
                answered += 1

    # The demo learner came to the latest session: one survey to answer, one half done.
    if learner is not None and sessions:
        event = sessions[-1]
        booked = event.starts_at - datetime.timedelta(days=10)
        Registration.objects.get_or_create(
            event=event,
            person=learner,
            status=RegistrationStatus.CONFIRMED,
            defaults={"created_at": booked, "confirmed_at": booked},
        )
        Attendance.objects.get_or_create(
            event=event, person=learner, defaults={"attended": True, "recorded_by": facilitator}
        )
        _invite(surveys["session-feedback"].schedules.get(event=event), event, learner, event.ends_at)
        post = _invite(surveys["confidence-post"].schedules.get(event=event), event, learner, event.ends_at)
        if not post.responded_at and not evaluation_services.response_for(invitation=post):
            first = post.survey.questions.order_by("position").first()
            evaluation_services.response_save(invitation=post, answers={first: 6}, submit=False)
    return f"Surveys: {len(surveys)} in use, {len(sessions)} past sessions, {answered} responses added"

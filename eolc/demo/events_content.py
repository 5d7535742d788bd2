"""Demo events: 90-minute learning sessions in the morning, afternoon and evening across the London
boroughs and online, a regional workshop, champion events, a partner's webinar, and for the US
programme virtual sessions and a leadership series, with registrations spread over the sectors.

Events are found again by programme and title, so loading twice adds nothing; their dates are set
relative to the day of loading, so the calendar always has something coming up. Registrations are
written directly (no emails are sent for demo people).
"""

import datetime
import random
import zoneinfo

from django.db import transaction
from django.utils import timezone

from eolc.accounts.models import Area
from eolc.curriculum.models import Completion, Part
from eolc.demo import content
from eolc.demo.content import PARTICIPANT_PREFIX
from eolc.events.models import (
    Attendance,
    Event,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
    Series,
)
from eolc.programmes.models import Membership

SEED = 2026
LONDON_TZ = zoneinfo.ZoneInfo(content.LONDON_TZ)
NEW_YORK_TZ = zoneinfo.ZoneInfo("America/New_York")
MORNING, AFTERNOON, EVENING = (9, 30), (13, 30), (18, 0)

SESSION_DESCRIPTION = (
    "A 90-minute session for everyone who supports people at the end of their lives: home care "
    "workers, nurses, social workers, GPs, hospice and care home staff, carers and volunteers. We "
    "watch the film 'It helps to talk', work through the six key messages together and leave with "
    "one thing each of us will do differently. Groups are mixed on purpose."
)

# (title, kind, days from today, (hour, minute), minutes, borough code or None for online,
#  venue, host key, capacity, workplace open to others, fill fraction)
LONDON_EVENTS = [
    (
        "Working together at the end of life: Camden, morning",
        EventKind.LEARNING_SESSION,
        6,
        MORNING,
        90,
        "E09000007",
        "Kentish Town Community Centre",
        "la_camden",
        16,
        False,
        1.25,
    ),
    (
        "Working together at the end of life: Hackney, afternoon",
        EventKind.LEARNING_SESSION,
        9,
        AFTERNOON,
        90,
        "E09000012",
        "Leaside Hospice education room",
        "leaside_hospice",
        14,
        True,
        0.8,
    ),
    (
        "Working together at the end of life: online, evening",
        EventKind.LEARNING_SESSION,
        12,
        EVENING,
        90,
        None,
        "",
        "care_workforce",
        30,
        False,
        0.6,
    ),
    (
        "Working together at the end of life: Newham, evening",
        EventKind.LEARNING_SESSION,
        16,
        EVENING,
        90,
        "E09000025",
        "Stratford Library meeting room",
        "la_newham",
        16,
        False,
        0.5,
    ),
    (
        "Working together at the end of life: Tower Hamlets, morning",
        EventKind.LEARNING_SESSION,
        20,
        MORNING,
        90,
        "E09000030",
        "Evergreen Home Care training suite",
        "evergreen",
        12,
        True,
        0.7,
    ),
    (
        "Working together at the end of life: Barnet, afternoon",
        EventKind.LEARNING_SESSION,
        27,
        AFTERNOON,
        90,
        "E09000003",
        "Barnet Carers Hub",
        "carers_centre",
        16,
        False,
        0.4,
    ),
    (
        "Working together at the end of life: Waltham Forest, evening",
        EventKind.LEARNING_SESSION,
        34,
        EVENING,
        90,
        "E09000031",
        "Walthamstow Assembly Hall, small hall",
        "la_waltham_forest",
        18,
        False,
        0.2,
    ),
    (
        "Working together at the end of life: Islington, morning",
        EventKind.LEARNING_SESSION,
        -7,
        MORNING,
        90,
        "E09000019",
        "Islington Town Hall, committee room 3",
        "la_islington",
        16,
        False,
        0.9,
    ),
    (
        "North and East London regional workshop: barriers and solutions",
        EventKind.WORKSHOP,
        23,
        (9, 30),
        390,
        "E09000019",
        "Islington Assembly Hall",
        "regional_education",
        60,
        False,
        0.55,
    ),
    (
        "Champions network event: what worked, what didn't",
        EventKind.CHAMPION_EVENT,
        14,
        (14, 0),
        180,
        "E09000012",
        "Hackney Central Library",
        "palliative_council",
        30,
        False,
        0.5,
    ),
    (
        "Champions network event (online)",
        EventKind.CHAMPION_EVENT,
        41,
        EVENING,
        120,
        None,
        "",
        "palliative_council",
        40,
        False,
        0.3,
    ),
    (
        "Webinar: faith and cultural perspectives at the end of life",
        EventKind.WEBINAR,
        18,
        (12, 30),
        60,
        None,
        "",
        "faith_charity",
        100,
        False,
        0.35,
    ),
]

US_DESCRIPTION = (
    "A live virtual session of Part II for health care social workers, with case discussion in small "
    "groups. Attendance counts towards the part's continuing education hours."
)


def _at(days, hour_minute, zone):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(*hour_minute), tzinfo=zone)


def _event(programme, title, defaults) -> Event:
    event = Event.objects.filter(programme=programme, title=title).first() or Event(
        programme=programme, title=title
    )
    for name, value in defaults.items():
        setattr(event, name, value)
    event.save()
    return event


def _register(people, *, event=None, series=None, capacity, now, rng):
    """Give each person a place (or a waiting-list place once full), unless they already have one."""
    target = {"event": event} if event is not None else {"series": series}
    active = Registration.objects.filter(**target, status__in=["confirmed", "waitlisted"])
    have = set(active.values_list("person_id", flat=True))
    confirmed = active.filter(status=RegistrationStatus.CONFIRMED).count()
    new = []
    for index, person in enumerate(people):
        if person.pk in have:
            continue
        has_place = confirmed < capacity
        confirmed += has_place
        when = now - datetime.timedelta(days=rng.randint(2, 20), minutes=index)
        new.append(
            Registration(
                **target,
                person=person,
                status=RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITLISTED,
                created_at=when,
                confirmed_at=when if has_place else None,
                hopes=rng.choice(
                    ["", "", "How to talk to families", "Who to call out of hours", "Working with GPs"]
                ),
            )
        )
    Registration.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def events_load(*, programmes, organisations, people) -> str:
    rng = random.Random(SEED)
    now = timezone.now()
    london = programmes[content.LONDON]
    us = programmes[content.SOCIAL_WORK_CE]
    facilitator = people.get("facilitator@example.org")
    learner = people.get("learner@example.org")
    areas = Area.objects.in_bulk([spec[5] for spec in LONDON_EVENTS if spec[5]], field_name="code")
    london_people = sorted(
        {
            m.person
            for m in Membership.objects.filter(programme=london, person__is_demo=True)
            .exclude(person__email__startswith=PARTICIPANT_PREFIX)
            .select_related("person")
        },
        key=lambda person: person.email,
    )
    registrations = 0
    events = []
    for title, kind, days, start, minutes, code, venue, host, capacity, open_to_others, fill in LONDON_EVENTS:
        starts = _at(days, start, LONDON_TZ)
        online = code is None
        event = _event(
            london,
            title,
            {
                "kind": kind,
                "description": SESSION_DESCRIPTION if kind == EventKind.LEARNING_SESSION else title + ".",
                "status": EventStatus.PUBLISHED,
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(minutes=minutes),
                "time_zone": content.LONDON_TZ,
                "online": online,
                "joining_link": "https://meet.example.org/eolc-" + str(abs(hash(title)) % 10**6)
                if online
                else "",
                "venue_name": venue,
                "area": areas.get(code),
                "host": organisations[host],
                "capacity": capacity,
                "workplace_open_to_others": open_to_others,
                "created_by": facilitator,
            },
        )
        if facilitator is not None:
            event.facilitators.add(facilitator)
        # One generator per event, so a second load draws the same people whatever it adds.
        rng = random.Random(f"{SEED}:{title}")
        events.append(event)
        wanted = rng.sample(london_people, min(len(london_people), round(capacity * fill)))
        if learner is not None and "online, evening" in title and learner not in wanted:
            wanted.insert(0, learner)
        registrations += _register(wanted, event=event, capacity=capacity, now=min(now, starts), rng=rng)
        if days < 0:
            for registration in Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED):
                Attendance.objects.get_or_create(
                    event=event,
                    person=registration.person,
                    defaults={
                        "attended": rng.random() < 0.85,
                        "recorded_by": facilitator,
                        "recorded_at": starts,
                    },
                )

    # The US programme: Part II virtual sessions and the Part III leadership series.
    part_two = Part.objects.filter(programme=us, title__startswith="Part II").first()
    part_three = Part.objects.filter(programme=us, title__startswith="Part III").first()
    part_one = Part.objects.filter(programme=us, title__startswith="Part I:").first()
    finished = sorted(
        {c.person for c in Completion.objects.filter(part=part_one).select_related("person")}
        if part_one
        else set(),
        key=lambda person: person.email,
    )
    for number, (days, start) in enumerate([(10, (12, 0)), (24, (18, 30))], start=1):
        starts = _at(days, start, NEW_YORK_TZ)
        event = _event(
            us,
            f"Part II virtual session {number}: communication and advance care planning",
            {
                "kind": EventKind.VIRTUAL,
                "description": US_DESCRIPTION,
                "status": EventStatus.PUBLISHED,
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=3),
                "time_zone": "America/New_York",
                "online": True,
                "joining_link": f"https://meet.example.org/part-two-{number}",
                "host": organisations["us_owner"],
                "capacity": 25,
                "part": part_two,
            },
        )
        events.append(event)
        registrations += _register(finished[number - 1 :: 2], event=event, capacity=25, now=now, rng=rng)
    series = Series.objects.filter(programme=us, title="Part III leadership series").first() or Series(
        programme=us, title="Part III leadership series"
    )
    series.part, series.capacity = part_three, 12
    series.description = "Three live sessions on leading palliative care social work, registered as a whole."
    series.save()
    for number, days in enumerate([30, 44, 58], start=1):
        starts = _at(days, (13, 0), NEW_YORK_TZ)
        events.append(
            _event(
                us,
                f"Leadership series, session {number}",
                {
                    "kind": EventKind.SERIES,
                    "series": series,
                    "description": series.description,
                    "status": EventStatus.PUBLISHED,
                    "starts_at": starts,
                    "ends_at": starts + datetime.timedelta(hours=2),
                    "time_zone": "America/New_York",
                    "online": True,
                    "joining_link": "https://meet.example.org/leadership",
                    "host": organisations["us_owner"],
                    "capacity": 12,
                    "part": part_three,
                },
            )
        )
    registrations += _register(finished[:8], series=series, capacity=12, now=now, rng=rng)
    return f"Events: {len(events)} events, {registrations} registrations added"

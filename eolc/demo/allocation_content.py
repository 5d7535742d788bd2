"""Demo requests for places: three mixed learning sessions in north-east London that people asked
for by availability rather than booking, and a proposal waiting for the facilitator to confirm.

Sessions are found again by title, the round by title, requests by person, and a proposal is only
made when the round has none, so loading twice adds nothing.
"""

import datetime
import random
import zoneinfo

from django.db import transaction
from django.utils import timezone

from eolc.allocation import services
from eolc.allocation.models import Allocation, PlaceRequest, RequestRound
from eolc.demo import content
from eolc.demo.content import PARTICIPANT_PREFIX
from eolc.events.models import Event, EventKind, EventStatus
from eolc.programmes.models import Membership

SEED = "allocation"
ROUND_TITLE = "Mixed learning sessions: talking about dying, across sectors"
# (title, days from today, local start, venue)
SESSIONS = [
    ("Mixed learning session: Tuesday evening", 16, (18, 0), "Hackney Central Library"),
    ("Mixed learning session: Thursday morning", 18, (9, 30), "Tower Hamlets Town Hall"),
    ("Mixed learning session: online, Saturday", 21, (10, 0), ""),
]
PLACES = 8
REQUESTS = 30


def _session(programme, facilitator, title, days, start, venue) -> Event:
    zone = zoneinfo.ZoneInfo(content.LONDON_TZ)
    day = timezone.localdate() + datetime.timedelta(days=days)
    starts = datetime.datetime.combine(day, datetime.time(*start), tzinfo=zone)
    event = Event.objects.filter(programme=programme, title=title).first() or Event(
        programme=programme, title=title
    )
    event.kind = EventKind.LEARNING_SESSION
    event.description = (
        "A 90-minute learning session for health and social care staff, volunteers and unpaid carers "
        "together. Say which of the dates you could make; places are shared out so every group is mixed."
    )
    event.status = EventStatus.PUBLISHED
    event.starts_at, event.ends_at = starts, starts + datetime.timedelta(minutes=90)
    event.time_zone = content.LONDON_TZ
    event.online = not venue
    event.venue_name = venue
    event.capacity = PLACES
    event.created_by = facilitator
    event.save()
    if facilitator is not None:
        event.facilitators.add(facilitator)
    return event


@transaction.atomic
def allocation_load(*, programmes, people) -> str:
    london = programmes[content.LONDON]
    facilitator = people.get("facilitator@example.org")
    events = [_session(london, facilitator, *spec) for spec in SESSIONS]
    request_round = RequestRound.objects.filter(title=ROUND_TITLE).first()
    if request_round is None:
        request_round = services.round_open(
            title=ROUND_TITLE, events=events, by=facilitator, min_sectors=3, max_sector_share=50
        )
    if not request_round.is_open:
        return f"Requests for places: “{ROUND_TITLE}” is already confirmed"
    members = (
        Membership.objects.filter(programme=london, person__is_demo=True)
        .exclude(person__email__startswith=PARTICIPANT_PREFIX)
        .select_related("person")
    )
    candidates = sorted({m.person for m in members if m.person != facilitator}, key=lambda p: p.email)
    rng = random.Random(SEED)
    now = timezone.now()
    asked = set(PlaceRequest.objects.in_round(request_round).values_list("person_id", flat=True))
    added = 0
    for index, person in enumerate(rng.sample(candidates, min(REQUESTS, len(candidates)))):
        # Most can make two of the dates; some only one. Earlier requests came in over two weeks.
        choices = rng.sample(events, rng.choice([1, 2, 2, 2, 3]))
        if person.pk in asked:
            continue
        services.place_request_save(
            request_round=request_round,
            person=person,
            available_events=choices,
            now=now - datetime.timedelta(days=14, minutes=-37 * index),
        )
        added += 1
    proposals = Allocation.objects.for_round(request_round)
    if not proposals.exists():
        allocation = services.allocation_create(request_round=request_round, by=facilitator, queue=False)
        services.allocation_run(allocation_id=allocation.pk)
    return f"Requests for places: {added} new requests in “{ROUND_TITLE}”, a proposal ready to confirm"

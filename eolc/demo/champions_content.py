"""Demo champions network for the London programme: active champions across the boroughs with mixed
consents, a few people waiting for approval, tracked invitation links, noticeboard threads, the
project and strategic groups, and one open consultation with some views in.

Champions are found again by network and person, sources by code; consents are written only for a
champion who has none yet, so loading twice adds nothing.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from eolc.champions import services
from eolc.champions.models import (
    Activation,
    Audience,
    Champion,
    ChampionStatus,
    ConsentField,
    ConsentMethod,
    Consultation,
    Group,
    InvitationSource,
    Motivation,
    Post,
    Stance,
    Thread,
)
from eolc.curriculum.models import Domain
from eolc.demo import content
from eolc.demo.content import PARTICIPANT_PREFIX
from eolc.programmes.models import Membership, Role

SEED = 2027
INVITATION_TEXT = (
    "The network brings together home care workers, nurses, social workers, GPs, hospice staff, "
    "carers and volunteers across north and east London. Champions met for the first time in "
    "Hackney; the next champion events are listed on the events calendar."
)
SOURCES = [
    ("hackney-newsletter", "Hackney care providers' newsletter", 64),
    ("care-home-forum", "Waltham Forest care home managers' forum", 31),
    ("learning-session", "Slide at the end of each learning session", 118),
]
BIOS = [
    "I have worked in home care for twelve years and want carers to feel part of the team around a person.",
    "District nurse. Interested in how we share advance care plans between services.",
    "I cared for my mother at home last year and want other families to get better information.",
    "Hospice social worker; I run a monthly drop-in for care home staff.",
    "GP with a special interest in care homes and anticipatory prescribing.",
    "Volunteer with a bereavement group, and a retired teacher.",
]
JOB_TITLES = [
    "Senior carer",
    "Community nurse",
    "Discharge coordinator",
    "Care home manager",
    "Hospice social worker",
    "Volunteer coordinator",
]
# How much each champion shares, as (field, audience) pairs; picked in turn for variety.
SHARING = [
    [
        ("email", "champions"),
        ("organisation", "champions"),
        ("job_title", "champions"),
        ("messages", "champions"),
    ],
    [("messages", "champions"), ("bio", "champions")],
    [("email", "champions"), ("phone", "champions"), ("bio", "champions"), ("organisation", "members")],
    [],
    [("messages", "champions"), ("messages", "members"), ("job_title", "members")],
    [("email", "members"), ("email", "champions"), ("bio", "members")],
]
PENDING = 3
# (category, title, [post bodies]); the first post opens the thread, each by a different champion.
THREADS = [
    (
        "questions",
        "Who do you call out of hours when someone is dying at home?",
        [
            "A home care worker asked me this last week and I realised I was not sure myself. What do "
            "people use in their borough?",
            "In Waltham Forest the hospice runs a 24-hour advice line for professionals and families. "
            "The number is on the back of our care plans now.",
            "We print it on the fridge sheet in people's homes so the night carers can find it.",
        ],
    ),
    (
        "practice",
        "Care home huddles with the district nurses",
        [
            "Every Tuesday at 2pm our district nurse joins a 15-minute huddle at the care home. We go "
            "through anyone whose needs are changing. Happy to share the one-page agenda.",
            "We tried this in Newham and it cut the number of unplanned hospital transfers noticeably.",
        ],
    ),
    (
        "learning",
        "What we took away from the Hackney champions event",
        [
            "Three things from the afternoon: talk about what matters to the person early, write it "
            "down where everyone can see it, and check who the family can call.",
        ],
    ),
    (
        "events",
        "Bereavement café in Islington, first Thursday of the month",
        ["Open to carers, families and staff. Tea, cake and someone to talk to. No need to book."],
    ),
]


def _consents(champion, sharing, now):
    if champion.consents.exists():
        return 0
    for n, (field, audience) in enumerate(sharing):
        services.consent_record(
            champion=champion,
            field=ConsentField(field),
            audience=Audience(audience),
            granted=True,
            method=ConsentMethod.WEB,
            by=champion.person,
            now=now - timedelta(days=20, minutes=-n),
        )
    return len(sharing)


def _threads(network, authors, now):
    """Written directly so that loading sends no notification emails."""
    for n, (category, title, bodies) in enumerate(THREADS):
        started = now - timedelta(days=12 - 3 * n, hours=n)
        thread, created = Thread.objects.get_or_create(
            network=network,
            title=title,
            defaults={
                "category": category,
                "author": authors[n],
                "created_at": started,
                "last_post_at": started,
            },
        )
        if not created:
            continue
        for m, body in enumerate(bodies):
            at = started + timedelta(hours=5 * m)
            Post.objects.create(
                thread=thread, author=authors[(n + 3 * m) % len(authors)], body=body, created_at=at
            )
            thread.last_post_at = at
        thread.save(update_fields=["last_post_at"])
    return network.threads.count()


CONSULTATION_TITLE = "Draft role guide: what a home care worker can do at the end of life"
CONSULTATION_BODY = (
    "This two-page guide is for home care workers and the people they work alongside. It sets out "
    "what a home care worker can do when someone they support is dying at home: noticing changes, "
    "who to call and when, being present, and looking after themselves afterwards.\n\n"
    "We would particularly like to know whether the 'who to call' section matches how things work "
    "in your borough."
)


def _groups_and_consultation(programme, people, champions, now):
    admin = people.get("programme.admin@example.org")
    commissioners = Membership.objects.filter(
        programme=programme, role=Role.COMMISSIONER, person__is_demo=True
    )
    for membership in commissioners.order_by("person__email")[:3]:
        services.group_member_add(
            programme=programme, person=membership.person, group=Group.STRATEGIC, by=admin
        )
    for champion in champions[:4]:
        services.group_member_add(programme=programme, person=champion, group=Group.PROJECT, by=admin)
    consultation = Consultation.objects.filter(programme=programme, title=CONSULTATION_TITLE).first()
    if consultation is None:
        consultation = Consultation.objects.create(
            programme=programme,
            title=CONSULTATION_TITLE,
            body=CONSULTATION_BODY,
            to_champions=True,
            to_strategic_group=True,
            closes_on=(now + timedelta(days=10)).date(),
            opened_by=admin,
            opened_at=now - timedelta(days=4),
        )
        views = [
            (Stance.ENDORSE, ""),
            (
                Stance.CHANGES,
                "In Havering the out-of-hours number is different; could the guide say 'your local line'?",
            ),
            (Stance.COMMENT, "Lovely and clear. Could there be a version in larger print?"),
            (Stance.ENDORSE, ""),
        ]
        for person, (stance, comment) in zip(champions[1:], views, strict=False):
            services.consultation_respond(
                consultation=consultation, person=person, stance=stance, comment=comment
            )
    return consultation


@transaction.atomic
def champions_load(*, programmes, people) -> str:
    rng = random.Random(SEED)
    now = timezone.now()
    london = programmes[content.LONDON]
    network = services.network_open(programme=london, invitation_text=INVITATION_TEXT)
    sources = []
    for code, label, visits in SOURCES:
        source, _ = InvitationSource.objects.get_or_create(
            network=network, code=code, defaults={"label": label, "visits": visits}
        )
        sources.append(source)
    domains = list(Domain.objects.all())
    members = (
        Membership.objects.filter(programme=london, role=Role.CHAMPION, person__is_demo=True)
        .select_related("person")
        .order_by("person__email")
    )
    consents = 0
    for n, membership in enumerate(members):
        champion, _ = Champion.objects.get_or_create(
            network=network,
            person=membership.person,
            defaults={
                "status": ChampionStatus.ACTIVE,
                "motivations": rng.sample(Motivation.values, rng.randint(1, 2)),
                "job_title": JOB_TITLES[n % len(JOB_TITLES)],
                "phone": f"020 7946 {rng.randint(0, 999):04d}",
                "bio": BIOS[n % len(BIOS)],
                "source": sources[n % len(sources)] if n % 2 else None,
                "joined_at": now - timedelta(days=60 - n),
                "activated_at": now - timedelta(days=40 - n),
                "activated_by": Activation.ATTENDANCE if n % 3 else Activation.APPROVAL,
            },
        )
        if not champion.interests.exists():
            champion.interests.set(rng.sample(domains, 2))
        consents += _consents(champion, SHARING[n % len(SHARING)], now)
    learners = (
        Membership.objects.filter(programme=london, role=Role.LEARNER, person__is_demo=True)
        .exclude(person__email__startswith=PARTICIPANT_PREFIX)
        .exclude(person__championships__network=network)
        .select_related("person")
        .order_by("person__email")
    )
    if network.champions.filter(status=ChampionStatus.PENDING).count() < PENDING:
        for n, membership in enumerate(learners[:PENDING]):
            Champion.objects.get_or_create(
                network=network,
                person=membership.person,
                defaults={
                    "motivations": [Motivation.ENTHUSIASM],
                    "statement": "I would like to help care homes and home care talk to each other more.",
                    "source": sources[n % len(sources)],
                },
            )
    active_people = [c.person for c in network.champions.filter(status=ChampionStatus.ACTIVE).order_by("pk")]
    threads = _threads(network, active_people, now)
    _groups_and_consultation(london, people, active_people, now)
    active = network.champions.filter(status=ChampionStatus.ACTIVE).count()
    pending = network.champions.filter(status=ChampionStatus.PENDING).count()
    return (
        f"Champions: {active} active, {pending} pending, {consents} consents added, {threads} threads, "
        f"{london.consultations.count()} consultation"
    )

"""Demo library: role pages, faith guides, resources with generated files, a 90-minute plan, deliveries.

Idempotent: roles and guides by slug, resources by title, the plan by title, deliveries by
(trainer, date). Files are generated once (small PDFs by WeasyPrint, one Word file) and kept.
"""

import datetime
import io
import textwrap
import zipfile

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape

from eolc.accounts.models import Area
from eolc.curriculum.models import Domain
from eolc.demo import content
from eolc.demo.library_faith import COMMON_SOURCES, GUIDES, MEDICAL_EXAMINER_POINT, REVIEW_DATE
from eolc.demo.library_roles import ROLES
from eolc.insights.models import KeyMessage
from eolc.library import services
from eolc.library.models import (
    CareRole,
    DeliveredSession,
    FaithGuide,
    Resource,
    ResourceKind,
    Responsibility,
    SessionPlan,
    Status,
    allowed_file_types,
)
from eolc.library.uploads import check_upload

FILM_TITLE = "It helps to talk (film)"
FILM_CAPTIONS = """WEBVTT

00:00.000 --> 00:05.000
This film tells the story of the end of someone's life.

00:05.500 --> 00:10.000
JOAN: I didn't know who to ring. Everyone came, but nobody talked to each other.

00:10.500 --> 00:16.000
MAYA (home care worker): I noticed Joan's mum wasn't eating. I wrote it in the folder.

00:16.500 --> 00:22.000
DAVID (district nurse): I never saw the folder. If I'd known, I would have come sooner.

00:22.500 --> 00:28.000
JOAN: When the nurse, the carers and the GP finally met, everything changed.

00:28.500 --> 00:32.000
JOAN: It helps to talk. To us, and to each other.
"""
FILM_TRANSCRIPT = """
This film tells the story of the end of someone's life, and may be distressing.

Joan cared for her mother, Rose, at home for the last six months of Rose's life. "I didn't know who to
ring," Joan says. "Everyone came, but nobody talked to each other."

Maya, Rose's home care worker, noticed that Rose had stopped eating her breakfast and wrote it in the care
folder. David, the district nurse, never saw the folder: the notes were kept in a different place. By the
time the GP heard, Rose was in pain at night and Joan had not slept for a week.

When the district nurse, the care agency, the GP and a social worker met at Rose's kitchen table, they
agreed one folder, one number to call at night, and a carer's assessment for Joan. Rose died at home, as she
had wanted, with Joan and Maya beside her.

"It helps to talk," Joan says. "To us, and to each other."
"""

DOCUMENTS = [
    {
        "title": "Understanding roles: working together to improve end of life care",
        "kind": ResourceKind.ROLE_GUIDE,
        "summary": "A handout describing the nine roles around a person at the end of life and what "
        "each needs.",
        "body": "Use as a handout after the role-card activity, or give to new staff as an introduction "
        "to who "
        "does what. Covers the person receiving care, primary carer, district nurse, home care worker, GP, "
        "hospice worker, palliative care specialist, social worker and care home worker.",
        "audiences": ["front_line", "trainer"],
        "domains": ["structure-and-processes", "social"],
        "roles": [role["slug"] for role in ROLES],
        "licence": "ogl-3",
    },
    {
        "title": "Role cards for the group activity",
        "kind": ResourceKind.ROLE_GUIDE,
        "summary": "Nine printable cards, one per role, for the mixed-group activity in the learning "
        "session.",
        "body": "Print one set per table. Each card gives what the role does and what it needs from others; "
        "groups place the cards around the person and discuss where the gaps are.",
        "audiences": ["trainer"],
        "domains": ["structure-and-processes"],
        "roles": [role["slug"] for role in ROLES],
        "licence": "ogl-3",
    },
    {
        "title": "Faith perspectives: a quick reference for front-line staff",
        "kind": ResourceKind.FAITH_GUIDE,
        "summary": "Two pages summarising the six faith and belief guides, to keep in a care folder or "
        "office.",
        "body": "A printable summary of the Jewish, Muslim, Hindu, Sikh, Christian and non-religious "
        "guides in "
        "this library, with the questions to ask a person and their family.",
        "audiences": ["front_line"],
        "domains": ["spiritual", "cultural"],
        "roles": ["home-care-worker", "care-home-worker"],
        "licence": "ogl-3",
    },
    {
        "title": "Working together: 90-minute learning session plan",
        "kind": ResourceKind.SESSION_PLAN,
        "summary": "The timed plan for the learning session, with activities, key messages and what to "
        "print.",
        "body": "For trainers running the session for a mixed group of health, social care, voluntary sector "
        "staff and carers. Sessions work best with 12 to 20 people from at least three sectors.",
        "audiences": ["trainer"],
        "domains": ["structure-and-processes"],
        "roles": [],
        "licence": "ogl-3",
    },
    {
        "title": "Six key messages for working together",
        "kind": ResourceKind.BEST_PRACTICE,
        "summary": "The six messages front-line workers said matter most when supporting someone at the "
        "end of life.",
        "body": "Developed with champions from health, social care, the voluntary sector and carers at mixed "
        "events. Each message comes with examples of what worked and what did not.",
        "audiences": ["front_line", "trainer", "manager"],
        "domains": ["structure-and-processes", "psychological"],
        "roles": [],
        "licence": "ogl-3",
    },
    {
        "title": "Evaluation report: working together in north-east London",
        "kind": ResourceKind.EVALUATION,
        "summary": "What the project did, who took part, what changed and recommendations for others.",
        "body": "Covers the champions network, the learning sessions in ten boroughs, feedback from "
        "participants and follow-up three months later. Includes learning points for commissioners.",
        "audiences": ["manager"],
        "domains": ["structure-and-processes"],
        "roles": [],
        "licence": "ogl-3",
    },
    {
        "title": "Briefing for managers: releasing staff for the learning session",
        "kind": ResourceKind.BEST_PRACTICE,
        "summary": "Why a 90-minute session is worth the cover, and how to support staff to use what "
        "they learn.",
        "body": "For managers in care agencies, care homes, community health teams and voluntary "
        "organisations. Suggests how to follow up action plans in supervision.",
        "audiences": ["manager"],
        "domains": ["structure-and-processes"],
        "roles": [],
        "licence": "ogl-3",
    },
]

WORD_DOCUMENT = {
    "title": "Action plan template (Word)",
    "kind": ResourceKind.DOCUMENT,
    "summary": "A one-page template for participants to write what they will do differently after the "
    "session.",
    "body": "Participants write up to three actions, who they will work with and by when. The same questions "
    "appear in the online action plan.",
    "audiences": ["front_line", "trainer"],
    "domains": ["structure-and-processes"],
    "roles": [],
    "licence": "ogl-3",
}

LINKS = [
    {
        "title": "NICE guideline NG31: Care of dying adults in the last days of life",
        "kind": ResourceKind.LINK,
        "url": "https://www.nice.org.uk/guidance/ng31",
        "summary": "National guidance on recognising dying, communication, hydration and medicines.",
        "body": "Clinical guidance from the National Institute for Health and Care Excellence.",
        "audiences": ["front_line", "manager"],
        "domains": ["end-of-life", "physical"],
        "roles": ["gp", "district-nurse", "palliative-care-specialist"],
        "licence": "all-rights",
    },
    {
        "title": "NICE guideline NG142: End of life care for adults: service delivery",
        "kind": ResourceKind.LINK,
        "url": "https://www.nice.org.uk/guidance/ng142",
        "summary": "How services should be organised to support adults in their last year of life.",
        "body": "Includes identifying people who may be approaching the end of life, coordinated care and "
        "support for carers.",
        "audiences": ["manager"],
        "domains": ["structure-and-processes"],
        "roles": ["social-worker", "primary-carer"],
        "licence": "all-rights",
    },
]

PLAN_TITLE = "Working together to improve end of life care: 90-minute session"
PLAN_SECTIONS = [
    (
        "Welcome and introductions",
        10,
        "Introduce yourself and the session. Each person says their name, where they work and one thing they "
        "hope to learn. Agree ground rules, including confidentiality and looking after yourself.",
        "Give the content warning for the film now. Say people may step out at any time.",
        [],
    ),
    (
        "Film: It helps to talk",
        15,
        "Watch the film (about ten minutes) with captions on. Give people a moment afterwards.",
        "Check the captions work before the session. Have the transcript printed for anyone who wants it.",
        [FILM_TITLE],
    ),
    (
        "What did you notice?",
        15,
        "In mixed pairs: what went well for Rose and Joan, and what did not? Take feedback from the room and "
        "write the points on a flipchart in two columns.",
        "Draw out missed information and who could have talked to whom.",
        [],
    ),
    (
        "Who does what: role cards",
        20,
        "In mixed groups of four to six, place the nine role cards around the person. For each role, "
        "agree what they do, when they are involved and what they need from the others. Groups mark "
        "where the gaps are.",
        "Make sure each group has people from at least two sectors.",
        [
            "Role cards for the group activity",
            "Understanding roles: working together to improve end of life care",
        ],
    ),
    (
        "The six key messages",
        10,
        "Present the six key messages. Link each one to something the groups said about the film or the "
        "roles.",
        "",
        ["Six key messages for working together"],
    ),
    (
        "Faith and culture",
        10,
        "Short case discussion: a Muslim man is dying at home and his family ask for his body to be released "
        "quickly. What do you need to know and who would you call? Point to the faith guides.",
        "Stress that individuals vary: the guides help people ask good questions.",
        ["Faith perspectives: a quick reference for front-line staff"],
    ),
    (
        "Action planning and close",
        10,
        "Each person writes one to three actions they will take, with whom and by when, on paper or online. "
        "Invite people to find a buddy. Ask for feedback and close.",
        "Collect attendee numbers by sector before people leave, to record the session.",
        ["Action plan template (Word)"],
    ),
]

DELIVERIES = [
    # (days ago, local authority code, venue, counts by sector)
    (40, "E09000012", "Community centre, Dalston", {"social_care": 7, "health": 5, "voluntary": 3}),
    (26, "E09000025", "Library meeting room, Stratford", {"social_care": 4, "health": 6, "unpaid_carer": 3}),
    (
        12,
        "E09000019",
        "GP practice training room, Holloway",
        {"social_care": 6, "health": 4, "private": 5, "voluntary": 2},
    ),
]


def _pdf(title: str, summary: str, body: str) -> bytes:
    # Imported here: WeasyPrint loads Pango, which only generating files needs.
    from weasyprint import HTML

    html = (
        "<html><head><style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2cm}"
        "h1{color:#005eb8;font-size:20pt}</style></head><body>"
        f"<h1>{escape(title)}</h1><p><strong>{escape(summary)}</strong></p><p>{escape(body)}</p>"
        "<p>Demo file generated by EoLC Together.</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def _docx(title: str, body: str) -> bytes:
    """A minimal but valid Word document: content types, package relationships and one body part."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/'
        'word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    paragraphs = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in (title, body))
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def _text(value: str) -> str:
    """Guide text is indented in the source for reading; stored without that indentation."""
    return textwrap.dedent(value).strip()


ROLE_TEXTS = ("what_they_do", "when_involved", "needs_from_others", "how_to_reach")


def _roles() -> dict[str, CareRole]:
    roles = {}
    for number, data in enumerate(ROLES, start=1):
        texts = {name: _text(data[name]) for name in ROLE_TEXTS}
        role, _ = CareRole.objects.update_or_create(
            slug=data["slug"],
            defaults={
                **texts,
                "name": data["name"],
                "summary": data["summary"],
                "number": number,
                "status": Status.PUBLISHED,
            },
        )
        for task, involvement in data["responsibilities"].items():
            Responsibility.objects.update_or_create(
                role=role, task=task, defaults={"involvement": involvement}
            )
        role.responsibilities.exclude(task__in=data["responsibilities"]).delete()
        roles[role.slug] = role
    return roles


def _faith_guides() -> int:
    for number, data in enumerate(GUIDES, start=1):
        FaithGuide.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "number": number,
                "introduction": _text(data["introduction"]),
                "talking_about_death": _text(data["talking_about_death"]),
                "care_before_death": _text(data["care_before_death"]),
                "at_time_of_death": _text(data["at_time_of_death"]),
                "after_death": _text(data["after_death"]),
                "practical_points": _text(data["practical_points"])
                + (f"\n- {MEDICAL_EXAMINER_POINT}" if data.get("medical_examiner") else ""),
                "sources": "\n".join([*data["sources"], *COMMON_SOURCES]),
                "review_date": REVIEW_DATE,
                "status": Status.PUBLISHED,
            },
        )
    return len(GUIDES)


def _resource(data, *, programme, roles, domains, creator, file_bytes=None, file_name="", extra=None):
    """Create a resource once (through the services, with its file checked like an upload) and publish it."""
    existing = Resource.objects.filter(title=data["title"]).first()
    if existing is not None:
        return existing
    upload, file_type = None, None
    if file_bytes is not None:
        upload = ContentFile(file_bytes, name=file_name)
        file_type = check_upload(upload, allowed=allowed_file_types(data["kind"]))
    fields = {
        "title": data["title"],
        "kind": data["kind"],
        "summary": data["summary"],
        "body": data["body"],
        "programme": programme,
        "licence": data["licence"],
        "version": "1.0",
        "review_date": timezone.localdate().replace(day=1) + datetime.timedelta(days=365),
        "url": data.get("url", ""),
        **(extra or {}),
    }
    resource = services.resource_create(
        created_by=creator,
        data=fields,
        audiences=data["audiences"],
        domains=[domains[slug] for slug in data["domains"]],
        roles=[roles[slug] for slug in data["roles"]],
        upload=upload,
        file_type=file_type,
    )
    return services.resource_publish(resource=resource)


def _resources(*, programme, roles, creator) -> dict[str, Resource]:
    domains = Domain.objects.in_bulk(field_name="slug")
    made = {}
    for data in DOCUMENTS:
        slug = data["title"].lower().split(":")[0].replace(" ", "-")[:40]
        made[data["title"]] = _resource(
            data,
            programme=None if data["kind"] == ResourceKind.FAITH_GUIDE else programme,
            roles=roles,
            domains=domains,
            creator=creator,
            file_bytes=None
            if Resource.objects.filter(title=data["title"]).exists()
            else _pdf(data["title"], data["summary"], data["body"]),
            file_name=f"{slug}.pdf",
        )
    made[WORD_DOCUMENT["title"]] = _resource(
        WORD_DOCUMENT,
        programme=programme,
        roles=roles,
        domains=domains,
        creator=creator,
        file_bytes=_docx(WORD_DOCUMENT["title"], WORD_DOCUMENT["body"]),
        file_name="action-plan-template.docx",
    )
    for data in LINKS:
        made[data["title"]] = _resource(data, programme=None, roles=roles, domains=domains, creator=creator)
    film = {
        "title": FILM_TITLE,
        "kind": ResourceKind.FILM,
        "url": "https://films.eolc-together.example/it-helps-to-talk",
        "summary": "A ten-minute film, told by a daughter who cared for her mother, about services "
        "talking to each "
        "other.",
        "body": "Made from the stories of end-of-life care champions. Shown in the learning session; "
        "captions "
        "and a full transcript are included.",
        "audiences": ["front_line", "trainer"],
        "domains": ["structure-and-processes", "social", "end-of-life"],
        "roles": ["primary-carer", "home-care-worker", "district-nurse", "gp", "social-worker"],
        "licence": "ogl-3",
    }
    made[FILM_TITLE] = _resource(
        film,
        programme=programme,
        roles=roles,
        domains=domains,
        creator=creator,
        extra={
            "captions": FILM_CAPTIONS,
            "transcript": FILM_TRANSCRIPT.strip(),
            "content_warning": "This is a story about the end of someone's life and may be distressing.",
        },
    )
    # A draft that shows the publishing rule: it has no captions yet, so it cannot be published.
    if not Resource.objects.filter(title="A carer's view (film, draft)").exists():
        services.resource_create(
            created_by=creator,
            data={
                "title": "A carer's view (film, draft)",
                "kind": ResourceKind.FILM,
                "summary": "A second film, from a husband caring for his wife. Waiting for captions.",
                "body": "Draft: captions and a transcript are being written.",
                "programme": programme,
                "url": "https://films.eolc-together.example/a-carers-view",
                "licence": "programme-only",
            },
            audiences=["front_line"],
            domains=[],
            roles=[roles["primary-carer"]],
        )
    return made


def _plan(*, programme, resources, creator) -> SessionPlan:
    """The plan teaches the programme's published key messages (from the insights demo, loaded first)."""
    messages = list(KeyMessage.objects.published().in_programme(programme).in_order())
    existing = SessionPlan.objects.filter(programme=programme, title=PLAN_TITLE).first()
    if existing is not None:
        # Trainers may have changed it since; keep their version, only filling in missing links.
        if not existing.linked_key_messages.exists():
            existing.linked_key_messages.set(messages)
        return existing
    return services.session_plan_save(
        created_by=creator,
        data={
            "programme": programme,
            "title": PLAN_TITLE,
            "minutes": 90,
            "aim": "Help people from health, social care, the voluntary sector and unpaid carers "
            "understand each other's roles, and commit to one thing they will do to work better together.",
            "linked_key_messages": messages,
            "key_messages": "",
        },
        sections=[
            {
                "title": title,
                "minutes": minutes,
                "activity": activity,
                "notes": notes,
                "resources": [resources[name] for name in used],
            }
            for title, minutes, activity, notes, used in PLAN_SECTIONS
        ],
    )


def _deliveries(*, programme, plan, trainer) -> int:
    areas = Area.objects.in_bulk([code for _, code, _, _ in DELIVERIES], field_name="code")
    today = timezone.localdate()
    added = 0
    for days_ago, code, venue, counts in DELIVERIES:
        day = today - datetime.timedelta(days=days_ago)
        if DeliveredSession.objects.filter(trainer=trainer, delivered_on=day).exists() or code not in areas:
            continue
        services.delivered_session_record(
            trainer=trainer,
            programme=programme,
            delivered_on=day,
            area=areas[code],
            plan=plan,
            venue=venue,
            attendees=counts,
        )
        added += 1
    return added


def library_load(*, programmes, people) -> str:
    london = programmes[content.LONDON]
    facilitator = people["facilitator@example.org"]
    roles = _roles()
    guides = _faith_guides()
    resources = _resources(programme=london, roles=roles, creator=facilitator)
    plan = _plan(programme=london, resources=resources, creator=facilitator)
    added = _deliveries(programme=london, plan=plan, trainer=facilitator)
    return (
        f"Library: {len(roles)} role pages, {guides} faith guides, {Resource.objects.count()} resources, "
        f"1 session plan, {added} delivered sessions added"
    )

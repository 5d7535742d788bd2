# ruff: noqa: E501 - demo sentences read best unbroken
"""Demo insights for the London programme: contributions from champion events (typed in from sticky
notes, as a facilitator would), six themes, six published key messages built on them, a few
contributions still waiting for review, and practice examples in every category.

Everything is found again by its text or title, so loading twice adds nothing. The people behind the
contributions are described only by sector, as in the real thing.
"""

from django.db import transaction

from eolc.accounts.models import Area, JobRole
from eolc.demo import content
from eolc.insights import services
from eolc.insights.models import (
    Consent,
    Contribution,
    ExampleStatus,
    KeyMessage,
    PracticeExample,
    ReviewStatus,
    Theme,
)

WORKED, DIDNT, BARRIER, SOLUTION = "what_worked", "what_didnt", "barrier", "solution"
A, Q, P = Consent.ANONYMOUS, Consent.QUOTE, Consent.PRIVATE

# theme -> (key message title, key message body, [(kind, sector, job role slug, consent, text)])
THEMES = {
    "Knowing who is involved": (
        "Find out who else is involved, and tell them you are",
        "Most people in their last months are supported by more people than any one of them knows "
        "about: home care workers, district nurses, the GP, a social worker, hospice staff, "
        "neighbours and family. Ask the person and their family who comes in, write it down where "
        "others can see it, and introduce yourself to the people on the list. A name and a number "
        "is often all it takes to stop two services working around each other.",
        [
            (
                WORKED,
                "social_care",
                "home_care_worker",
                Q,
                "We started a sheet on the fridge listing everyone who visits, with their numbers. The nurses added themselves too.",
            ),
            (
                DIDNT,
                "health",
                "district_nurse",
                A,
                "We found out at the funeral that a hospice volunteer had been visiting twice a week. Nobody on our team knew.",
            ),
            (
                BARRIER,
                "social_care",
                "social_worker",
                A,
                "There is no one place that lists every service going into a house, so each of us only sees our own part.",
            ),
            (
                SOLUTION,
                "health",
                "gp",
                Q,
                "Put every professional involved on the practice palliative register entry, not just the health ones.",
            ),
            (
                WORKED,
                "unpaid_carer",
                "unpaid_carer",
                Q,
                "The social worker rang each agency herself to say who she was. After that they all called me back.",
            ),
            (
                DIDNT,
                "private",
                "home_care_worker",
                P,
                "The agency told us not to contact the nurses directly, only through the office, which took days.",
            ),
        ],
    ),
    "Talking to each other early": (
        "Pick up the phone early",
        "Worries about someone who is deteriorating travel slowly through referral forms and "
        "emails. A short call between the people who see the person every day and those who can "
        "change the plan settles in minutes what can otherwise take a week. Call when you first "
        "notice a change, not when it has become a crisis.",
        [
            (
                WORKED,
                "private",
                "home_care_worker",
                Q,
                "I noticed he had stopped eating and rang the district nurse from the doorstep. She came the same afternoon.",
            ),
            (
                WORKED,
                "health",
                "district_nurse",
                Q,
                "Home carers see the person every day. When they ring us early we can get medicines in place before the weekend.",
            ),
            (
                DIDNT,
                "social_care",
                "care_home_worker",
                A,
                "We emailed the surgery on Thursday; the reply came on Tuesday, after he had been admitted.",
            ),
            (
                BARRIER,
                "private",
                "home_care_worker",
                A,
                "Home care workers are not sure they are allowed to phone the nurse or the GP directly.",
            ),
            (
                SOLUTION,
                "voluntary",
                "hospice_worker",
                Q,
                "Give every home care agency the hospice advice line number and tell them it is for them as well as families.",
            ),
            (
                WORKED,
                "health",
                "gp",
                A,
                "A ten-minute call with the care home manager sorted out what three letters had not.",
            ),
        ],
    ),
    "Shared records and plans": (
        "Share the plan, not just the diagnosis",
        "What a person wants at the end of their life is only useful if the people with them at "
        "3am can find it. Make sure the advance care plan and any treatment escalation decisions "
        "are in the shared record and in the house, and that home care, the ambulance service and "
        "out-of-hours services know where to look.",
        [
            (
                DIDNT,
                "health",
                None,
                A,
                "We were called at night and could not see any plan, so we took her to hospital although she had wanted to stay home.",
            ),
            (
                WORKED,
                "voluntary",
                "hospice_worker",
                Q,
                "Once the plan was on the shared record, the out-of-hours doctor followed it without a phone call.",
            ),
            (
                BARRIER,
                "social_care",
                "home_care_worker",
                A,
                "Care agencies cannot see the shared care record, so we never know what has been agreed.",
            ),
            (
                SOLUTION,
                "social_care",
                "social_worker",
                Q,
                "Keep a printed copy of the plan in a yellow folder by the door, and tell every agency it is there.",
            ),
            (
                DIDNT,
                "unpaid_carer",
                "unpaid_carer",
                P,
                "I had to tell the whole story again to every new person who came to the house.",
            ),
            (
                WORKED,
                "health",
                "district_nurse",
                A,
                "We added the home care agency's number to the plan, so anyone reading it knew whom to tell.",
            ),
        ],
    ),
    "Carers as partners": (
        "Treat family carers as part of the team",
        "Family and friends often know more about the person than anyone else and do most of the "
        "caring. Ask what they know, tell them what is planned, and ask how they are. A carer who "
        "is included and supported is far more likely to be able to keep going at home.",
        [
            (
                WORKED,
                "unpaid_carer",
                "unpaid_carer",
                Q,
                "The district nurse asked me what worked for Dad before she asked anything else. I felt listened to.",
            ),
            (
                DIDNT,
                "unpaid_carer",
                "unpaid_carer",
                A,
                "Nobody asked how I was coping until I rang in tears at two in the morning.",
            ),
            (
                BARRIER,
                "health",
                "district_nurse",
                A,
                "We are not sure what we are allowed to share with family when the patient is asleep most of the day.",
            ),
            (
                SOLUTION,
                "voluntary",
                "volunteer",
                Q,
                "Refer carers to the carers centre at the start, not after the death.",
            ),
            (
                WORKED,
                "social_care",
                "social_worker",
                Q,
                "A carers assessment early on got her a night sitter twice a week, and she could sleep again.",
            ),
            (
                WORKED,
                "voluntary",
                "hospice_worker",
                A,
                "Inviting the family to the weekly team meeting changed how we planned visits.",
            ),
        ],
    ),
    "Learning each other's roles": (
        "Learn what other people do",
        "Many misunderstandings between services come from not knowing what the other person "
        "can and cannot do. Spend time with people from other sectors: shadow a visit, join a "
        "mixed learning session, ask about their job. Knowing someone's role, and their name, "
        "makes the next conversation easier.",
        [
            (
                WORKED,
                "private",
                "home_care_worker",
                Q,
                "After the mixed session I understood why the nurse could not just come whenever we called.",
            ),
            (
                WORKED,
                "health",
                "district_nurse",
                Q,
                "Shadowing a home care worker for a morning taught me more about the person than any handover.",
            ),
            (
                BARRIER,
                "social_care",
                "care_home_worker",
                A,
                "Care home staff are rarely invited to the same training as hospital and community staff.",
            ),
            (
                SOLUTION,
                "education",
                "trainer",
                Q,
                "Run sessions in mixed groups on purpose, at different times of day, so home care staff can come.",
            ),
            (
                DIDNT,
                "health",
                "gp",
                A,
                "We assumed the social worker could arrange care the same day; nobody had explained how brokerage works.",
            ),
            (
                WORKED,
                "voluntary",
                "hospice_worker",
                A,
                "The hospice opened its study days to care agencies and the questions were the best we have had.",
            ),
        ],
    ),
    "Support after a death": (
        "Look after each other, and follow through after a death",
        "The work does not stop at the moment of death. Families need to know what happens next, "
        "and staff in every sector need a chance to talk about the people they have cared for. "
        "Let the other services know when someone has died, and make time to reflect together on "
        "what went well and what you would change.",
        [
            (
                DIDNT,
                "private",
                "home_care_worker",
                A,
                "Our carers turned up for a visit two days after she had died because nobody told the agency.",
            ),
            (
                WORKED,
                "social_care",
                "care_home_worker",
                Q,
                "We hold a short reflection after each death with the GP and the nurses; it helps everyone.",
            ),
            (
                BARRIER,
                "private",
                "home_care_worker",
                A,
                "Home care workers get no debrief, even when they have cared for someone for years.",
            ),
            (
                SOLUTION,
                "health",
                "district_nurse",
                Q,
                "Add the care agency to the list of people we phone when a patient on our caseload dies.",
            ),
            (
                WORKED,
                "unpaid_carer",
                "unpaid_carer",
                A,
                "The funeral director and the hospice bereavement team talked to each other, so I only had to explain once.",
            ),
            (
                DIDNT,
                "voluntary",
                "volunteer",
                P,
                "Referrals for bereavement support arrive months late, if at all.",
            ),
        ],
    ),
}

# Typed in after the last champion event and not yet reviewed.
WAITING = [
    (
        BARRIER,
        "health",
        "district_nurse",
        A,
        "Weekend pharmacy opening hours make it hard to get anticipatory medicines in time.",
    ),
    (
        WORKED,
        "social_care",
        "home_care_worker",
        Q,
        "Our manager now joins the monthly palliative care meeting at the surgery.",
    ),
    (
        SOLUTION,
        "voluntary",
        "hospice_worker",
        A,
        "A shared phone list for each borough, updated by the champions.",
    ),
]

EXAMPLES = [
    (
        "Hospice link nurses for home care agencies",
        "liaison",
        "E09000012",
        ["leaside_hospice", "evergreen", "oakleaf"],
        "Each home care agency in the borough has a named nurse at the hospice. The nurse visits the agency once "
        "a month, joins its team meeting and is the first person care workers ring with a worry about someone "
        "who is dying.",
        "Care workers say they know whom to ask. Calls to the hospice advice line from agencies doubled in the "
        "first six months, and the hospice reports fewer crisis calls at night from the same households.",
    ),
    (
        "Mixed learning sessions at different times of day",
        "education",
        "E09000007",
        ["care_workforce", "health_skills"],
        "Ninety-minute sessions on working together at the end of life, offered in the morning, afternoon and "
        "evening, in community venues and workplaces open to others. Groups are mixed on purpose: home care, "
        "nursing, social work, hospice and carers in the same room.",
        "Participants name one thing they will do differently and are followed up after six weeks; most say "
        "they have since contacted someone from another service they met at the session.",
    ),
    (
        "Monthly palliative care meeting open to social care",
        "meeting",
        "E09000019",
        ["gp_federation", "la_islington"],
        "The practice's palliative care register meeting now invites the social worker, the home care "
        "agencies and the care home managers of everyone on the register, by video if they cannot come in.",
        "Plans are agreed once with everyone present; the practice says fewer messages go back and forth "
        "between meetings.",
    ),
    (
        "Shared plan folder agreed by every agency",
        "formal_link",
        "E09000012",
        ["community_trust", "la_hackney", "brightwater"],
        "A written agreement between the community trust, the council and the local home care agencies that "
        "every person on the end-of-life pathway has a plan folder at home, and that every visiting service "
        "reads and adds to it.",
        "Ambulance crews and out-of-hours doctors find the plan at the first visit; unplanned admissions from "
        "these households have gone down.",
    ),
    (
        "Jointly funded night sitting service",
        "commissioning",
        "E09000026",
        ["la_redbridge", "carers_centre"],
        "The council and the local NHS commission one night sitting service together, so families caring for "
        "someone in their last weeks can have a trained sitter overnight without two separate referrals.",
        "One referral instead of two; carers say the nights they can sleep are what let them keep going.",
    ),
    (
        "Funeral directors in the champions network",
        "other",
        None,
        ["fairbrother_funerals", "bereavement_east"],
        "A funeral director and the local bereavement service joined the champions network, and now meet the "
        "hospice and district nurses each quarter.",
        "Families are referred for bereavement support at the first visit from the funeral director rather "
        "than months later.",
    ),
]


def _contribution(programme, entered_by, event, job_roles, spec, status):
    kind, sector, role, consent, text = spec
    existing = Contribution.objects.filter(programme=programme, text=text).first()
    if existing is not None:
        return existing, False
    contribution = services.contribution_create(
        kind=kind,
        text=text,
        consent=consent,
        entered_by=entered_by,
        event=event,
        programme=programme,
        sector=sector,
        job_role=job_roles.get(role),
    )
    if status == ReviewStatus.APPROVED:
        contribution = services.contribution_review(contribution=contribution, by=entered_by, decision=status)
    return contribution, True


@transaction.atomic
def insights_load(*, programmes, organisations, people) -> str:
    london = programmes[content.LONDON]
    facilitator = people.get("facilitator@example.org")
    champion_event = london.events.filter(kind="champion_event").order_by("starts_at").first()
    job_roles = JobRole.objects.in_bulk(field_name="slug")
    added = 0
    for position, (theme_title, (title, body, specs)) in enumerate(THEMES.items(), start=1):
        contributions = []
        for spec in specs:
            contribution, created = _contribution(
                london, facilitator, champion_event, job_roles, spec, ReviewStatus.APPROVED
            )
            contributions.append(contribution)
            added += created
        theme = Theme.objects.filter(programme=london, title=theme_title).first()
        if theme is None:
            theme = services.theme_create(
                programme=london, title=theme_title, by=facilitator, contributions=contributions
            )
        if not KeyMessage.objects.filter(programme=london, title=title).exists():
            message = services.key_message_create(
                programme=london, title=title, body=body, by=facilitator, themes=[theme], position=position
            )
            services.key_message_publish(message=message, by=facilitator)
    for spec in WAITING:
        added += _contribution(london, facilitator, champion_event, job_roles, spec, ReviewStatus.PENDING)[1]

    areas = Area.objects.in_bulk([code for _, _, code, *_ in EXAMPLES if code], field_name="code")
    examples = 0
    for title, category, code, orgs, summary, outcomes in EXAMPLES:
        if PracticeExample.objects.filter(title=title).exists():
            continue
        example = services.practice_example_submit(
            by=facilitator,
            title=title,
            category=category,
            area=areas.get(code),
            organisations=[organisations[key] for key in orgs if key in organisations],
            summary=summary,
            outcomes=outcomes,
            contact_consent=True,
            contact_name="Programme team",
            contact_email="champions@example.org",
        )
        services.practice_example_review(example=example, by=facilitator, publish=True)
        examples += 1
    published = PracticeExample.objects.filter(status=ExampleStatus.PUBLISHED).count()
    return (
        f"Insights: {added} contributions added, {KeyMessage.objects.published().count()} key messages, "
        f"{published} practice examples ({examples} new)"
    )

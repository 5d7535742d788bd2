"""The templates every programme can start from, as plain data (seeded by migration 0002).

The confidence items share measure slugs across the before, after and follow-up surveys: that is
what lets reports pair a person's answers. Keep a slug when rewording an item; a new slug starts
a new measure.
"""

LIKERT = "likert"
SINGLE = "single"
MULTIPLE = "multiple"
TEXT = "text"
CONFIDENCE = "confidence"

CONFIDENCE_HELP = "1 means not at all confident, 10 means completely confident."

CONFIDENCE_ITEMS = [
    (
        "know-roles",
        "How confident are you that you know what other services and professions do for people "
        "at the end of life in your area?",
    ),
    (
        "contact-others",
        "How confident are you about contacting someone in another sector (for example a hospice, "
        "a care home or a GP practice) when a person you support is dying?",
    ),
    (
        "share-wishes",
        "How confident are you about passing on what a person wants at the end of their life to "
        "the other services involved, with their consent?",
    ),
    (
        "conversations",
        "How confident are you talking with a person and the people close to them about what "
        "matters to them as they near the end of life?",
    ),
    (
        "plan-together",
        "How confident are you about planning someone's care together with people from other organisations?",
    ),
    (
        "after-death",
        "How confident are you that you know where to point a family for support after a death?",
    ),
]


def _confidence():
    return [
        {"kind": CONFIDENCE, "text": text, "help_text": CONFIDENCE_HELP, "measure": measure}
        for measure, text in CONFIDENCE_ITEMS
    ]


VALUED = {
    "kind": LIKERT,
    "text": "People in other sectors understand and value what I do.",
    "measure": "role-valued",
}

TEMPLATES = [
    {
        "key": "confidence-pre",
        "title": "Working together at the end of life: before the session",
        "kind": "pre",
        "anonymous": False,
        "introduction": (
            "These questions ask where you are starting from. There are no right answers. We ask the "
            "same questions after the session to see what changed; reports match your two sets of "
            "answers with a code and never show your name."
        ),
        "questions": [
            *_confidence(),
            VALUED,
            {
                "kind": SINGLE,
                "text": "Have you had any training about end of life care in the last two years?",
                "options": ["Yes", "No", "Not sure"],
            },
        ],
    },
    {
        "key": "confidence-post",
        "title": "Working together at the end of life: after the session",
        "kind": "post",
        "anonymous": False,
        "introduction": (
            "The same questions as before the session, so we can see what changed. Reports match your "
            "answers with a code and never show your name."
        ),
        "questions": [
            *_confidence(),
            VALUED,
            {
                "kind": TEXT,
                "text": "What is one thing you will do differently after this session?",
                "required": False,
            },
        ],
    },
    {
        "key": "session-feedback",
        "title": "Session feedback",
        "kind": "feedback",
        "anonymous": True,
        "introduction": (
            "Tell us how the session went. This survey is anonymous: your answers are stored without "
            "your name, so please be honest."
        ),
        "questions": [
            {"kind": LIKERT, "text": "The session was relevant to my work."},
            {"kind": LIKERT, "text": "I had enough chances to talk with people from other sectors."},
            {"kind": LIKERT, "text": "The facilitators made it feel safe to share experiences."},
            {
                "kind": SINGLE,
                "text": "How likely are you to recommend this session to a colleague?",
                "options": ["Very likely", "Likely", "Not sure", "Unlikely", "Very unlikely"],
            },
            {
                "kind": MULTIPLE,
                "text": "Which parts of the session were most useful?",
                "help_text": "Choose as many as you like.",
                "options": [
                    "Stories of real situations",
                    "Small-group discussion",
                    "Meeting people from other sectors",
                    "Information about local services",
                    "Planning my next steps",
                ],
                "required": False,
            },
            {"kind": TEXT, "text": "What would have made the session better?", "required": False},
        ],
    },
    {
        "key": "follow-up-3-months",
        "title": "Three months on: working together at the end of life",
        "kind": "follow_up",
        "anonymous": False,
        "introduction": (
            "It is three months since your session. These questions ask what has changed for you since. "
            "Some repeat earlier questions so we can see whether the difference lasted."
        ),
        "questions": [
            *_confidence(),
            VALUED,
            {
                "kind": SINGLE,
                "text": "Since the session, have you worked differently with people from other sectors?",
                "options": ["Yes, a lot", "Yes, a little", "No, not yet"],
            },
            {
                "kind": MULTIPLE,
                "text": "What have you done since the session?",
                "help_text": "Choose as many as apply.",
                "options": [
                    "Contacted a service I learned about through the programme",
                    "Passed on a person's wishes to another service",
                    "Joined or set up a meeting with other sectors",
                    "Shared what I learned with my team",
                    "Used a resource from the programme",
                    "None of these yet",
                ],
                "required": False,
            },
            {"kind": LIKERT, "text": "My organisation supports me to work with other sectors."},
            {
                "kind": TEXT,
                "text": "Tell us about a time working with another sector made a difference for someone.",
                "help_text": "Leave out names and anything that could identify the person.",
                "required": False,
            },
        ],
    },
]


def seed(Survey, Question) -> int:
    """Create or refresh the templates (idempotent). Takes the models so migrations can call it."""
    created = 0
    for data in TEMPLATES:
        survey, made = Survey.objects.update_or_create(
            template_key=data["key"],
            defaults={
                "title": data["title"],
                "kind": data["kind"],
                "anonymous": data["anonymous"],
                "introduction": data["introduction"],
                "is_template": True,
                "programme": None,
            },
        )
        created += made
        Question.objects.filter(survey=survey).delete()
        Question.objects.bulk_create(
            Question(
                survey=survey,
                position=position,
                kind=q["kind"],
                text=q["text"],
                help_text=q.get("help_text", ""),
                required=q.get("required", True),
                options=q.get("options", []),
                measure=q.get("measure", ""),
            )
            for position, q in enumerate(data["questions"], start=1)
        )
    return created

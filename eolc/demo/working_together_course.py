"""Demo content for programme 1: a short course built around six key messages."""

from eolc.curriculum.models import PartKind
from eolc.demo.activity_builders import exercise, q, reflect

# --- Programme 1: working together, six key messages --------------------------------------------

KEY_MESSAGES = [
    (
        "Know who else is involved",
        "Find out which services visit the person, and how to reach each of them. A list on the fridge "
        "with names and numbers saves calls at 2am.",
        q(
            "You start visiting Mrs Patel at home. How do you find out who else is involved?",
            (
                "Ask her and her family, check the care plan, and phone the district nurses.",
                True,
                "Yes: each source knows part of the picture. Write the contacts down where everyone "
                "can see them.",
            ),
            (
                "Wait for the others to contact you.",
                False,
                "They may not know you are involved. Make the first call.",
            ),
        ),
    ),
    (
        "Share what matters to the person",
        "With the person's agreement, pass on their wishes and preferences, not only tasks. 'She "
        "likes the radio on and the curtains open' is care information too.",
        q(
            "Mr Green has told you he wants to stay at home to the end. Who needs to know?",
            (
                "Everyone who might be called, including the out-of-hours GP and ambulance service, "
                "with his consent.",
                True,
                "Yes: a wish only protects him if the people who answer a crisis call know about it.",
            ),
            (
                "Only his daughter.",
                False,
                "His daughter may not be there when a crisis happens.",
            ),
        ),
    ),
    (
        "Talk early about what lies ahead",
        "Do not wait for the last days to talk about what the person wants. Notice changes and say "
        "what you see to the team.",
        q(
            "A home care worker notices Mrs Brown is sleeping most of the day now. What should she do?",
            (
                "Tell her manager and the district nurse what she has noticed, today.",
                True,
                "Yes: front-line workers often see changes first, and early notice lets plans be made "
                "in time.",
            ),
            (
                "Keep it to herself in case she is wrong.",
                False,
                "Being wrong costs little; staying silent can mean a missed chance to plan.",
            ),
        ),
    ),
    (
        "Carers are partners, and need support too",
        "Family and friends give most of the care. Include them in plans, and ask how they are.",
        q(
            "Who should be invited to a meeting about Mr Ali's care?",
            (
                "Mr Ali, his wife who cares for him, and the services involved.",
                True,
                "Yes: his wife knows his care best and will carry most of it.",
            ),
            (
                "Only the professionals.",
                False,
                "Leaving carers out misses what they know and what they need.",
            ),
        ),
    ),
    (
        "Plan for nights and weekends",
        "Most crises happen out of hours. Make sure there is a plan, medicines in the home, and a "
        "number to call.",
        q(
            "It is Friday afternoon. What should be in place for the weekend?",
            (
                "Anticipatory medicines, a written plan and the out-of-hours number.",
                True,
                "Yes: these three things prevent many unwanted hospital admissions.",
            ),
            (
                "Nothing extra: the weekend team will work it out.",
                False,
                "The weekend team may never have met the person. Give them a plan.",
            ),
        ),
    ),
    (
        "Look after yourself and each other",
        "A death can affect staff deeply, especially home care workers who knew the person well. Make "
        "time to talk afterwards.",
        q(
            "A colleague seems low after a client she cared for died. What helps?",
            (
                "Ask how she is, and make time to talk about the person and the care she gave.",
                True,
                "Yes: a short, kind conversation matters, and it is good practice to offer a debrief.",
            ),
            (
                "Leave her be: it is part of the job.",
                False,
                "Getting used to loss is not the same as not feeling it. Ask.",
            ),
        ),
    ),
]


def working_together_modules():
    first = {
        "title": "Six key messages",
        "summary": "What front-line workers in North and East London said makes the most difference.",
        "domains": ["structure-and-processes", "social"],
        "activities": [
            exercise(f"{number}. {title}", body, [question])
            for number, (title, body, question) in enumerate(KEY_MESSAGES, 1)
        ],
    }
    second = {
        "title": "Putting it into practice",
        "summary": "Choose one message to act on in your own work.",
        "domains": ["end-of-life"],
        "activities": [
            reflect(
                "Your first step",
                "Which of the six messages would make the most difference where you work? What is one "
                "thing you will do this month to act on it, and who will you need to talk to?",
            )
        ],
    }
    return [first, second]


WORKING_TOGETHER_PART = {
    "number": 1,
    "title": "Working together: six key messages",
    "kind": PartKind.SELF_PACED,
    "hours": "1.50",
    "summary": "A short course for anyone who supports people at the end of life at home: home care "
    "workers, nurses, social workers, volunteers and carers.",
    "credits": [],
}

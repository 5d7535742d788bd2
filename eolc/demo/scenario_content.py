"""Demo scenario: Joyce's last months at home, told through Joyce, her husband Ray, their home care
worker, the district nurse, the GP and a social worker. Twelve steps, two endings, and feedback on
every choice that names the key messages behind it and links to them.

The scenario is found again by programme and title, so loading twice adds nothing. When it is
first created, some anonymous play-throughs are counted so that the results page has figures.
"""

import random

from django.db import transaction

from eolc.demo import content
from eolc.insights.models import KeyMessage
from eolc.scenarios import services
from eolc.scenarios.models import Scenario

TITLE = "Joyce's last months at home"
SUMMARY = (
    "Joyce Hart is 84 and lives with her husband Ray in a ground-floor flat in Hackney. She has heart "
    "failure and COPD, and over the last year she has become more breathless and more tired. Ray, who "
    "is 86, is her main carer. A home care worker, Bisi, visits every morning and evening. Over the "
    "next few months you will make decisions as Bisi, as the district nurse, as the GP and as a social "
    "worker. There is rarely one right answer; the feedback shows what each choice means for Joyce "
    "and Ray."
)
WARNING = "This story follows a woman to her death at home and describes her husband's distress."

# key: (title, roles, text, question, is_end)
STEPS = {
    "start": (
        "A change Bisi notices",
        ["home-care-worker", "person-receiving-care", "primary-carer"],
        "It is a Thursday morning in October. When Bisi lets herself in, Joyce is asleep in her armchair "
        "rather than in bed. Ray says she has slept there for three nights because lying down makes her "
        "breathless. Her ankles are more swollen than last week, she left most of her porridge, and she "
        "stops to catch her breath halfway through a sentence.\n\n"
        "When Bisi asks how she is, Joyce smiles and says, “I'm just old, love. Don't make a fuss.” Ray "
        "looks at Bisi over Joyce's head and says nothing.",
        "You are Bisi. What do you do?",
        False,
    ),
    "crisis": (
        "Saturday night",
        ["primary-carer", "person-receiving-care"],
        "On Saturday night Joyce wakes fighting for breath. Ray cannot find the number for anyone who "
        "knows her, so he dials 999. The paramedics are kind but have no record of what Joyce wants; "
        "they take her to A&E, where she spends the night on a trolley.\n\n"
        "She comes home on Tuesday with new tablets. Sitting in her chair again, she holds Ray's hand "
        "and says, “I'm not going back there. Whatever happens, I want to be here.”",
        "",
        False,
    ),
    "nurse": (
        "The district nurse visits",
        ["district-nurse", "person-receiving-care", "primary-carer"],
        "Marcia, a district nurse, visits. She listens to Joyce's chest, checks her weight and her "
        "tablets, and notices that Ray keeps apologising for the state of the kitchen.\n\n"
        "While Ray makes tea, Joyce says quietly, “I know I'm not getting better. I don't want to die in "
        "a hospital, and I don't want Ray to wear himself out.”",
        "You are Marcia. What do you do first?",
        False,
    ),
    "gp": (
        "Talking about what matters",
        ["gp", "person-receiving-care", "primary-carer"],
        "Dr Anand, the GP, visits the following week and sits down with Joyce and Ray together. She "
        "explains gently that Joyce's heart is weakening and that the time she has is probably months "
        "rather than years. Joyce is not surprised. She wants to stay at home with Ray and the cat, "
        "would rather not be resuscitated, and wants her daughter in Leeds to be told when things "
        "change.\n\n"
        "Together they complete a ReSPECT form, and Dr Anand prescribes anticipatory medicines to keep "
        "in the house for pain, breathlessness and agitation.",
        "You are Dr Anand. How do you make sure Joyce's wishes are known?",
        False,
    ),
    "strain": (
        "Ray is struggling",
        ["primary-carer", "home-care-worker"],
        "Three weeks later, Bisi arrives for the evening visit and finds Ray asleep at the kitchen table "
        "and Joyce's lunchtime tablets still in the dosette box. When he wakes he is embarrassed and then "
        "tearful. He has been getting up four or five times a night to help Joyce to the commode, and "
        "his own knee is so painful that he can hardly manage the stairs to the bins.",
        "You are Bisi. What do you do?",
        False,
    ),
    "shared": (
        "Everyone knows the plan",
        ["district-nurse", "home-care-worker", "primary-carer"],
        "Joyce's plan is on the shared care record. The out-of-hours service and the ambulance service "
        "can see it, the home care agency has a copy in the folder in the flat, and Ray has a card by the "
        "phone with the district nurses' number for any hour of the day or night.\n\n"
        "On her next visit Marcia asks Ray how he is. He laughs, then says he has not slept properly for "
        "weeks.",
        "You are Marcia. What do you do?",
        False,
    ),
    "night": (
        "A call in the night",
        ["primary-carer", "gp"],
        "At 3am Joyce is agitated and breathless. Ray rings 111. The out-of-hours doctor has no record of "
        "the ReSPECT form, and Ray, frightened, cannot find the copy he was given. Joyce is taken into "
        "hospital again.\n\n"
        "She comes home two days later, exhausted and upset. Marcia rings the GP practice and the home "
        "care agency that afternoon and asks for the plan to be put where every service can see it.",
        "",
        False,
    ),
    "social": (
        "The social worker",
        ["social-worker", "primary-carer", "person-receiving-care"],
        "Sam, a social worker from the council's adult social care team, visits. He does a carer's "
        "assessment with Ray, who admits he is frightened of doing something wrong. Joyce worries about "
        "money and about being “put in a home”. Sam explains that her needs may now qualify for "
        "fast-track NHS Continuing Healthcare funding, which can pay for more care at home, including "
        "at night.",
        "You are Sam. How do you arrange the extra help?",
        False,
    ),
    "breaking": (
        "Breaking point",
        ["primary-carer"],
        "Ray falls in the hallway at night while helping Joyce. Nothing is broken, but he lies on the "
        "floor for an hour before a neighbour hears him. Their daughter drives down from Leeds. For a "
        "few days nobody is quite sure who is organising what, and Joyce keeps asking whether Ray is "
        "all right.",
        "",
        False,
    ),
    "last_days": (
        "The last days",
        ["person-receiving-care", "primary-carer", "district-nurse", "home-care-worker", "gp"],
        "In early December Joyce is sleeping most of the day and has stopped eating. She takes sips of "
        "water from a sponge. A night sitter comes three nights a week and Bisi visits twice a day. The "
        "anticipatory medicines are in the flat, and Marcia visits daily.\n\n"
        "As Marcia is leaving, Ray follows her to the door and asks, very quietly, “Is she dying?”",
        "You are Marcia. What do you say?",
        False,
    ),
    "good_ending": (
        "Joyce dies at home",
        ["person-receiving-care", "primary-carer", "district-nurse", "home-care-worker", "social-worker"],
        "Joyce dies at home four days later, early in the morning, with Ray holding her hand and the "
        "radio on low. Ray knew what the changes in her breathing meant, and he knew who to call. A "
        "district nurse came within the hour and the GP practice had already told the out-of-hours "
        "service, so nobody tried to resuscitate her.\n\n"
        "Bisi comes later that day to say goodbye and to sit with Ray for a while. A month later Sam "
        "rings Ray to see how he is managing and puts him in touch with a bereavement group that meets "
        "at the local hospice.",
        "",
        True,
    ),
    "hard_ending": (
        "A frightening night",
        ["person-receiving-care", "primary-carer"],
        "Joyce dies at home three days later, in the night. Ray had hoped she was getting a little "
        "better. When her breathing changes he panics and dials 999; the call handler talks him through "
        "what is happening, and by the time the paramedics arrive Joyce has died.\n\n"
        "Joyce died where she wanted to be. But Ray says afterwards that he wishes someone had told him "
        "plainly what to expect, so that he could have sat with her rather than spent her last minutes "
        "on the phone.",
        "",
        True,
    ),
}

# The programme's six key messages (loaded by the insights demo), named in the feedback and linked.
WHO = "Find out who else is involved, and tell them you are"
EARLY = "Pick up the phone early"
PLAN = "Share the plan, not just the diagnosis"
CARERS = "Treat family carers as part of the team"
ROLES = "Learn what other people do"
EACH_OTHER = "Look after each other, and follow through after a death"

# from step: [(choice text, to step, feedback, key messages)]
CHOICES = {
    "start": [
        (
            "Write it in the care notes and raise it at the agency's weekly review",
            "crisis",
            "Recording what you saw matters, but a weekly review is too slow for this kind of change. "
            "Breathlessness lying down, swollen ankles and eating less are signs that Joyce's condition "
            f"is changing. Key message: “{EARLY}”. Home care workers often see changes first; saying so "
            "the same day lets the nurses and GP act before a crisis.",
            [EARLY],
        ),
        (
            "Ask Joyce if you can ring the district nurses today, and tell Ray what you are doing",
            "nurse",
            "Good. You asked Joyce's permission, you kept Ray informed, and you passed on what you saw "
            f"while there was still time to act. Key messages: “{EARLY}” and “{WHO}”. Knowing the "
            "district nursing team's number is part of the job.",
            [EARLY, WHO],
        ),
    ],
    "crisis": [
        (
            "Joyce is home again. The district nurse comes to see her",
            "nurse",
            "Joyce's admission might not have been avoided, but she and Ray had nobody to call and "
            f"nothing written down about what she wanted. Key messages: “{PLAN}” and “{WHO}”. A number "
            "by the phone and a plan that every service can see change what happens at 2am.",
            [PLAN, WHO],
        ),
    ],
    "nurse": [
        (
            "Talk with Joyce and Ray about what matters to them, and ask the GP to visit to plan ahead",
            "gp",
            "Yes. Joyce opened the door to this conversation; taking it up now, with the GP, means her "
            "wishes can be written down and shared before she is too unwell to say them. Key message: "
            f"“{PLAN}”.",
            [PLAN],
        ),
        (
            "Agree a change to her water tablets with the GP by phone and book a review in two weeks",
            "strain",
            "Managing her symptoms is important, but Joyce told you what she wants and what she fears, "
            f"and Ray is clearly struggling. Key messages: “{PLAN}” and “{CARERS}”. A clinical fix "
            "alone leaves both of those unheard.",
            [PLAN, CARERS],
        ),
    ],
    "gp": [
        (
            "Record the plan on the shared care record and ask the district nurses to tell the home "
            "care agency",
            "shared",
            "Yes. A wish only protects Joyce if the people who answer a crisis call can see it: "
            "out-of-hours doctors, paramedics, the nurses and the carers in her home. Key message: "
            f"“{PLAN}”.",
            [PLAN],
        ),
        (
            "Keep the form in the GP notes and give Joyce a copy to keep at home",
            "night",
            "A paper copy helps, but it is easily lost, and the GP notes are closed at 3am. Key "
            f"message: “{PLAN}”. Ask Joyce's consent to share her plan with every service that may be "
            "called, and tell the agency whose staff are in her home every day.",
            [PLAN],
        ),
    ],
    "strain": [
        (
            "Ask Ray if he would like a carer's assessment and, with his agreement, tell the district "
            "nurse and the agency coordinator",
            "social",
            "Yes. Ray is part of Joyce's care team and he is at his limit. You noticed, you asked him "
            f"what he wanted, and you told the people who can help. Key messages: “{CARERS}” and "
            f"“{EARLY}”.",
            [CARERS, EARLY],
        ),
        (
            "Reassure Ray that he is doing a wonderful job and carry on with the visit",
            "breaking",
            "Kindness matters, but reassurance alone leaves Ray carrying a load he cannot manage, and "
            f"missed tablets put Joyce at risk. Key message: “{CARERS}”. Ask carers how they are, and "
            "pass on what you see.",
            [CARERS],
        ),
    ],
    "shared": [
        (
            "Refer Ray for a carer's assessment and ask adult social care about more help at night",
            "social",
            "Yes. Nights are when carers break down and admissions happen. Key messages: "
            f"“{CARERS}” and “{ROLES}”: a social worker can arrange help that a nurse cannot.",
            [CARERS, ROLES],
        ),
        (
            "Suggest that Ray asks the family to take turns staying over",
            "breaking",
            "Family help is valuable, but their daughter lives in Leeds and Ray is already exhausted. "
            f"Key message: “{CARERS}”. A carer's assessment is Ray's right, and it opens the door to "
            "help he may not know exists.",
            [CARERS],
        ),
    ],
    "night": [
        (
            "Joyce is home again, and the team makes sure the plan can be seen",
            "shared",
            "Nobody did anything wrong on purpose, but Joyce went to hospital against her wishes because "
            f"the plan was not where the out-of-hours doctor could see it. Key message: “{PLAN}”.",
            [PLAN],
        ),
    ],
    "social": [
        (
            "Apply for fast-track funding and agree night sits and extra visits with the nurse and the "
            "agency in one call",
            "last_days",
            "Yes. One conversation between social care, the district nurses and the home care agency "
            f"saves days of messages and means everyone knows who is doing what. Key messages: “{WHO}” "
            f"and “{ROLES}”.",
            [WHO, ROLES],
        ),
        (
            "Leave Ray the forms to apply for support and close the referral",
            "breaking",
            "Ray is exhausted and frightened of doing something wrong; a pile of forms is another job "
            f"for him. Key message: “{CARERS}”. Stay involved until the help is in place.",
            [CARERS],
        ),
    ],
    "breaking": [
        (
            "The team meets to get help in place",
            "social",
            "Ray's fall was a warning that the care around Joyce depended on one tired 86-year-old. Key "
            f"messages: “{CARERS}” and “{EACH_OTHER}”. Asking carers how they are coping, and acting on "
            "the answer, is everyone's job.",
            [CARERS, EACH_OTHER],
        ),
    ],
    "last_days": [
        (
            "Tell Ray gently that Joyce is dying, explain what he may see, and who to call at any hour",
            "good_ending",
            "Yes. Honest, gentle words give Ray the chance to be with Joyce rather than frightened for "
            f"her. Key messages: “{PLAN}” and, for what comes after, “{EACH_OTHER}”.",
            [PLAN, EACH_OTHER],
        ),
        (
            "Tell Ray she is comfortable and that it is hard to say how long",
            "hard_ending",
            "It is hard to say how long, but Ray asked a direct question and deserved a direct, gentle "
            f"answer. Key message: “{EARLY}”: say what you see, to the family as well as the team. "
            "People who know what to expect can say goodbye in the way they want.",
            [EARLY],
        ),
    ],
}


def _plays(scenario, nodes, rng, count=48):
    """Anonymous play-throughs, weighted towards the choices most learners make."""
    for _ in range(count):
        path = services.play_start(scenario=scenario)
        node = scenario.start_node
        for _ in range(30):
            choices = list(node.choices.select_related("leads_to", "node__scenario"))
            if not choices:
                break
            weights = [3 if index == 0 else 2 for index in range(len(choices))]
            if node.title == "A change Bisi notices":
                weights = [1, 3]
            choice = rng.choices(choices, weights=weights)[0]
            path = services.play_choose(choice=choice, path=path)
            node = choice.leads_to


@transaction.atomic
def scenario_load(*, programmes, people) -> str:
    programme = programmes[content.LONDON]
    if Scenario.objects.filter(programme=programme, title=TITLE).exists():
        return "Scenarios: already loaded"
    author = people.get("facilitator@example.org")
    scenario = services.scenario_create(
        programme=programme, title=TITLE, summary=SUMMARY, content_warning=WARNING, by=author
    )
    nodes = {}
    for key, (title, roles, text, question, is_end) in STEPS.items():
        nodes[key] = services.node_create(
            scenario=scenario, title=title, roles=roles, text=text, question=question, is_end=is_end
        )
    messages = {m.title: m for m in KeyMessage.objects.in_programme(programme)}
    for key, choices in CHOICES.items():
        for text, target, feedback, titles in choices:
            services.choice_create(
                node=nodes[key],
                text=text,
                leads_to=nodes[target],
                feedback=feedback,
                key_messages=[messages[title] for title in titles if title in messages],
            )
    scenario.refresh_from_db()
    services.scenario_publish(scenario=scenario)
    _plays(scenario, nodes, random.Random("scenarios"))
    return f"Scenarios: “{TITLE}” with {len(nodes)} steps"

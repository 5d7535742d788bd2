"""Demo content for programme 2: the four-part course for health care social workers."""

from eolc.curriculum.models import PartKind
from eolc.demo.activity_builders import exercise, q, reading, reflect

NASW = "NASW Social Work CE"
UK_CPD = "Social Work England CPD"
NMC = "NMC revalidation participatory hours"


# --- Programme 2, Part I: eight domains ---------------------------------------------------------

PART_ONE_MODULES = [
    {
        "title": "Palliative care in everyday social work",
        "summary": "What palliative care is, who provides it and where a generalist social worker fits in.",
        "domains": ["structure-and-processes"],
        "activities": [
            reading(
                "Who is on the team?",
                "Palliative care is not a place or a last resort: it is an approach for anyone living "
                "with a serious illness, offered alongside treatment from the point of diagnosis. "
                "Specialist palliative teams are small, so most people receive it from generalists: "
                "the hospital social worker, the home health nurse, the primary care physician.\n\n"
                "Your part is to notice unmet needs early, to help the person and family say what "
                "matters to them, and to connect them with the right service at the right time. "
                "Make a list of the palliative services that take referrals in your area, their "
                "criteria and how long they usually take to respond.",
            ),
            exercise(
                "When does palliative care start?",
                "Mr Delgado, 71, has heart failure and has been admitted three times this year. His "
                "daughter asks you whether it is 'too early' to talk about palliative care.",
                [
                    q(
                        "What do you tell her?",
                        (
                            "Palliative care can start now, alongside his cardiology treatment.",
                            True,
                            "Right: palliative care is based on need, not prognosis, and can run "
                            "alongside treatment aimed at controlling his heart failure.",
                        ),
                        (
                            "It starts once his cardiologist stops treatment.",
                            False,
                            "This is a common belief, and it delays help. Palliative care and "
                            "disease treatment can be given together.",
                        ),
                        (
                            "It is only for people with cancer.",
                            False,
                            "Palliative care is for any serious illness, including heart, lung, "
                            "kidney and neurological conditions and dementia.",
                        ),
                    )
                ],
            ),
            reflect(
                "Your caseload",
                "Think about the people on your caseload this month. Who is living with a serious "
                "illness, and which of their needs are not being met by anyone yet?",
            ),
        ],
    },
    {
        "title": "Pain and symptoms: what social workers need to know",
        "summary": "Common symptoms, how they affect daily life and how to advocate for relief.",
        "domains": ["physical"],
        "activities": [
            reading(
                "Symptoms that shape a day",
                "Pain, breathlessness, fatigue, nausea and constipation are the symptoms people near "
                "the end of life report most often. Each one reaches into family life: a person who "
                "cannot climb the stairs may need a bed downstairs; a carer woken four times a night "
                "cannot keep working.\n\n"
                "You do not prescribe, but you often hear first that a symptom is not controlled. "
                "Ask about pain in plain words ('What stops you doing what you want to do?'), record "
                "what the person says, and make sure the prescriber hears it the same day.",
            ),
            exercise(
                "Fears about morphine",
                "Mrs Lin's husband tells you she is in pain but refuses the morphine her doctor has "
                "prescribed because 'morphine means the end'.",
                [
                    q(
                        "What is the most helpful first step?",
                        (
                            "Ask what she has heard about morphine and what worries her most.",
                            True,
                            "Yes. Fears about addiction or hastening death are common; finding out "
                            "which one she holds lets the team answer it directly.",
                        ),
                        (
                            "Tell her she must take it as prescribed.",
                            False,
                            "Instructions rarely shift a fear. Start by understanding it, then bring "
                            "in the prescriber or nurse to explain how the medicine will be used.",
                        ),
                        (
                            "Suggest she manages without it for now.",
                            False,
                            "Uncontrolled pain harms her and her family. Her fear needs answering, "
                            "not avoiding.",
                        ),
                    ),
                    q(
                        "Whom do you tell about her uncontrolled pain?",
                        (
                            "Her prescriber or the palliative nurse, the same day.",
                            True,
                            "Right: uncontrolled pain is urgent, and the clinician can review the "
                            "medicine and the route.",
                        ),
                        (
                            "Nobody: it is a medical matter.",
                            False,
                            "Passing on what you hear is part of your role, and it is often how the "
                            "team finds out.",
                        ),
                    ),
                ],
                warning="This exercise describes a person in pain.",
            ),
            reflect(
                "Hearing about symptoms",
                "Recall a time a person or carer told you about a symptom. What did you do with what "
                "you heard, and what would you do now?",
            ),
        ],
    },
    {
        "title": "Anxiety, depression and grief before death",
        "summary": "Recognising distress, screening simply and knowing when to refer.",
        "domains": ["psychological"],
        "activities": [
            reading(
                "Sadness or depression?",
                "Sadness is a normal response to serious illness. Depression is not inevitable and "
                "can be treated, even in the last months of life. Persistent hopelessness, loss of "
                "interest in everything (not only in what illness has taken away), guilt and a wish "
                "for death to come quickly are signs to take seriously.\n\n"
                "Two simple questions help: 'Over the last two weeks, have you often felt down or "
                "hopeless?' and 'Have you lost interest or pleasure in doing things?' A yes to either "
                "calls for a fuller assessment and a conversation with the team.",
            ),
            exercise(
                "Anticipatory grief",
                "Ms Okoro cares for her mother, who has motor neurone disease. She says she cries "
                "every evening and feels she is 'already losing her'.",
                [
                    q(
                        "How do you understand what she describes?",
                        (
                            "Anticipatory grief, which deserves acknowledgement and support.",
                            True,
                            "Yes. Grieving before a death is common for carers. Naming it often "
                            "brings relief; check too for signs of depression or exhaustion.",
                        ),
                        (
                            "A sign she cannot cope and should stop caring.",
                            False,
                            "Grief is not failure. Ask what support she wants before drawing "
                            "conclusions about her role.",
                        ),
                        (
                            "Something to address after her mother dies.",
                            False,
                            "Support helps most now, while she is caring, and may ease bereavement later.",
                        ),
                    )
                ],
            ),
            reflect(
                "Your own responses",
                "What feelings come up for you when a person says they wish it was all over? How do "
                "you look after yourself after those conversations?",
            ),
        ],
    },
    {
        "title": "Family, carers and money",
        "summary": "Social determinants of health, caregiver strain and practical help.",
        "domains": ["social"],
        "activities": [
            reading(
                "The cost of caring",
                "Serious illness brings lost earnings, travel to appointments, heating bills and "
                "equipment. Many family carers reduce their hours or stop work. Housing that does not "
                "suit a wheelchair or a hospital bed can decide where someone is able to die.\n\n"
                "Ask every family about money, housing, transport and who else depends on them. Know "
                "the benefits and grants for people with a terminal illness, how to fast-track them, "
                "and the local carers' service.",
            ),
            exercise(
                "A carer at breaking point",
                "Mr Haddad, 80, cares alone for his wife, who has advanced dementia. He says he is "
                "fine, but he has lost weight and missed his own hospital appointments.",
                [
                    q(
                        "What do you do first?",
                        (
                            "Offer him a carer's assessment of his own needs.",
                            True,
                            "Yes: carers are entitled to an assessment in their own right, and it "
                            "opens the door to respite, breaks and practical help.",
                        ),
                        (
                            "Accept that he is fine, as he says.",
                            False,
                            "Carers often play down their strain. What you observe matters as much as "
                            "what he says.",
                        ),
                        (
                            "Arrange a care home place for his wife.",
                            False,
                            "That may come later, but only with them. Start with what would help "
                            "him keep going, if he wants to.",
                        ),
                    )
                ],
            ),
            reflect(
                "What you ask about",
                "Which of money, housing, transport and caring responsibilities do you ask about "
                "routinely, and which do you tend to leave out?",
            ),
        ],
    },
    {
        "title": "Meaning, faith and hope",
        "summary": "Listening for spiritual concerns and working with chaplains and faith leaders.",
        "domains": ["spiritual"],
        "activities": [
            reading(
                "Spiritual care is everyone's business",
                "Spiritual concerns are about meaning, connection and peace, and they belong to "
                "people with and without a religion. 'Why is this happening to me?', 'Have I been a "
                "good father?' and 'What happens after?' are spiritual questions.\n\n"
                "You do not need answers. Ask open questions such as 'What helps you get through "
                "hard days?' or 'Is faith or belief important to you now?' and know how to reach a "
                "chaplain or the person's own faith leader when they want one.",
            ),
            exercise(
                "A question without an answer",
                "During a visit, Mrs Adeyemi asks you: 'Do you think God is punishing me?'",
                [
                    q(
                        "Which response helps most?",
                        (
                            "'That sounds like a heavy question. Can you tell me more about it?'",
                            True,
                            "Yes. Inviting her to say more respects her question and lets you learn "
                            "whether she wants a faith leader to join the conversation.",
                        ),
                        (
                            "'Of course not, you must not think that.'",
                            False,
                            "Reassurance closes the conversation. She may need to explore the "
                            "question before she can set it down.",
                        ),
                        (
                            "'That is not something I can talk about.'",
                            False,
                            "You can listen without answering, and offer a chaplain if she would like one.",
                        ),
                    )
                ],
            ),
            reflect(
                "Your comfort with spiritual questions",
                "Which spiritual questions do you find hardest to hear? What would help you stay "
                "with them rather than move the conversation on?",
            ),
        ],
    },
    {
        "title": "Culture, language and trust",
        "summary": "Cultural humility, interpreters and family roles in decisions.",
        "domains": ["cultural"],
        "activities": [
            reading(
                "Cultural humility",
                "Cultural competence can slide into assumptions ('people from that community do not "
                "talk about death'). Cultural humility starts from the person: ask how decisions are "
                "made in their family, who should receive news, and what rituals matter at the end of "
                "life and after death.\n\n"
                "Use a professional interpreter for any important conversation, never a child, and "
                "brief the interpreter beforehand when the news will be difficult. Remember that "
                "mistrust of health services can have a real history behind it.",
            ),
            exercise(
                "Who receives the news?",
                "Mr Chen's son asks the team not to tell his father that his cancer has spread. He "
                "says that in their family, the eldest son carries bad news.",
                [
                    q(
                        "What is the best way forward?",
                        (
                            "Ask Mr Chen himself how much he wants to know and who should be told.",
                            True,
                            "Yes. Asking the person about his own preferences honours both his rights "
                            "and his family's customs; many people choose to involve family.",
                        ),
                        (
                            "Tell Mr Chen everything, whatever his son says.",
                            False,
                            "Forcing information on someone is not respect. Find out what he wants first.",
                        ),
                        (
                            "Agree to the son's request without asking Mr Chen.",
                            False,
                            "The information belongs to Mr Chen. His son's view matters, but the "
                            "choice is his father's.",
                        ),
                    )
                ],
            ),
            reflect(
                "Assumptions",
                "Describe a time when an assumption about a family's culture turned out to be wrong. "
                "What did you learn?",
            ),
        ],
    },
    {
        "title": "The last days and hours",
        "summary": "Recognising dying, preparing families and care after death.",
        "domains": ["end-of-life"],
        "activities": [
            reading(
                "What families notice",
                "In the last days, people sleep more, eat and drink less, and their breathing changes. "
                "Their hands and feet may cool. Families who have not been told what to expect may "
                "fear that their relative is starving or in distress.\n\n"
                "Explain gently what is normal, what the nurses will do for comfort, whom to call at "
                "night, and what happens after the death: who verifies it, when the funeral director "
                "can come, and that there is no need to rush.",
                warning="This reading describes the process of dying.",
            ),
            exercise(
                "A phone call at night",
                "Mrs Ahmed's daughter calls at 9pm. Her mother's breathing has become noisy and she "
                "is frightened her mother is choking.",
                [
                    q(
                        "What do you say?",
                        (
                            "Explain that noisy breathing is common near death and put her through to "
                            "the out-of-hours nurse.",
                            True,
                            "Yes: the sound comes from secretions the person can no longer clear and "
                            "is rarely distressing for them. A nurse can reposition her and review "
                            "medicines.",
                        ),
                        (
                            "Tell her to call an ambulance.",
                            False,
                            "If dying at home is the plan, an ambulance may lead to an unwanted "
                            "admission. The out-of-hours palliative service is the right call.",
                        ),
                        (
                            "Reassure her and end the call.",
                            False,
                            "She needs both an explanation and a clinician who can come if needed.",
                        ),
                    )
                ],
                warning="This exercise describes a person who is dying.",
            ),
            reflect(
                "Preparing a family",
                "What do you say to a family who asks you, 'How will we know?' Write the words you "
                "would use.",
            ),
        ],
    },
    {
        "title": "Advance care planning, capacity and consent",
        "summary": "Planning ahead, surrogate decision-makers and ethical dilemmas.",
        "domains": ["ethical-legal"],
        "activities": [
            reading(
                "Planning ahead",
                "Advance care planning is a conversation over time about what matters to a person and "
                "what care they would and would not want if they became unable to decide. It may lead "
                "to written documents: an advance directive, a health care proxy or power of attorney, "
                "and portable medical orders.\n\n"
                "Social workers are well placed to start these conversations, to involve the person "
                "the patient trusts, and to make sure documents are shared with every service, "
                "including out-of-hours and ambulance teams.",
            ),
            exercise(
                "A proxy in doubt",
                "Mr Ruiz, who has advanced dementia, named his sister as his health care proxy. His "
                "children disagree with her decision to stop hospital admissions.",
                [
                    q(
                        "What should guide the decision?",
                        (
                            "What Mr Ruiz would have wanted, as his sister understands it.",
                            True,
                            "Yes: a proxy decides on the person's known wishes and values (substituted "
                            "judgement), not her own. A family meeting can help the children hear "
                            "them.",
                        ),
                        (
                            "What most of the family wants.",
                            False,
                            "Decisions are not made by majority. The proxy's role is to speak for Mr Ruiz.",
                        ),
                        (
                            "What the team thinks is best.",
                            False,
                            "The team advises on what is clinically possible; the choice among those "
                            "options follows his wishes.",
                        ),
                    )
                ],
            ),
            reflect(
                "Starting the conversation",
                "How do you open a conversation about planning ahead? Write the first two sentences "
                "you would use with someone you have just met.",
            ),
        ],
    },
]

POST_TEST = [
    q(
        "When can palliative care begin?",
        ("From diagnosis of a serious illness, alongside treatment", True, ""),
        ("Only when treatment has stopped", False, ""),
        ("Only in the last two weeks of life", False, ""),
    ),
    q(
        "A person refuses morphine because they fear addiction. What comes first?",
        ("Explore their fear and involve the prescriber", True, ""),
        ("Record the refusal and close the topic", False, ""),
        ("Tell them they are wrong", False, ""),
    ),
    q(
        "Which two questions screen simply for depression?",
        ("Feeling down or hopeless, and loss of interest or pleasure", True, ""),
        ("Appetite and sleep", False, ""),
        ("Pain and breathlessness", False, ""),
    ),
    q(
        "A carer says they are fine but looks exhausted. What do you offer?",
        ("A carer's assessment of their own needs", True, ""),
        ("Nothing, as they said they are fine", False, ""),
        ("A care home place for the person they care for", False, ""),
    ),
    q(
        "A patient asks whether God is punishing them. What helps most?",
        ("Invite them to say more, and offer a chaplain or faith leader", True, ""),
        ("Reassure them quickly", False, ""),
        ("Change the subject", False, ""),
    ),
    q(
        "Who should interpret a conversation about a poor prognosis?",
        ("A professional interpreter, briefed beforehand", True, ""),
        ("The patient's teenage grandchild", False, ""),
        ("Whichever family member is present", False, ""),
    ),
    q(
        "A family calls at night about noisy breathing in the last days. Whom do they need?",
        ("The out-of-hours palliative or district nursing service", True, ""),
        ("An ambulance, in every case", False, ""),
        ("Nobody until the morning", False, ""),
    ),
    q(
        "On what basis does a health care proxy decide?",
        ("The person's known wishes and values", True, ""),
        ("The proxy's own view of what is best", False, ""),
        ("A vote of the family", False, ""),
    ),
]

PART_ONE_CREDITS = [
    ("Clinical social work practice", "2.00"),
    ("Pain and symptom management", "3.50"),
    ("Cross-cultural practice", "1.50"),
    ("Ethics", "1.00"),
]

SOCIAL_WORK_PARTS = [
    {
        "number": 1,
        "title": "Part I: Online training",
        "kind": PartKind.SELF_PACED,
        "hours": "8.00",
        "summary": "Self-paced modules on the eight domains of palliative care, with encounters "
        "between social workers, patients and families, interactive exercises, reflective questions "
        "and a post-test.",
        "credits": PART_ONE_CREDITS,
    },
    {
        "number": 2,
        "title": "Part II: Virtual instructor-led training",
        "kind": PartKind.LIVE,
        "hours": "2.50",
        "summary": "A live online workshop that practises key skills on clinical scenarios, with group "
        "discussion and best practice guides.",
        "credits": [("Clinical social work practice", "2.50")],
    },
    {
        "number": 3,
        "title": "Part III: Leadership training",
        "kind": PartKind.SERIES,
        "hours": "4.00",
        "summary": "Two live two-hour sessions on advocacy and leadership, to build confidence and "
        "visibility in the health social work role.",
        "credits": [("Leadership and advocacy", "4.00")],
    },
    {
        "number": 4,
        "title": "Part IV: Monthly mentorship",
        "kind": PartKind.MENTORSHIP,
        "hours": "0.00",
        "summary": "Monthly virtual mentoring with an experienced palliative care social worker, "
        "focused on putting new skills into practice. Open once Part I is complete.",
        "credits": [],
        "required_meetings": 6,
        "requires": ["Part I: Online training"],
    },
]

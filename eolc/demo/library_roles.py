"""Demo "understanding roles" pages: nine roles in end-of-life care, written for this service.

Text uses blank lines between paragraphs and "- " for bullet points (see library.presenters.prose).
Responsibilities fill the "who does what" matrix: task -> "leads" or "supports".
"""

ROLES = [
    {
        "slug": "person-receiving-care",
        "name": "Person receiving care",
        "summary": "The person at the centre of everything: their wishes, values and choices shape the care.",
        "what_they_do": """
            The person who is ill is the expert on their own life. They decide what matters most to them,
            who they want involved and how much they want to know about their illness.

            They may choose where they would like to be cared for and where they would like to die, make a
            will, appoint someone with lasting power of attorney, or make an advance decision to refuse
            treatment. They can change their mind at any time.
        """,
        "when_involved": """
            From the moment they learn their illness may not be curable, and at every point after that. As
            they become more unwell they may tire quickly or find it hard to speak, so the earlier the
            conversations start, the more say they have.
        """,
        "needs_from_others": """
            - Honest information, given at a pace they choose
            - To be asked what matters to them, not only what is the matter with them
            - To tell their story once, not to every new worker who visits
            - To know who to call, day and night
            - Respect for their faith, culture and the people they count as family
        """,
        "how_to_reach": """
            Speak to the person directly whenever you can, even when a carer is present. If they find
            talking hard, ask how they prefer to communicate, and check their care plan or advance care plan
            for what they have already said.
        """,
        "responsibilities": {"wishes": "leads", "noticing": "supports"},
    },
    {
        "slug": "primary-carer",
        "name": "Primary carer",
        "summary": "The family member or friend who gives most of the day-to-day care, usually unpaid.",
        "what_they_do": """
            A primary carer might be a partner, a son or daughter, a parent, a neighbour or a friend. They
            often give personal care, manage medicines, keep track of appointments and stay up at night.

            They usually know the person best, and they are often the first to notice when something
            changes.
        """,
        "when_involved": """
            Often from before diagnosis to long after the death. Their role grows as the person becomes
            weaker, and their own need for support grows with it. After the death they may need bereavement
            support.
        """,
        "needs_from_others": """
            - To be treated as part of the team, and listened to
            - Clear information about what to expect and what to do in a crisis
            - A carer's assessment from the local council, and breaks when they need them
            - To know which professional to call, for what, and at what time of day
            - Someone to check how they are, not only how the person they care for is
        """,
        "how_to_reach": """
            Usually at the person's home. Ask the person who they would like you to speak to, and record the
            carer's contact details and their preferred times in the care plan, with consent.
        """,
        "responsibilities": {
            "wishes": "supports",
            "personal_care": "supports",
            "noticing": "supports",
            "equipment": "supports",
        },
    },
    {
        "slug": "district-nurse",
        "name": "District nurse",
        "summary": "A community nurse who visits people at home to manage nursing care, symptoms and "
        "equipment.",
        "what_they_do": """
            District nurses are registered nurses with extra training who lead community nursing teams. At
            the end of life they assess nursing needs, manage symptoms with the GP, set up and refill
            syringe drivers, care for pressure areas and arrange equipment such as a hospital bed or
            pressure-relieving mattress.

            They often coordinate the care around the person at home and keep the shared care record up to
            date.
        """,
        "when_involved": """
            When a person at home has nursing needs, which may be months before death or only in the last
            days. They usually visit more often as death comes closer, and they verify expected deaths at
            home in many areas.
        """,
        "needs_from_others": """
            - Early referral, before a crisis
            - Home care workers and carers to report changes in skin, eating, pain or mood
            - The GP to prescribe anticipatory ("just in case") medicines in good time
            - Up-to-date contact details for the family and the care agency
        """,
        "how_to_reach": """
            Through the GP practice or the local community nursing single point of access. Most areas have
            an out-of-hours community nursing service; the number should be in the person's home care
            folder.
        """,
        "responsibilities": {
            "symptoms": "leads",
            "equipment": "leads",
            "noticing": "supports",
            "wishes": "supports",
            "carer_support": "supports",
        },
    },
    {
        "slug": "home-care-worker",
        "name": "Domiciliary (home) care worker",
        "summary": "A paid care worker who visits the person at home to help with personal care and "
        "daily living.",
        "what_they_do": """
            Home care workers, employed by care agencies or directly by the person, help with washing,
            dressing, eating, drinking, moving and using the toilet. They may prompt or give medicines if
            they are trained and it is in the care plan.

            Because they visit often, sometimes several times a day, they notice small changes that others
            miss, and the person and family often come to trust them.
        """,
        "when_involved": """
            Whenever a person needs help with daily living at home, often for a long time before the end of
            life. Visits may become longer or more frequent in the last weeks.
        """,
        "needs_from_others": """
            - To know the person's wishes and any advance care plan
            - To know who to call when they notice a change, and to be taken seriously when they do
            - Time on the rota to sit with someone who is dying, not only to complete tasks
            - Training and support, and a chance to talk after a death
        """,
        "how_to_reach": """
            Through the care agency's office, or the person's own care folder, which should list the
            agency's number and out-of-hours contact.
        """,
        "responsibilities": {"personal_care": "leads", "noticing": "supports", "carer_support": "supports"},
    },
    {
        "slug": "gp",
        "name": "GP (general practitioner)",
        "summary": "The family doctor who is medically responsible for the person's care at home or in "
        "a care home.",
        "what_they_do": """
            The GP diagnoses and treats illness, prescribes medicines, and refers to specialist services. At
            the end of life they lead conversations about advance care planning and resuscitation decisions,
            prescribe anticipatory medicines, and keep the practice's register of people who may be in their
            last year of life.

            They often complete the paperwork after an expected death.
        """,
        "when_involved": """
            From diagnosis onwards. Practices review people on their palliative care register regularly,
            often at a monthly multidisciplinary meeting with district nurses and the local palliative care
            team.
        """,
        "needs_from_others": """
            - To hear early when someone is deteriorating
            - Accurate information from home care workers, nurses and carers about symptoms and changes
            - To know the person's wishes so that plans can be shared with out-of-hours services
        """,
        "how_to_reach": """
            Through the GP practice during the day; NHS 111 out of hours. Many practices have a direct line
            for professionals, which the district nurse or care agency can share.
        """,
        "responsibilities": {
            "wishes": "leads",
            "symptoms": "leads",
            "funding": "supports",
            "carer_support": "supports",
            "bereavement": "supports",
        },
    },
    {
        "slug": "hospice-worker",
        "name": "Hospice worker",
        "summary": "Staff and volunteers of a hospice, supporting people and families in the hospice "
        "and at home.",
        "what_they_do": """
            Hospices employ nurses, doctors, healthcare assistants, therapists, chaplains, counsellors and
            social workers, and rely on many volunteers. Most hospice care happens in people's own homes,
            through hospice at home teams, day services and phone advice lines, not only on the inpatient
            ward.

            Hospices also offer bereavement support to families, often including children.
        """,
        "when_involved": """
            When a person has a life-limiting illness and needs support beyond what their usual team can
            give, at any stage, not only in the last days. Families may stay in touch with the hospice for a
            year or more after a death.
        """,
        "needs_from_others": """
            - Referrals early enough to make a difference
            - Information about the person's wishes, medicines and other services
            - Local services to tell families what the hospice offers, including bereavement support
        """,
        "how_to_reach": """
            Through the hospice's referral line, usually open to professionals, and sometimes to families
            directly. Many hospices run a 24-hour advice line for people on their caseload.
        """,
        "responsibilities": {
            "carer_support": "leads",
            "bereavement": "leads",
            "symptoms": "supports",
            "wishes": "supports",
            "personal_care": "supports",
        },
    },
    {
        "slug": "palliative-care-specialist",
        "name": "Palliative care specialist",
        "summary": "A doctor, nurse or other professional trained in complex symptoms and end-of-life care.",
        "what_they_do": """
            Specialist palliative care teams work in hospitals, hospices and the community. They advise on
            pain and other symptoms that are hard to control, support difficult conversations and decisions,
            and help with complex emotional, family or spiritual distress.

            They usually work alongside the person's own GP and nurses rather than taking over.
        """,
        "when_involved": """
            When needs are complex, at any point in a serious illness. People whose needs are
            straightforward are usually cared for well by their GP, district nurses and care workers without
            specialist input.
        """,
        "needs_from_others": """
            - A clear referral: what the problem is and what has been tried
            - Feedback from the people who see the person every day
            - To be told when things change, so advice stays current
        """,
        "how_to_reach": """
            Through a referral from the GP, district nurse or hospital team. Many specialist teams also
            offer phone advice to professionals, including out of hours.
        """,
        "responsibilities": {"symptoms": "supports", "wishes": "supports", "carer_support": "supports"},
    },
    {
        "slug": "social-worker",
        "name": "Social worker",
        "summary": "A registered professional who assesses care needs, arranges support and speaks up "
        "for people and carers.",
        "what_they_do": """
            Social workers in councils, hospitals and hospices assess what care and support a person needs,
            arrange care packages, and carry out carers' assessments. They help with money worries, housing
            and safeguarding, and support people through family conflict, loss and change.

            Palliative care social workers also help with planning ahead, including for children and other
            dependants.
        """,
        "when_involved": """
            When a person or their carer needs care and support arranged or changed, when there are concerns
            about safety or family relationships, and sometimes after a death, for example when a carer is
            left alone.
        """,
        "needs_from_others": """
            - Early contact, so that care is in place before a crisis
            - To hear about the person's wishes and about how the carer is coping
            - Information about health needs that affect funding, such as eligibility for NHS Continuing
              Healthcare
        """,
        "how_to_reach": """
            Through the council's adult social care front door, the hospital discharge team or the hospice
            social work team. Carers can ask the council for a carer's assessment themselves.
        """,
        "responsibilities": {
            "funding": "leads",
            "carer_support": "leads",
            "wishes": "supports",
            "equipment": "supports",
            "bereavement": "supports",
        },
    },
    {
        "slug": "care-home-worker",
        "name": "Care home worker",
        "summary": "Staff in residential and nursing homes, caring day and night for people who live there.",
        "what_they_do": """
            Care home workers help residents with every part of daily life. In nursing homes, registered
            nurses manage symptoms and medicines; in residential homes, district nurses visit to do this.

            Many people die in care homes, so care home staff are often very experienced in end-of-life
            care. They know residents well and are often close to families.
        """,
        "when_involved": """
            Throughout a resident's time in the home, which may be years, and at the end of life. They
            support families before and after the death, and may help other residents with their grief.
        """,
        "needs_from_others": """
            - Timely visits and advice from the GP and district nurses
            - Anticipatory medicines in place before they are needed
            - Hospitals to share plans when a resident is discharged back to the home
            - Time and support to grieve when a resident dies
        """,
        "how_to_reach": """
            Through the care home's main number, which is staffed day and night. Ask for the nurse or senior
            carer in charge of the shift.
        """,
        "responsibilities": {
            "personal_care": "leads",
            "noticing": "leads",
            "wishes": "supports",
            "carer_support": "supports",
            "bereavement": "supports",
        },
    },
]

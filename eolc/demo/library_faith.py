"""Demo faith and culture guides, written for this service for staff who are not faith specialists.

Each guide follows the same five sections. Sources are named by title only. Practice differs
within every tradition; each guide says so and asks staff to ask the person and family.
"""

import datetime

REVIEW_DATE = datetime.date(2027, 9, 30)

COMMON_SOURCES = [
    "NICE guideline NG31: Care of dying adults in the last days of life",
    "NHS England: NHS Chaplaincy Guidelines 2023, Promoting Excellence in Pastoral, Spiritual and "
    "Religious Care",
    "Ambitions for Palliative and End of Life Care: A national framework for local action 2021 to 2026",
]

MEDICAL_EXAMINER_POINT = (
    "In England and Wales deaths are reviewed by a medical examiner unless they are referred to a coroner. "
    "Many areas can arrange an urgent review so that a funeral is not delayed: find out how this works "
    "locally."
)

GUIDES = [
    {
        "slug": "jewish",
        "medical_examiner": True,
        "title": "Jewish perspectives",
        "introduction": """
            Jewish people in the UK range from strictly Orthodox to Reform, Liberal and secular. Some follow
            religious law closely in daily life; others see being Jewish mainly as a matter of culture and
            family.

            Life is seen as very precious, and caring for the sick and the dying, and for those who mourn,
            is a religious duty.
        """,
        "talking_about_death": """
            Many Jewish families talk openly about illness, but some prefer to approach death indirectly, or
            ask that the person is not told everything at once. Ask the person how much they want to know
            and who they want present.

            Because preserving life matters so much, decisions about stopping or not starting treatment can
            be hard. Observant families may want to consult their rabbi before agreeing to a plan; allow
            time for this.
        """,
        "care_before_death": """
            - Food may need to be kosher. Ask what level of observance the person keeps; sealed kosher meals
              can often be ordered.
            - The Sabbath (Shabbat) runs from before sunset on Friday to nightfall on Saturday. Observant
              people may not use electrical devices, write or travel, so avoid arranging routine visits or
              discharges then. Saving life always comes first.
            - Visiting the sick is a religious duty, so expect visitors, including from the synagogue.
            - Some people prefer to be cared for by staff of the same sex.
        """,
        "at_time_of_death": """
            Many families want someone with the dying person at all times. They may say prayers, such as the
            Shema, and a rabbi may be asked to come.

            After death, the body is touched as little as possible. Staff may be asked to close the eyes,
            straighten the limbs and cover the body with a sheet, and then wait for the family or the Jewish
            burial society, who prepare the body themselves. Someone may stay with the body until the
            funeral.
        """,
        "after_death": """
            Burial usually takes place as soon as possible, ideally within 24 hours, but not on the Sabbath
            or some festivals. Orthodox Judaism does not permit cremation; some Reform and Liberal Jews
            accept it. Post-mortems are generally unwelcome unless the law requires one, and families may
            ask about non-invasive alternatives.

            After the funeral, close family usually observe seven days of mourning at home (shiva), with
            prayers and many visitors, followed by a longer period of gentler mourning. The anniversary of
            the death is marked each year.
        """,
        "practical_points": """
            - Ask early whether the family belongs to a synagogue and whether they want the rabbi or burial
              society contacted.
            - Make sure the paperwork after an expected death can be done quickly, including at weekends.
            - Do not remove religious items without asking.
            - Avoid asking the family to make non-urgent decisions on the Sabbath.
        """,
        "sources": [
            "Skills for Care and Jewish Care: Faith perspective: supporting Jewish people with life limiting "
            "conditions, and at the end of life",
            "Board of Deputies of British Jews",
        ],
    },
    {
        "slug": "muslim",
        "medical_examiner": True,
        "title": "Muslim perspectives",
        "introduction": """
            Islam is the second largest religion in the UK. Muslims come from many countries and traditions,
            including Sunni and Shia, and observance varies a great deal between people.

            Many Muslims believe that life and the time of death are in God's hands, and that death is a
            passage to the next life.
        """,
        "talking_about_death": """
            People may speak of the future with the phrase "insha'Allah" (if God wills). This reflects
            faith, not denial, and does not stop people planning.

            Families are often closely involved in decisions and may want an imam's advice. Some may feel
            that stopping treatment is giving up hope; explain clearly what a treatment can and cannot do,
            and allow time for the family to consult.
        """,
        "care_before_death": """
            - Many Muslims pray five times a day, facing Mecca (south-east in the UK), after washing. A
              person who is very ill may pray in bed; help them wash and face the right way if they wish.
            - Food should be halal. Some medicines contain alcohol or pork gelatine; ask the pharmacist
              about alternatives and let the person decide.
            - People who are seriously ill are not expected to fast in Ramadan, but some may wish to.
            - Modesty matters: offer staff of the same sex for personal care where possible.
            - Some people prefer to stay alert for prayer and may ask about the effect of medicines on their
              alertness.
        """,
        "at_time_of_death": """
            Family members may read from the Qur'an and encourage the dying person to say the declaration of
            faith. If possible and wished, the person may be turned to face Mecca.

            After death, staff who are not Muslim should wear gloves and touch the body as little as
            possible. The family may ask for the eyes and mouth to be closed, the limbs straightened and the
            whole body covered with a plain sheet. Washing the body is usually done by Muslims of the same
            sex, often from the mosque.
        """,
        "after_death": """
            Burial, not cremation, takes place as soon as possible, ideally within a day. Post-mortems are
            generally unwelcome unless the law requires one; some coroners can offer a scan instead.

            Mourning is usually marked for three days, with visitors bringing food and offering prayers. A
            widow may observe a longer waiting period. The community and mosque are often a major source of
            support.
        """,
        "practical_points": """
            - Ask about prayer times and where the person can pray, and plan care around them where you can.
            - Check for medicines and foods that are not halal, and explain any that have no alternative.
            - Know who to call for urgent release of the body, including out of hours.
            - Ask the family which relatives and which religious leader they want involved.
        """,
        "sources": ["Muslim Council of Britain"],
    },
    {
        "slug": "hindu",
        "medical_examiner": True,
        "title": "Hindu perspectives",
        "introduction": """
            Hinduism includes many traditions, languages and practices; there is no single rule that applies
            to everyone.

            Many Hindus believe in karma and rebirth: death is a passage of the soul from one life to the
            next, and a peaceful, aware death is valued.
        """,
        "talking_about_death": """
            Many families talk openly about death, but some prefer that bad news is shared with the family
            first. Ask the person what they want.

            The eldest son, or another close male relative, often has an important role in decisions and in
            the rituals after death. Some people may prefer to die at home.
        """,
        "care_before_death": """
            - Many Hindus are vegetarian, and most avoid beef. Some do not eat eggs, onion or garlic. Ask,
              and check medicines for animal products.
            - Washing in running water is often preferred to a bath.
            - People may wish to keep religious pictures, prayer beads or a sacred thread. Do not remove a
              sacred thread or jewellery without asking.
            - Some people want to stay alert so they can pray, and may prefer lower doses of sedating
              medicines. Explain the options.
        """,
        "at_time_of_death": """
            Family may gather, pray and chant. Some may place a tulsi (holy basil) leaf or a few drops of
            water from the Ganges in the person's mouth. Some may wish the person to be moved onto the
            floor, to be close to the earth.

            After death, ask before touching the body. The family usually wish to wash and dress the body
            themselves. Leave jewellery, threads and religious items in place unless the family ask
            otherwise.
        """,
        "after_death": """
            Cremation is usual, and families generally want it to happen quickly. Young children may be
            buried. Post-mortems are often unwelcome unless required by law.

            A period of mourning, often about thirteen days, follows, with ceremonies at home. Ashes may be
            scattered in flowing water, in the UK or in India. Many mourners wear white.
        """,
        "practical_points": """
            - Ask which family member the person wants involved in decisions.
            - Offer vegetarian food and check the ingredients of medicines and supplements.
            - Tell the family in advance how they can be involved in caring for the body.
        """,
        "sources": ["Hindu Council UK", "National Council of Hindu Temples (UK)"],
    },
    {
        "slug": "sikh",
        "medical_examiner": True,
        "title": "Sikh perspectives",
        "introduction": """
            Sikhism teaches belief in one God and equality of all people. Sikhs see death as a natural part
            of life and accept it as God's will.

            Some Sikhs are initiated (Amritdhari) and keep the five articles of faith at all times; many
            others keep some of them.
        """,
        "talking_about_death": """
            Many Sikhs talk about death with acceptance, though families may still find it hard to hear
            difficult news. Family and the wider community are often closely involved and may visit in large
            numbers.

            Ask the person who they want to speak for them and how much they want to know.
        """,
        "care_before_death": """
            - Initiated Sikhs keep the five Ks: uncut hair (kesh), a small comb (kangha), a steel bracelet
              (kara), a small sword (kirpan) and cotton undershorts (kachera). Do not remove or cut them
              without asking.
            - Hair must not be cut or shaved, including for procedures, unless the person agrees.
            - The turban is a religious article. Handle it with respect and never put it on the floor; ask
              before removing it.
            - Many Sikhs are vegetarian, and initiated Sikhs do not eat meat killed by ritual slaughter.
            - The person or family may want to listen to readings from the Sikh scriptures.
        """,
        "at_time_of_death": """
            Family members may recite prayers and repeat "Waheguru" (wonderful Lord). After death, do not
            remove the five Ks or cut any hair, including the beard. Close the eyes and straighten the body,
            and cover it with a plain sheet.

            The family usually wash and dress the body themselves.
        """,
        "after_death": """
            Cremation is usual, and families prefer it to happen soon. Post-mortems are accepted when
            required, though not welcomed.

            After the death, the family may arrange a reading of the whole Sikh scripture, at home or at the
            gurdwara, over several days, ending with a ceremony. Ashes are usually scattered in running
            water. Displays of grief are often restrained, in keeping with acceptance of God's will, but
            people vary.
        """,
        "practical_points": """
            - Ask before touching or moving the five Ks, the turban or the hair.
            - Offer a quiet space for prayer and for many visitors.
            - Check food and medicines with the person.
        """,
        "sources": ["Sikh Council UK", "Network of Sikh Organisations"],
    },
    {
        "slug": "christian",
        "title": "Christian perspectives",
        "introduction": """
            Christianity is the largest religion in the UK, with many churches and traditions: Church of
            England and other Anglican churches, Roman Catholic, Orthodox, Methodist, Baptist, Pentecostal
            and many more.

            Many Christians believe in life after death through Jesus Christ, and find hope and comfort in
            prayer and in their church community. Others identify as Christian by culture or upbringing
            rather than practice.
        """,
        "talking_about_death": """
            Many Christians welcome the chance to talk about death and what they believe. Some may hope and
            pray for healing and find talk of dying hard; this does not mean they cannot plan ahead.

            Ask whether they would like a visit from their own minister or priest, or from the chaplain.
        """,
        "care_before_death": """
            - People may want Holy Communion, prayer, or readings from the Bible.
            - Roman Catholics may ask for a priest to hear confession and give the Sacrament of the Sick
              (anointing). Orthodox Christians may also want their priest.
            - Some people keep a cross, rosary or icon close by: do not remove it without asking.
            - Sunday worship may matter; some people would like to watch or listen to a service.
            - Some traditions have fasting days or avoid alcohol.
        """,
        "at_time_of_death": """
            Family and clergy may pray, read scripture or anoint the person. For Roman Catholics, a priest
            being present near death can matter very much: ask early and know how to reach the chaplaincy or
            parish out of hours.

            There are usually no restrictions on staff caring for the body after death, but ask the family
            if they have wishes, such as leaving a cross or rosary with the person.
        """,
        "after_death": """
            Funerals usually take place within a few weeks. Most churches accept burial or cremation; some
            Orthodox Christians prefer burial. Post-mortems are generally accepted.

            Church communities often support the bereaved, and many people mark anniversaries or remember
            the dead in services such as All Souls' Day.
        """,
        "practical_points": """
            - Ask which church, if any, the person belongs to, and whether they want their minister told.
            - Know how to reach the on-call chaplain or a Catholic priest at any hour.
            - Respect religious items and do not assume everyone who says they are Christian wants religious
              care.
        """,
        "sources": ["Church of England", "Catholic Bishops' Conference of England and Wales"],
    },
    {
        "slug": "non-religious",
        "title": "Non-religious perspectives",
        "introduction": """
            In the 2021 Census, 37.2% of people in England and Wales said they had no religion. Some
            describe themselves as humanist, atheist or agnostic; many simply do not think of themselves as
            religious.

            Having no religion does not mean having no beliefs. Non-religious people often hold strong
            values and find meaning in relationships, nature, work, creativity and what they leave behind.
        """,
        "talking_about_death": """
            Many non-religious people want to talk honestly about death, without religious language. Avoid
            assuming that faith will comfort them, and do not offer prayer unless they ask.

            Ask open questions such as "What matters most to you now?" and "What helps you when things are
            hard?".
        """,
        "care_before_death": """
            - Spiritual care is for everyone: it is about meaning, connection and peace, not only religion.
            - Many hospital and hospice chaplaincy teams now include non-religious pastoral carers; people
              can ask for one.
            - Some people value help with memory boxes, letters or recordings for the people they love.
            - Respect a wish not to be visited by religious representatives, and record it.
        """,
        "at_time_of_death": """
            There are no prescribed rituals. Some people want music, particular people present, or simply
            quiet. Ask the person beforehand and the family at the time.
        """,
        "after_death": """
            The funeral may be a humanist ceremony, another celebration of the person's life, or a direct
            cremation without a service. Post-mortems are generally accepted when needed.

            Bereavement support is available from GP practices, hospices and charities such as Cruse
            Bereavement Support.
        """,
        "practical_points": """
            - Ask, do not assume: record the person's wishes about religious and non-religious support.
            - Know how to request a non-religious pastoral carer locally.
            - Offer bereavement information to families without religious framing.
        """,
        "sources": [
            "Office for National Statistics: Religion, England and Wales: Census 2021",
            "Humanists UK: Non-Religious Pastoral Support Network",
            "Cruse Bereavement Support",
        ],
    },
]

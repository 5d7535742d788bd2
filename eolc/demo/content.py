"""What the demo is made of: organisations, two programmes, the people in them and the sign-ins.

Plain data only; `services.demo_load` turns it into rows. Organisation names are invented (or
generic, such as "London Borough of Camden" as an employer) so that no real body appears to
endorse the demo. Every email address is on a reserved domain (example.org, .com, .net).
"""

import datetime

# --- Published demo credentials ---------------------------------------------------------
# Demo accounts are refused whenever DEBUG is off (see eolc/accounts/backends.py), so these
# are safe to print in the README and on the console.
DEMO_PASSWORD = "eolc-demo-2026"  # noqa: S105 - published on purpose
# One base32 TOTP secret shared by every demo account that must use two-factor sign-in.
DEMO_TOTP_SECRET = "TXSYQ4ROMFPJD5DUDGR5A7FV4SUZWEBI"  # noqa: S105 - published on purpose

# Seed for the generated people, so every run produces the same names in the same places.
PEOPLE_SEED = 2026

LONDON_TZ = "Europe/London"

# --- Organisations ----------------------------------------------------------------------
# key -> (name, kind). Kinds are eolc.accounts.models.OrganisationKind values.
ORGANISATIONS = {
    # Programme bodies in England
    "care_workforce": ("Care Workforce Development Trust", "education"),
    "health_skills": ("Health Skills Partnership", "education"),
    "palliative_council": ("Palliative Care Alliance for England", "voluntary"),
    "regional_education": ("North and East London Workforce Education Board", "nhs"),
    "social_work_network": ("Network of Palliative Care Social Workers", "professional_body"),
    "faith_charity": ("Kesher Community Care", "voluntary"),
    # Health services
    "community_trust": ("North and East London Community Health NHS Trust", "nhs"),
    "acute_trust": ("Eastbrook University Hospitals NHS Trust", "nhs"),
    "gp_federation": ("Riverside Primary Care Federation", "nhs"),
    # Hospices
    "leaside_hospice": ("Leaside Hospice", "voluntary"),
    "ashcombe_hospice": ("Ashcombe House Hospice", "voluntary"),
    # Home care and care homes
    "evergreen": ("Evergreen Home Care Ltd", "private"),
    "oakleaf": ("Oakleaf Domiciliary Services", "private"),
    "brightwater": ("Brightwater Care at Home", "private"),
    "meridian": ("Meridian Home Support", "private"),
    "kindly_hands": ("Kindly Hands Homecare", "private"),
    "elmcroft": ("Elmcroft Nursing Home", "private"),
    "the_laurels": ("The Laurels Residential Care Home", "private"),
    "wanstead_lodge": ("Wanstead Lodge Care Centre", "private"),
    # Community and voluntary groups, education and others
    "carers_centre": ("North London Carers Centre", "voluntary"),
    "bereavement_east": ("East London Bereavement Support", "voluntary"),
    "thameside_university": ("Thameside University", "education"),
    "eastside_housing": ("Eastside Housing Association", "other"),
    "fairbrother_funerals": ("Fairbrother and Daughters Funeral Directors", "private"),
    # Local authorities, as employers of social care staff
    "la_barking": ("London Borough of Barking and Dagenham", "local_authority"),
    "la_camden": ("London Borough of Camden", "local_authority"),
    "la_city": ("City of London Corporation", "local_authority"),
    "la_hackney": ("London Borough of Hackney", "local_authority"),
    "la_havering": ("London Borough of Havering", "local_authority"),
    "la_islington": ("London Borough of Islington", "local_authority"),
    "la_newham": ("London Borough of Newham", "local_authority"),
    "la_redbridge": ("London Borough of Redbridge", "local_authority"),
    "la_tower_hamlets": ("London Borough of Tower Hamlets", "local_authority"),
    "la_waltham_forest": ("London Borough of Waltham Forest", "local_authority"),
    "la_barnet": ("London Borough of Barnet", "local_authority"),
    "la_enfield": ("London Borough of Enfield", "local_authority"),
    "la_haringey": ("London Borough of Haringey", "local_authority"),
    # United States
    "us_owner": ("Metropolitan Palliative Health Network", "voluntary"),
    "us_accreditor": ("American Association of Social Work Practitioners", "professional_body"),
    "us_foundation": ("Hartwell Family Foundation", "funder"),
    "us_empire_valley": ("Empire Valley Cancer Center", "voluntary"),
    "us_riverside_school": ("Riverside School of Social Work", "education"),
    "us_garden_state": ("Garden State Home Health", "private"),
    "us_nutmeg_hospice": ("Nutmeg Community Hospice", "voluntary"),
    "us_keystone": ("Keystone Valley Medical Center", "voluntary"),
    "us_harbor_point": ("Harbor Point Hospital", "voluntary"),
    "us_lakeshore": ("Lakeshore Medical Center", "voluntary"),
    "us_gulf_prairie": ("Gulf Prairie Health", "voluntary"),
    "us_pacific_crest": ("Pacific Crest Medical Center", "voluntary"),
    "us_aging_services": ("Tri-County Area Agency on Aging", "other"),
}

# ONS codes of the thirteen boroughs, by phase.
PHASE_ONE_BOROUGHS = {
    "E09000002": "Barking and Dagenham",
    "E09000007": "Camden",
    "E09000001": "City of London",
    "E09000012": "Hackney",
    "E09000016": "Havering",
    "E09000019": "Islington",
    "E09000025": "Newham",
    "E09000026": "Redbridge",
    "E09000030": "Tower Hamlets",
    "E09000031": "Waltham Forest",
}
PHASE_TWO_BOROUGHS = {
    "E09000003": "Barnet",
    "E09000010": "Enfield",
    "E09000014": "Haringey",
}
LONDON_BOROUGHS = [*PHASE_ONE_BOROUGHS, *PHASE_TWO_BOROUGHS]

US_PHASE_ONE_STATES = ["US-NY", "US-NJ", "US-CT", "US-PA"]
US_PHASE_TWO_STATES = ["US-MA", "US-IL", "US-TX", "US-CA"]
US_STATE_TIME_ZONES = {
    "US-NY": "America/New_York",
    "US-NJ": "America/New_York",
    "US-CT": "America/New_York",
    "US-PA": "America/New_York",
    "US-MA": "America/New_York",
    "US-IL": "America/Chicago",
    "US-TX": "America/Chicago",
    "US-CA": "America/Los_Angeles",
}

# Where each employer's staff work. Organisations not listed draw from their programme's areas.
ORGANISATION_AREAS = {
    "community_trust": [
        "E09000002", "E09000016", "E09000026", "E09000031", "E09000025", "E09000030",
        "E09000012", "E09000001",
    ],
    "acute_trust": ["E09000007", "E09000019", "E09000012", "E09000030"],
    "gp_federation": ["E09000012", "E09000001"],
    "leaside_hospice": ["E09000031", "E09000026", "E09000025", "E09000002", "E09000016"],
    "ashcombe_hospice": ["E09000003", "E09000010", "E09000014", "E09000007", "E09000019"],
    "evergreen": ["E09000025", "E09000030", "E09000002"],
    "oakleaf": ["E09000016", "E09000026", "E09000031"],
    "brightwater": ["E09000012", "E09000019", "E09000007", "E09000001"],
    "meridian": ["E09000003", "E09000010", "E09000014"],
    "kindly_hands": ["E09000025", "E09000031", "E09000012"],
    "elmcroft": ["E09000016"],
    "the_laurels": ["E09000010", "E09000003"],
    "wanstead_lodge": ["E09000026"],
    "faith_charity": ["E09000003", "E09000026", "E09000012", "E09000007"],
    "carers_centre": ["E09000019", "E09000007", "E09000014"],
    "bereavement_east": ["E09000025", "E09000030"],
    "thameside_university": ["E09000025", "E09000019"],
    "eastside_housing": ["E09000030", "E09000012"],
    "fairbrother_funerals": ["E09000010"],
    "la_barking": ["E09000002"],
    "la_camden": ["E09000007"],
    "la_city": ["E09000001"],
    "la_hackney": ["E09000012"],
    "la_havering": ["E09000016"],
    "la_islington": ["E09000019"],
    "la_newham": ["E09000025"],
    "la_redbridge": ["E09000026"],
    "la_tower_hamlets": ["E09000030"],
    "la_waltham_forest": ["E09000031"],
    "la_barnet": ["E09000003"],
    "la_enfield": ["E09000010"],
    "la_haringey": ["E09000014"],
    "us_owner": ["US-NY"],
    "us_empire_valley": ["US-NY"],
    "us_riverside_school": ["US-NY", "US-NJ"],
    "us_garden_state": ["US-NJ"],
    "us_nutmeg_hospice": ["US-CT"],
    "us_keystone": ["US-PA"],
    "us_harbor_point": ["US-MA"],
    "us_lakeshore": ["US-IL"],
    "us_gulf_prairie": ["US-TX"],
    "us_pacific_crest": ["US-CA"],
    "us_aging_services": ["US-PA"],
}  # fmt: skip

LOCAL_AUTHORITIES = [key for key in ORGANISATIONS if key.startswith("la_")]
HOME_CARE = ["evergreen", "oakleaf", "brightwater", "meridian", "kindly_hands"]
CARE_HOMES = ["elmcroft", "the_laurels", "wanstead_lodge"]
HOSPICES = ["leaside_hospice", "ashcombe_hospice"]
COMMUNITY_GROUPS = ["faith_charity", "carers_centre"]
BEREAVEMENT_GROUPS = ["carers_centre", "bereavement_east"]
US_HOSPICES = ["us_nutmeg_hospice", "us_owner"]
US_HOSPITALS = [
    "us_empire_valley",
    "us_keystone",
    "us_harbor_point",
    "us_lakeshore",
    "us_gulf_prairie",
    "us_pacific_crest",
]
US_MENTOR_EMPLOYERS = ["us_owner", *US_HOSPITALS]

# --- Programmes -------------------------------------------------------------------------
LONDON = "working-together-north-east-london"
SOCIAL_WORK_CE = "palliative-care-skills-social-workers"

PROGRAMMES = [
    {
        "slug": LONDON,
        "title": "Working together in end-of-life care — North and East London",
        "summary": (
            "Front-line staff from social care, health, hospices, home care and the voluntary "
            "sector learn alongside unpaid carers how to join up support for people in the last "
            "months of life. Champions from every sector meet to compare what has helped and what "
            "has got in the way; what they say becomes six key messages, a short film and a "
            "90-minute learning session offered in mixed groups at different times of day. "
            "Phase 1 runs in ten boroughs from October 2026 to March 2027, and phase 2 takes the "
            "sessions and the champions network to Barnet, Enfield and Haringey."
        ),
        "organisations": [
            ("care_workforce", "owner"),
            ("health_skills", "partner"),
            ("palliative_council", "partner"),
            ("social_work_network", "partner"),
            ("faith_charity", "partner"),
            ("regional_education", "funder"),
        ],
        "phases": [
            {
                "name": "Phase 1 — ten boroughs",
                "starts_on": datetime.date(2026, 10, 1),
                "ends_on": datetime.date(2027, 3, 31),
                "areas": list(PHASE_ONE_BOROUGHS),
            },
            {
                "name": "Phase 2 — Barnet, Enfield and Haringey",
                "starts_on": datetime.date(2027, 4, 1),
                "ends_on": datetime.date(2028, 3, 31),
                "areas": list(PHASE_TWO_BOROUGHS),
            },
        ],
    },
    {
        "slug": SOCIAL_WORK_CE,
        "title": "Palliative care skills for health care social workers",
        "summary": (
            "A four-part continuing education curriculum for social workers in hospitals, "
            "hospices, home health and primary care who want to bring core palliative care "
            "practice into their everyday work. Part I is a self-paced online course built around "
            "the eight domains of palliative care (8.0 CE hours). Part II is a live virtual "
            "workshop that practises key skills on clinical scenarios (2.5 CE hours). Part III "
            "develops leadership and advocacy in two live two-hour sessions (4.0 CE hours). Once "
            "Part I is complete, social workers can join Part IV: a monthly virtual mentorship "
            "group led by experienced palliative care social workers. CE hours are approved by "
            "the American Association of Social Work Practitioners."
        ),
        "organisations": [
            ("us_owner", "owner"),
            ("us_accreditor", "accreditor"),
            ("us_foundation", "funder"),
        ],
        "phases": [
            {
                "name": "Spring 2026 cohort — New York, New Jersey, Connecticut and Pennsylvania",
                "starts_on": datetime.date(2026, 3, 2),
                "ends_on": datetime.date(2026, 8, 28),
                "areas": US_PHASE_ONE_STATES,
            },
            {
                "name": "Fall 2026 cohort — Massachusetts, Illinois, Texas and California",
                "starts_on": datetime.date(2026, 9, 14),
                "ends_on": datetime.date(2027, 3, 12),
                "areas": US_PHASE_TWO_STATES,
            },
        ],
    },
]

# --- Sign-ins: one per role -------------------------------------------------------------
# role key -> the person. "memberships" pairs a programme slug with a Role value.
SIGN_INS = [
    {
        "role": "learner",
        "label": "Learner",
        "email": "learner@example.org",
        "full_name": "Grace Adeyemi",
        "sector": "social_care",
        "job_role": "social_worker",
        "work_setting": "hospital",
        "organisation": "la_camden",
        "area": "E09000007",
        "time_zone": LONDON_TZ,
        "memberships": [(LONDON, "learner"), (SOCIAL_WORK_CE, "learner")],
    },
    {
        "role": "champion",
        "label": "Champion",
        "email": "champion@example.org",
        "full_name": "Marcia Campbell",
        "sector": "health",
        "job_role": "district_nurse",
        "work_setting": "community",
        "organisation": "community_trust",
        "area": "E09000031",
        "time_zone": LONDON_TZ,
        "memberships": [(LONDON, "champion")],
    },
    {
        "role": "facilitator",
        "label": "Facilitator",
        "email": "facilitator@example.org",
        "full_name": "Owen Pritchard",
        "sector": "social_care",
        "job_role": "trainer",
        "work_setting": "other",
        "organisation": "care_workforce",
        "area": "E09000019",
        "time_zone": LONDON_TZ,
        "memberships": [(LONDON, "facilitator")],
    },
    {
        "role": "mentor",
        "label": "Mentor",
        "email": "mentor@example.org",
        "full_name": "Rosa Delgado",
        "sector": "health",
        "job_role": "palliative_care_specialist",
        "work_setting": "hospital",
        "organisation": "us_owner",
        "area": "US-NY",
        "time_zone": "America/New_York",
        "memberships": [(SOCIAL_WORK_CE, "mentor")],
    },
    {
        "role": "programme_admin",
        "label": "Programme administrator",
        "email": "programme.admin@example.org",
        "full_name": "Priya Raman",
        "sector": "social_care",
        "job_role": "manager_commissioner",
        "work_setting": "other",
        "organisation": "care_workforce",
        "area": "E09000012",
        "time_zone": LONDON_TZ,
        "memberships": [(LONDON, "admin")],
    },
    {
        "role": "commissioner",
        "label": "Commissioner",
        "email": "commissioner@example.org",
        "full_name": "David Okafor",
        "sector": "social_care",
        "job_role": "manager_commissioner",
        "work_setting": "other",
        "organisation": "la_newham",
        "area": "E09000025",
        "time_zone": LONDON_TZ,
        "memberships": [(LONDON, "commissioner")],
    },
    {
        "role": "site_admin",
        "label": "Site administrator",
        "email": "site.admin@example.org",
        "full_name": "Helen Fairweather",
        "sector": "other",
        "job_role": None,
        "work_setting": "",
        "organisation": None,
        "area": None,
        "time_zone": LONDON_TZ,
        "memberships": [],
        "site_admin": True,
    },
]

# --- Generated people -------------------------------------------------------------------
# Each group: how many people, their profile, the employers they are drawn from and the role
# they hold in the programme. "champion_pool" marks groups from which the champions are picked.
# Email domains: example.org for work addresses in England, example.com in the United States
# and example.net for personal addresses (unpaid carers).
LONDON_GROUPS = [
    # sector, job role, work setting, employers, count, role, champion pool
    ("social_care", "social_worker", "community", LOCAL_AUTHORITIES, 14, "learner", True),
    ("social_care", "social_worker", "hospital", LOCAL_AUTHORITIES, 6, "learner", True),
    ("social_care", "occupational_therapist", "community", LOCAL_AUTHORITIES, 4, "learner", True),
    ("social_care", "manager_commissioner", "other", LOCAL_AUTHORITIES, 4, "commissioner", False),
    ("social_care", "trainer", "other", ["care_workforce"], 3, "facilitator", False),
    ("social_care", "manager_commissioner", "other", ["care_workforce"], 2, "admin", False),
    ("private", "home_care_worker", "home_care", HOME_CARE, 17, "learner", True),
    ("private", "care_home_worker", "care_home", CARE_HOMES, 10, "learner", True),
    ("private", "manager_commissioner", "home_care", HOME_CARE, 3, "learner", True),
    ("health", "district_nurse", "community", ["community_trust"], 10, "learner", True),
    ("health", "nurse", "hospital", ["acute_trust"], 5, "learner", True),
    ("health", "gp", "primary_care", ["gp_federation"], 5, "learner", True),
    ("health", "palliative_care_specialist", "hospital", ["acute_trust"], 3, "learner", True),
    ("health", "palliative_care_specialist", "community", ["community_trust"], 2, "learner", True),
    ("health", "allied_health_professional", "community", ["community_trust"], 4, "learner", True),
    ("voluntary", "hospice_worker", "hospice", HOSPICES, 9, "learner", True),
    ("voluntary", "palliative_care_specialist", "hospice", HOSPICES, 3, "learner", True),
    ("voluntary", "chaplain", "hospice", HOSPICES, 2, "learner", True),
    ("voluntary", "volunteer", "hospice", HOSPICES, 4, "learner", True),
    ("voluntary", "social_worker", "community", COMMUNITY_GROUPS, 3, "learner", True),
    ("voluntary", "volunteer", "community", BEREAVEMENT_GROUPS, 3, "learner", True),
    ("unpaid_carer", "unpaid_carer", "", [None], 8, "learner", True),
    ("education", "student", "other", ["thameside_university"], 5, "learner", True),
    ("education", "trainer", "other", ["thameside_university"], 4, "learner", True),
    ("other", "chaplain", "community", [None], 2, "learner", True),
    ("other", None, "community", ["eastside_housing"], 2, "learner", True),
    ("other", None, "other", ["fairbrother_funerals"], 1, "learner", True),
]  # fmt: skip

US_GROUPS = [
    ("health", "social_worker", "hospital", US_HOSPITALS, 20, "learner", False),
    ("health", "social_worker", "primary_care", US_HOSPITALS, 4, "learner", False),
    ("voluntary", "social_worker", "hospice", US_HOSPICES, 10, "learner", False),
    ("private", "social_worker", "home_care", ["us_garden_state"], 6, "learner", False),
    ("health", "palliative_care_specialist", "hospital", US_MENTOR_EMPLOYERS, 4, "mentor", False),
    ("education", "student", "other", ["us_riverside_school"], 4, "learner", False),
    ("education", "trainer", "other", ["us_owner", "us_riverside_school"], 2, "facilitator", False),
    ("health", "manager_commissioner", "hospital", ["us_owner"], 2, "admin", False),
    ("health", "manager_commissioner", "hospital", US_HOSPITALS, 2, "commissioner", False),
    ("other", "social_worker", "community", ["us_aging_services"], 1, "learner", False),
]  # fmt: skip

# Champions are picked from the champion pool so that every sector is represented.
CHAMPIONS_PER_SECTOR = {
    "social_care": 5,
    "health": 4,
    "private": 4,
    "voluntary": 3,
    "unpaid_carer": 2,
    "education": 1,
    "other": 1,
}

UK_FIRST_NAMES = [
    "Abdi", "Adaeze", "Aisha", "Alan", "Alice", "Amara", "Amir", "Andrzej", "Angela", "Anita",
    "Anjali", "Beatrice", "Ben", "Bernadette", "Bilal", "Bogdan", "Callum", "Catherine",
    "Chidi", "Chloe", "Ciara", "Claire", "Daniel", "Deborah", "Declan", "Delroy", "Dimitri",
    "Ebony", "Eleanor", "Emeka", "Emine", "Esther", "Fatima", "Femi", "Fiona", "Gareth",
    "Gillian", "Hannah", "Harjit", "Hassan", "Ifeoma", "Imran", "Ioana", "Isaac", "Jamal",
    "Janet", "Jasmine", "Joanne", "Joseph", "Kamala", "Karen", "Kofi", "Kwame", "Lakshmi",
    "Leah", "Leroy", "Lucy", "Magdalena", "Mairead", "Malik", "Margaret", "Mehmet", "Mei",
    "Michael", "Miriam", "Mohammed", "Nadia", "Nasreen", "Niamh", "Nkechi", "Olu", "Patrick",
    "Paul", "Rachel", "Rahul", "Rebecca", "Rhys", "Rukhsana", "Ruth", "Samuel", "Sarah",
    "Shabnam", "Simon", "Siobhan", "Sophie", "Stephen", "Sunita", "Tariq", "Thomas", "Tunde",
    "Vanessa", "Wei", "Yasmin", "Yusuf", "Zainab", "Zofia",
]  # fmt: skip

UK_LAST_NAMES = [
    "Adebayo", "Ahmed", "Akhtar", "Ali", "Appiah", "Asante", "Atkinson", "Baker", "Banerjee",
    "Begum", "Bennett", "Bowen", "Brennan", "Brown", "Chaudhry", "Chen", "Clarke", "Cohen",
    "Cooper", "Cunningham", "Davies", "Demir", "Doherty", "Edwards", "Evans", "Fernandes",
    "Fitzgerald", "Forde", "Gallagher", "Goldberg", "Grant", "Green", "Gupta", "Hall",
    "Harris", "Hossain", "Hughes", "Hussain", "Ibrahim", "Jackson", "James", "Kaur", "Kelly",
    "Khan", "Kowalski", "Levy", "Lewis", "Li", "Mahmood", "Marsh", "McCarthy", "McDonald",
    "Mensah", "Miah", "Mitchell", "Morgan", "Murphy", "Nowak", "Nwosu", "O'Brien", "O'Connor",
    "Okonkwo", "Osei", "Owusu", "Patel", "Popescu", "Quinn", "Rahman", "Reid", "Roberts",
    "Robinson", "Rosen", "Shah", "Sharma", "Singh", "Smith", "Stewart", "Taylor", "Thomas",
    "Thompson", "Turner", "Uddin", "Walker", "Wallace", "Walsh", "Williams", "Wilson",
    "Wiśniewska", "Wright", "Yildiz", "Young",
]  # fmt: skip

US_FIRST_NAMES = [
    "Aaliyah", "Adriana", "Alejandro", "Amanda", "Andre", "Ashley", "Brandon", "Brianna",
    "Carlos", "Carmen", "Christopher", "Crystal", "Danielle", "Darnell", "Destiny", "Diana",
    "Elena", "Emily", "Gabriela", "Hyun-woo", "Imani", "Jacqueline", "Jennifer", "Jessica",
    "Jonathan", "Jorge", "Keisha", "Kimberly", "Latoya", "Lauren", "Linh", "Luis", "Marisol",
    "Megan", "Minh", "Monique", "Nicole", "Priscilla", "Raymond", "Rosalind", "Shanice",
    "Soo-jin", "Stephanie", "Tamika", "Tiffany", "Tyrone", "Valentina", "Vanessa", "Xavier",
    "Yolanda",
]  # fmt: skip

US_LAST_NAMES = [
    "Alvarez", "Anderson", "Bailey", "Brooks", "Castillo", "Chang", "Coleman", "Cruz",
    "DeLuca", "Diaz", "Fitzpatrick", "Flores", "Goldstein", "Gonzalez", "Gutierrez", "Hayes",
    "Hernandez", "Jefferson", "Johnson", "Kim", "Kowalczyk", "Lopez", "Martinez", "Moreno",
    "Morrison", "Nguyen", "Novak", "O'Neill", "Ortiz", "Park", "Perez", "Ramirez", "Reyes",
    "Rivera", "Romano", "Russo", "Sanchez", "Schwartz", "Sullivan", "Tran", "Vasquez",
    "Washington", "Whitfield", "Williams",
]  # fmt: skip


# The dashboard's extra session participants (reports demo). They join the London programme last,
# so the other demo builders leave them out to stay the same on every load.
PARTICIPANT_PREFIX = "participant"

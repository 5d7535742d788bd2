"""Reference lists every installation needs: job roles and the area tree.

Loaded by a data migration, so production gets them too; `reference_data_load`
is idempotent and safe to run again after this file grows.
"""

JOB_ROLES = [
    ("social_worker", "Social worker"),
    ("district_nurse", "District nurse"),
    ("home_care_worker", "Domiciliary or home care worker"),
    ("gp", "GP"),
    ("hospice_worker", "Hospice worker"),
    ("palliative_care_specialist", "Palliative care specialist"),
    ("care_home_worker", "Care home worker"),
    ("occupational_therapist", "Occupational therapist"),
    ("allied_health_professional", "Allied health professional"),
    ("nurse", "Nurse (other settings)"),
    ("chaplain", "Chaplain or spiritual care lead"),
    ("student", "Student"),
    ("volunteer", "Volunteer"),
    ("unpaid_carer", "Unpaid carer"),
    ("manager_commissioner", "Manager or commissioner"),
    ("trainer", "Trainer or educator"),
]

ENGLAND = ("E92000001", "England")
ENGLAND_REGIONS = [
    ("E12000001", "North East"),
    ("E12000002", "North West"),
    ("E12000003", "Yorkshire and The Humber"),
    ("E12000004", "East Midlands"),
    ("E12000005", "West Midlands"),
    ("E12000006", "East of England"),
    ("E12000007", "London"),
    ("E12000008", "South East"),
    ("E12000009", "South West"),
]
LONDON_REGION_CODE = "E12000007"
LONDON_BOROUGHS = [
    ("E09000001", "City of London"),
    ("E09000002", "Barking and Dagenham"),
    ("E09000003", "Barnet"),
    ("E09000004", "Bexley"),
    ("E09000005", "Brent"),
    ("E09000006", "Bromley"),
    ("E09000007", "Camden"),
    ("E09000008", "Croydon"),
    ("E09000009", "Ealing"),
    ("E09000010", "Enfield"),
    ("E09000011", "Greenwich"),
    ("E09000012", "Hackney"),
    ("E09000013", "Hammersmith and Fulham"),
    ("E09000014", "Haringey"),
    ("E09000015", "Harrow"),
    ("E09000016", "Havering"),
    ("E09000017", "Hillingdon"),
    ("E09000018", "Hounslow"),
    ("E09000019", "Islington"),
    ("E09000020", "Kensington and Chelsea"),
    ("E09000021", "Kingston upon Thames"),
    ("E09000022", "Lambeth"),
    ("E09000023", "Lewisham"),
    ("E09000024", "Merton"),
    ("E09000025", "Newham"),
    ("E09000026", "Redbridge"),
    ("E09000027", "Richmond upon Thames"),
    ("E09000028", "Southwark"),
    ("E09000029", "Sutton"),
    ("E09000030", "Tower Hamlets"),
    ("E09000031", "Waltham Forest"),
    ("E09000032", "Wandsworth"),
    ("E09000033", "Westminster"),
]

UNITED_STATES = ("US", "United States")
US_STATES = [
    ("US-AL", "Alabama"), ("US-AK", "Alaska"), ("US-AZ", "Arizona"), ("US-AR", "Arkansas"),
    ("US-CA", "California"), ("US-CO", "Colorado"), ("US-CT", "Connecticut"), ("US-DE", "Delaware"),
    ("US-DC", "District of Columbia"), ("US-FL", "Florida"), ("US-GA", "Georgia"), ("US-HI", "Hawaii"),
    ("US-ID", "Idaho"), ("US-IL", "Illinois"), ("US-IN", "Indiana"), ("US-IA", "Iowa"),
    ("US-KS", "Kansas"), ("US-KY", "Kentucky"), ("US-LA", "Louisiana"), ("US-ME", "Maine"),
    ("US-MD", "Maryland"), ("US-MA", "Massachusetts"), ("US-MI", "Michigan"), ("US-MN", "Minnesota"),
    ("US-MS", "Mississippi"), ("US-MO", "Missouri"), ("US-MT", "Montana"), ("US-NE", "Nebraska"),
    ("US-NV", "Nevada"), ("US-NH", "New Hampshire"), ("US-NJ", "New Jersey"), ("US-NM", "New Mexico"),
    ("US-NY", "New York"), ("US-NC", "North Carolina"), ("US-ND", "North Dakota"), ("US-OH", "Ohio"),
    ("US-OK", "Oklahoma"), ("US-OR", "Oregon"), ("US-PA", "Pennsylvania"), ("US-RI", "Rhode Island"),
    ("US-SC", "South Carolina"), ("US-SD", "South Dakota"), ("US-TN", "Tennessee"), ("US-TX", "Texas"),
    ("US-UT", "Utah"), ("US-VT", "Vermont"), ("US-VA", "Virginia"), ("US-WA", "Washington"),
    ("US-WV", "West Virginia"), ("US-WI", "Wisconsin"), ("US-WY", "Wyoming"),
]  # fmt: skip


def reference_data_load(JobRole, Area):  # noqa: N803 - historical models from a migration
    for order, (slug, name) in enumerate(JOB_ROLES):
        JobRole.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order * 10})

    def area(code, name, kind, parent=None):
        obj, _ = Area.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "parent": parent}
        )
        return obj

    england = area(*ENGLAND, "country")
    for code, name in ENGLAND_REGIONS:
        region = area(code, name, "region", england)
        if code == LONDON_REGION_CODE:
            for borough_code, borough in LONDON_BOROUGHS:
                area(borough_code, borough, "local_authority", region)
    united_states = area(*UNITED_STATES, "country")
    for code, name in US_STATES:
        area(code, name, "state", united_states)

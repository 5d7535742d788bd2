"""Loading the demo data: safe to run again, it updates what is there and adds what is missing.

Natural keys keep it idempotent: organisations by name, programmes by slug, phases by
programme and name, people by email, memberships by (programme, person, role), and at most one
TOTP authenticator per person (allauth enforces that too).
"""

import random
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt, encrypt
from django.contrib.auth.hashers import check_password, is_password_usable, make_password
from django.db import transaction
from django.utils import timezone

from eolc.accounts.models import Area, JobRole, Organisation, User
from eolc.accounts.signed_in import PERSON_STAMP
from eolc.demo import (
    allocation_content,
    champions_content,
    content,
    curriculum_content,
    evaluation_content,
    events_content,
    insights_content,
    library_content,
    mentoring_content,
    reports_content,
    scenario_content,
)
from eolc.programmes.models import (
    STAFF_ROLES,
    Membership,
    Phase,
    Programme,
    ProgrammeOrganisation,
)


class DemoDataConflict(Exception):
    """A demo email address already belongs to a real (non-demo) account."""


@dataclass
class PersonSpec:
    email: str
    full_name: str
    sector: str
    job_role: str | None
    work_setting: str
    organisation: str | None
    area: str | None
    time_zone: str
    days_since_joining: int
    memberships: list[tuple[str, str]] = field(default_factory=list)
    sign_in: str | None = None
    site_admin: bool = False

    @property
    def needs_mfa(self) -> bool:
        return self.site_admin or any(role in STAFF_ROLES for _, role in self.memberships)


@dataclass
class DemoSummary:
    organisations: int
    programmes: int
    phases: int
    people: int
    sign_ins: int
    memberships: int
    authenticators: int
    people_created: int
    memberships_created: int
    authenticators_created: int

    def line(self) -> str:
        return (
            f"Demo data: {self.programmes} programmes, {self.phases} phases, "
            f"{self.organisations} organisations, {self.people} people "
            f"({self.sign_ins} sign-ins), {self.memberships} memberships, "
            f"{self.authenticators} TOTP authenticators; this run added {self.people_created} "
            f"people, {self.memberships_created} memberships and "
            f"{self.authenticators_created} authenticators."
        )


# --- Who the demo people are --------------------------------------------------------------


def _email_local_part(first: str, last: str) -> str:
    text = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch in ".-")


def _generate(rng, groups, programme_slug, first_names, last_names, default_areas, taken):
    """People for one programme, drawn in a fixed order so the same seed gives the same people."""
    us = programme_slug == content.SOCIAL_WORK_CE
    people = []
    for sector, job_role, work_setting, employers, count, role, champion_pool in groups:
        for _ in range(count):
            while True:
                first, last = rng.choice(first_names), rng.choice(last_names)
                if f"{first} {last}" not in taken["names"]:
                    break
            taken["names"].add(f"{first} {last}")
            if us:
                domain = "example.com"
            else:
                domain = "example.net" if sector == "unpaid_carer" else "example.org"
            local = _email_local_part(first, last)
            email, n = f"{local}@{domain}", 2
            while email in taken["emails"]:
                email, n = f"{local}{n}@{domain}", n + 1
            taken["emails"].add(email)
            organisation = rng.choice(employers)
            area = rng.choice(content.ORGANISATION_AREAS.get(organisation) or default_areas)
            spec = PersonSpec(
                email=email,
                full_name=f"{first} {last}",
                sector=sector,
                job_role=job_role,
                work_setting=work_setting,
                organisation=organisation,
                area=area,
                time_zone=content.US_STATE_TIME_ZONES[area] if us else content.LONDON_TZ,
                days_since_joining=rng.randint(30, 300) if us else rng.randint(5, 120),
                memberships=[(programme_slug, role)],
            )
            people.append((spec, champion_pool))
    return people


def demo_people() -> list[PersonSpec]:
    """The sign-ins first, then about two hundred generated people; the same list every time."""
    specs = [
        PersonSpec(
            email=s["email"],
            full_name=s["full_name"],
            sector=s["sector"],
            job_role=s["job_role"],
            work_setting=s["work_setting"],
            organisation=s["organisation"],
            area=s["area"],
            time_zone=s["time_zone"],
            days_since_joining=150,
            memberships=list(s["memberships"]),
            sign_in=s["role"],
            site_admin=s.get("site_admin", False),
        )
        for s in content.SIGN_INS
    ]
    taken = {"names": {s.full_name for s in specs}, "emails": {s.email for s in specs}}
    rng = random.Random(content.PEOPLE_SEED)
    london = _generate(
        rng,
        content.LONDON_GROUPS,
        content.LONDON,
        content.UK_FIRST_NAMES,
        content.UK_LAST_NAMES,
        content.LONDON_BOROUGHS,
        taken,
    )
    us = _generate(
        rng,
        content.US_GROUPS,
        content.SOCIAL_WORK_CE,
        content.US_FIRST_NAMES,
        content.US_LAST_NAMES,
        content.US_PHASE_ONE_STATES + content.US_PHASE_TWO_STATES,
        taken,
    )
    pool = defaultdict(list)
    for spec, champion_pool in london:
        if champion_pool:
            pool[spec.sector].append(spec)
    for sector, count in content.CHAMPIONS_PER_SECTOR.items():
        for spec in rng.sample(pool[sector], count):
            spec.memberships = [(content.LONDON, "champion")]
    return specs + [spec for spec, _ in london + us]


# --- Loading --------------------------------------------------------------------------------


def _organisations() -> dict[str, Organisation]:
    found = {}
    for key, (name, kind) in content.ORGANISATIONS.items():
        found[key], _ = Organisation.objects.update_or_create(name=name, defaults={"kind": kind})
    return found


def _programmes(organisations, areas) -> dict[str, Programme]:
    programmes = {}
    for data in content.PROGRAMMES:
        programme, _ = Programme.objects.update_or_create(
            slug=data["slug"], defaults={"title": data["title"], "summary": data["summary"]}
        )
        for key, relation in data["organisations"]:
            ProgrammeOrganisation.objects.get_or_create(
                programme=programme, organisation=organisations[key], relation=relation
            )
        for phase_data in data["phases"]:
            phase, _ = Phase.objects.update_or_create(
                programme=programme,
                name=phase_data["name"],
                defaults={"starts_on": phase_data["starts_on"], "ends_on": phase_data["ends_on"]},
            )
            phase.target_areas.set([areas[code] for code in phase_data["areas"]])
        programmes[data["slug"]] = programme
    return programmes


PROFILE_FIELDS = [
    "full_name",
    "sector",
    "job_role",
    "work_setting",
    "organisation",
    "area",
    "time_zone",
    "is_staff",
    "is_superuser",
    "is_active",
    "is_demo",
    "deletion_requested_at",
]


def _profile(spec, organisations, areas, job_roles) -> dict:
    """Field values by attribute name (foreign keys as ids), ready to compare and assign."""
    return {
        "full_name": spec.full_name,
        "sector": spec.sector,
        "job_role_id": job_roles[spec.job_role].pk if spec.job_role else None,
        "work_setting": spec.work_setting,
        "organisation_id": organisations[spec.organisation].pk if spec.organisation else None,
        "area_id": areas[spec.area].pk if spec.area else None,
        "time_zone": spec.time_zone,
        "is_staff": spec.site_admin,
        "is_superuser": spec.site_admin,
        "is_active": True,
        "is_demo": True,
        "deletion_requested_at": None,
    }


def _refuse_real_accounts(emails):
    users = User.objects.filter(email__in=emails, is_demo=False)
    addresses = EmailAddress.objects.filter(email__in=emails, verified=True, user__is_demo=False)
    real = [*users.values_list("email", flat=True), *addresses.values_list("email", flat=True)]
    if real:
        raise DemoDataConflict(
            "These demo email addresses belong to real accounts, so the demo was not loaded: "
            + ", ".join(sorted(set(real)))
        )


def _people(specs, organisations, areas, job_roles) -> tuple[dict[str, User], int]:
    emails = [spec.email for spec in specs]
    _refuse_real_accounts(emails)
    existing = {user.email: user for user in User.objects.filter(email__in=emails)}
    now = timezone.now()
    new, changed = [], []
    for spec in specs:
        values = _profile(spec, organisations, areas, job_roles)
        user = existing.get(spec.email)
        if user is None:
            user = User(
                email=spec.email,
                password=make_password(None),  # unusable; sign-ins get the demo password below
                date_joined=now - timedelta(days=spec.days_since_joining),
                **values,
            )
            new.append(user)
        elif any(getattr(user, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(user, name, value)
            changed.append(user)
    User.objects.bulk_create(new)
    if changed:
        User.objects.bulk_update(changed, PROFILE_FIELDS)
        _kept_accounts_changed(changed)
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    return people, len(new)


def _sign_in_passwords(users):
    """Hash the demo password once per run at most, and only when a sign-in lacks it."""
    by_hash = defaultdict(list)
    for user in users:
        by_hash[user.password].append(user)
    new_hash = None
    for encoded, holders in by_hash.items():
        if is_password_usable(encoded) and check_password(content.DEMO_PASSWORD, encoded):
            continue
        new_hash = new_hash or make_password(content.DEMO_PASSWORD)
        for user in holders:
            user.password = new_hash
    stale = [user for user in users if user.password == new_hash]
    if stale:
        User.objects.bulk_update(stale, ["password"])
        _kept_accounts_changed(stale)


def _kept_accounts_changed(users):
    """`bulk_update` sends no signals: a server already running drops what it keeps of them."""
    for user in users:
        PERSON_STAMP.move(user.pk)


def _email_addresses(people):
    """Every demo person has a verified, primary address so allauth lets them sign in."""
    rows = defaultdict(list)
    for address in EmailAddress.objects.filter(user__in=people):
        rows[address.user_id].append(address)
    new = []
    for person in people:
        mine = rows.get(person.pk, [])
        match = next((a for a in mine if a.email.lower() == person.email), None)
        if match and match.verified and match.primary:
            continue
        if not mine:
            new.append(EmailAddress(user=person, email=person.email, verified=True, primary=True))
            continue
        EmailAddress.objects.filter(user=person, primary=True).update(primary=False)
        if match:
            match.verified, match.primary = True, True
            match.save(update_fields=["verified", "primary"])
        else:
            EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    # A demo person who switched their primary address may still hold a demo address.
    EmailAddress.objects.filter(email__in=[a.email for a in new], user__is_demo=True).exclude(
        user__in=people
    ).delete()
    EmailAddress.objects.bulk_create(new)


def _memberships(specs, people, programmes) -> int:
    wanted = {}
    for spec in specs:
        person = people[spec.email]
        for slug, role in spec.memberships:
            wanted[(programmes[slug].pk, person.pk, role)] = person.date_joined
    have = set(
        Membership.objects.filter(programme__in=programmes.values(), person__in=people.values()).values_list(
            "programme_id", "person_id", "role"
        )
    )
    new = [
        Membership(programme_id=programme_id, person_id=person_id, role=role, created_at=joined)
        for (programme_id, person_id, role), joined in wanted.items()
        if (programme_id, person_id, role) not in have
    ]
    Membership.objects.bulk_create(new)
    return len(new)


def _authenticators(users) -> int:
    """One TOTP authenticator per staff person, all with the published demo secret."""
    existing = {
        a.user_id: a for a in Authenticator.objects.filter(user__in=users, type=Authenticator.Type.TOTP)
    }
    created = 0
    for user in users:
        authenticator = existing.get(user.pk)
        if authenticator is None:
            TOTP.activate(user, content.DEMO_TOTP_SECRET)
            created += 1
        elif decrypt(authenticator.data.get("secret", "")) != content.DEMO_TOTP_SECRET:
            authenticator.data = {**authenticator.data, "secret": encrypt(content.DEMO_TOTP_SECRET)}
            authenticator.save(update_fields=["data"])
    return created


@transaction.atomic
def demo_load(*, stdout=None) -> DemoSummary:
    """Create or refresh the demo organisations, programmes, people and sign-ins.

    `stdout`, when given, receives a line per step. Raises DemoDataConflict (and changes
    nothing) if a demo email address belongs to a real account.
    """

    def say(message):
        if stdout is not None:
            stdout.write(message)

    specs = demo_people()
    area_codes = {spec.area for spec in specs if spec.area}
    for data in content.PROGRAMMES:
        for phase in data["phases"]:
            area_codes.update(phase["areas"])
    areas = Area.objects.in_bulk(area_codes, field_name="code")
    missing = area_codes - set(areas)
    if missing:
        raise LookupError(f"Areas missing from reference data: {', '.join(sorted(missing))}")
    job_roles = JobRole.objects.in_bulk(field_name="slug")

    organisations = _organisations()
    say(f"Organisations: {len(organisations)}")
    programmes = _programmes(organisations, areas)
    say(f"Programmes: {', '.join(programmes)}")
    people, people_created = _people(specs, organisations, areas, job_roles)
    say(f"People: {len(people)} ({people_created} new)")
    sign_ins = [people[spec.email] for spec in specs if spec.sign_in]
    _sign_in_passwords(sign_ins)
    _email_addresses(list(people.values()))
    memberships_created = _memberships(specs, people, programmes)
    say(f"Memberships added: {memberships_created}")
    authenticators_created = _authenticators([people[s.email] for s in specs if s.needs_mfa])
    say(f"Authenticators added: {authenticators_created}")
    say(curriculum_content.curriculum_load(programmes=programmes, organisations=organisations, people=people))
    say(events_content.events_load(programmes=programmes, organisations=organisations, people=people))
    say(mentoring_content.mentoring_load(programmes=programmes, people=people))
    say(allocation_content.allocation_load(programmes=programmes, people=people))
    say(insights_content.insights_load(programmes=programmes, organisations=organisations, people=people))
    say(evaluation_content.evaluation_load(programmes=programmes, organisations=organisations, people=people))
    say(champions_content.champions_load(programmes=programmes, people=people))
    # After insights: the demo session plan teaches the programme's key messages.
    say(library_content.library_load(programmes=programmes, people=people))
    say(scenario_content.scenario_load(programmes=programmes, people=people))
    # Last: it adds history on top of everything above and rebuilds the report rollups.
    say(reports_content.reports_load(programmes=programmes, people=people))

    demo_users = User.objects.filter(is_demo=True)
    return DemoSummary(
        organisations=len(organisations),
        programmes=len(programmes),
        phases=Phase.objects.filter(programme__in=programmes.values()).count(),
        people=demo_users.count(),
        sign_ins=len(sign_ins),
        memberships=Membership.objects.filter(programme__in=programmes.values()).count(),
        authenticators=Authenticator.objects.filter(
            user__in=demo_users, type=Authenticator.Type.TOTP
        ).count(),
        people_created=people_created,
        memberships_created=memberships_created,
        authenticators_created=authenticators_created,
    )


# --- The sign-ins, for printing -------------------------------------------------------------


@dataclass
class SignIn:
    label: str
    email: str
    password: str
    needs_mfa: bool
    loaded: bool


def demo_sign_ins() -> list[SignIn]:
    specs = [spec for spec in demo_people() if spec.sign_in]
    loaded = set(
        User.objects.filter(email__in=[s.email for s in specs], is_demo=True).values_list("email", flat=True)
    )
    labels = {s["role"]: s["label"] for s in content.SIGN_INS}
    return [
        SignIn(
            label=labels[spec.sign_in],
            email=spec.email,
            password=content.DEMO_PASSWORD,
            needs_mfa=spec.needs_mfa,
            loaded=spec.email in loaded,
        )
        for spec in specs
    ]


def current_totp_code(at: float | None = None) -> tuple[str, int]:
    """The demo secret's code now, and how many seconds it stays current."""
    now = time.time() if at is None else at
    period = mfa_settings.TOTP_PERIOD
    code = format_hotp_value(hotp_value(content.DEMO_TOTP_SECRET, int(now) // period))
    return code, period - int(now) % period

"""The demo's people, programmes and sign-ins, and that loading it again changes nothing."""

import io

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, validate_totp_code
from allauth.mfa.utils import decrypt
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse

from eolc.accounts.models import Sector, User
from eolc.demo import content
from eolc.demo.services import current_totp_code, demo_load
from eolc.programmes.models import STAFF_ROLES, Membership, Programme

pytestmark = pytest.mark.django_db

SIGN_IN_EMAILS = {s["role"]: s["email"] for s in content.SIGN_INS}


def row_counts():
    """Rows in every table, many-to-many links included: a second load must add to none of them."""
    return {model._meta.label: model.objects.count() for model in apps.get_models(include_auto_created=True)}


def test_loading_twice_adds_nothing(demo, settings):
    """The second load goes through the command, forced as DEBUG is off, which prints one line."""
    first = row_counts()
    settings.DEBUG = False
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    assert row_counts() == first
    assert out.getvalue().count("\n") == 1
    totals, added = demo.line().split("; ")
    assert added.startswith("this run added 200 people")
    assert out.getvalue().startswith(f"{totals}; this run added 0 people, 0 memberships and 0 authenticators")
    assert_staff_have_one_demo_authenticator()  # the second run neither added one nor changed one


def test_about_two_hundred_people_in_every_sector(demo):
    """Named people with profiles; the dashboard's session participants come on top of them."""
    people = User.objects.filter(is_demo=True).exclude(email__startswith="participant")
    assert 190 <= people.count() <= 210
    assert set(people.values_list("sector", flat=True)) == set(Sector.values)


def test_the_london_programme_covers_thirteen_boroughs_over_two_phases(demo):
    programme = Programme.objects.get(slug=content.LONDON)
    phases = list(programme.phases.order_by("starts_on"))
    assert len(phases) == 2
    first, second = (set(p.target_areas.values_list("name", flat=True)) for p in phases)
    assert len(first) == 10 and second == {"Barnet", "Enfield", "Haringey"}
    assert set(programme.phases.values_list("target_areas__code", flat=True)) == set(content.LONDON_BOROUGHS)
    assert first.isdisjoint(second)


def test_the_social_work_programme_targets_us_states_with_an_accrediting_body(demo):
    programme = Programme.objects.get(slug=content.SOCIAL_WORK_CE)
    kinds = set(programme.phases.values_list("target_areas__kind", flat=True))
    assert kinds == {"state"}
    assert programme.organisation_links.filter(
        relation="accreditor", organisation__kind="professional_body"
    ).exists()
    for hours in ("8.0", "2.5", "4.0"):
        assert hours in programme.summary


def test_memberships_are_spread_over_roles(demo):
    london = Membership.objects.filter(programme__slug=content.LONDON)
    assert 18 <= london.filter(role="champion").count() <= 24
    assert london.filter(role="learner").count() > 80
    assert not london.filter(role="mentor").exists()
    social_work = Membership.objects.filter(programme__slug=content.SOCIAL_WORK_CE)
    assert social_work.filter(role="mentor").count() >= 3
    # Champions come from every sector, as the mixed audience needs.
    champion_sectors = set(london.filter(role="champion").values_list("person__sector", flat=True))
    assert champion_sectors == set(Sector.values)


def test_every_demo_person_has_a_verified_primary_email(demo):
    people = User.objects.filter(is_demo=True)
    verified = EmailAddress.objects.filter(user__in=people, verified=True, primary=True)
    assert verified.count() == people.count()
    assert all(
        email.endswith(("@example.org", "@example.com", "@example.net"))
        for email in people.values_list("email", flat=True)
    )


def test_only_the_sign_ins_have_a_usable_password(demo):
    usable = [u.email for u in User.objects.filter(is_demo=True) if u.has_usable_password()]
    assert sorted(usable) == sorted(SIGN_IN_EMAILS.values())


@pytest.mark.parametrize("role", list(SIGN_IN_EMAILS))
def test_each_sign_in_authenticates_when_demo_sign_ins_are_allowed(demo, settings, role):
    settings.DEMO_SIGN_INS_ALLOWED = True
    user = authenticate(None, email=SIGN_IN_EMAILS[role], password=content.DEMO_PASSWORD)
    assert user is not None and user.email == SIGN_IN_EMAILS[role]


@pytest.mark.parametrize("role", list(SIGN_IN_EMAILS))
def test_each_sign_in_is_refused_when_demo_sign_ins_are_off(demo, settings, role):
    settings.DEMO_SIGN_INS_ALLOWED = False
    assert authenticate(None, email=SIGN_IN_EMAILS[role], password=content.DEMO_PASSWORD) is None


def test_one_sign_in_per_role_with_the_right_rights(demo):
    site_admin = User.objects.get(email=SIGN_IN_EMAILS["site_admin"])
    assert site_admin.is_staff and site_admin.is_superuser
    roles = {
        "learner": "learner",
        "champion": "champion",
        "facilitator": "facilitator",
        "mentor": "mentor",
        "programme_admin": "admin",
        "commissioner": "commissioner",
    }
    for key, role in roles.items():
        person = User.objects.get(email=SIGN_IN_EMAILS[key])
        assert person.memberships.filter(role=role).exists()
        assert not person.is_staff


def test_staff_demo_people_have_exactly_one_totp_authenticator(demo):
    assert_staff_have_one_demo_authenticator()


def assert_staff_have_one_demo_authenticator():
    staff = User.objects.filter(is_demo=True).filter(memberships__role__in=STAFF_ROLES).distinct()
    staff = list(staff) + [User.objects.get(email=SIGN_IN_EMAILS["site_admin"])]
    code, _ = current_totp_code()
    for person in staff:
        authenticators = Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP)
        assert authenticators.count() == 1
        secret = decrypt(authenticators.get().data["secret"])
        assert secret == content.DEMO_TOTP_SECRET
        assert validate_totp_code(secret, code)
    learner = User.objects.get(email=SIGN_IN_EMAILS["learner"])
    assert not Authenticator.objects.filter(user=learner).exists()


def test_demo_sign_ins_prints_every_sign_in_and_the_secret(demo):
    out = io.StringIO()
    call_command("demo_sign_ins", stdout=out)
    text = out.getvalue()
    for email in SIGN_IN_EMAILS.values():
        assert email in text
    assert content.DEMO_PASSWORD in text
    assert content.DEMO_TOTP_SECRET in text
    assert "manage.py demo_sign_ins" in text


def test_a_staff_sign_in_completes_two_factor_sign_in_in_the_browser_flow(demo, client):
    response = client.post(
        reverse("account_login"),
        {"login": SIGN_IN_EMAILS["facilitator"], "password": content.DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    code, _ = current_totp_code()
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert response.wsgi_request.user.email == SIGN_IN_EMAILS["facilitator"]


def test_loading_again_restores_changed_sign_ins(demo):
    """A changed password and secret are put back, and a sign-in whose email changed is recreated.
    (One load for both: each load takes seconds.)"""
    mentor = User.objects.get(email=SIGN_IN_EMAILS["mentor"])
    mentor.set_password("something-else-entirely")
    mentor.save()
    Authenticator.objects.filter(user=mentor).delete()
    TOTP.activate(mentor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    learner = User.objects.get(email=SIGN_IN_EMAILS["learner"])
    EmailAddress.objects.create(user=learner, email="grace.new@example.org", verified=True)
    EmailAddress.objects.filter(user=learner, email=learner.email).update(primary=False)
    EmailAddress.objects.filter(user=learner, email="grace.new@example.org").update(primary=True)
    User.objects.filter(pk=learner.pk).update(email="grace.new@example.org")

    demo_load()

    mentor.refresh_from_db()
    assert mentor.check_password(content.DEMO_PASSWORD)
    authenticator = Authenticator.objects.get(user=mentor, type=Authenticator.Type.TOTP)
    assert decrypt(authenticator.data["secret"]) == content.DEMO_TOTP_SECRET
    again = User.objects.get(email=SIGN_IN_EMAILS["learner"])
    assert again.pk != learner.pk
    assert EmailAddress.objects.get(email=SIGN_IN_EMAILS["learner"], verified=True).user == again
    assert authenticate(None, email=again.email, password=content.DEMO_PASSWORD) == again

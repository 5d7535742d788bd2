"""Shared fixtures: a programme and one person per role, plus an outsider.

Every view test can ask for `people` and check what each role gets.
"""

from types import SimpleNamespace

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management import call_command
from django.db import connection

from eolc.accounts.tests.factories import UserFactory
from eolc.core.tests import database_reset
from eolc.core.tests.kept import forget_kept
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

pytest_plugins = ["eolc.core.tests.browser"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The cache (used by rate limits) lives in a database table that migrations do not create.

    Transactional tests then empty and refill the database the quicker way (database_reset)."""
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)
        database_reset.install(connection)


@pytest.fixture(autouse=True)
def empty_process_caches():
    """What a process keeps in memory under a generation stamp starts empty for every test, as it
    would in a fresh app server: a test never sees pages another test's data put there."""
    forget_kept()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Fixtures hash many passwords; the production hasher would make that take seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def give_totp(user):
    """Staff roles must have two-factor sign-in; tests that are not about MFA get it set up."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def programme(db):
    return ProgrammeFactory(title="North London working together")


@pytest.fixture
def other_programme(db):
    return ProgrammeFactory(title="Another programme")


def make_people(programme, other_programme):
    """One person per role in `programme`, an admin of another programme, an outsider and a site admin."""

    def member(role, target=programme, **kwargs):
        person = UserFactory(**kwargs)
        MembershipFactory(programme=target, person=person, role=role)
        return person

    return SimpleNamespace(
        learner=member(Role.LEARNER),
        champion=member(Role.CHAMPION),
        facilitator=give_totp(member(Role.FACILITATOR)),
        mentor=give_totp(member(Role.MENTOR)),
        admin=give_totp(member(Role.ADMIN)),
        commissioner=member(Role.COMMISSIONER),
        other_admin=give_totp(member(Role.ADMIN, target=other_programme)),
        outsider=UserFactory(),
        site_admin=give_totp(UserFactory(is_staff=True, is_superuser=True)),
    )


@pytest.fixture
def people(db, programme, other_programme):
    return make_people(programme, other_programme)

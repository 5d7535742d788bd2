"""The load_demo command on a database without the demo: it never takes over a real account, and
with DEBUG off it refuses unless forced (loaded/test_demo.py loads it forced)."""

import io

import pytest
from django.core.management import CommandError, call_command

from eolc.accounts.models import User
from eolc.accounts.tests.factories import UserFactory
from eolc.demo import content
from eolc.demo.services import DemoDataConflict, demo_load

pytestmark = pytest.mark.django_db

SIGN_IN_EMAILS = {s["role"]: s["email"] for s in content.SIGN_INS}


def test_a_real_account_with_a_demo_email_is_never_taken_over():
    real = UserFactory(email=SIGN_IN_EMAILS["learner"])
    with pytest.raises(DemoDataConflict):
        demo_load()
    real.refresh_from_db()
    assert not real.is_demo
    assert not User.objects.filter(is_demo=True).exists()


def test_load_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.filter(is_demo=True).exists()

import datetime

import factory
from factory.django import DjangoModelFactory

from eolc.accounts.tests.factories import UserFactory
from eolc.programmes.models import Membership, Phase, Programme, Role


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Working together programme {n}")
    summary = "A programme that brings health and social care workers together to learn."


class PhaseFactory(DjangoModelFactory):
    class Meta:
        model = Phase

    programme = factory.SubFactory(ProgrammeFactory)
    name = "Phase 1"
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 12, 31)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    programme = factory.SubFactory(ProgrammeFactory)
    person = factory.SubFactory(UserFactory)
    role = Role.LEARNER

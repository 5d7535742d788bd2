from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from eolc.curriculum.models import Part, PartKind, Status
from eolc.programmes.tests.factories import ProgrammeFactory


class PartFactory(DjangoModelFactory):
    class Meta:
        model = Part

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Part {n}")
    number = factory.Sequence(lambda n: n + 1)
    kind = PartKind.SELF_PACED
    status = Status.PUBLISHED
    ce_hours = Decimal("8.00")

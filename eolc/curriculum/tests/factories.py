from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from eolc.curriculum.models import (
    Activity,
    ActivityKind,
    Choice,
    CreditScheme,
    Module,
    Part,
    PartKind,
    Question,
    Status,
)
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


class ModuleFactory(DjangoModelFactory):
    class Meta:
        model = Module

    part = factory.SubFactory(PartFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    number = factory.Sequence(lambda n: n + 1)
    status = Status.PUBLISHED


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    number = factory.Sequence(lambda n: n + 1)
    kind = ActivityKind.RESOURCE
    status = Status.PUBLISHED
    body = "Read the guide to advance care planning conversations."
    resource_url = "https://example.org/guide"


class CreditSchemeFactory(DjangoModelFactory):
    class Meta:
        model = CreditScheme
        django_get_or_create = ["name"]

    name = "NASW CE"


def question_with_choices(activity, prompt="Which is right?", right="Right", wrong=("Wrong",)):
    """A question whose first choice is correct, each choice with feedback."""
    question = Question.objects.create(
        activity=activity, prompt=prompt, number=activity.questions.count() + 1
    )
    Choice.objects.create(question=question, number=1, text=right, correct=True, feedback=f"Yes: {right}.")
    for number, text in enumerate(wrong, 2):
        Choice.objects.create(question=question, number=number, text=text, feedback=f"Not quite: {text}.")
    return question

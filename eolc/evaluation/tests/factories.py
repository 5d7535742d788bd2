import factory
from factory.django import DjangoModelFactory

from eolc.evaluation.models import Invitation, Question, QuestionKind, Schedule, Survey, SurveyKind, Timing
from eolc.programmes.tests.factories import ProgrammeFactory


class SurveyFactory(DjangoModelFactory):
    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Survey {n}")
    kind = SurveyKind.FEEDBACK
    programme = factory.SubFactory(ProgrammeFactory)


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = QuestionKind.CONFIDENCE
    text = factory.Sequence(lambda n: f"How confident are you about thing {n}?")


class ScheduleFactory(DjangoModelFactory):
    class Meta:
        model = Schedule

    survey = factory.SubFactory(SurveyFactory)
    timing = Timing.AFTER
    days = 0


def confidence_survey(programme, kind, measures=("know-roles", "contact-others"), anonymous=False):
    survey = SurveyFactory(programme=programme, kind=kind, anonymous=anonymous, title=f"{kind} survey")
    for position, measure in enumerate(measures, start=1):
        QuestionFactory(survey=survey, position=position, measure=measure)
    return survey


def sent_invitation(schedule, event, person):
    """An invitation as the sending job leaves it: claimed and sent when the event starts."""
    return Invitation.objects.create(
        schedule=schedule,
        survey=schedule.survey,
        event=event,
        person=person,
        claimed_at=event.starts_at,
        claim="x",
        sent_at=event.starts_at,
    )

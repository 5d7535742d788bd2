"""Who may build surveys, see their results and answer invitations.

Survey models are looked up through the app registry: evaluation depends on events.
Programme administrators and facilitators build and send surveys; they and commissioners see
results as figures without names. A person's invitations and answers are theirs alone: anyone
else gets 404, staff included.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from eolc.programmes.access.roles import get_programme_or_404
from eolc.programmes.models import Programme, Role

SURVEY_BUILDER_ROLES = (Role.ADMIN, Role.FACILITATOR)
SURVEY_RESULTS_ROLES = (Role.ADMIN, Role.FACILITATOR, Role.COMMISSIONER)


def _evaluation(model_name):
    return apps.get_model("evaluation", model_name)


def survey_programmes_for(user):
    """Programmes in which a person may build and send surveys."""
    return Programme.objects.with_role(user, *SURVEY_BUILDER_ROLES)


def survey_results_programmes_for(user):
    return Programme.objects.with_role(user, *SURVEY_RESULTS_ROLES)


def can_build_surveys(user, programme=None) -> bool:
    programmes = survey_programmes_for(user)
    return (
        user.is_authenticated and (programmes.filter(pk=programme.pk) if programme else programmes).exists()
    )


def can_see_survey_results(user, programme=None) -> bool:
    programmes = survey_results_programmes_for(user)
    return (
        user.is_authenticated and (programmes.filter(pk=programme.pk) if programme else programmes).exists()
    )


def get_survey_programme_or_404(user, slug):
    """A programme whose surveys the person may see; 403 if they may see it but not its surveys."""
    programme = get_programme_or_404(user, slug)
    if not can_see_survey_results(user, programme):
        raise PermissionDenied("Only the programme team and commissioners can see its surveys.")
    return programme


def get_built_survey_or_404(user, pk):
    """A programme survey the person may change (404 outside their programmes, 403 for commissioners)."""
    Survey = _evaluation("Survey")
    survey = get_object_or_404(
        Survey.objects.filter(programme__in=survey_results_programmes_for(user)).select_related("programme"),
        pk=pk,
    )
    if not can_build_surveys(user, survey.programme):
        raise PermissionDenied("Only programme administrators and facilitators can change surveys.")
    return survey


def get_survey_results_or_404(user, pk):
    Survey = _evaluation("Survey")
    return get_object_or_404(
        Survey.objects.filter(programme__in=survey_results_programmes_for(user)).select_related("programme"),
        pk=pk,
    )


def get_built_question_or_404(user, pk):
    Question = _evaluation("Question")
    question = get_object_or_404(
        Question.objects.filter(survey__programme__in=survey_results_programmes_for(user)).select_related(
            "survey__programme"
        ),
        pk=pk,
    )
    if not can_build_surveys(user, question.survey.programme):
        raise PermissionDenied("Only programme administrators and facilitators can change surveys.")
    return question


def get_built_schedule_or_404(user, pk):
    Schedule = _evaluation("Schedule")
    schedule = get_object_or_404(
        Schedule.objects.filter(survey__programme__in=survey_results_programmes_for(user)).select_related(
            "survey__programme"
        ),
        pk=pk,
    )
    if not can_build_surveys(user, schedule.survey.programme):
        raise PermissionDenied("Only programme administrators and facilitators can change surveys.")
    return schedule


def survey_templates():
    """Templates are public knowledge within the service: anyone who builds surveys may copy one."""
    return _evaluation("Survey").objects.templates()


def own_invitations(user):
    Invitation = _evaluation("Invitation")
    if not user.is_authenticated:
        return Invitation.objects.none()
    return Invitation.objects.sent().for_person(user)


def get_own_invitation_or_404(user, pk):
    return get_object_or_404(own_invitations(user).select_related("survey", "event", "schedule"), pk=pk)

"""Who may read and change the library and the trainer pack.

Library models are looked up through the app registry: the library depends on programmes.
Published resources are read by everyone signed in (site-wide ones) or by members of their
programme; programme administrators and trainers (facilitators) add and change their
programme's resources and session plans; site administrators look after site-wide resources
and the role and faith guides. Delivered-session records are seen by their trainer and by
the programme's administrators and commissioners, who report on them.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from eolc.programmes.access.insights import published_key_messages
from eolc.programmes.access.roles import has_role_anywhere, programmes_for
from eolc.programmes.models import Programme, Role

TRAINER_ROLES = (Role.ADMIN, Role.FACILITATOR)
DELIVERY_REPORT_ROLES = (Role.ADMIN, Role.COMMISSIONER)


def _library(model_name):
    return apps.get_model("library", model_name)


def library_programmes_for(user):
    """Programmes whose resources, session plans and delivered sessions a person may add to."""
    return Programme.objects.with_role(user, *TRAINER_ROLES)


def is_trainer(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or has_role_anywhere(user, TRAINER_ROLES))


def managed_resources(user):
    Resource = _library("Resource")
    if not user.is_authenticated:
        return Resource.objects.none()
    if user.is_site_admin:
        return Resource.objects.all()
    return Resource.objects.filter(programme__in=library_programmes_for(user).values("pk"))


def resources_for(user):
    """Published resources shared site-wide or with a person's programmes, plus every one they manage."""
    Resource = _library("Resource")
    if not user.is_authenticated:
        return Resource.objects.none()
    shared = Q(programme__isnull=True) | Q(programme__in=programmes_for(user).values("pk"))
    return Resource.objects.filter(
        (Q(status="published") & shared) | Q(pk__in=managed_resources(user).values("pk"))
    )


def get_resource_or_404(user, pk):
    return get_object_or_404(resources_for(user).select_related("programme"), pk=pk)


def get_managed_resource_or_404(user, pk):
    """A resource the person may change; 404 if they cannot see it, 403 if they can but may not change it."""
    resource = get_resource_or_404(user, pk)
    if not managed_resources(user).filter(pk=resource.pk).exists():
        raise PermissionDenied("Only the programme's trainers and administrators can change this resource.")
    return resource


def can_add_resources(user) -> bool:
    return is_trainer(user)


def care_roles_for(user):
    CareRole = _library("CareRole")
    if not user.is_authenticated:
        return CareRole.objects.none()
    return CareRole.objects.all() if user.is_site_admin else CareRole.objects.published()


def get_care_role_or_404(user, slug):
    return get_object_or_404(care_roles_for(user), slug=slug)


def faith_guides_for(user):
    FaithGuide = _library("FaithGuide")
    if not user.is_authenticated:
        return FaithGuide.objects.none()
    return FaithGuide.objects.all() if user.is_site_admin else FaithGuide.objects.published()


def get_faith_guide_or_404(user, slug):
    return get_object_or_404(faith_guides_for(user), slug=slug)


def session_plans_for(user):
    """Session plans are shared among a programme's trainers, who build and run them together."""
    SessionPlan = _library("SessionPlan")
    if not user.is_authenticated:
        return SessionPlan.objects.none()
    return SessionPlan.objects.in_programmes(library_programmes_for(user).values("pk"))


def get_session_plan_or_404(user, pk):
    plans = session_plans_for(user).select_related("programme").prefetch_related("sections__resources")
    return get_object_or_404(plans, pk=pk)


def plan_key_messages_for(user):
    """Key messages a trainer may build a session on: the published ones of programmes they train in."""
    return published_key_messages().filter(programme__in=library_programmes_for(user).values("pk"))


def delivery_report_programmes_for(user):
    return Programme.objects.with_role(user, *DELIVERY_REPORT_ROLES)


def delivered_sessions_for(user):
    """Records a person may read: their own, and all in programmes they administer or commission."""
    DeliveredSession = _library("DeliveredSession")
    if not user.is_authenticated:
        return DeliveredSession.objects.none()
    return DeliveredSession.objects.filter(
        Q(trainer=user) | Q(programme__in=delivery_report_programmes_for(user).values("pk"))
    )


def get_own_delivered_session_or_404(user, pk):
    """Only the trainer who recorded a session changes it."""
    DeliveredSession = _library("DeliveredSession")
    if not user.is_authenticated:
        raise Http404("No such session")
    return get_object_or_404(DeliveredSession.objects.by_trainer(user).select_related("programme"), pk=pk)

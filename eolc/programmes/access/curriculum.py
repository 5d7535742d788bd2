"""Who may see and change the curriculum: parts, modules, activities, records and certificates.

Curriculum models are looked up through the app registry: the curriculum app depends on
programmes, so this module must not import it at load time.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from eolc.programmes.access.roles import (
    can_manage_programme,
    managed_programmes,
    programme_ids_with_role,
    programmes_for,
)
from eolc.programmes.models import Membership, Programme, Role


def _curriculum(model_name):
    return apps.get_model("curriculum", model_name)


def parts_for(user):
    """Published parts of programmes a person belongs to, plus every part of those they run."""
    Part = _curriculum("Part")
    if not user.is_authenticated:
        return Part.objects.none()
    visible = Part.objects.filter(programme__in=programmes_for(user))
    return visible.filter(Q(status="published") | Q(programme__in=managed_programmes(user)))


def catalogue_parts(user):
    """The parts `parts_for` gives, in catalogue order (programme title, then number), as outline
    parts (eolc.curriculum.outline) and with the same rule, decided from the remembered roles and the
    cached outline instead of the database. Returns the parts and the snapshot they came from."""
    from eolc.curriculum import outline

    if not user.is_authenticated:
        return [], outline.Snapshot([], ())
    if user.is_site_admin:
        programme_ids = list(Programme.objects.order_by().values_list("pk", flat=True))
        managed = set(programme_ids)
    else:
        programme_ids = programme_ids_with_role(user, Role.values)
        managed = set(programme_ids_with_role(user, [Role.ADMIN]))
    snapshot = outline.read(programme_ids)
    parts = [
        part
        for programme in snapshot.outlines
        for part in programme.parts
        if part.status == "published" or part.programme_id in managed
    ]
    parts.sort(key=lambda part: (part.programme.title, part.programme_id, part.number, part.pk))
    return parts, snapshot


def learning_managed_programmes(user) -> list:
    """The programmes whose learning a person runs, in title order: `managed_programmes`, asked of
    the database only when the remembered roles say there are some."""
    if user.is_authenticated and not user.is_site_admin:
        ids = programme_ids_with_role(user, [Role.ADMIN])
        return list(Programme.objects.filter(pk__in=ids).order_by("title")) if ids else []
    return list(managed_programmes(user).order_by("title"))


def modules_for(user):
    Module = _curriculum("Module")
    parts = parts_for(user)
    return Module.objects.filter(part__in=parts).filter(
        Q(status="published") | Q(part__programme__in=managed_programmes(user))
    )


def activities_for(user):
    Activity = _curriculum("Activity")
    return Activity.objects.filter(module__in=modules_for(user)).filter(
        Q(status="published") | Q(module__part__programme__in=managed_programmes(user))
    )


def get_part_or_404(user, pk):
    return get_object_or_404(parts_for(user).select_related("programme"), pk=pk)


def get_module_or_404(user, pk):
    return get_object_or_404(modules_for(user).select_related("part__programme"), pk=pk)


def get_activity_or_404(user, pk):
    return get_object_or_404(activities_for(user).select_related("module__part__programme"), pk=pk)


def can_manage_part(user, part) -> bool:
    return can_manage_programme(user, part.programme)


def _require_manager(user, programme):
    if not can_manage_programme(user, programme):
        raise PermissionDenied("Only programme administrators can change the curriculum.")


def get_managed_part_or_404(user, pk):
    part = get_part_or_404(user, pk)
    _require_manager(user, part.programme)
    return part


def get_managed_module_or_404(user, pk):
    module = get_module_or_404(user, pk)
    _require_manager(user, module.part.programme)
    return module


def get_managed_activity_or_404(user, pk):
    activity = get_activity_or_404(user, pk)
    _require_manager(user, activity.module.part.programme)
    return activity


def can_see_learning_record(user, person) -> bool:
    """A transcript is seen by the person, site admins and administrators of their programmes."""
    if not user.is_authenticated:
        return False
    if user.pk == person.pk or user.is_site_admin:
        return True
    return Membership.objects.filter(
        person=person, programme__in=managed_programmes(user).values("pk")
    ).exists()


def get_person_record_or_404(user, pk):
    """A person whose learning record `user` may see (404 for anyone else)."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    person = get_object_or_404(User, pk=pk, is_active=True)
    if not can_see_learning_record(user, person):
        raise Http404("No such person")
    return person


def can_enrol_others(user, part) -> bool:
    return can_manage_programme(user, part.programme)


def get_enrollable_person_or_404(user, part, pk):
    """Someone a programme administrator may enrol or credit: a member of that programme."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    _require_manager(user, part.programme)
    return get_object_or_404(
        User.objects.filter(is_active=True, memberships__programme=part.programme).distinct(), pk=pk
    )


def certificates_for(user):
    """Certificates a person may download: their own, or any in programmes they run."""
    Certificate = _curriculum("Certificate")
    if not user.is_authenticated:
        return Certificate.objects.none()
    if user.is_site_admin:
        return Certificate.objects.all()
    return Certificate.objects.filter(
        Q(completion__person=user) | Q(completion__part__programme__in=managed_programmes(user))
    )


def get_certificate_or_404(user, code):
    return get_object_or_404(
        certificates_for(user).select_related("completion__part__programme", "completion__person"),
        code=code,
    )

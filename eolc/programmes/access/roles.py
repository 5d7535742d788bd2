"""Roles in programmes, and the programme-level checks that every other access module builds on."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from eolc.programmes.models import STAFF_ROLES, Membership, Programme, Role


def roles_in(user, programme) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(person=user, programme=programme).values_list("role", flat=True))


def all_roles(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(person=user).values_list("role", flat=True))


def has_staff_role(user) -> bool:
    """Site admins and anyone who can see other people's personal data (they need MFA)."""
    if not user.is_authenticated:
        return False
    return user.is_site_admin or Membership.objects.filter(person=user, role__in=STAFF_ROLES).exists()


def can_view_programme(user, programme) -> bool:
    return user.is_authenticated and (user.is_site_admin or bool(roles_in(user, programme)))


def can_manage_programme(user, programme) -> bool:
    return user.is_authenticated and (user.is_site_admin or Role.ADMIN in roles_in(user, programme))


def can_manage_people(user) -> bool:
    """Creating accounts for others: site admins and administrators of any programme."""
    if not user.is_authenticated:
        return False
    return user.is_site_admin or Membership.objects.filter(person=user, role=Role.ADMIN).exists()


def can_view_reports(user, programme) -> bool:
    return user.is_authenticated and (
        user.is_site_admin or bool(roles_in(user, programme) & {Role.ADMIN, Role.COMMISSIONER})
    )


def programmes_for(user):
    return Programme.objects.visible_to(user)


def get_programme_or_404(user, slug) -> Programme:
    return get_object_or_404(programmes_for(user), slug=slug)


def get_managed_programme_or_404(user, slug) -> Programme:
    programme = get_programme_or_404(user, slug)
    if not can_manage_programme(user, programme):
        raise PermissionDenied("Only programme administrators can change this programme.")
    return programme


def managed_programmes(user):
    return Programme.objects.with_role(user, Role.ADMIN)

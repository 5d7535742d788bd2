"""Roles in programmes, and the programme-level checks that every other access module builds on.

A page asks about the signed-in person's roles many times (the header menu alone asks a dozen
questions), so within one request each person's memberships are read once: `roles_remembered`
(the `remember_roles` middleware) opens that memory, and any change to a membership clears it.
Between requests each process keeps them under the person's stamp, which a change to their
account or memberships moves once it commits (ADR 023). Outside a request nothing is remembered or
kept, so tests and tasks always read the database.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from eolc.accounts.signed_in import PERSON_STAMP
from eolc.core.stamps import kept
from eolc.programmes.models import STAFF_ROLES, Membership, Programme, Role

_remembered: ContextVar[dict | None] = ContextVar("remembered_roles", default=None)
ROLES_TIMEOUT_SECONDS = 300


@contextmanager
def roles_remembered():
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def forget_remembered_roles(**kwargs) -> None:
    """Receiver for membership saves and deletes: the next question reads the database again."""
    remembered = _remembered.get()
    if remembered is not None:
        remembered.clear()


def _roles_by_programme(user) -> dict[int, frozenset[str]]:
    remembered = _remembered.get()
    if remembered is None:
        return _read_roles(user)
    if user.pk not in remembered:
        remembered[user.pk] = _kept_roles(user)
    return remembered[user.pk]


def _kept_roles(user) -> dict[int, frozenset[str]]:
    """Within a request, from each process's memory under the person's stamp, which their
    account and memberships move (eolc/accounts/signed_in.py)."""
    if PERSON_STAMP.changing():
        return _read_roles(user)
    key = f"programmes:roles:{PERSON_STAMP.value(user)}:{user.pk}"
    return kept(key, lambda: _read_roles(user), timeout=ROLES_TIMEOUT_SECONDS)


def _read_roles(user) -> dict[int, frozenset[str]]:
    by_programme = defaultdict(set)
    memberships = Membership.objects.filter(person=user).order_by()
    for programme_id, role in memberships.values_list("programme_id", "role"):
        by_programme[programme_id].add(role)
    return {programme_id: frozenset(held) for programme_id, held in by_programme.items()}


def roles_in(user, programme) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(_roles_by_programme(user).get(programme.pk, ()))


def all_roles(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set().union(*_roles_by_programme(user).values())


def programme_ids_with_role(user, roles) -> list[int]:
    """The programmes in which a person holds any of `roles` (site admins are not implied): ids from
    the remembered memberships, so a query can say `programme_id IN (…)` without a subquery."""
    if not user.is_authenticated:
        return []
    wanted = set(roles)
    return sorted(pid for pid, held in _roles_by_programme(user).items() if held & wanted)


def has_role_anywhere(user, roles) -> bool:
    """Whether a person holds any of `roles` in some programme (site admins are not implied)."""
    return bool(all_roles(user) & set(roles))


def has_staff_role(user) -> bool:
    """Site admins and anyone who can see other people's personal data (they need MFA)."""
    if not user.is_authenticated:
        return False
    return user.is_site_admin or has_role_anywhere(user, STAFF_ROLES)


def can_view_programme(user, programme) -> bool:
    return user.is_authenticated and (user.is_site_admin or bool(roles_in(user, programme)))


def can_manage_programme(user, programme) -> bool:
    return user.is_authenticated and (user.is_site_admin or Role.ADMIN in roles_in(user, programme))


def can_manage_people(user) -> bool:
    """Creating accounts for others: site admins and administrators of any programme."""
    if not user.is_authenticated:
        return False
    return user.is_site_admin or has_role_anywhere(user, {Role.ADMIN})


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

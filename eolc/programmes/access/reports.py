"""Who may see dashboards and programme reports.

Dashboards and programme reports are aggregates without identity. Programme administrators and
commissioners see their programmes' figures; site admins see every programme and all of them
together. Commissioners see counts under 5 suppressed, and no report page lists a person.
"""

from django.core.exceptions import PermissionDenied

from eolc.programmes.access.roles import (
    can_manage_programme,
    can_view_reports,
    get_programme_or_404,
    has_role_anywhere,
)
from eolc.programmes.models import Programme, Role

REPORT_ROLES = (Role.ADMIN, Role.COMMISSIONER)


def report_programmes_for(user):
    return Programme.objects.with_role(user, *REPORT_ROLES)


def can_view_any_reports(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or has_role_anywhere(user, REPORT_ROLES))


def can_view_all_reports(user) -> bool:
    """The dashboard across every programme is for site staff."""
    return user.is_authenticated and user.is_site_admin


def get_report_programme_or_404(user, slug) -> Programme:
    """404 for programmes a person cannot see; 403 for members whose role has no reports."""
    programme = get_programme_or_404(user, slug)
    if not can_view_reports(user, programme):
        raise PermissionDenied("Only programme administrators and commissioners can see reports.")
    return programme


def reports_suppressed_for(user, programme=None) -> bool:
    """Small numbers are hidden from everyone but site admins and the programme's administrators."""
    if user.is_site_admin:
        return False
    return programme is None or not can_manage_programme(user, programme)


def get_learning_points_programme_or_404(user, slug) -> Programme:
    programme = get_report_programme_or_404(user, slug)
    if not can_manage_programme(user, programme):
        raise PermissionDenied("Only programme administrators can write the learning points.")
    return programme

"""Per-request memory of roles, and two-factor sign-in for staff roles."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from eolc.programmes.access import has_staff_role, roles_remembered


def remember_roles(get_response):
    """Each person's memberships are read once per request (see eolc/programmes/access/roles.py)."""

    def middleware(request):
        with roles_remembered():
            return get_response(request)

    return middleware


_ALWAYS_ALLOWED_PREFIXES = ("/accounts/", "/static/", "/api/")


def require_staff_mfa(get_response):
    """Staff roles see other people's personal data, so they must set up two-factor sign-in."""

    def middleware(request):
        user = request.user
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and user.is_authenticated
            and not request.path.startswith(_ALWAYS_ALLOWED_PREFIXES)
            and has_staff_role(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return get_response(request)

    return middleware

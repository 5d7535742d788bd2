"""Response headers that Django's SecurityMiddleware does not set itself, and per-request memory of
generation stamps."""

from django.contrib.auth import SESSION_KEY
from django.utils.functional import SimpleLazyObject

from eolc.core.stamps import stamps_remembered

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


def permissions_policy(get_response):
    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware


def remember_stamps(get_response):
    """Generation stamps are read once per request, all together (see eolc/core/stamps.py)."""

    def middleware(request):
        def person_id():
            user = getattr(request, "user", None)
            if user is not None and not isinstance(user, SimpleLazyObject):  # the API's token user
                return user.pk
            # A session's person comes from the session: loading them reads their own stamp.
            session = getattr(request, "session", None)
            return session.get(SESSION_KEY) if session is not None else None

        with stamps_remembered(person_id, request.path_info):
            return get_response(request)

    return middleware

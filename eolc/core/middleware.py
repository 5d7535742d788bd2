"""Response headers that Django's SecurityMiddleware does not set itself, and per-request memory of
generation stamps."""

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
            return user.pk if user is not None and user.is_authenticated else None

        with stamps_remembered(person_id):
            return get_response(request)

    return middleware

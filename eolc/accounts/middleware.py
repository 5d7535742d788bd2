"""Signed-in sessions end after a spell of inactivity and, at the latest, a fixed time after sign-in.

Both limits come from settings (SESSION_IDLE_TIMEOUT, SESSION_ABSOLUTE_TIMEOUT, in seconds). The
last-seen stamp is refreshed at most once a minute, so most requests do not rewrite the session.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

SIGNED_IN_AT = "_signed_in_at"
SEEN_AT = "_seen_at"
SEEN_GRANULARITY = 60


def session_stamp(request) -> None:
    """Called at sign-in: the absolute timeout counts from here."""
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now


def _expired(session, now) -> bool:
    signed_in_at, seen_at = session.get(SIGNED_IN_AT), session.get(SEEN_AT)
    if signed_in_at is None:
        return False
    return (
        now - signed_in_at > settings.SESSION_ABSOLUTE_TIMEOUT
        or now - (seen_at or signed_in_at) > settings.SESSION_IDLE_TIMEOUT
    )


def session_timeouts(get_response):
    def middleware(request):
        # The API authenticates each request with a token and never uses the session.
        if request.user.is_authenticated and not request.path.startswith("/api/"):
            now = int(time.time())
            if _expired(request.session, now):
                logout(request)
                messages.info(request, "Your session ended, so you were signed out. Please sign in again.")
                return redirect_to_login(request.get_full_path())
            if SIGNED_IN_AT not in request.session:
                session_stamp(request)
            elif now - request.session.get(SEEN_AT, 0) >= SEEN_GRANULARITY:
                request.session[SEEN_AT] = now
        return get_response(request)

    return middleware

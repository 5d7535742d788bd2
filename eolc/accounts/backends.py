from allauth.account import auth_backends
from django.conf import settings


class AuthenticationBackend(auth_backends.AuthenticationBackend):
    """allauth's email backend, refusing demo accounts unless demo sign-ins are allowed.

    `user_can_authenticate` is also consulted when a session is loaded, so an old
    demo session stops working as soon as DEBUG is switched off.
    """

    def user_can_authenticate(self, user):
        if getattr(user, "is_demo", False) and not settings.DEMO_SIGN_INS_ALLOWED:
            return False
        return super().user_can_authenticate(user)

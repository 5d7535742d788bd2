from allauth.account import auth_backends
from django.conf import settings

from eolc.accounts.signed_in import account_of


class AuthenticationBackend(auth_backends.AuthenticationBackend):
    """allauth's email backend, refusing demo accounts unless demo sign-ins are allowed.

    `user_can_authenticate` is also consulted when a session is loaded, so an old
    demo session stops working as soon as DEBUG is switched off.
    """

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is None:
            # allauth keeps aside a user whose password matched but who may not sign in, and
            # its sign-in form then carries on with that user so that closed accounts see the
            # "account inactive" page. A refused demo account must not be carried on with.
            stashed = self.unstash_authenticated_user()
            if stashed is not None and not self._is_refused_demo(stashed):
                self._stash_user(stashed)
        return user

    def get_user(self, user_id):
        """The person behind a session, from the row kept under their stamp (signed_in.py)."""
        user = account_of(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def user_can_authenticate(self, user):
        if self._is_refused_demo(user):
            return False
        return super().user_can_authenticate(user)

    @staticmethod
    def _is_refused_demo(user):
        return getattr(user, "is_demo", False) and not settings.DEMO_SIGN_INS_ALLOWED

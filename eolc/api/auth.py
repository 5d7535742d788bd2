from ninja.security import HttpBearer

from eolc.accounts.services import api_token_user


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>` from POST /api/v1/auth/token."""

    def authenticate(self, request, token):
        user = api_token_user(token)
        if user is None:
            return None
        request.user = user
        return user

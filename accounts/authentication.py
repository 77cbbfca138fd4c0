"""JWT authentication that also refuses revoked tokens, without a database query."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.tokens import Token

from accounts.cache import auth_state
from accounts.claims import SESSION_CLAIM, VERSION_CLAIM
from accounts.conf import jwt_settings
from accounts.exceptions import TokenRevoked, UserInactive, UserNotFound, session_errors_as_401


def user_for_token(token: Token) -> AbstractBaseUser:
    """Return the user of a validated token that has not been revoked since it was signed.

    Refuse it when the user is gone or inactive, when the user's token version moved on
    (log out everywhere, password change) or when its session was revoked.
    """
    if jwt_settings.USER_ID_CLAIM not in token:
        raise InvalidToken("Token contained no recognizable user identification")
    state = auth_state(token[jwt_settings.USER_ID_CLAIM])
    session_id = token.get(SESSION_CLAIM)
    with session_errors_as_401():
        if not state.exists:
            raise UserNotFound
        if not state.is_active:
            raise UserInactive
        if token.get(VERSION_CLAIM) != state.token_version or session_id in state.revoked_sessions:
            raise TokenRevoked
    return state.user()


class JWTAuthentication(authentication.JWTAuthentication):
    """SimpleJWT's authentication, plus the revocation checks of `accounts.cache`."""

    def get_user(self, validated_token: Token) -> Any:
        return user_for_token(validated_token)

"""JWT authentication that also refuses revoked tokens, without a database query."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.tokens import Token

from accounts.cache import auth_state
from accounts.conf import jwt_settings
from accounts.tokens import SESSION_CLAIM, VERSION_CLAIM


def user_for_token(token: Token) -> AbstractBaseUser:
    """Return the user of a validated token that has not been revoked since it was signed.

    Refuse it when the user is gone or inactive, when the user's token version moved on
    (log out everywhere, password change) or when its session was revoked.
    """
    if jwt_settings().USER_ID_CLAIM not in token:
        raise InvalidToken("Token contained no recognizable user identification")
    state = auth_state(token[jwt_settings().USER_ID_CLAIM])
    if not state.exists:
        raise AuthenticationFailed("User not found.", code="user_not_found")
    if not state.is_active:
        raise AuthenticationFailed("User is inactive.", code="user_inactive")
    session_id = token.get(SESSION_CLAIM)
    if token.get(VERSION_CLAIM) != state.token_version or session_id in state.revoked_sessions:
        raise AuthenticationFailed("Token has been revoked.", code="token_revoked")
    return state.user()


class JWTAuthentication(authentication.JWTAuthentication):
    """SimpleJWT's authentication, plus the revocation checks of `accounts.cache`."""

    def get_user(self, validated_token: Token) -> Any:
        return user_for_token(validated_token)

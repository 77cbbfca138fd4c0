"""JWT authentication that also refuses revoked tokens, without a database query."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject
from rest_framework.authentication import SessionAuthentication
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.request import Request
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.tokens import Token

from accounts.cache import AuthState, auth_state
from accounts.claims import SESSION_CLAIM, VERSION_CLAIM
from accounts.conf import accounts_settings, jwt_settings
from accounts.exceptions import (
    SessionError,
    TokenRevoked,
    UserInactive,
    UserNotFound,
    session_errors_as_401,
)
from accounts.verified_tokens import VerifiedTokens


def user_for_token(token: Token) -> Any:
    """Return the user of a validated token that has not been revoked since it was signed.

    Refuse it when the user is gone or inactive, when the user's token version moved on
    (log out everywhere, password change) or when its session was revoked.
    """
    if jwt_settings.USER_ID_CLAIM not in token:
        raise InvalidToken("Token contained no recognizable user identification")
    state = auth_state(token[jwt_settings.USER_ID_CLAIM])
    refusal = refusal_for(state, token)
    if refusal is not None:
        with session_errors_as_401():
            raise refusal
    return LazyUser(state)


def refusal_for(state: AuthState, token: Token) -> SessionError | None:
    """Return why the user's current state refuses the token, or None if it does not."""
    if not state.exists:
        return UserNotFound()
    if not state.is_active:
        return UserInactive()
    if token.get(VERSION_CLAIM) != state.token_version:
        return TokenRevoked()
    if token.get(SESSION_CLAIM) in state.revoked_sessions:
        return TokenRevoked()
    return None


class LazyUser(SimpleLazyObject):  # type: ignore[type-arg]  # Not generic at run time.
    """The authenticated user: its primary key at once, the whole user when first needed.

    Most views only need to know who is asking (`pk`, `is_authenticated`); the user is built
    from the cached row on the first access to anything else.
    """

    is_authenticated = True
    is_anonymous = False

    def __init__(self, state: AuthState) -> None:
        super().__init__(state.user)
        self.__dict__["_auth_state"] = state

    @property
    def pk(self) -> Any:
        return self.__dict__["_auth_state"].pk

    def __bool__(self) -> bool:
        return True  # A user, whatever its fields: `IsAuthenticated` asks.


_verified: dict[str, VerifiedTokens[Token]] = {}


def verified_tokens() -> VerifiedTokens[Token]:
    """Return this process's memory of verified access tokens (sized by the settings)."""
    if "tokens" not in _verified:
        _verified["tokens"] = VerifiedTokens(accounts_settings.VERIFIED_TOKEN_CACHE_SIZE)
    return _verified["tokens"]


@receiver(setting_changed, dispatch_uid="accounts.forget_verified_tokens")
def forget_verified_tokens(setting: str, **kwargs: Any) -> None:
    # New keys, lifetimes or claims rules: tokens verified under the old ones don't count.
    if setting in ("ACCOUNTS", "SIMPLE_JWT"):
        _verified.clear()


class JWTAuthentication(authentication.JWTAuthentication):
    """SimpleJWT's authentication, plus the revocation checks of `accounts.cache`.

    A token's signature and claims are verified once per process (`accounts.verified_tokens`);
    whether it was revoked is checked at every request.
    """

    def get_validated_token(self, raw_token: bytes) -> Token:
        memory = verified_tokens()
        token = memory.get(raw_token)
        if token is None:
            token = super().get_validated_token(raw_token)
            memory.put(raw_token, token, float(token["exp"]))
        return token

    def get_user(self, validated_token: Token) -> Any:
        return user_for_token(validated_token)


class BrowsableAPISessionAuthentication(SessionAuthentication):
    """Django's session login (DRF's "Log in" link), for the browsable API's HTML pages only.

    A JSON request carrying the session cookie is not authenticated by it: the API's
    credential stays the token. CSRF is enforced as by DRF's `SessionAuthentication`, and the
    session ends with the user's tokens (log out everywhere, password change, deactivation:
    see `User._get_session_auth_hash`).
    """

    def authenticate(self, request: Request) -> tuple[AbstractBaseUser, None] | None:
        if not isinstance(getattr(request, "accepted_renderer", None), BrowsableAPIRenderer):
            return None
        return super().authenticate(request)

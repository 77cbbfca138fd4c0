"""Signed tokens for a session, built on SimpleJWT's token classes.

Every token carries, beside SimpleJWT's claims, the session it belongs to (`sid`) and
the user's token version (`ver`), so that revocation can be checked per request. The
token classes below sign and verify with the key set (`accounts.token_backend`); point
`SIMPLE_JWT["AUTH_TOKEN_CLASSES"]` at `accounts.tokens.AccessToken`.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rest_framework_simplejwt import tokens

from accounts.claims import SESSION_CLAIM, VERSION_CLAIM
from accounts.conf import jwt_settings
from accounts.models import Session
from accounts.token_backend import token_backend


class KeySetBackendMixin(tokens.Token):
    """Sign and verify with the key set's backend, through SimpleJWT's `_token_backend` hook.

    Set per token, not per class, so that a change of keys or settings takes effect.
    """

    def __init__(self, token: Any = None, verify: bool = True) -> None:
        self._token_backend = token_backend()
        super().__init__(token, verify)


class AccessToken(KeySetBackendMixin, tokens.AccessToken):
    """An access token signed and verified with the key set."""


class RefreshToken(KeySetBackendMixin, tokens.RefreshToken):  # type: ignore[misc]
    """A refresh token signed and verified with the key set."""

    access_token_class = AccessToken


class UntypedToken(KeySetBackendMixin, tokens.UntypedToken):
    """Any token type, verified with the key set."""


@dataclass(frozen=True)
class TokenPair:
    """A freshly signed access and refresh token, and the session they belong to."""

    access: str
    refresh: str
    session: Session
    refresh_expires_at: datetime

    def body(self) -> dict[str, Any]:
        """Both tokens for the response, with the refresh token's expiry for its cookie.

        The views take `refresh_expires_at` out before answering.
        """
        return {
            "access": self.access,
            "refresh": self.refresh,
            "refresh_expires_at": self.refresh_expires_at,
        }


def new_token_id() -> str:
    return uuid.uuid4().hex


def token_pair_for(session: Session, *, now: datetime) -> TokenPair:
    """Sign an access and a refresh token for `session`'s current refresh token id."""
    refresh = RefreshToken.for_user(session.user)
    refresh[jwt_settings.JTI_CLAIM] = session.current_jti
    refresh[SESSION_CLAIM] = str(session.id)
    refresh[VERSION_CLAIM] = session.user.token_version
    refresh.set_iat(at_time=now)
    refresh.set_exp(from_time=now, lifetime=session.refresh_expires_at - now)
    access: tokens.AccessToken = refresh.access_token
    access.set_exp(from_time=now, lifetime=jwt_settings.ACCESS_TOKEN_LIFETIME)
    access.set_iat(at_time=now)
    return TokenPair(
        access=str(access),
        refresh=str(refresh),
        session=session,
        refresh_expires_at=session.refresh_expires_at,
    )

"""A SimpleJWT token backend that signs with the key set and verifies by `kid`.

SimpleJWT 5.5 keeps one module-level backend with one key and one algorithm; the token
classes of `accounts.tokens` use this backend instead. Verification looks the key up by
the token's `kid` header and accepts only that key's algorithm. Other headers (`jku`,
`jwk`, `x5u`, `x5c`) are never looked at, so nothing is ever fetched. SimpleJWT's
settings are read through their module: it replaces `api_settings` when they change.
"""

import time
from datetime import timedelta
from typing import Any

import jwt
from django.core.signals import setting_changed
from django.dispatch import receiver
from rest_framework_simplejwt.backends import TokenBackend
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenBackendExpiredToken

from accounts.claims import InvalidClaims, validate_claims
from accounts.conf import accounts_settings, jwt_settings
from accounts.keys import KeySet, keys_from_settings
from accounts.signals import emit

_loaded: dict[str, KeySet] = {}


def key_set() -> KeySet:
    """Return the configured key set, parsed once per process (and per settings change)."""
    if "keys" not in _loaded:
        _loaded["keys"] = keys_from_settings(
            accounts_settings.SIGNING_KEYS,
            accounts_settings.SIGNING_KEYS_FILE,
            jwt_settings.SIGNING_KEY,
        )
    return _loaded["keys"]


@receiver(setting_changed, dispatch_uid="accounts.forget_key_set")
def forget_key_set(setting: str, **kwargs: Any) -> None:
    if setting in ("ACCOUNTS", "SIMPLE_JWT"):
        _loaded.clear()


class KeySetTokenBackend(TokenBackend):
    """Sign with the newest active key, verify with the key named by `kid`.

    Issuer, audience and leeway are read from SimpleJWT's settings at each call.
    """

    def __init__(self) -> None:
        """Hold no key: every call reads the current key set and settings."""

    def get_leeway(self) -> timedelta:
        return jwt_settings.LEEWAY

    def encode(self, payload: dict[str, Any]) -> str:
        claims = payload.copy()
        if jwt_settings.AUDIENCE is not None:
            claims["aud"] = jwt_settings.AUDIENCE
        if jwt_settings.ISSUER is not None:
            claims["iss"] = jwt_settings.ISSUER
        key = key_set().signing_key
        return jwt.encode(
            claims,
            key.signing_key,
            algorithm=key.algorithm,
            headers={"kid": key.kid},
            json_encoder=jwt_settings.JSON_ENCODER,
        )

    def decode(self, token: Any, verify: bool = True) -> dict[str, Any]:
        try:
            if not verify:
                return jwt.decode(token, options={"verify_signature": False})
            return self.verified_claims(token)
        except jwt.ExpiredSignatureError as error:
            raise TokenBackendExpiredToken("Token is expired") from error
        except jwt.PyJWTError as error:
            raise TokenBackendError("Token is invalid") from error

    def verified_claims(self, token: Any) -> dict[str, Any]:
        header = jwt.get_unverified_header(token)
        key = key_set().verifying_key(header.get("kid"))
        if key is None:
            raise jwt.InvalidTokenError("Unknown or retired key id")
        if header.get("alg") != key.algorithm:
            raise jwt.InvalidAlgorithmError("The algorithm is not the key's algorithm")
        audience = jwt_settings.AUDIENCE
        claims: dict[str, Any] = jwt.decode(
            token,
            key.verifying_key,
            algorithms=[key.algorithm],
            audience=audience,
            issuer=jwt_settings.ISSUER,
            # The time claims are checked below, after their types.
            options={
                "verify_aud": audience is not None,
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
            },
        )
        try:
            validate_claims(claims)
        except InvalidClaims:
            # The signature held, so only a holder of the key could have signed this.
            emit("token_claims_invalid", kid=key.kid)
            raise
        self.check_times(claims)
        return claims

    def check_times(self, claims: dict[str, Any]) -> None:
        """Refuse an expired or not yet valid token (RFC 7519 §4.1.4, §4.1.5), with leeway."""
        now, leeway = time.time(), self.get_leeway().total_seconds()
        if claims["exp"] <= now - leeway:
            raise jwt.ExpiredSignatureError("Signature has expired")
        if max(claims["iat"], claims.get("nbf", 0)) > now + leeway:
            raise jwt.ImmatureSignatureError("The token is not yet valid")


key_set_token_backend = KeySetTokenBackend()

"""A SimpleJWT token backend that signs with the key set and verifies by `kid`.

SimpleJWT 5.5 keeps one module-level backend with one key and one algorithm; the token
classes of `accounts.tokens` use this backend instead. Verification looks the key up by
the token's `kid` header and accepts only that key's algorithm. Other headers (`jku`,
`jwk`, `x5u`, `x5c`) are never looked at, so nothing is ever fetched. SimpleJWT's
settings are read through their module: it replaces `api_settings` when they change.
"""

import functools
import time
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


@functools.cache
def key_set() -> KeySet:
    """Return the configured key set, parsed once per process (and per settings change)."""
    return keys_from_settings(
        accounts_settings.SIGNING_KEYS,
        accounts_settings.SIGNING_KEYS_FILE,
        jwt_settings.SIGNING_KEY,
    )


@functools.cache
def token_backend() -> "KeySetTokenBackend":
    """Return the backend of the configured keys and SimpleJWT settings (once per change)."""
    return KeySetTokenBackend(key_set())


@receiver(setting_changed, dispatch_uid="accounts.forget_key_set")
def forget_key_set(setting: str, **kwargs: Any) -> None:
    if setting in ("ACCOUNTS", "SIMPLE_JWT"):
        key_set.cache_clear()
        token_backend.cache_clear()


class KeySetTokenBackend(TokenBackend):
    """Sign with the newest active key, verify with the key named by `kid`.

    SimpleJWT's attributes describe the signing key; issuer, audience and leeway come
    from SimpleJWT's settings.
    """

    def __init__(self, keys: KeySet) -> None:
        signing = keys.signing_key
        super().__init__(
            signing.algorithm,
            signing.signing_key,
            signing.verifying_key,
            audience=jwt_settings.AUDIENCE,
            issuer=jwt_settings.ISSUER,
            leeway=jwt_settings.LEEWAY,
            json_encoder=jwt_settings.JSON_ENCODER,
        )
        self.keys = keys

    def encode(self, payload: dict[str, Any]) -> str:
        """Sign as SimpleJWT does, naming the key in the `kid` header (RFC 7515 §4.1.4)."""
        claims = payload.copy()
        if self.audience is not None:
            claims["aud"] = self.audience
        if self.issuer is not None:
            claims["iss"] = self.issuer
        signing = self.keys.signing_key
        return jwt.encode(
            claims,
            signing.signing_key,
            algorithm=signing.algorithm,
            headers={"kid": signing.kid},
            json_encoder=self.json_encoder,
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
        key = self.keys.verifying_key(header.get("kid"))
        if key is None:
            raise jwt.InvalidTokenError("Unknown or retired key id")
        if header.get("alg") != key.algorithm:
            raise jwt.InvalidAlgorithmError("The algorithm is not the key's algorithm")
        claims: dict[str, Any] = jwt.decode(
            token,
            key.verifying_key,
            algorithms=[key.algorithm],
            audience=self.audience,
            issuer=self.issuer,
            # The time claims are checked below, after their types.
            options={
                "verify_aud": self.audience is not None,
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

"""Signing keys with ids: the key set tokens are signed and verified with.

A key set is a list of keys, each `{"kid", "alg", "status", "secret" | "private"}`:
- `alg` is one of ALGORITHMS; a token is verified only with the algorithm of its key,
  so an RSA public key can never be used as an HMAC secret (key confusion);
- `status` is `active` (signs and verifies; the last active key of the list signs),
  `verify` (verifies only: a new key being published, or an old one whose tokens have not
  all expired yet) or `retired` (refused);
- `secret` is the HMAC secret of an HS256 key; `private` the PEM private key of the others.
This module has no Django imports: `accounts.token_backend` feeds it the settings.
"""

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.api_jws import PyJWS

ALGORITHMS = ("HS256", "RS256", "ES256", "EdDSA")
STATUSES = ("active", "verify", "retired")
PRIVATE_KEY_TYPES: dict[str, type] = {
    "RS256": rsa.RSAPrivateKey,
    "ES256": ec.EllipticCurvePrivateKey,
    "EdDSA": ed25519.Ed25519PrivateKey,
}
KID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
MINIMUM_SECRET_BYTES = 32
MINIMUM_RSA_BITS = 2048


class KeyConfigError(ValueError):
    """The key configuration cannot be used; `hint` says how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class SigningKey:
    """One key: its id, its single algorithm, its status and the prepared key objects."""

    kid: str
    algorithm: str
    status: str
    signing_key: Any
    verifying_key: Any

    @property
    def asymmetric(self) -> bool:
        return self.algorithm != "HS256"

    def public_jwk(self) -> dict[str, Any]:
        """Return the public key as a JWK (RFC 7517); never call it for an HMAC key."""
        if not self.asymmetric:
            raise ValueError("An HMAC key has no public part.")
        jwk: dict[str, Any] = (
            PyJWS().get_algorithm_by_name(self.algorithm).to_jwk(self.verifying_key, as_dict=True)
        )
        return {**jwk, "kid": self.kid, "alg": self.algorithm, "use": "sig"}


@dataclass(frozen=True)
class KeySet:
    keys: tuple[SigningKey, ...]

    @property
    def signing_key(self) -> SigningKey:
        """The newest active key: the last one with status `active`."""
        return [key for key in self.keys if key.status == "active"][-1]

    def verifying_key(self, kid: object) -> SigningKey | None:
        """Return the key with this id unless it is retired or unknown."""
        for key in self.keys:
            if key.kid == kid and key.status != "retired":
                return key
        return None

    def public_jwks(self) -> dict[str, Any]:
        """The JWK Set of every asymmetric key not retired (RFC 7517 §5); may be empty."""
        published = [key for key in self.keys if key.asymmetric and key.status != "retired"]
        return {"keys": [key.public_jwk() for key in published]}


def derived_kid(secret: str) -> str:
    """A key id made from a hash of the secret: stable across restarts, never the secret."""
    return "hs256-" + hashlib.sha256(b"accounts-kid:" + secret.encode()).hexdigest()[:16]


def single_key_set(secret: str) -> KeySet:
    """The key set of a single HMAC secret (`SIMPLE_JWT["SIGNING_KEY"]`)."""
    return KeySet((parse_key({"kid": derived_kid(secret), "alg": "HS256", "secret": secret}),))


def read_key_file(path: str) -> list[Any]:
    try:
        loaded: list[Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise KeyConfigError(f"Cannot read the key file {path}: {error}.", KEY_FILE_HINT) from error
    except ValueError as error:
        raise KeyConfigError(f"The key file {path} is not JSON: {error}.", KEY_FILE_HINT) from error
    return loaded


def parse_key_set(entries: object) -> KeySet:
    """Validate a list of key entries and prepare their keys."""
    if not isinstance(entries, list) or not entries:
        raise KeyConfigError("The signing keys must be a non-empty JSON list.", KEY_FILE_HINT)
    keys = tuple(parse_key(entry) for entry in entries)
    kids = [key.kid for key in keys]
    if len(set(kids)) != len(kids):
        raise KeyConfigError("Two signing keys share a kid.", "Give every key its own kid.")
    if not any(key.status == "active" for key in keys):
        raise KeyConfigError("No signing key is active.", "Set one key's status to 'active'.")
    return KeySet(keys)


def parse_key(entry: object) -> SigningKey:
    if not isinstance(entry, Mapping):
        raise KeyConfigError("Every signing key must be a JSON object.", KEY_FILE_HINT)
    kid, algorithm = entry.get("kid"), entry.get("alg")
    status = entry.get("status", "active")
    if not isinstance(kid, str) or not KID_PATTERN.match(kid):
        raise KeyConfigError(f"Invalid kid {kid!r}.", "Use 1-64 characters of A-Z a-z 0-9 . _ -")
    if algorithm not in ALGORITHMS:
        raise KeyConfigError(f"Key {kid}: unknown alg {algorithm!r}.", f"Use one of {ALGORITHMS}.")
    if status not in STATUSES:
        raise KeyConfigError(f"Key {kid}: unknown status {status!r}.", f"Use one of {STATUSES}.")
    if algorithm == "HS256":
        secret = hmac_secret(kid, entry.get("secret"))
        return SigningKey(kid, algorithm, status, secret, secret)
    private_key = load_private_key(kid, algorithm, entry.get("private"))
    return SigningKey(kid, algorithm, status, private_key, private_key.public_key())


def hmac_secret(kid: str, secret: object) -> bytes:
    if not isinstance(secret, str) or len(secret.encode()) < MINIMUM_SECRET_BYTES:
        raise KeyConfigError(
            f"Key {kid}: an HS256 key needs a 'secret' of at least {MINIMUM_SECRET_BYTES} bytes.",
            "Generate one: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'",
        )
    return secret.encode()


def load_private_key(kid: str, algorithm: str, pem: object) -> Any:
    hint = PEM_HINTS[algorithm]
    if not isinstance(pem, str):
        raise KeyConfigError(f"Key {kid}: an {algorithm} key needs a 'private' PEM.", hint)
    try:
        private_key = serialization.load_pem_private_key(pem.encode(), password=None)
    except (ValueError, TypeError) as error:
        raise KeyConfigError(f"Key {kid}: the private PEM cannot be loaded.", hint) from error
    if not isinstance(private_key, PRIVATE_KEY_TYPES[algorithm]):
        raise KeyConfigError(f"Key {kid}: the PEM is not an {algorithm} key.", hint)
    if isinstance(private_key, rsa.RSAPrivateKey) and private_key.key_size < MINIMUM_RSA_BITS:
        raise KeyConfigError(f"Key {kid}: RSA keys need {MINIMUM_RSA_BITS} bits or more.", hint)
    if isinstance(private_key, ec.EllipticCurvePrivateKey) and not isinstance(
        private_key.curve, ec.SECP256R1
    ):
        raise KeyConfigError(f"Key {kid}: ES256 needs a P-256 key.", hint)
    return private_key


def keys_from_settings(entries: Sequence[Any] | None, path: str | None, secret: str) -> KeySet:
    """Return the configured key set: from `path`, else `entries`, else the one secret."""
    if path:
        return parse_key_set(read_key_file(path))
    if entries is not None:
        return parse_key_set(list(entries))
    return single_key_set(secret)


KEY_FILE_HINT = (
    'A JSON list such as [{"kid": "2026-01", "alg": "EdDSA", "status": "active", '
    '"private": "-----BEGIN PRIVATE KEY-----..."}]; see SECURITY.md.'
)
PEM_HINTS = {
    "RS256": "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072",
    "ES256": "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256",
    "EdDSA": "openssl genpkey -algorithm ed25519",
}

"""Helpers for tests about keys and tokens: key generation and hand-made tokens."""

import base64
import hashlib
import hmac
import json
from functools import cache
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

SECRET = "another-test-signing-secret-that-is-long-enough-42"


@cache
def private_pem(algorithm: str) -> str:
    """A fresh private key for `algorithm` as PKCS#8 PEM (one per test session)."""
    key: Any
    if algorithm == "RS256":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    elif algorithm == "ES256":
        key = ec.generate_private_key(ec.SECP256R1())
    else:
        key = ed25519.Ed25519PrivateKey.generate()
    pem: str = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return pem


def public_pem(algorithm: str) -> bytes:
    private = serialization.load_pem_private_key(private_pem(algorithm).encode(), password=None)
    return private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def key_entry(kid: str, algorithm: str, status: str = "active") -> dict[str, str]:
    material = (
        {"secret": SECRET + kid} if algorithm == "HS256" else {"private": private_pem(algorithm)}
    )
    return {"kid": kid, "alg": algorithm, "status": status, **material}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def parts(token: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The header, the claims and the signature of a token, unverified."""
    header, claims, signature = token.split(".")
    return json.loads(unb64(header)), json.loads(unb64(claims)), signature


def hs256(header: dict[str, Any], claims: dict[str, Any], secret: bytes) -> str:
    """Sign by hand, so that any secret (even a PEM public key) can be used."""
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


def unsigned(header: dict[str, Any], claims: dict[str, Any]) -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}."

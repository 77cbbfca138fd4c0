"""`/.well-known/jwks.json`: public keys only, cacheable, usable by a standard JWKS client."""

from typing import Any

import jwt
import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from tests.accounts.signing import key_entry

JWKS = "/.well-known/jwks.json"
PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "k", "oth"}


def use_keys(settings: Any, *entries: dict[str, Any]) -> None:
    settings.ACCOUNTS = {**django_settings.ACCOUNTS, "SIGNING_KEYS": list(entries)}


def test_no_jwks_with_only_hmac_keys(db: Any) -> None:
    response = APIClient().get(JWKS)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_jwks_publishes_public_asymmetric_keys_only(settings: Any) -> None:
    use_keys(
        settings,
        key_entry("hmac", "HS256"),
        key_entry("ed", "EdDSA"),
        key_entry("rsa", "RS256", "verify"),
        key_entry("ec", "ES256", "verify"),
        key_entry("gone", "EdDSA", "retired"),
    )
    response = APIClient().get(JWKS)
    assert response.status_code == 200
    keys = response.json()["keys"]
    assert [(key["kid"], key["alg"], key["use"]) for key in keys] == [
        ("ed", "EdDSA", "sig"),
        ("rsa", "RS256", "sig"),
        ("ec", "ES256", "sig"),
    ]
    assert all(not PRIVATE_MEMBERS & set(key) for key in keys)
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]


def test_jwks_answers_get_only(settings: Any) -> None:
    use_keys(settings, key_entry("ed", "EdDSA"))
    assert APIClient().post(JWKS).status_code == 405


def test_head_on_the_jwks_answers_like_get(settings: Any) -> None:
    use_keys(settings, key_entry("ed", "EdDSA"))
    get, head = APIClient().get(JWKS), APIClient().head(JWKS)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head["Cache-Control"] == get["Cache-Control"]
    assert head.content == b""


@pytest.mark.parametrize("algorithm", ["EdDSA", "RS256", "ES256"])
def test_another_service_verifies_our_token_with_pyjwkclient(
    settings: Any, live_server: Any, user: Any, password: str, algorithm: str
) -> None:
    settings.SIMPLE_JWT = {**django_settings.SIMPLE_JWT, "ISSUER": "https://auth.example"}
    use_keys(settings, key_entry("old", "HS256", "verify"), key_entry("current", algorithm))
    login = APIClient().post(
        "/api/auth/login/", {"username": "alice", "password": password}, format="json"
    )
    access = login.json()["access"]
    client = jwt.PyJWKClient(f"{live_server.url}{JWKS}")
    signing_key = client.get_signing_key_from_jwt(access)
    claims = jwt.decode(
        access, signing_key.key, algorithms=[algorithm], issuer="https://auth.example"
    )
    assert claims["user_id"] == str(user.id)

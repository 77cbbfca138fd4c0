"""Forged, tampered and misused tokens are refused with 401 at the HTTP level."""

import json
import time
from typing import Any
from unittest import mock

import jwt
import pytest
import time_machine
from django.conf import settings
from rest_framework.test import APIClient

from tests.accounts.signing import (
    SECRET,
    hs256,
    key_entry,
    parts,
    private_pem,
    public_pem,
    unsigned,
)

ME = "/api/auth/me/"
REFRESH = "/api/auth/refresh/"


def me_with(token: str) -> Any:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.get(ME)


def login(password: str) -> Any:
    body = {"username": "alice", "password": password}
    return APIClient().post("/api/auth/login/", body, format="json").json()


def assert_refused(response: Any) -> None:
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_the_genuine_token_is_accepted(tokens: dict[str, Any]) -> None:
    assert me_with(tokens["access"]).status_code == 200


@pytest.mark.parametrize("algorithm", ["none", "None", "NONE", "nOnE"])
def test_alg_none_in_any_spelling_is_refused(tokens: dict[str, Any], algorithm: str) -> None:
    header, claims, _ = parts(tokens["access"])
    assert_refused(me_with(unsigned({**header, "alg": algorithm}, claims)))


def test_stripped_signature_is_refused(tokens: dict[str, Any]) -> None:
    assert_refused(me_with(tokens["access"].rsplit(".", 1)[0] + "."))


def test_token_signed_with_another_key_is_refused(tokens: dict[str, Any]) -> None:
    header, claims, _ = parts(tokens["access"])
    assert_refused(me_with(hs256(header, claims, SECRET.encode())))


def test_tampered_claims_are_refused(tokens: dict[str, Any]) -> None:
    header, claims, signature = parts(tokens["access"])
    forged = jwt.utils.base64url_encode(json.dumps({**claims, "user_id": 2}).encode())
    token = tokens["access"].split(".")[0] + "." + forged.decode() + "." + signature
    assert_refused(me_with(token))


def test_rsa_public_key_as_hmac_secret_is_refused(settings: Any, user: Any, password: str) -> None:
    """HS/RS key confusion: the public key is known to everyone."""
    settings.ACCOUNTS = {**settings.ACCOUNTS, "SIGNING_KEYS": [key_entry("rsa-1", "RS256")]}
    header, claims, _ = parts(login(password)["access"])
    forged = hs256({**header, "alg": "HS256"}, claims, public_pem("RS256"))
    assert_refused(me_with(forged))


@pytest.mark.parametrize(
    "kid", ["unknown", "../../../../etc/passwd", "' OR '1'='1", "x" * 5000, 42, None, ["a"]]
)
def test_kid_injection_is_refused(tokens: dict[str, Any], kid: Any) -> None:
    header, claims, _ = parts(tokens["access"])
    assert_refused(me_with(hs256({**header, "kid": kid}, claims, SECRET.encode())))


def test_jku_and_jwk_headers_are_never_followed(tokens: dict[str, Any]) -> None:
    """A token signed with the attacker's key, pointing at where to find it."""
    attacker = jwt.algorithms.RSAAlgorithm(jwt.algorithms.RSAAlgorithm.SHA256)
    private: Any = attacker.prepare_key(private_pem("RS256"))
    _, claims, _ = parts(tokens["access"])
    headers = {
        "kid": "attacker",
        "jku": "https://attacker.example/jwks.json",
        "x5u": "https://attacker.example/cert.pem",
        "jwk": attacker.to_jwk(private.public_key(), as_dict=True),
    }
    token = jwt.encode(claims, private, algorithm="RS256", headers=headers)
    with mock.patch("urllib.request.urlopen", side_effect=AssertionError("fetched")) as urlopen:
        assert_refused(me_with(token))
    urlopen.assert_not_called()


def test_oversized_header_is_refused_not_crashed(tokens: dict[str, Any]) -> None:
    header, claims, _ = parts(tokens["access"])
    assert_refused(me_with(hs256({**header, "padding": "x" * 10_000}, claims, b"k" * 32)))


@pytest.mark.parametrize("garbage", ["a.b.c", "...", "e30.e30.", "ey" * 3000, "a" * 10_000])
def test_garbage_tokens_are_refused(db: Any, garbage: str) -> None:
    assert_refused(me_with(garbage))


def test_refresh_token_used_as_access_is_refused(tokens: dict[str, Any]) -> None:
    assert_refused(me_with(tokens["refresh"]))


def test_access_token_used_as_refresh_is_refused(tokens: dict[str, Any]) -> None:
    response = APIClient().post(REFRESH, {"refresh": tokens["access"]}, format="json")
    assert_refused(response)


def resign(token: str, **changes: Any) -> str:
    """Re-sign a genuine token's claims with the genuine default key."""
    header, claims, _ = parts(token)
    return hs256(header, {**claims, **changes}, str(settings.SIMPLE_JWT["SIGNING_KEY"]).encode())


def test_resigning_with_the_real_key_works(tokens: dict[str, Any]) -> None:
    """The control for the tests below: only the changed claim makes them fail."""
    assert me_with(resign(tokens["access"])).status_code == 200


def test_expired_token_is_refused(tokens: dict[str, Any]) -> None:
    assert_refused(me_with(resign(tokens["access"], exp=int(time.time()) - 1)))


def test_token_without_expiry_is_refused(tokens: dict[str, Any]) -> None:
    assert_refused(me_with(resign(tokens["access"], exp=None)))


def test_not_yet_valid_token_is_refused(tokens: dict[str, Any]) -> None:
    assert_refused(me_with(resign(tokens["access"], nbf=int(time.time()) + 3600)))


@pytest.mark.parametrize(("expired_seconds_ago", "status"), [(30, 401), (29, 200)])
def test_the_leeway_admits_a_token_expired_less_than_it_ago(
    settings: Any, tokens: dict[str, Any], expired_seconds_ago: int, status: int
) -> None:
    """RFC 7519 §4.1.4: valid only before `exp`; the leeway moves that moment, no further."""
    settings.SIMPLE_JWT = {**settings.SIMPLE_JWT, "LEEWAY": 30}
    with time_machine.travel(int(time.time()), tick=False):
        token = resign(tokens["access"], exp=int(time.time()) - expired_seconds_ago)
        assert me_with(token).status_code == status


@pytest.mark.parametrize(
    ("claim", "value"), [("iss", "https://evil.example"), ("aud", "another-api"), ("iss", None)]
)
def test_wrong_issuer_or_audience_is_refused(
    settings: Any, user: Any, password: str, claim: str, value: Any
) -> None:
    settings.SIMPLE_JWT = {
        **settings.SIMPLE_JWT,
        "ISSUER": "https://auth.example",
        "AUDIENCE": "api",
    }
    access = login(password)["access"]
    assert parts(access)[1]["iss"] == "https://auth.example"
    assert parts(access)[1]["aud"] == "api"
    assert me_with(access).status_code == 200
    header, claims, _ = parts(access)
    changed = {key: val for key, val in {**claims, claim: value}.items() if val is not None}
    assert_refused(
        me_with(hs256(header, changed, str(settings.SIMPLE_JWT["SIGNING_KEY"]).encode()))
    )

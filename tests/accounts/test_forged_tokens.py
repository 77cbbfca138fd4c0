"""Tokens that were not signed by us, or not for this use, are refused with 401."""

import base64
import json
from datetime import timedelta
from typing import Any

import jwt
import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

ME = "/api/auth/me/"


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def claims(token: str) -> dict[str, Any]:
    payload: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return payload


def get_me(token: str) -> Any:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.get(ME)


def resign(payload: dict[str, Any], key: str | None = None) -> str:
    return jwt.encode(payload, key or settings.SIMPLE_JWT["SIGNING_KEY"], algorithm="HS256")


def test_the_genuine_token_works(tokens: dict[str, Any]) -> None:
    assert get_me(tokens["access"]).status_code == 200


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
def test_alg_none_is_refused(tokens: dict[str, Any], alg: str) -> None:
    forged = f"{b64({'alg': alg, 'typ': 'JWT'})}.{b64(claims(tokens['access']))}."
    assert get_me(forged).status_code == 401


def test_stripped_signature_is_refused(tokens: dict[str, Any]) -> None:
    header, payload, _ = tokens["access"].split(".")
    assert get_me(f"{header}.{payload}.").status_code == 401


def test_wrong_key_is_refused(tokens: dict[str, Any]) -> None:
    forged = resign(claims(tokens["access"]), key="another-key-of-sufficient-length-0123456789")
    assert get_me(forged).status_code == 401


def test_tampered_payload_is_refused(tokens: dict[str, Any], user: Any) -> None:
    header, _, signature = tokens["access"].split(".")
    payload = {**claims(tokens["access"]), "user_id": str(user.id + 1)}
    assert get_me(f"{header}.{b64(payload)}.{signature}").status_code == 401


def test_expired_token_is_refused(tokens: dict[str, Any]) -> None:
    past = int((timezone.now() - timedelta(minutes=1)).timestamp())
    forged = resign({**claims(tokens["access"]), "exp": past})
    response = get_me(forged)
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_refresh_token_is_not_an_access_token(tokens: dict[str, Any]) -> None:
    response = get_me(tokens["refresh"])
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

ME = "/api/auth/me/"
VERIFY = "/api/auth/verify/"


def test_me_returns_the_user(auth_client: APIClient, user: Any) -> None:
    response = auth_client.get(ME)
    assert response.status_code == 200
    assert response.json()["username"] == "alice"
    assert "password" not in response.json()


def test_me_without_slash(auth_client: APIClient) -> None:
    assert auth_client.get("/api/auth/me").status_code == 200


def test_me_without_token_is_401_with_bearer_challenge(api_client: APIClient, db: Any) -> None:
    response = api_client.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer garbage", "Bearer a b", "Bearer "])
def test_me_with_bad_header_is_401(api_client: APIClient, db: Any, header: str) -> None:
    api_client.credentials(HTTP_AUTHORIZATION=header)
    response = api_client.get(ME)
    assert response.status_code == 401
    assert set(response.json()) == {"detail", "code"}


def test_authenticated_requests_cost_no_query_once_cached(auth_client: APIClient) -> None:
    auth_client.get(ME)
    with CaptureQueriesContext(connection) as queries:
        assert auth_client.get(ME).status_code == 200
    assert len(queries) == 0


def test_verify_accepts_a_live_token(api_client: APIClient, tokens: dict[str, Any]) -> None:
    response = api_client.post(VERIFY, {"token": tokens["access"]}, format="json")
    assert response.status_code == 200


@pytest.mark.parametrize("token", ["", "garbage"])
def test_verify_refuses_bad_tokens(api_client: APIClient, db: Any, token: str) -> None:
    response = api_client.post(VERIFY, {"token": token}, format="json")
    assert response.status_code in (400, 401)


def test_verify_refuses_a_revoked_token(
    api_client: APIClient, auth_client: APIClient, tokens: dict[str, Any]
) -> None:
    auth_client.post("/api/auth/logout-all/")
    response = api_client.post(VERIFY, {"token": tokens["access"]}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "token_revoked"


def test_unknown_api_url_is_json_404(api_client: APIClient, db: Any) -> None:
    response = api_client.get("/api/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_verify_checks_a_refresh_token_against_its_session(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    assert api_client.post(VERIFY, {"token": tokens["refresh"]}, format="json").status_code == 200
    api_client.post("/api/auth/refresh/", {"refresh": tokens["refresh"]}, format="json")
    response = api_client.post(VERIFY, {"token": tokens["refresh"]}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "refresh_token_reused"

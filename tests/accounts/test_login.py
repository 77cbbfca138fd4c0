from typing import Any

import pytest
from rest_framework.test import APIClient

LOGIN = "/api/auth/login/"


def test_login_returns_tokens_and_user(api_client: APIClient, user: Any, password: str) -> None:
    response = api_client.post(LOGIN, {"username": "alice", "password": password}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "refresh", "user"}
    assert body["user"] == {
        "id": user.id,
        "username": "alice",
        "email": "alice@example.com",
        "first_name": "Alice",
        "last_name": "",
    }
    assert response["Cache-Control"] == "no-store"


def test_login_never_returns_password_or_hash(
    api_client: APIClient, user: Any, password: str
) -> None:
    response = api_client.post(LOGIN, {"username": "alice", "password": password}, format="json")
    assert password not in response.content.decode()
    assert user.password not in response.content.decode()


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "alice", "password": "wrong password"},
        {"username": "nobody", "password": "correct horse battery staple"},
    ],
)
def test_wrong_credentials_are_one_401(
    api_client: APIClient, user: Any, credentials: dict[str, Any]
) -> None:
    response = api_client.post(LOGIN, credentials, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"
    assert set(response.json()) == {"detail", "code"}


def test_inactive_user_gets_the_same_401(api_client: APIClient, user: Any, password: str) -> None:
    user.is_active = False
    user.save()
    response = api_client.post(LOGIN, {"username": "alice", "password": password}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"username", "password"}),
        ({"username": "alice"}, {"password"}),
        ({"username": "", "password": ""}, {"username", "password"}),
        ({"username": "   ", "password": "x"}, {"username"}),
        ({"username": {"a": 1}, "password": ["x"]}, {"username", "password"}),
        ({"username": None, "password": None}, {"username", "password"}),
    ],
)
def test_missing_blank_or_ill_typed_fields_are_400(
    api_client: APIClient, db: Any, body: dict[str, Any], fields: set[str]
) -> None:
    response = api_client.post(LOGIN, body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert set(response.json()["errors"]) == fields


@pytest.mark.parametrize("body", ['{"username": ', "[]", '"text"', "null", "1"])
def test_malformed_or_non_object_json_is_400(api_client: APIClient, db: Any, body: str) -> None:
    response = api_client.generic("POST", LOGIN, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] in {"parse_error", "invalid"}


def test_form_encoded_body_is_415(api_client: APIClient, db: Any) -> None:
    response = api_client.post(LOGIN, {"username": "a", "password": "b"})
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


@pytest.mark.parametrize("header", ["Bearer garbage", "Bearer", "Basic abc", "Bearer a b c"])
def test_stale_authorization_header_is_ignored_at_login(
    api_client: APIClient, user: Any, password: str, header: str
) -> None:
    api_client.credentials(HTTP_AUTHORIZATION=header)
    response = api_client.post(LOGIN, {"username": "alice", "password": password}, format="json")
    assert response.status_code == 200


def test_login_without_trailing_slash_answers_without_redirect(
    api_client: APIClient, user: Any, password: str
) -> None:
    response = api_client.post(
        "/api/auth/login", {"username": "alice", "password": password}, format="json"
    )
    assert response.status_code == 200


def test_login_records_last_login(api_client: APIClient, user: Any, password: str) -> None:
    api_client.post(LOGIN, {"username": "alice", "password": password}, format="json")
    user.refresh_from_db()
    assert user.last_login is not None


def test_get_on_login_is_405_json(api_client: APIClient, db: Any) -> None:
    response = api_client.get(LOGIN)
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"

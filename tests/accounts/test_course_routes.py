"""The Express course's routes, for its AngularJS client."""

from typing import Any

import pytest
from rest_framework.test import APIClient

ORIGIN = "http://127.0.0.1:4200"


def test_login_answers_token_and_user(api_client: APIClient, user: Any, password: str) -> None:
    response = api_client.post("/login", {"username": "alice", "password": password}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "user"}
    assert body["user"]["username"] == "alice"
    assert response["Cache-Control"] == "no-store"
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    me = api_client.get("/me")
    assert me.status_code == 200
    assert me.json()["username"] == "alice"


def test_login_asked_for_cookie_mode_answers_as_the_course_and_sets_no_cookie(
    api_client: APIClient, user: Any, password: str
) -> None:
    """The course's login has no refresh token to put in a cookie."""
    body = {"username": "alice", "password": password}
    response = api_client.post("/login", body, format="json", HTTP_X_TOKEN_TRANSPORT="cookie")
    assert response.status_code == 200
    assert set(response.json()) == {"token", "user"}
    assert "refresh_token" not in response.cookies


@pytest.mark.parametrize(
    "body", [{}, {"username": "alice"}, {"password": "x"}, {"username": "", "password": ""}]
)
def test_login_missing_field_is_plain_text_400(
    api_client: APIClient, db: Any, body: dict[str, Any]
) -> None:
    response = api_client.post("/login", body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"Must provide username or password"


def test_login_wrong_credentials_is_plain_text_401(api_client: APIClient, user: Any) -> None:
    response = api_client.post("/login", {"username": "alice", "password": "no"}, format="json")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"Username or password incorrect"


def test_login_ignores_a_stale_token(api_client: APIClient, user: Any, password: str) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Bearer stale.token.value")
    response = api_client.post("/login", {"username": "alice", "password": password}, format="json")
    assert response.status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer garbage"])
def test_me_token_errors_are_plain_text_401(
    api_client: APIClient, db: Any, header: str | None
) -> None:
    if header:
        api_client.credentials(HTTP_AUTHORIZATION=header)
    response = api_client.get("/me")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("text/plain")
    assert response.content
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_preflight_from_allowed_origin(api_client: APIClient, db: Any) -> None:
    response = api_client.options(
        "/login",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    allowed = response["Access-Control-Allow-Headers"].lower()
    assert "authorization" in allowed
    assert "content-type" in allowed


def preflight_allowed(path: str) -> bool:
    response = APIClient().options(
        path, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    return "Access-Control-Allow-Origin" in response


@pytest.mark.parametrize(
    "path",
    ["/login", "/login/", "/me", "/me/", "/random-user", "/api/auth/me/", "/api/random-users/"],
)
def test_cors_covers_the_api_and_the_course_routes(db: Any, path: str) -> None:
    assert preflight_allowed(path)


@pytest.mark.parametrize(
    "path", ["/mebogus", "/login-x", "/meme/", "/random-users", "/admin/login/", "/apix"]
)
def test_cors_covers_nothing_else(db: Any, path: str) -> None:
    assert not preflight_allowed(path)


def test_preflight_from_refused_origin(api_client: APIClient, db: Any) -> None:
    response = api_client.options(
        "/login",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [("post", "/login", 400), ("get", "/me", 401), ("get", "/api/nowhere/", 404)],
)
def test_error_responses_carry_cors_headers(
    api_client: APIClient, db: Any, method: str, url: str, status: int
) -> None:
    response = getattr(api_client, method)(url, {}, format="json", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == status
    assert response["Access-Control-Allow-Origin"] == ORIGIN


def test_cookie_mode_preflight_allows_the_transport_header_with_credentials(
    api_client: APIClient, db: Any
) -> None:
    response = api_client.options(
        "/api/auth/refresh/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-token-transport, content-type",
    )
    assert "x-token-transport" in response["Access-Control-Allow-Headers"].lower()
    assert response["Access-Control-Allow-Credentials"] == "true"

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from rest_framework.test import APIClient

from tests.helpers import after_reuse_grace

LOGIN = "/api/auth/login/"
REFRESH = "/api/auth/refresh/"
LOGOUT = "/api/auth/logout/"
COOKIE = "refresh_token"
COOKIE_MODE: dict[str, Any] = {"HTTP_X_TOKEN_TRANSPORT": "cookie"}


def cookie_login(client: APIClient, password: str) -> Any:
    return client.post(
        LOGIN, {"username": "alice", "password": password}, format="json", **COOKIE_MODE
    )


def test_login_puts_the_refresh_token_in_a_strict_httponly_cookie(
    api_client: APIClient, user: Any, password: str
) -> None:
    response = cookie_login(api_client, password)
    assert response.status_code == 200
    assert set(response.json()) == {"access", "user"}
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/api/auth/"
    assert cookie["secure"]
    assert 86000 < int(cookie["max-age"]) <= 86400


@pytest.mark.parametrize(
    ("host", "secure"),
    [
        ("127.0.0.1:8000", False),
        ("localhost:8000", False),
        ("[::1]:8000", False),
        ("api.example.com", True),
        ("[2001:db8::1]:8000", True),
        ("[2001:db8::1]", True),
    ],
)
@override_settings(
    DEBUG=True,
    ALLOWED_HOSTS=["127.0.0.1", "localhost", "[::1]", "api.example.com", "[2001:db8::1]"],
)
def test_cookie_is_secure_except_for_local_http_development(
    api_client: APIClient, user: Any, password: str, host: str, secure: bool
) -> None:
    response = api_client.post(
        LOGIN,
        {"username": "alice", "password": password},
        format="json",
        HTTP_HOST=host,
        **COOKIE_MODE,
    )
    assert bool(response.cookies[COOKIE]["secure"]) is secure


@override_settings(ACCOUNTS={**settings.ACCOUNTS, "REFRESH_COOKIE_SECURE": False})
def test_the_secure_flag_follows_its_setting(
    api_client: APIClient, user: Any, password: str
) -> None:
    assert not cookie_login(api_client, password).cookies[COOKIE]["secure"]


@override_settings(ACCOUNTS={**settings.ACCOUNTS, "SESSION_ABSOLUTE_LIFETIME": timedelta(hours=1)})
def test_the_cookie_lives_as_long_as_its_token(
    api_client: APIClient, user: Any, password: str
) -> None:
    cookie = cookie_login(api_client, password).cookies[COOKIE]
    assert 3500 < int(cookie["max-age"]) <= 3600


def test_refresh_reads_and_rotates_the_cookie(
    api_client: APIClient, user: Any, password: str
) -> None:
    first = cookie_login(api_client, password).cookies[COOKIE].value
    response = api_client.post(REFRESH, {}, format="json", **COOKIE_MODE)
    assert response.status_code == 200
    assert set(response.json()) == {"access"}
    second = response.cookies[COOKIE].value
    assert second and second != first
    api_client.cookies[COOKIE] = first
    with after_reuse_grace():
        replay = api_client.post(REFRESH, {}, format="json", **COOKIE_MODE)
    assert replay.status_code == 401
    assert replay.cookies[COOKIE].value == ""  # the dead cookie is cleared


def test_a_superseded_cookie_gets_409_and_the_browser_keeps_its_newer_cookie(
    api_client: APIClient, user: Any, password: str
) -> None:
    first = cookie_login(api_client, password).cookies[COOKIE].value
    second = api_client.post(REFRESH, {}, format="json", **COOKIE_MODE).cookies[COOKIE].value
    api_client.cookies[COOKIE] = first  # a second tab's request, sent before the rotation
    late = api_client.post(REFRESH, {}, format="json", **COOKIE_MODE)
    assert late.status_code == 409
    assert late.json()["code"] == "refresh_superseded"
    assert COOKIE not in late.cookies
    api_client.cookies[COOKIE] = second  # what the browser holds by now
    assert api_client.post(REFRESH, {}, format="json", **COOKIE_MODE).status_code == 200


def test_cookie_mode_ignores_a_refresh_token_in_the_body(
    api_client: APIClient, user: Any, password: str, tokens: dict[str, Any]
) -> None:
    cookie_login(api_client, password)
    response = api_client.post(REFRESH, {"refresh": "garbage"}, format="json", **COOKIE_MODE)
    assert response.status_code == 200


@pytest.mark.parametrize("body", [[], ["refresh"], "refresh", 7])
def test_cookie_mode_reads_the_cookie_whatever_json_the_body_holds(
    api_client: APIClient, user: Any, password: str, body: Any
) -> None:
    cookie_login(api_client, password)
    response = api_client.post(REFRESH, body, format="json", **COOKIE_MODE)
    assert response.status_code == 200
    assert set(response.json()) == {"access"}


def test_refresh_without_cookie_is_401(api_client: APIClient, db: Any) -> None:
    response = api_client.post(REFRESH, {}, format="json", **COOKIE_MODE)
    assert response.status_code == 401
    assert response.json()["code"] == "refresh_cookie_missing"


def test_cookie_without_the_header_is_refused_as_cross_site(
    api_client: APIClient, user: Any, password: str
) -> None:
    cookie_login(api_client, password)
    for url in (REFRESH, LOGOUT):
        response = api_client.post(url, {}, format="json")
        assert response.status_code == 403
        assert response.json()["code"] == "csrf_failed"


def test_logout_revokes_and_clears_the_cookie(
    api_client: APIClient, user: Any, password: str
) -> None:
    token = cookie_login(api_client, password).cookies[COOKIE].value
    response = api_client.post(LOGOUT, {}, format="json", **COOKIE_MODE)
    assert response.status_code == 204
    cleared = response.cookies[COOKIE]
    assert cleared.value == ""
    assert cleared["path"] == "/api/auth/"
    assert cleared["samesite"] == "Strict"  # The same attributes as when it was set.
    api_client.cookies[COOKIE] = token
    assert api_client.post(REFRESH, {}, format="json", **COOKIE_MODE).status_code == 401


@override_settings(ACCOUNTS={**settings.ACCOUNTS, "REFRESH_COOKIE_DOMAIN": "example.com"})
def test_a_cookie_domain_is_set_and_cleared_alike(
    api_client: APIClient, user: Any, password: str
) -> None:
    assert cookie_login(api_client, password).cookies[COOKIE]["domain"] == "example.com"
    cleared = api_client.post(LOGOUT, {}, format="json", **COOKIE_MODE).cookies[COOKIE]
    assert cleared.value == ""
    assert cleared["domain"] == "example.com"  # Without it, the browser keeps the cookie.


def test_header_mode_stays_the_default(api_client: APIClient, user: Any, password: str) -> None:
    response = api_client.post(LOGIN, {"username": "alice", "password": password}, format="json")
    assert set(response.json()) == {"access", "refresh", "user"}
    assert COOKIE not in response.cookies


def test_cross_site_form_post_with_the_cookie_is_403_before_parsing(
    api_client: APIClient, user: Any, password: str
) -> None:
    cookie_login(api_client, password)
    response = api_client.post(REFRESH, {"refresh": "x"})  # a form, as a cross-site page sends
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"

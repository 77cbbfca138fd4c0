"""A deleted or deactivated user: every token of theirs is refused, never with a 500."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts import services
from tests.helpers import LOGIN

ACCESS_ENDPOINTS = [
    ("get", "/api/auth/me/"),
    ("get", "/api/auth/sessions/"),
    ("post", "/api/auth/logout-all/"),
    ("post", "/api/auth/password/change/"),
    ("get", "/me"),
    ("get", "/api/random-user/"),
    ("get", "/api/random-users/"),
    ("get", "/random-user"),
]


def deactivate(user: Any) -> None:
    user.is_active = False
    user.save()


def delete(user: Any) -> None:
    user.delete()


@pytest.fixture(params=[deactivate, delete], ids=["deactivated", "deleted"])
def gone(request: Any) -> Any:
    return request.param


@pytest.mark.parametrize(("method", "url"), ACCESS_ENDPOINTS)
def test_access_token_is_refused(
    auth_client: APIClient, user: Any, gone: Any, method: str, url: str
) -> None:
    auth_client.get("/api/auth/me/")  # warm the cache: the change must still be seen
    gone(user)
    response = getattr(auth_client, method)(url, {}, format="json")
    assert response.status_code == 401


def test_refresh_is_refused(
    api_client: APIClient, user: Any, tokens: dict[str, Any], gone: Any
) -> None:
    gone(user)
    response = api_client.post("/api/auth/refresh/", {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 401


def test_logout_is_refused_or_harmless(
    api_client: APIClient, user: Any, tokens: dict[str, Any], gone: Any
) -> None:
    gone(user)
    response = api_client.post("/api/auth/logout/", {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code in (204, 401)


def test_verify_is_refused(
    api_client: APIClient, user: Any, tokens: dict[str, Any], gone: Any
) -> None:
    gone(user)
    response = api_client.post("/api/auth/verify/", {"token": tokens["access"]}, format="json")
    assert response.status_code == 401


def test_deactivation_writes_back_nothing_from_an_older_copy(
    auth_client: APIClient, api_client: APIClient, user: Any, password: str
) -> None:
    """A copy read before a password change must not restore the old password."""
    stale = type(user).objects.get(pk=user.pk)
    body = {"old_password": password, "new_password": "a brand new passphrase 42"}
    assert auth_client.post("/api/auth/password/change/", body, format="json").status_code == 200
    services.user_deactivate(user=stale)
    type(user).objects.filter(pk=user.pk).update(is_active=True)
    old = api_client.post(LOGIN, {"username": "alice", "password": password}, format="json")
    assert old.status_code == 401

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import RevokeReason, Session
from tests.helpers import bearer, login, refresh_status

CHANGE = "/api/auth/password/change/"
ME = "/api/auth/me/"
NEW_PASSWORD = "a brand new passphrase 42"


def test_password_change_keeps_the_caller_and_ends_everything_else(
    user: Any, password: str
) -> None:
    mine, other = login(password), login(password)
    response = bearer(mine["access"]).post(
        CHANGE, {"old_password": password, "new_password": NEW_PASSWORD}, format="json"
    )
    assert response.status_code == 200
    fresh = response.json()
    assert set(fresh) == {"access", "refresh"}
    assert bearer(fresh["access"]).get(ME).status_code == 200
    assert refresh_status(fresh["refresh"]) == 200
    assert bearer(mine["access"]).get(ME).status_code == 401
    assert bearer(other["access"]).get(ME).status_code == 401
    assert refresh_status(other["refresh"]) == 401
    assert refresh_status(mine["refresh"]) == 401
    other_session = Session.objects.exclude(revoked_at__isnull=True).get()
    assert other_session.revoke_reason == RevokeReason.PASSWORD_CHANGED
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_wrong_old_password_is_400(auth_client: APIClient, user: Any) -> None:
    response = auth_client.post(
        CHANGE, {"old_password": "wrong", "new_password": NEW_PASSWORD}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "wrong_password"
    assert "old_password" in response.json()["errors"]
    user.refresh_from_db()
    assert not user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize("new_password", ["short", "12345678901", "password123", "alice"])
def test_password_validators_apply(
    auth_client: APIClient, password: str, new_password: str
) -> None:
    response = auth_client.post(
        CHANGE, {"old_password": password, "new_password": new_password}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "new_password" in response.json()["errors"]


def test_password_change_needs_authentication(api_client: APIClient, db: Any) -> None:
    response = api_client.post(CHANGE, {"old_password": "a", "new_password": "b"}, format="json")
    assert response.status_code == 401


def test_password_change_in_cookie_mode_sets_the_cookie(
    user: Any, password: str, tokens: dict[str, Any]
) -> None:
    client = bearer(tokens["access"])
    response = client.post(
        CHANGE,
        {"old_password": password, "new_password": NEW_PASSWORD},
        format="json",
        HTTP_X_TOKEN_TRANSPORT="cookie",
    )
    assert response.status_code == 200
    assert "refresh" not in response.json()
    assert response.cookies["refresh_token"]["httponly"]


def test_admin_password_change_revokes_tokens(user: Any, tokens: dict[str, Any]) -> None:
    user.set_password(NEW_PASSWORD)
    user.save()
    assert bearer(tokens["access"]).get(ME).status_code == 401
    assert refresh_status(tokens["refresh"]) == 401


def test_hash_upgrade_at_login_keeps_tokens_valid(user: Any, password: str) -> None:
    body = login(password)
    user.refresh_from_db()
    version = user.token_version
    login(password)
    user.refresh_from_db()
    assert user.token_version == version
    assert bearer(body["access"]).get(ME).status_code == 200

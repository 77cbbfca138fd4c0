"""One password guard: login, password change and the admin login share limits and lockout."""

from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from rest_framework.test import APIClient

from accounts.hashers import OWASPArgon2idPasswordHasher
from tests.helpers import LOGIN, bearer, login

CHANGE = "/api/auth/password/change/"
ADMIN_LOGIN = "/admin/login/"
NEW_PASSWORD = "a brand new passphrase 42"


@pytest.fixture
def staff(db: Any, password: str) -> Any:
    return get_user_model().objects.create_superuser("alice", "alice@example.com", password)


def change(access: str, old_password: str) -> Any:
    body = {"old_password": old_password, "new_password": NEW_PASSWORD}
    return bearer(access).post(CHANGE, body, format="json")


def admin_login(password: str, username: str = "alice") -> Any:
    client = Client()
    response: Any = client.post(ADMIN_LOGIN, {"username": username, "password": password})
    response.logged_in = "_auth_user_id" in client.session
    return response


def api_login(password: str, username: str = "alice") -> Any:
    body = {"username": username, "password": password}
    return APIClient().post(LOGIN, body, format="json")


def failures(events: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [event for event in events if event["event"] == name]


def test_wrong_old_passwords_lock_the_account(
    user: Any, password: str, limits: Any, events: list[Any]
) -> None:
    """A stolen access token is no password oracle: wrong guesses lock, and are logged."""
    access = login(password)["access"]
    limits(LOCKOUT_FAILURES=3)
    for _ in range(3):
        assert change(access, "a guess").status_code == 400
    response = change(access, password)
    assert response.status_code == 400
    assert response.json()["code"] == "wrong_password"
    assert "old_password" in response.json()["errors"]
    user.refresh_from_db()
    assert not user.check_password(NEW_PASSWORD)
    assert api_login(password).status_code == 401
    logged = failures(events, "password_change_failed")
    assert len(logged) == 4
    assert {event["username"] for event in logged} == {"alice"}


def test_password_change_is_rate_limited_per_ip(user: Any, password: str, limits: Any) -> None:
    access = login(password)["access"]
    limits(LOGIN_RATE_PER_IP="3/min")  # The login counted as one.
    assert change(access, "a guess").status_code == 400
    assert change(access, "another").status_code == 400
    response = change(access, password)
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) >= 1


def test_the_api_lock_holds_on_the_admin_login(
    staff: Any, password: str, limits: Any, events: list[Any]
) -> None:
    limits(LOCKOUT_FAILURES=3)
    for _ in range(3):
        assert api_login("a guess").status_code == 401
    response = admin_login(password)
    assert response.status_code == 200
    assert not response.logged_in
    assert failures(events, "admin_login_failed")[-1]["username"] == "alice"


def test_admin_login_failures_lock_the_api_login(staff: Any, password: str, limits: Any) -> None:
    limits(LOCKOUT_FAILURES=3)
    for _ in range(3):
        assert not admin_login("a guess").logged_in
    assert api_login(password).status_code == 401


def test_admin_login_is_rate_limited(staff: Any, password: str, limits: Any) -> None:
    limits(LOGIN_RATE_PER_IP="2/min")
    admin_login("a guess")
    admin_login("another")
    response = admin_login(password)
    assert not response.logged_in
    assert "Too many login attempts" in response.content.decode()


def test_the_admin_login_still_works(staff: Any, password: str) -> None:
    """Positive control for the admin tests above."""
    response = admin_login(password)
    assert response.status_code == 302
    assert response.logged_in


PRODUCTION_HASHERS = ["accounts.hashers.OWASPArgon2idPasswordHasher"]


def hasher_runs(action: Any) -> int:
    hasher = OWASPArgon2idPasswordHasher
    with (
        mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as encode,
        mock.patch.object(hasher, "verify", autospec=True, side_effect=hasher.verify) as verify,
    ):
        action()
    return encode.call_count + verify.call_count


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_each_path_runs_the_hasher_once(db: Any, password: str, limits: Any) -> None:
    get_user_model().objects.create_superuser("alice", "alice@example.com", password)
    access = login(password)["access"]
    assert hasher_runs(lambda: admin_login("a guess")) == 1
    assert hasher_runs(lambda: admin_login("a guess", username="nobody")) == 1
    assert hasher_runs(lambda: change(access, "a guess")) == 1
    limits(LOCKOUT_FAILURES=1)
    api_login("a guess")
    assert hasher_runs(lambda: admin_login(password)) == 1
    assert hasher_runs(lambda: change(access, password)) == 1

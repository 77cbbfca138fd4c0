import uuid
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from accounts.models import RevokeReason, Session
from tests.helpers import bearer, login

LOGIN = "/api/auth/login/"
REFRESH = "/api/auth/refresh/"
ME = "/api/auth/me/"
SESSIONS = "/api/auth/sessions/"


def test_login_records_the_session(user: Any, password: str) -> None:
    login(password, HTTP_USER_AGENT="Firefox on Linux")
    session = Session.objects.get()
    assert session.user == user
    assert session.user_agent == "Firefox on Linux"
    assert session.ip_address == "127.0.0.1"
    assert session.revoked_at is None


def test_a_long_user_agent_is_cut_to_the_column(user: Any, password: str) -> None:
    """PostgreSQL refuses a longer value (a 500); SQLite would silently keep it."""
    login(password, HTTP_USER_AGENT="x" * 1000)
    assert len(Session.objects.get().user_agent) == Session._meta.get_field("user_agent").max_length


def test_no_raw_token_is_stored(user: Any, password: str) -> None:
    body = login(password)
    stored = [str(value) for value in Session.objects.values().get().values()]
    assert not any(body["refresh"] in value or body["access"] in value for value in stored)


def test_session_list_marks_the_current_one(user: Any, password: str) -> None:
    laptop, phone = (
        login(password, HTTP_USER_AGENT="laptop"),
        login(password, HTTP_USER_AGENT="phone"),
    )
    response = bearer(phone["access"]).get(SESSIONS)
    assert response.status_code == 200
    sessions = {item["user_agent"]: item for item in response.json()}
    assert set(sessions) == {"laptop", "phone"}
    assert sessions["phone"]["current"] is True
    assert sessions["laptop"]["current"] is False
    assert "current_jti" not in sessions["phone"]
    assert laptop["refresh"] not in response.content.decode()


def test_revoking_a_session_ends_it(user: Any, password: str) -> None:
    laptop, phone = (
        login(password, HTTP_USER_AGENT="laptop"),
        login(password, HTTP_USER_AGENT="phone"),
    )
    laptop_id = Session.objects.get(user_agent="laptop").pk
    response = bearer(phone["access"]).delete(f"{SESSIONS}{laptop_id}/")
    assert response.status_code == 204
    assert (
        APIClient().post(REFRESH, {"refresh": laptop["refresh"]}, format="json").status_code == 401
    )
    assert bearer(laptop["access"]).get(ME).status_code == 401
    assert bearer(phone["access"]).get(ME).status_code == 200
    assert Session.objects.get(pk=laptop_id).revoke_reason == RevokeReason.USER_REVOKED


def test_someone_elses_session_is_404(user: Any, password: str) -> None:
    get_user_model().objects.create_user(username="bob", password=password)
    alice, bob = login(password), login(password, username="bob")
    bob_session = Session.objects.get(user__username="bob").pk
    response = bearer(alice["access"]).delete(f"{SESSIONS}{bob_session}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert APIClient().post(REFRESH, {"refresh": bob["refresh"]}, format="json").status_code == 200


@pytest.mark.parametrize("session_id", [str(uuid.uuid4()), "not-a-uuid"])
def test_unknown_session_is_404(auth_client: APIClient, session_id: str) -> None:
    response = auth_client.delete(f"{SESSIONS}{session_id}/")
    assert response.status_code == 404


def test_sessions_need_authentication(api_client: APIClient, db: Any) -> None:
    assert api_client.get(SESSIONS).status_code == 401


def test_logout_all_with_two_devices(user: Any, password: str) -> None:
    laptop, phone = login(password), login(password)
    response = bearer(laptop["access"]).post("/api/auth/logout-all/")
    assert response.status_code == 204
    for device in (laptop, phone):
        assert bearer(device["access"]).get(ME).status_code == 401
        refreshed = APIClient().post(REFRESH, {"refresh": device["refresh"]}, format="json")
        assert refreshed.status_code == 401
    assert set(Session.objects.values_list("revoke_reason", flat=True)) == {"logout_all"}
    assert login(password)["access"]  # logging in again works


def test_logout_all_leaves_other_users_alone(user: Any, password: str) -> None:
    get_user_model().objects.create_user(username="bob", password=password)
    alice, bob = login(password), login(password, username="bob")
    bearer(alice["access"]).post("/api/auth/logout-all")
    assert bearer(bob["access"]).get(ME).status_code == 200


def test_logout_all_needs_authentication(api_client: APIClient, db: Any) -> None:
    assert api_client.post("/api/auth/logout-all/").status_code == 401

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts.models import RevokeReason, Session


@pytest.fixture
def admin_client(db: Any) -> Client:
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "x" * 12)
    client = Client()
    client.force_login(admin)
    return client


def test_user_page_shows_sessions_without_tokens(
    admin_client: Client, user: Any, tokens: dict[str, Any]
) -> None:
    response = admin_client.get(f"/admin/accounts/user/{user.pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "live" in page
    assert tokens["refresh"] not in page
    assert Session.objects.get().current_jti not in page


def test_session_list_and_detail_show_no_token_id(
    admin_client: Client, tokens: dict[str, Any]
) -> None:
    session = Session.objects.get()
    listing = admin_client.get("/admin/accounts/session/")
    detail = admin_client.get(f"/admin/accounts/session/{session.pk}/change/")
    assert listing.status_code == detail.status_code == 200
    for page in (listing.content.decode(), detail.content.decode()):
        assert session.current_jti not in page
        assert tokens["refresh"] not in page


def test_revoke_selected_sessions(admin_client: Client, tokens: dict[str, Any]) -> None:
    session = Session.objects.get()
    response = admin_client.post(
        "/admin/accounts/session/",
        {"action": "revoke_sessions", "_selected_action": [str(session.pk)]},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.revoke_reason == RevokeReason.ADMIN


def test_revoke_every_session_of_selected_users(
    admin_client: Client, user: Any, tokens: dict[str, Any]
) -> None:
    response = admin_client.post(
        "/admin/accounts/user/",
        {"action": "revoke_all_sessions", "_selected_action": [str(user.pk)]},
    )
    assert response.status_code == 302
    assert Session.objects.get().revoke_reason == RevokeReason.LOGOUT_ALL
    client = Client(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert client.get("/api/auth/me/").status_code == 401


def test_admin_cannot_add_sessions(admin_client: Client) -> None:
    assert admin_client.get("/admin/accounts/session/add/").status_code == 403

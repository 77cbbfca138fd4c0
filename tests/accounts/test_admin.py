from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import RevokeReason, Session
from tests.helpers import make_session


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


def test_user_page_lists_live_sessions_and_links_to_all(admin_client: Client, user: Any) -> None:
    now = timezone.now()
    live = make_session(user, user_agent="live-browser")
    make_session(user, user_agent="revoked-browser", revoked_at=now)
    make_session(user, user_agent="expired-browser", expires_at=now - timedelta(seconds=1))
    page = admin_client.get(f"/admin/accounts/user/{user.pk}/change/").content.decode()
    assert "live-browser" in page
    assert "revoked-browser" not in page
    assert "expired-browser" not in page
    assert f'href="/admin/accounts/session/?user__id__exact={user.pk}"' in page
    listing = admin_client.get("/admin/accounts/session/", {"user__id__exact": user.pk})
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 3
    assert str(live.pk) in listing.content.decode()


def test_a_locked_account_shows_until_when(admin_client: Client, user: Any, settings: Any) -> None:
    settings.ACCOUNTS = {**settings.ACCOUNTS, "LOCKOUT_FAILURES": 1, "LOCKOUT_SECONDS": 600}
    page = admin_client.get(f"/admin/accounts/user/{user.pk}/change/").content.decode()
    assert "locked until" not in page
    assert "icon-no.svg" not in page
    wrong = {"username": user.get_username(), "password": "wrong"}
    assert APIClient().post("/api/auth/login/", wrong, format="json").status_code == 401
    ends = timezone.localtime() + timedelta(seconds=600)
    page = admin_client.get(f"/admin/accounts/user/{user.pk}/change/").content.decode()
    listing = admin_client.get("/admin/accounts/user/").content.decode()
    # The lock was set a moment before `ends`: in the same minute or the one before.
    minutes = {f"{ends - timedelta(minutes=1):%H:%M}", f"{ends:%H:%M}"}
    assert any(f"locked until {hhmm}" in page for hhmm in minutes)
    assert any(f"locked until {hhmm}" in listing for hhmm in minutes)
    assert "icon-yes.svg" not in page


def test_token_sessions_are_called_so(admin_client: Client) -> None:
    assert Session._meta.verbose_name_plural == "token sessions"
    assert "Token sessions" in admin_client.get("/admin/").content.decode()

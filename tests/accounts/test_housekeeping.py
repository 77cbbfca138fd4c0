import io
import logging
from datetime import timedelta
from typing import Any

from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Session
from tests.helpers import REFRESH, after_reuse_grace, bearer, login, make_session


def test_clear_command_deletes_only_stale_sessions(user: Any) -> None:
    now = timezone.now()
    live = make_session(user)
    recently_revoked = make_session(user, revoked_at=now - timedelta(days=1))
    make_session(user, expires_at=now - timedelta(seconds=1))
    make_session(user, refresh_expires_at=now - timedelta(seconds=1))
    make_session(user, revoked_at=now - timedelta(days=8))
    out = io.StringIO()
    call_command("clear_token_sessions", stdout=out)
    assert set(Session.objects.values_list("pk", flat=True)) == {live.pk, recently_revoked.pk}
    assert "Deleted 3" in out.getvalue()


def test_every_event_is_signalled_and_logged_without_secrets(
    api_client: APIClient, user: Any, password: str, events: list[Any], caplog: Any
) -> None:
    caplog.set_level(logging.INFO, logger="accounts.security")
    login = "/api/auth/login/"
    api_client.post(login, {"username": "alice", "password": "wrong"}, format="json")
    first = api_client.post(login, {"username": "alice", "password": password}, format="json")
    body = first.json()
    rotated = api_client.post("/api/auth/refresh/", {"refresh": body["refresh"]}, format="json")
    api_client.post("/api/auth/refresh/", {"refresh": body["refresh"]}, format="json")
    with after_reuse_grace():
        api_client.post("/api/auth/refresh/", {"refresh": body["refresh"]}, format="json")
    second = api_client.post(login, {"username": "alice", "password": password}, format="json")
    api_client.post("/api/auth/logout/", {"refresh": second.json()["refresh"]}, format="json")
    third = api_client.post(login, {"username": "alice", "password": password}, format="json")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {third.json()['access']}")
    session_id = Session.objects.filter(revoked_at__isnull=True).first().pk  # type: ignore[union-attr]
    fourth = api_client.post(login, {"username": "alice", "password": password}, format="json")
    fourth_session = Session.objects.latest("created_at").pk
    api_client.delete(f"/api/auth/sessions/{fourth_session}/")
    changed = api_client.post(
        "/api/auth/password/change/",
        {"old_password": password, "new_password": "another long passphrase"},
        format="json",
    )
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {changed.json()['access']}")
    api_client.post("/api/auth/logout-all/")
    names = [event["event"] for event in events]
    assert set(names) == {
        "login_failed",
        "login",
        "refresh",
        "refresh_superseded",
        "reuse_detected",
        "logout",
        "session_revoked",
        "password_changed",
        "logout_all",
    }
    assert session_id
    secrets = [password, body["access"], body["refresh"], rotated.json()["refresh"]]
    secrets += [fourth.json()["refresh"], "another long passphrase"]
    log_text = "\n".join(record.getMessage() for record in caplog.records)
    assert log_text.count("event=") >= len(names)
    assert not any(secret in log_text for secret in secrets)
    assert all("user_id" in event for event in events)


def latest_session_id() -> str:
    return str(Session.objects.latest("created_at").pk)


def test_session_events_name_the_user_the_session_and_the_reason(
    user: Any, password: str, events: list[Any]
) -> None:
    """What an alert needs to act on: whose session, which one, why, from where; once each."""
    reused, reused_id = login(password)["refresh"], latest_session_id()
    APIClient().post(REFRESH, {"refresh": reused}, format="json")
    APIClient().post(REFRESH, {"refresh": reused}, format="json")  # superseded: a late tab
    with after_reuse_grace():
        APIClient().post(REFRESH, {"refresh": reused}, format="json")  # reuse
    login(password)
    revoked_id = latest_session_id()
    logged_out, logged_out_id = login(password), latest_session_id()
    bearer(logged_out["access"]).delete(f"/api/auth/sessions/{revoked_id}/")
    for _ in range(2):
        APIClient().post("/api/auth/logout/", {"refresh": logged_out["refresh"]}, format="json")
    named = [
        (event["event"], event["user_id"], event["session_id"], event.get("reason"))
        + ((event["ip_address"],) if event["event"] == "login" else ())
        for event in events
    ]
    assert named == [
        ("login", user.pk, reused_id, None, "127.0.0.1"),
        ("refresh", user.pk, reused_id, None),
        ("refresh_superseded", user.pk, reused_id, None),
        ("reuse_detected", user.pk, reused_id, None),
        ("login", user.pk, revoked_id, None, "127.0.0.1"),
        ("login", user.pk, logged_out_id, None, "127.0.0.1"),
        ("session_revoked", user.pk, revoked_id, "user_revoked"),
        ("logout", user.pk, logged_out_id, "logout"),
    ]

import io
import logging
from datetime import timedelta
from typing import Any

from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Session
from tests.helpers import after_reuse_grace, make_session


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

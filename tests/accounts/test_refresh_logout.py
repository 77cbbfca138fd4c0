from datetime import timedelta
from typing import Any

import jwt
import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from accounts import services
from accounts.claims import SESSION_CLAIM
from accounts.conf import jwt_settings
from accounts.models import RevokeReason, Session
from accounts.tokens import token_pair_for
from tests.helpers import after_reuse_grace, login

REFRESH = "/api/auth/refresh/"
LOGOUT = "/api/auth/logout/"
ME = "/api/auth/me/"


def refresh(client: APIClient, token: str) -> Any:
    return client.post(REFRESH, {"refresh": token}, format="json")


def test_refresh_rotates_and_refuses_the_old_token(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    first = refresh(api_client, tokens["refresh"])
    assert first.status_code == 200
    assert set(first.json()) == {"access", "refresh"}
    assert first.json()["refresh"] != tokens["refresh"]
    assert first["Cache-Control"] == "no-store"
    with after_reuse_grace():
        replay = refresh(api_client, tokens["refresh"])
    assert replay.status_code == 401
    assert replay.json()["code"] == "refresh_token_reused"


def test_new_access_token_works(api_client: APIClient, tokens: dict[str, Any]) -> None:
    access = refresh(api_client, tokens["refresh"]).json()["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    assert api_client.get(ME).status_code == 200


def test_reuse_revokes_the_whole_session(api_client: APIClient, tokens: dict[str, Any]) -> None:
    rotated = refresh(api_client, tokens["refresh"]).json()["refresh"]
    with after_reuse_grace():
        refresh(api_client, tokens["refresh"])  # replay of the rotated-out token
        response = refresh(api_client, rotated)
    assert response.status_code == 401
    assert response.json()["code"] == "session_revoked"
    session = Session.objects.get()
    assert session.revoke_reason == RevokeReason.REUSE_DETECTED


def test_reuse_leaves_other_sessions_alive(
    api_client: APIClient, user: Any, password: str, tokens: dict[str, Any]
) -> None:
    other = api_client.post(
        "/api/auth/login/", {"username": "alice", "password": password}, format="json"
    ).json()
    refresh(api_client, tokens["refresh"])
    with after_reuse_grace():
        assert refresh(api_client, tokens["refresh"]).status_code == 401
        assert refresh(api_client, other["refresh"]).status_code == 200


def test_reuse_kills_the_access_tokens_of_that_session(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    refresh(api_client, tokens["refresh"])
    with after_reuse_grace():
        refresh(api_client, tokens["refresh"])
        api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
        response = api_client.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == "token_revoked"


@pytest.mark.parametrize("body", [{}, {"refresh": ""}, {"refresh": ["a"]}])
def test_refresh_needs_a_token(api_client: APIClient, db: Any, body: dict[str, Any]) -> None:
    response = api_client.post(REFRESH, body, format="json")
    assert response.status_code == 400
    assert "refresh" in response.json()["errors"]


@pytest.mark.parametrize("token", ["garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.x"])
def test_refresh_refuses_garbage(api_client: APIClient, db: Any, token: str) -> None:
    response = refresh(api_client, token)
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_access_token_is_not_a_refresh_token(api_client: APIClient, tokens: dict[str, Any]) -> None:
    response = refresh(api_client, tokens["access"])
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_logout_refuses_that_refresh_token(api_client: APIClient, tokens: dict[str, Any]) -> None:
    response = api_client.post(LOGOUT, {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 204
    after = refresh(api_client, tokens["refresh"])
    assert after.status_code == 401
    assert after.json()["code"] == "session_revoked"
    assert Session.objects.get().revoke_reason == RevokeReason.LOGOUT


def test_logout_ends_the_sessions_access_tokens(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    api_client.post(LOGOUT, {"refresh": tokens["refresh"]}, format="json")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert api_client.get(ME).status_code == 401


def test_logout_refuses_garbage(api_client: APIClient, db: Any) -> None:
    response = api_client.post(LOGOUT, {"refresh": "nope"}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_logout_without_slash(api_client: APIClient, tokens: dict[str, Any]) -> None:
    response = api_client.post("/api/auth/logout", {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 204


def test_session_ends_at_its_absolute_lifetime_however_often_refreshed(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    token = tokens["refresh"]
    session = Session.objects.get()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(30):
            traveller.shift(86000)  # always within the one-day refresh lifetime
            response = refresh(api_client, token)
            assert response.status_code == 200
            token = response.json()["refresh"]
        assert RefreshToken(token)["exp"] == int(session.expires_at.timestamp())
        traveller.shift(86000)
        response = refresh(api_client, token)
    assert response.status_code == 401


def test_a_session_ends_at_its_expiry_to_the_microsecond(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    moment = timezone.now() + timedelta(hours=1)  # The refresh token is still valid then.
    Session.objects.update(expires_at=moment)
    with time_machine.travel(moment, tick=False):
        response = refresh(api_client, tokens["refresh"])
    assert response.status_code == 401
    assert response.json()["code"] == "session_expired"


def test_both_tokens_are_stamped_with_the_issuing_moment(tokens: dict[str, Any]) -> None:
    """`iat` and `exp` come from the session's `now`, not a later clock."""
    session = Session.objects.get()
    now = timezone.now() - timedelta(minutes=10)
    pair = token_pair_for(session, now=now)
    refresh, access = (
        jwt.decode(token, options={"verify_signature": False})
        for token in (pair.refresh, pair.access)
    )
    assert refresh["iat"] == access["iat"] == int(now.timestamp())
    assert refresh["exp"] == int(session.refresh_expires_at.timestamp())
    assert access["exp"] == int((now + jwt_settings.ACCESS_TOKEN_LIFETIME).timestamp())


def test_a_session_revoked_between_its_check_and_the_rotation_is_not_rotated(
    api_client: APIClient,
    tokens: dict[str, Any],
    password: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A logout that commits while a refresh is in flight wins: the swap sees it.

    It is reuse (401), not a late tab (409), though the user has another live session.
    """
    login(password)  # Another device's session, still live.
    checked = services.session_for_token

    def check_then_revoke(token: Any) -> Session:
        session = checked(token)
        services.session_revoke(session=session, reason=RevokeReason.LOGOUT)
        return session

    monkeypatch.setattr(services, "session_for_token", check_then_revoke)
    response = refresh(api_client, tokens["refresh"])
    assert response.status_code == 401
    assert response.json()["code"] == "refresh_token_reused"
    token = RefreshToken(tokens["refresh"])
    assert Session.objects.get(pk=token[SESSION_CLAIM]).current_jti == token["jti"]


def test_idle_session_ends_when_its_refresh_token_expires(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        response = refresh(api_client, tokens["refresh"])
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_a_refresh_records_when_the_session_was_used_and_its_new_refresh_expiry(
    api_client: APIClient, tokens: dict[str, Any]
) -> None:
    """The session stays listed as live as long as its refresh tokens are."""
    later = timezone.now() + timedelta(hours=20)
    with time_machine.travel(later, tick=False):
        response = refresh(api_client, tokens["refresh"])
        assert response.status_code == 200
        session = Session.objects.get()
        assert session.last_used_at == later
        assert session.refresh_expires_at == later + jwt_settings.REFRESH_TOKEN_LIFETIME
    with time_machine.travel(later + timedelta(hours=5), tick=False):
        # Past the first refresh token's lifetime, within the second's.
        assert list(Session.objects.live()) == [session]


def test_session_revoke_tells_whether_the_session_was_live(tokens: dict[str, Any]) -> None:
    session = Session.objects.get()
    assert services.session_revoke(session=session, reason=RevokeReason.LOGOUT) is True
    assert services.session_revoke(session=session, reason=RevokeReason.LOGOUT) is False


def test_session_start_returns_the_session_it_started(user: Any) -> None:
    pair = services.session_start(user=user, user_agent="curl/8", ip_address="192.0.2.1")
    session = Session.objects.get()
    assert pair.session == session
    assert (session.user_agent, session.ip_address) == ("curl/8", "192.0.2.1")
    claims = jwt.decode(pair.refresh, options={"verify_signature": False})
    assert claims[SESSION_CLAIM] == str(session.pk)

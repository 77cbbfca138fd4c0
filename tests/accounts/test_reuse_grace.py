"""The reuse grace window: a late tab's refresh is a race, not a replay."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts import services
from accounts.conf import accounts_settings
from accounts.exceptions import RefreshTokenReused
from accounts.models import RevokeReason, Session
from tests.helpers import bearer

REFRESH = "/api/auth/refresh/"
ME = "/api/auth/me/"
GRACE = timedelta(seconds=10)


def refresh(token: str) -> Any:
    return APIClient().post(REFRESH, {"refresh": token}, format="json")


def rotate(token: str) -> dict[str, Any]:
    response = refresh(token)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
def frozen_clock() -> Any:
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def first(frozen_clock: Any, tokens: dict[str, Any]) -> dict[str, Any]:
    """The login's tokens, logged in at the frozen moment."""
    return tokens


def test_the_default_window_is_ten_seconds() -> None:
    assert accounts_settings.REFRESH_REUSE_GRACE == GRACE


def test_a_replay_within_the_window_is_409_and_the_session_lives_on(
    first: dict[str, Any], frozen_clock: Any
) -> None:
    second = rotate(first["refresh"])
    session = Session.objects.get()
    frozen_clock.shift(GRACE - timedelta(seconds=1))
    late = refresh(first["refresh"])
    assert late.status_code == 409
    assert late.json() == {"detail": late.json()["detail"], "code": "refresh_superseded"}
    assert Session.objects.get().current_jti == session.current_jti  # nothing issued
    assert Session.objects.get().revoked_at is None
    assert bearer(second["access"]).get(ME).status_code == 200
    assert refresh(second["refresh"]).status_code == 200


def test_a_replay_after_the_window_is_reuse_and_revokes_the_session(
    first: dict[str, Any], frozen_clock: Any
) -> None:
    second = rotate(first["refresh"])
    frozen_clock.shift(GRACE)
    late = refresh(first["refresh"])
    assert late.status_code == 401
    assert late.json()["code"] == "refresh_token_reused"
    assert Session.objects.get().revoke_reason == RevokeReason.REUSE_DETECTED
    assert refresh(second["refresh"]).json()["code"] == "session_revoked"
    assert bearer(second["access"]).get(ME).json()["code"] == "token_revoked"


def test_a_token_two_rotations_old_is_reuse_at_once(first: dict[str, Any]) -> None:
    second = rotate(first["refresh"])
    third = rotate(second["refresh"])
    late = refresh(first["refresh"])
    assert late.status_code == 401
    assert late.json()["code"] == "refresh_token_reused"
    assert refresh(third["refresh"]).json()["code"] == "session_revoked"


def test_a_superseded_token_stays_superseded_until_the_next_rotation(
    first: dict[str, Any],
) -> None:
    second = rotate(first["refresh"])
    assert refresh(first["refresh"]).status_code == 409
    assert refresh(first["refresh"]).status_code == 409
    rotate(second["refresh"])
    assert refresh(second["refresh"]).status_code == 409
    assert refresh(first["refresh"]).json()["code"] == "refresh_token_reused"


@override_settings(ACCOUNTS={**settings.ACCOUNTS, "REFRESH_REUSE_GRACE": timedelta(0)})
def test_a_window_of_zero_turns_the_grace_off(first: dict[str, Any]) -> None:
    second = rotate(first["refresh"])
    assert refresh(first["refresh"]).json()["code"] == "refresh_token_reused"
    assert refresh(second["refresh"]).json()["code"] == "session_revoked"


def test_the_409_is_a_security_event(first: dict[str, Any], events: list[Any]) -> None:
    rotate(first["refresh"])
    events.clear()
    refresh(first["refresh"])
    session = Session.objects.get()
    assert [(event["event"], event["session_id"]) for event in events] == [
        ("refresh_superseded", str(session.pk))
    ]


def test_the_decision_reads_the_database_not_a_stale_session(first: dict[str, Any]) -> None:
    """A rotation after the failed swap makes the late token reuse, whatever was read."""
    second = rotate(first["refresh"])
    stale = Session.objects.get()  # previous_jti is the first token's id here
    rotate(second["refresh"])
    jti = stale.previous_jti
    with pytest.raises(RefreshTokenReused):
        services.session_refuse_old_token(session=stale, jti=jti, now=timezone.now())
    assert Session.objects.get().revoke_reason == RevokeReason.REUSE_DETECTED


def test_the_schema_documents_the_409_of_the_refresh_endpoint(db: Any) -> None:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    responses = schema["paths"]["/api/auth/refresh/"]["post"]["responses"]
    assert responses["409"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }

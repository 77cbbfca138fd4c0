"""Small HTTP helpers shared by the tests (fixtures live in conftest.py)."""

from datetime import timedelta
from typing import Any

import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.conf import accounts_settings
from accounts.models import Session

LOGIN = "/api/auth/login/"
REFRESH = "/api/auth/refresh/"


def login(password: str, username: str = "alice", **headers: str) -> dict[str, Any]:
    """Log in through the API from a fresh client and return the response body."""
    client = APIClient()
    client.credentials(**headers)
    response = client.post(LOGIN, {"username": username, "password": password}, format="json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def bearer(access: str) -> APIClient:
    """Return a client that sends `access` as its Bearer token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def refresh_status(token: str) -> int:
    """Refresh with `token` from a fresh client and return the status code."""
    return int(APIClient().post(REFRESH, {"refresh": token}, format="json").status_code)


def make_session(user: Any, **fields: Any) -> Session:
    """Create a live session of ``user`` directly in the database, ``fields`` overriding."""
    now = timezone.now()
    values = {
        "current_jti": "x",
        "expires_at": now + timedelta(days=30),
        "refresh_expires_at": now + timedelta(days=1),
        **fields,
    }
    return Session.objects.create(user=user, **values)


def after_reuse_grace() -> time_machine.travel:
    """Travel to a second past the grace window of a refresh token rotated out just now."""
    moment = timezone.now() + accounts_settings.REFRESH_REUSE_GRACE + timedelta(seconds=1)
    return time_machine.travel(moment, tick=False)

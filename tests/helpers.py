"""Small HTTP helpers shared by the tests (fixtures live in conftest.py)."""

from typing import Any

from rest_framework.test import APIClient

LOGIN = "/api/auth/login/"
REFRESH = "/api/auth/refresh/"


def login(password: str, username: str = "alice", **headers: str) -> dict[str, Any]:
    """Log in through the API from a fresh client and return the response body."""
    client = APIClient(**headers)
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

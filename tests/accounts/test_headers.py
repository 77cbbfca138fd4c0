"""Response headers: tokens are never cached; the security headers are set."""

from typing import Any

import pytest
from rest_framework.test import APIClient


def test_login_and_refresh_are_not_cacheable(tokens: dict[str, Any]) -> None:
    client = APIClient()
    refreshed = client.post("/api/auth/refresh/", {"refresh": tokens["refresh"]}, format="json")
    assert refreshed.status_code == 200
    assert refreshed["Cache-Control"] == "no-store"


def test_course_login_is_not_cacheable(user: Any, password: str) -> None:
    body = {"username": "alice", "password": password}
    response = APIClient().post("/login", body, format="json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_password_change_is_not_cacheable(auth_client: APIClient, password: str) -> None:
    body = {"old_password": password, "new_password": "a much newer passphrase 42"}
    response = auth_client.post("/api/auth/password/change/", body, format="json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/api/auth/login/", "/api/auth/refresh/", "/api/auth/logout/"])
def test_token_endpoint_errors_are_not_cacheable(db: Any, path: str) -> None:
    response = APIClient().post(path, {}, format="json")
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"


def test_security_headers(db: Any) -> None:
    response = APIClient().get("/api/auth/me/", secure=True)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"

"""Requests that send email are limited per client IP and per address written to."""

from functools import partial
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.accounts.test_registration import PASSWORD

REGISTER = "/api/auth/register/"
ROUTES = [REGISTER, "/api/auth/register/resend-email/", "/api/auth/password/reset/"]


def body_for(path: str, email: str, number: int) -> dict[str, str]:
    """The body of one request to `path` naming `email` (a new username each time)."""
    if path == REGISTER:
        return {"username": f"u{number}", "email": email, "password": PASSWORD}
    return {"email": email}


def assert_throttled(response: Any) -> None:
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) >= 1


@pytest.mark.parametrize("path", ROUTES)
def test_mail_requests_are_limited_per_address(
    db: Any, mailbox: Any, limits: Any, path: str
) -> None:
    limits(MAIL_RATE_PER_ADDRESS="2/hour")
    body = partial(body_for, path)
    for number, address in enumerate(["x@example.com", "X@Example.com"]):
        response = APIClient(REMOTE_ADDR=f"10.0.0.{number}").post(
            path, body(address, number), format="json"
        )
        assert response.status_code in (201, 202)
    assert_throttled(
        APIClient(REMOTE_ADDR="10.0.1.1").post(path, body("x@example.com", 9), format="json")
    )
    other = APIClient(REMOTE_ADDR="10.0.1.1").post(path, body("y@example.com", 8), format="json")
    assert other.status_code in (201, 202)


@pytest.mark.parametrize("path", ROUTES)
def test_mail_requests_are_limited_per_ip(db: Any, mailbox: Any, limits: Any, path: str) -> None:
    limits(MAIL_RATE_PER_IP="2/hour")
    body = partial(body_for, path)
    for number in range(2):
        response = APIClient().post(path, body(f"a{number}@example.com", number), format="json")
        assert response.status_code in (201, 202)
    assert_throttled(APIClient().post(path, body("b@example.com", 5), format="json"))
    elsewhere = APIClient(REMOTE_ADDR="10.9.9.9").post(
        path, body("c@example.com", 6), format="json"
    )
    assert elsewhere.status_code in (201, 202)


def test_email_change_is_limited_per_new_address(
    db: Any, mailbox: Any, limits: Any, auth_client: APIClient, password: str
) -> None:
    limits(MAIL_RATE_PER_ADDRESS="1/hour")
    body = {"new_email": "new@example.com", "password": password}
    assert auth_client.post("/api/auth/email/change/", body, format="json").status_code == 202
    assert_throttled(auth_client.post("/api/auth/email/change/", body, format="json"))

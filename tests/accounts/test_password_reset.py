"""Password reset by email: front-end links, single use, lifetime, every session ends."""

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from rest_framework.test import APIClient

from accounts.emails import wait_for_delivery
from accounts.models import User
from tests.helpers import bearer, login, refresh_status
from tests.mail import link_in, text_of

RESET = "/api/auth/password/reset/"
CONFIRM = "/api/auth/password/reset/confirm/"
NEW_PASSWORD = "an entirely new passphrase"


def ask_reset(email: str = "alice@example.com", path: str = RESET) -> Any:
    return APIClient().post(path, {"email": email}, format="json")


def reset_link(mailbox: Any, email: str = "alice@example.com", count: int = 1) -> dict[str, str]:
    link = urlsplit(link_in(mailbox.wait_for(email, count=count)))
    assert f"{link.scheme}://{link.netloc}{link.path}" == "http://127.0.0.1:4200/reset-password"
    query = parse_qs(link.query)
    return {"uid": query["uid"][0], "token": query["token"][0]}


def confirm(link: dict[str, str], new_password: str = NEW_PASSWORD, path: str = CONFIRM) -> Any:
    return APIClient().post(path, {**link, "new_password": new_password}, format="json")


def test_reset_sets_the_password_and_ends_every_session(
    db: Any, mailbox: Any, user: Any, password: str, events: list[dict[str, Any]]
) -> None:
    first, second = login(password), login(password)
    assert ask_reset().status_code == 202
    assert "1 hour" in text_of(mailbox.wait_for("alice@example.com"))
    response = confirm(reset_link(mailbox))
    assert response.status_code == 200
    assert "password_reset" in [event["event"] for event in events]
    for session in (first, second):
        assert refresh_status(session["refresh"]) == 401
        assert bearer(session["access"]).get("/api/auth/me/").status_code == 401
    assert login(NEW_PASSWORD)["user"]["username"] == "alice"


def test_a_reset_link_works_once(db: Any, mailbox: Any, user: Any) -> None:
    ask_reset()
    link = reset_link(mailbox)
    assert confirm(link).status_code == 200
    again = confirm(link, "yet another fine passphrase")
    assert again.status_code == 400
    assert again.json()["code"] == "reset_token_invalid"


def test_a_reset_link_dies_after_password_reset_timeout(
    db: Any, mailbox: Any, user: Any, settings: Any
) -> None:
    settings.PASSWORD_RESET_TIMEOUT = 600
    with time_machine.travel("2030-01-01 00:00Z", tick=False) as clock:
        ask_reset()
        link = reset_link(mailbox)
        assert "10 minutes" in text_of(mailbox.wait_for("alice@example.com"))
        clock.shift(timedelta(seconds=601))
        response = confirm(link)
    assert response.status_code == 400
    assert response.json()["code"] == "reset_token_invalid"


def test_logging_out_everywhere_ends_a_reset_link(
    db: Any, mailbox: Any, user: Any, auth_client: APIClient
) -> None:
    ask_reset()
    link = reset_link(mailbox)
    assert auth_client.post("/api/auth/logout-all/").status_code == 204
    assert confirm(link).json()["code"] == "reset_token_invalid"


def test_unknown_addresses_get_the_same_answer_and_one_email(
    db: Any, mailbox: Any, user: Any
) -> None:
    known, unknown = ask_reset(), ask_reset("nobody@example.com", path=RESET.rstrip("/"))
    assert (known.status_code, known.content) == (unknown.status_code, unknown.content)
    assert "no account" in text_of(mailbox.wait_for("nobody@example.com"))
    wait_for_delivery()
    assert len(mailbox.messages) == 2


def test_an_unverified_address_gets_the_link_and_using_it_verifies(
    db: Any, mailbox: Any, user: Any
) -> None:
    User.objects.filter(pk=user.pk).update(email_verified=False)
    ask_reset()
    assert confirm(reset_link(mailbox), path=CONFIRM.rstrip("/")).status_code == 200
    assert User.objects.get(pk=user.pk).email_verified


def test_password_validators_run_on_reset(db: Any, mailbox: Any, user: Any) -> None:
    ask_reset()
    response = confirm(reset_link(mailbox), "alice")
    assert response.status_code == 400
    assert response.json()["code"] == "password_invalid"
    assert response.json()["errors"]["new_password"]


@pytest.mark.parametrize(
    ("uid", "token"),
    [("MQ", "garbage-token"), ("not base64!", "x"), ("OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "x")],
)
def test_a_wrong_uid_or_token_is_a_400(db: Any, user: Any, uid: str, token: str) -> None:
    response = confirm({"uid": uid, "token": token})
    assert response.status_code == 400
    assert response.json()["code"] == "reset_token_invalid"


def test_an_inactive_user_gets_no_link(db: Any, mailbox: Any, user: Any) -> None:
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert ask_reset().status_code == 202
    assert "no account" in text_of(mailbox.wait_for("alice@example.com"))

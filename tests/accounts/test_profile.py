"""The profile: names, email change with confirmation, account deletion."""

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from accounts.emails import wait_for_delivery
from accounts.models import User
from tests.helpers import bearer, login, refresh_status
from tests.mail import link_in, text_of

ME = "/api/auth/me/"
CHANGE = "/api/auth/email/change/"
CHANGE_CONFIRM = "/api/auth/email/change/confirm/"


def change_key(mailbox: Any, email: str = "new@example.com") -> str:
    link = urlsplit(link_in(mailbox.wait_for(email)))
    assert f"{link.scheme}://{link.netloc}{link.path}" == "http://127.0.0.1:4200/confirm-email"
    return parse_qs(link.query)["key"][0]


def ask_change(client: APIClient, password: str, email: str = "new@example.com") -> Any:
    return client.post(CHANGE, {"new_email": email, "password": password}, format="json")


def test_names_change_but_not_username_or_email(db: Any, auth_client: APIClient) -> None:
    body = {"first_name": "Al", "last_name": "Ice", "username": "mallory", "email": "m@x.org"}
    response = auth_client.patch(ME, body, format="json")
    assert response.status_code == 200
    assert response.json()["first_name"] == "Al"
    user = User.objects.get()
    assert (user.first_name, user.last_name) == ("Al", "Ice")
    assert (user.username, user.email) == ("alice", "alice@example.com")


def test_a_too_long_name_is_a_400(db: Any, auth_client: APIClient) -> None:
    response = auth_client.patch(ME.rstrip("/"), {"first_name": "x" * 151}, format="json")
    assert response.status_code == 400
    assert "first_name" in response.json()["errors"]


def test_profile_needs_a_token(db: Any) -> None:
    assert APIClient().patch(ME, {"first_name": "x"}, format="json").status_code == 401


def test_email_change_confirmed_ends_other_sessions_only(
    db: Any, mailbox: Any, user: Any, password: str, tokens: dict[str, Any]
) -> None:
    other = login(password)
    caller = bearer(tokens["access"])
    assert ask_change(caller, password).status_code == 202
    message = mailbox.wait_for("new@example.com")
    assert "1 day" in text_of(message)
    response = caller.post(CHANGE_CONFIRM, {"key": change_key(mailbox)}, format="json")
    assert response.status_code == 200
    assert response.json()["user"]["email"] == "new@example.com"
    assert refresh_status(other["refresh"]) == 401
    assert bearer(other["access"]).get(ME).status_code == 401
    assert caller.get(ME).status_code == 200
    assert refresh_status(tokens["refresh"]) == 200


def test_email_change_confirmed_without_a_token_ends_every_session(
    db: Any, mailbox: Any, user: Any, password: str, tokens: dict[str, Any]
) -> None:
    ask_change(bearer(tokens["access"]), password)
    key = change_key(mailbox)
    response = APIClient().post(CHANGE_CONFIRM.rstrip("/"), {"key": key}, format="json")
    assert response.status_code == 200
    assert refresh_status(tokens["refresh"]) == 401
    again = APIClient().post(CHANGE_CONFIRM, {"key": key}, format="json")
    assert again.status_code == 400
    assert again.json()["code"] == "key_used"


def test_an_email_change_key_expires_after_a_day(
    db: Any, mailbox: Any, user: Any, password: str
) -> None:
    with time_machine.travel("2030-01-01 00:00Z", tick=False) as clock:
        ask_change(bearer(login(password)["access"]), password)
        key = change_key(mailbox)
        clock.shift(timedelta(days=1, seconds=1))
        response = APIClient().post(CHANGE_CONFIRM, {"key": key}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "key_expired"


def test_email_change_needs_the_password(db: Any, mailbox: Any, auth_client: APIClient) -> None:
    response = ask_change(auth_client, "wrong password")
    assert response.status_code == 400
    assert response.json()["code"] == "wrong_password"
    assert "password" in response.json()["errors"]
    wait_for_delivery()
    assert mailbox.messages == []


def test_the_current_address_is_no_change(db: Any, auth_client: APIClient, password: str) -> None:
    response = ask_change(auth_client, password, "ALICE@example.com")
    assert response.status_code == 400
    assert response.json()["code"] == "email_unchanged"


def test_a_taken_address_answers_the_same_and_tells_its_owner(
    db: Any, mailbox: Any, auth_client: APIClient, password: str
) -> None:
    get_user_model().objects.create_user("bob", "bob@example.com", "x")
    taken, free = (
        ask_change(auth_client, password, "bob@example.com"),
        ask_change(auth_client, password, "free@example.com"),
    )
    assert (taken.status_code, taken.content) == (free.status_code, free.content)
    assert "already uses" in text_of(mailbox.wait_for("bob@example.com"))


def test_an_address_taken_before_confirmation_is_a_400(
    db: Any, mailbox: Any, auth_client: APIClient, password: str
) -> None:
    ask_change(auth_client, password)
    key = change_key(mailbox)
    get_user_model().objects.create_user("bob", "new@example.com", "x")
    response = APIClient().post(CHANGE_CONFIRM, {"key": key}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "email_taken"


@pytest.mark.parametrize("key", ["garbage", ""])
def test_a_bad_email_change_key_is_a_400(db: Any, key: str) -> None:
    response = APIClient().post(CHANGE_CONFIRM, {"key": key}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] in {"key_invalid", "invalid"}


def test_deleting_the_account_ends_every_token(
    db: Any, user: Any, password: str, tokens: dict[str, Any]
) -> None:
    other = login(password)
    response = bearer(tokens["access"]).delete(ME, {"password": password}, format="json")
    assert response.status_code == 204
    assert not User.objects.filter(username="alice").exists()
    for session in (tokens, other):
        assert bearer(session["access"]).get(ME).status_code == 401
        assert refresh_status(session["refresh"]) == 401


def test_deleting_needs_the_password(db: Any, auth_client: APIClient) -> None:
    response = auth_client.delete(ME.rstrip("/"), {"password": "wrong"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "wrong_password"
    missing = auth_client.delete(ME, {}, format="json")
    assert missing.status_code == 400
    assert missing.json()["code"] == "invalid"
    assert User.objects.filter(username="alice").exists()

"""Sign-up, email verification and resending it, with mail sent over real SMTP."""

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from accounts.emails import wait_for_delivery
from accounts.models import User
from tests.mail import link_in, text_of

REGISTER = "/api/auth/register/"
VERIFY = "/api/auth/register/verify-email/"
RESEND = "/api/auth/register/resend-email/"
LOGIN = "/api/auth/login/"
PASSWORD = "a long and unusual passphrase"


@pytest.fixture
def accounts(settings: Any) -> Any:
    """Override `ACCOUNTS` keys: `accounts(EMAIL_VERIFICATION="optional")`."""

    def apply(**values: Any) -> None:
        settings.ACCOUNTS = {**django_settings.ACCOUNTS, **values}

    return apply


def register(username: str = "bob", email: str = "bob@example.com", **extra: Any) -> Any:
    body = {"username": username, "email": email, "password": PASSWORD, **extra}
    return APIClient().post(REGISTER, body, format="json")


def login(username: str = "bob", password: str = PASSWORD) -> Any:
    body = {"username": username, "password": password}
    return APIClient().post(LOGIN, body, format="json")


def key_of(message: Any) -> str:
    link = urlsplit(link_in(message))
    assert f"{link.scheme}://{link.netloc}" == "http://127.0.0.1:4200"
    assert link.path == "/verify-email"
    return parse_qs(link.query)["key"][0]


def verify(key: str, path: str = VERIFY) -> Any:
    return APIClient().post(path, {"key": key}, format="json")


def test_sign_up_sends_a_front_end_link_and_no_tokens(db: Any, mailbox: Any) -> None:
    response = register()
    assert response.status_code == 201
    assert response.json() == {"user": {"username": "bob", "email": "bob@example.com"}}
    message = mailbox.wait_for("bob@example.com")
    assert "3 days" in text_of(message)
    assert key_of(message)
    assert not User.objects.get(username="bob").email_verified


def test_login_waits_for_verification_then_works(db: Any, mailbox: Any) -> None:
    register()
    refused = login()
    assert refused.status_code == 403
    assert refused.json()["code"] == "email_not_verified"
    assert login(password="wrong password").status_code == 401  # no hint without the password
    response = verify(key_of(mailbox.wait_for("bob@example.com")))
    assert response.status_code == 200
    assert response.json()["user"]["username"] == "bob"
    assert login().status_code == 200


@pytest.mark.parametrize("mode", ["optional", "none"])
def test_without_mandatory_verification_sign_up_logs_in(
    db: Any, mailbox: Any, accounts: Any, mode: str
) -> None:
    accounts(EMAIL_VERIFICATION=mode)
    response = register()
    assert response.status_code == 201
    body = response.json()
    assert {"access", "refresh"} <= set(body)
    assert body["user"]["username"] == "bob"
    me = APIClient(HTTP_AUTHORIZATION=f"Bearer {body['access']}").get("/api/auth/me/")
    assert me.status_code == 200
    wait_for_delivery()
    assert len(mailbox.to("bob@example.com")) == (1 if mode == "optional" else 0)


def test_closed_registration_is_403(db: Any, accounts: Any) -> None:
    accounts(REGISTRATION="closed")
    response = register()
    assert response.status_code == 403
    assert response.json()["code"] == "registration_closed"


def test_taken_address_answers_like_a_new_one_and_tells_its_owner(
    db: Any, mailbox: Any, user: Any
) -> None:
    fresh = register("carol", "carol@example.com")
    taken = register("dave", "ALICE@example.com")
    assert (fresh.status_code, taken.status_code) == (201, 201)
    assert set(fresh.json()["user"]) == set(taken.json()["user"])
    assert not User.objects.filter(username="dave").exists()
    message = mailbox.wait_for("ALICE@example.com")
    assert "already has an" in text_of(message)
    assert urlsplit(link_in(message)).path == "/forgot-password"


@pytest.mark.parametrize("mode", ["optional", "none"])
def test_taken_address_is_a_400_when_the_account_is_usable_at_once(
    db: Any, user: Any, accounts: Any, mode: str
) -> None:
    accounts(EMAIL_VERIFICATION=mode)
    response = register("dave", "alice@EXAMPLE.com")
    assert response.status_code == 400
    assert response.json()["code"] == "email_taken"
    assert "email" in response.json()["errors"]


def test_taken_username_is_a_400_whatever_its_case(db: Any, user: Any) -> None:
    response = register("ALICE", "new@example.com")
    assert response.status_code == 400
    assert response.json()["code"] == "username_taken"
    assert "username" in response.json()["errors"]


def test_a_username_cannot_be_an_address(db: Any) -> None:
    response = register("bob@example.com")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "username" in response.json()["errors"]


@pytest.mark.parametrize("password", ["short", "password123", "12345678901", "bobexample"])
def test_password_validators_answer_under_the_field(db: Any, password: str) -> None:
    response = register(password=password)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "password_invalid"
    assert body["errors"]["password"]
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "body",
    [{}, {"username": "bob", "email": "not an address", "password": PASSWORD}, ["a list"]],
)
def test_malformed_sign_up_is_a_400(db: Any, body: Any) -> None:
    response = APIClient().post(REGISTER, body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_a_key_works_once(db: Any, mailbox: Any) -> None:
    register()
    key = key_of(mailbox.wait_for("bob@example.com"))
    assert verify(key).status_code == 200
    again = verify(key)
    assert again.status_code == 400
    assert again.json()["code"] == "key_used"


def test_a_key_expires_after_three_days(db: Any, mailbox: Any) -> None:
    with time_machine.travel("2030-01-01 00:00Z", tick=False) as clock:
        register()
        key = key_of(mailbox.wait_for("bob@example.com"))
        clock.shift(timedelta(days=3, seconds=1))
        response = verify(key)
    assert response.status_code == 400
    assert response.json()["code"] == "key_expired"
    assert not User.objects.get().email_verified


@pytest.mark.parametrize("key", ["garbage", "a" * 1024])
def test_a_forged_key_is_a_400(db: Any, key: str) -> None:
    response = verify(key, path=VERIFY.rstrip("/"))
    assert response.status_code == 400
    assert response.json()["code"] == "key_invalid"


def test_every_route_answers_without_its_slash(db: Any, mailbox: Any) -> None:
    body = {"username": "bob", "email": "bob@example.com", "password": PASSWORD}
    assert APIClient().post(REGISTER.rstrip("/"), body, format="json").status_code == 201
    resend = APIClient().post(RESEND.rstrip("/"), {"email": "bob@example.com"}, format="json")
    assert resend.status_code == 202


def test_resend_sends_one_email_whatever_the_address(db: Any, mailbox: Any, user: Any) -> None:
    register()
    mailbox.wait_for("bob@example.com")
    answers = [
        APIClient().post(RESEND, {"email": email}, format="json")
        for email in ("bob@example.com", "alice@example.com", "nobody@example.com")
    ]
    assert {response.status_code for response in answers} == {202}
    assert len({response.content for response in answers}) == 1
    new_link = mailbox.wait_for("bob@example.com", count=2)
    assert verify(key_of(new_link)).status_code == 200
    assert "already verified" in text_of(mailbox.wait_for("alice@example.com"))
    assert "no account" in text_of(mailbox.wait_for("nobody@example.com"))


def test_a_changed_address_ends_its_verification_key(db: Any, mailbox: Any) -> None:
    register()
    key = key_of(mailbox.wait_for("bob@example.com"))
    User.objects.filter(username="bob").update(email="other@example.com")
    response = verify(key)
    assert response.status_code == 400
    assert response.json()["code"] == "key_invalid"


def test_a_failing_mail_server_changes_nothing_in_the_answer(
    db: Any, settings: Any, user: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert register().status_code == 201
    assert register("dave", "alice@example.com").status_code == 201

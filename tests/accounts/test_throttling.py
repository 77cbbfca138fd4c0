"""Brute-force limits per IP and per account, their bypass attempts, and the lockout."""

from typing import Any

import pytest
import time_machine
from rest_framework.test import APIClient

LOGIN = "/api/auth/login/"


def attempt(
    username: str = "alice", password: str = "wrong", path: str = LOGIN, **meta: Any
) -> Any:
    body = {"username": username, "password": password}
    return APIClient().post(path, body, format="json", **meta)


def assert_throttled(response: Any) -> None:
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) >= 1


def test_login_is_limited_per_ip(db: Any, limits: Any) -> None:
    limits(LOGIN_RATE_PER_IP="3/min")
    for number in range(3):
        assert attempt(username=f"user{number}").status_code == 401
    assert_throttled(attempt(username="someone-else"))
    assert attempt(REMOTE_ADDR="10.0.0.2").status_code == 401


def test_login_is_limited_per_account_from_any_address(db: Any, limits: Any) -> None:
    limits(LOGIN_RATE_PER_ACCOUNT="2/min")
    assert attempt(REMOTE_ADDR="10.0.0.1").status_code == 401
    assert attempt(REMOTE_ADDR="10.0.0.2").status_code == 401
    assert_throttled(attempt(REMOTE_ADDR="10.0.0.3"))
    assert attempt(username="bob", REMOTE_ADDR="10.0.0.4").status_code == 401


@pytest.mark.parametrize("variant", ["ALICE", " alice", "ａｌｉｃｅ"])
def test_username_spellings_share_the_account_limit(db: Any, limits: Any, variant: str) -> None:
    limits(LOGIN_RATE_PER_ACCOUNT="1/min")
    attempt()
    assert_throttled(attempt(username=variant, REMOTE_ADDR="10.0.0.9"))


def test_a_changing_x_forwarded_for_does_not_reset_the_limit(db: Any, limits: Any) -> None:
    limits(LOGIN_RATE_PER_IP="2/min")
    for number in range(2):
        attempt(username=f"u{number}", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert_throttled(attempt(username="u9", HTTP_X_FORWARDED_FOR="203.0.113.99"))


def test_behind_a_trusted_proxy_the_client_is_the_address_it_appended(db: Any, limits: Any) -> None:
    limits(LOGIN_RATE_PER_IP="2/min", TRUSTED_PROXIES=1)
    for spoofed in ("1.1.1.1", "2.2.2.2"):
        attempt(username=spoofed, HTTP_X_FORWARDED_FOR=f"{spoofed}, 198.51.100.7")
    assert_throttled(attempt(username="x", HTTP_X_FORWARDED_FOR="3.3.3.3, 198.51.100.7"))
    assert attempt(username="y", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 401


@pytest.mark.parametrize("forwarded", ["", "not-an-ip", "1.1.1.1, garbage"])
def test_unusable_x_forwarded_for_falls_back_to_the_peer(
    db: Any, limits: Any, forwarded: str
) -> None:
    limits(LOGIN_RATE_PER_IP="1/min", TRUSTED_PROXIES=1)
    attempt(username="a")
    assert_throttled(attempt(username="b", HTTP_X_FORWARDED_FOR=forwarded))


def test_ipv6_clients_are_counted_per_64(db: Any, limits: Any) -> None:
    limits(LOGIN_RATE_PER_IP="1/min")
    attempt(username="a", REMOTE_ADDR="2001:db8:1:2::1")
    assert_throttled(attempt(username="b", REMOTE_ADDR="2001:db8:1:2:ffff::9"))
    assert attempt(username="c", REMOTE_ADDR="2001:db8:1:3::1").status_code == 401


def test_refresh_is_limited_per_ip(db: Any, limits: Any) -> None:
    limits(REFRESH_RATE_PER_IP="2/min")
    client = APIClient()
    for _ in range(2):
        assert client.post("/api/auth/refresh/", {"refresh": "x"}, format="json").status_code == 401
    assert_throttled(client.post("/api/auth/refresh/", {"refresh": "x"}, format="json"))


def test_the_course_login_is_limited_with_a_plain_text_429(db: Any, limits: Any) -> None:
    limits(LOGIN_RATE_PER_IP="1/min")
    attempt(path="/login")
    response = attempt(path="/login")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/plain")
    assert int(response["Retry-After"]) >= 1


def test_the_limit_ends_with_its_window(db: Any, limits: Any) -> None:
    limits(LOGIN_RATE_PER_IP="1/min")
    with time_machine.travel(0, tick=False) as traveller:
        attempt(username="a")
        assert_throttled(attempt(username="b"))
        traveller.shift(61)
        assert attempt(username="c").status_code == 401


def test_lockout_answers_exactly_like_a_wrong_password(
    user: Any, password: str, limits: Any
) -> None:
    limits(LOCKOUT_FAILURES=3)
    wrong = [attempt() for _ in range(3)]
    locked = attempt(password=password)
    assert locked.status_code == 401
    assert locked.content == wrong[0].content
    assert locked["WWW-Authenticate"] == wrong[0]["WWW-Authenticate"]


def test_lockout_ends_after_its_cool_down(user: Any, password: str, limits: Any) -> None:
    limits(LOCKOUT_FAILURES=2, LOCKOUT_SECONDS=900)
    with time_machine.travel(0, tick=False) as traveller:
        attempt()
        attempt()
        assert attempt(password=password).status_code == 401
        traveller.shift(901)
        assert attempt(password=password).status_code == 200


def test_a_success_resets_the_failures(user: Any, password: str, limits: Any) -> None:
    limits(LOCKOUT_FAILURES=6)  # After the first success the network is known: 3 for it.
    for _ in range(3):
        attempt()
        attempt()
        assert attempt(password=password).status_code == 200


def test_unknown_accounts_lock_too(db: Any, limits: Any, events: list[Any]) -> None:
    """Locking only existing accounts would tell which ones exist."""
    limits(LOCKOUT_FAILURES=2)
    responses = [attempt(username="nobody") for _ in range(3)]
    assert {response.status_code for response in responses} == {401}
    assert [event["event"] for event in events].count("account_locked") == 1


def test_admin_sees_and_clears_the_lock(user: Any, password: str, limits: Any) -> None:
    limits(LOCKOUT_FAILURES=2)
    attempt()
    attempt()
    admin_user = type(user).objects.create_superuser("root", "root@example.com", "pw-root-123")
    admin = APIClient()
    admin.force_login(admin_user)
    changelist = "/admin/accounts/user/"
    assert admin.get(changelist).status_code == 200
    change_page = f"{changelist}{user.pk}/change/"
    assert "locked until" in admin.get(change_page).content.decode()
    response = admin.post(
        changelist, {"action": "unlock_logins", "_selected_action": [user.pk]}, format="multipart"
    )
    assert response.status_code == 302
    assert "locked until" not in admin.get(change_page).content.decode()
    assert attempt(password=password).status_code == 200


@pytest.mark.parametrize("header", ["REMOTE_ADDR", "HTTP_X_FORWARDED_FOR"])
def test_ipv4_mapped_addresses_are_their_ipv4_address(
    db: Any, limits: Any, header: str, events: list[Any]
) -> None:
    """Behind `[::]` every IPv4 client is `::ffff:a.b.c.d`: one /64 would hold them all."""
    limits(LOGIN_RATE_PER_IP="1/min", TRUSTED_PROXIES=1)
    assert attempt(username="a", **{header: "::ffff:198.51.100.1"}).status_code == 401
    assert attempt(username="b", **{header: "::ffff:198.51.100.2"}).status_code == 401
    assert events[-1]["ip_address"] == "198.51.100.2"
    assert_throttled(attempt(username="c", **{header: "198.51.100.2"}))


@pytest.mark.parametrize("username", [12345, 1.5, True, ["alice"], {"a": 1}, None], ids=repr)
def test_a_username_that_is_not_a_string_is_a_400_naming_it(
    db: Any, username: Any, events: list[Any]
) -> None:
    """`12345` used to become `"12345"` after the per-account limit had skipped it."""
    response = attempt(username=username)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert list(response.json()["errors"]) == ["username"]
    # The attempt still leaves a security event.
    assert [event["event"] for event in events] == ["login_failed"]
    assert events[0]["reason"] == "malformed"

"""The lockout cannot be aimed at the owner: known networks and devices keep working.

The attacks: one guesser re-locking the account each time its lock expires; spending the
per-account rate limit; guessing spread over many networks. The policy is in SECURITY.md.
"""

from typing import Any

import pytest
import time_machine
from django.core import signing
from django.test import RequestFactory
from rest_framework.test import APIClient

from accounts.cookies import (
    DEVICE_COOKIE_NAME,
    DEVICE_COOKIE_SALT,
    DEVICE_COOKIE_SECONDS,
    device_of,
)
from accounts.lockout import account_id, account_is_locked, account_locked_until, account_unlock
from tests.helpers import LOGIN

OWNER_HOME = "198.51.100.7"
ATTACKER = "203.0.113.9"


def attempt(password: str, address: str, client: APIClient | None = None) -> int:
    body = {"username": "alice", "password": password}
    response = (client or APIClient()).post(LOGIN, body, format="json", REMOTE_ADDR=address)
    return int(response.status_code)


def locked_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [event for event in events if event["event"] == "account_locked"]


@pytest.mark.parametrize("owner_address", [OWNER_HOME, "192.0.2.50"], ids=["known", "new"])
def test_a_guesser_relocking_the_account_never_locks_out_the_owner(
    user: Any, password: str, limits: Any, events: list[Any], owner_address: str
) -> None:
    """10 wrong passwords each time the lock expires, 4 times (40 requests)."""
    limits(LOCKOUT_FAILURES=10, LOCKOUT_SECONDS=900)
    assert attempt(password, OWNER_HOME) == 200
    with time_machine.travel(0, tick=False) as traveller:
        for _ in range(4):
            assert {attempt("a guess", ATTACKER) for _ in range(10)} == {401}
            assert attempt(password, ATTACKER) == 401
            assert attempt(password, owner_address) == 200
            traveller.shift(901)
    assert [event["scope"] for event in locked_events(events)] == ["network"] * 4
    assert sum(event["event"] == "login_failed" for event in events) == 44


def test_the_account_limit_answers_429_to_unknown_networks_only(
    user: Any, password: str, limits: Any
) -> None:
    limits(LOGIN_RATE_PER_ACCOUNT="3/min")
    assert attempt(password, OWNER_HOME) == 200
    statuses = [attempt("a guess", f"203.0.113.{number}") for number in range(1, 6)]
    assert statuses == [401, 401, 429, 429, 429]
    assert attempt(password, OWNER_HOME) == 200
    assert attempt(password, "192.0.2.50") == 429


def test_guessing_spread_over_networks_is_capped_per_account(
    user: Any, password: str, limits: Any, events: list[Any]
) -> None:
    limits(LOCKOUT_ACCOUNT_FAILURES=5)
    owner = APIClient()
    assert attempt(password, OWNER_HOME, owner) == 200
    for number in range(1, 6):
        assert attempt("a guess", f"203.0.{number}.1") == 401
    assert attempt(password, "203.0.99.1") == 401  # Unknown: locked by the cap.
    assert attempt(password, "198.51.100.200") == 200  # The owner's /24 is known.
    assert attempt(password, "192.0.2.50", owner) == 200  # The owner's device cookie.
    assert locked_events(events)[-1]["scope"] == "unknown_clients"


def test_the_cap_ends_with_the_day(
    user: Any, password: str, limits: Any, events: list[Any]
) -> None:
    limits(LOCKOUT_ACCOUNT_FAILURES=2)
    with time_machine.travel(0, tick=False) as traveller:
        attempt("a guess", "203.0.1.1")
        attempt("a guess", "203.0.2.1")
        assert [event["until"] for event in locked_events(events)] == [86400]
        assert attempt(password, "192.0.2.50") == 401
        traveller.shift(86399)
        assert attempt(password, "192.0.2.50") == 401  # Still locked in the day's last second.
        traveller.shift(1)
        assert attempt(password, "192.0.2.50") == 200


def test_a_known_network_has_a_stricter_counter_of_its_own(
    user: Any, password: str, limits: Any
) -> None:
    limits(LOCKOUT_FAILURES=10)
    owner = APIClient()
    assert attempt(password, OWNER_HOME, owner) == 200
    assert {attempt("a guess", "198.51.100.66") for _ in range(5)} == {401}
    assert attempt(password, "198.51.100.8") == 401  # The known /24 is locked...
    assert attempt(password, OWNER_HOME, owner) == 200  # ...not the owner's device...
    assert attempt(password, "192.0.2.50") == 200  # ...nor other networks.


def test_a_device_cookie_counts_only_for_its_account(user: Any, password: str, limits: Any) -> None:
    type(user).objects.create_user(username="mallory", password="mallory's password")
    limits(LOCKOUT_ACCOUNT_FAILURES=1)
    mallory = APIClient()
    body = {"username": "mallory", "password": "mallory's password"}
    assert mallory.post(LOGIN, body, format="json", REMOTE_ADDR=ATTACKER).status_code == 200
    assert mallory.cookies[DEVICE_COOKIE_NAME]["httponly"]
    attempt("a guess", "203.0.1.1")
    assert attempt(password, "192.0.2.50", mallory) == 401
    forged = APIClient()
    forged.cookies[DEVICE_COOKIE_NAME] = "forged:value"
    assert attempt(password, "192.0.2.51", forged) == 401


def test_an_admin_unlock_lifts_every_lock(user: Any, password: str, limits: Any) -> None:
    limits(LOCKOUT_FAILURES=2, LOCKOUT_ACCOUNT_FAILURES=3)
    for number in range(1, 4):
        attempt("a guess", f"203.0.{number}.1")
    attempt("a guess", "203.0.1.1")
    assert account_is_locked(username="alice")
    account_unlock(username="alice")
    assert not account_is_locked(username="alice")
    assert attempt(password, "203.0.1.1") == 200


def test_a_lock_lasts_its_seconds_whatever_the_cache_default(
    user: Any, password: str, limits: Any
) -> None:
    """Django's cache keeps an entry 300 s unless told otherwise: the lock says 900."""
    limits(LOCKOUT_FAILURES=2, LOCKOUT_SECONDS=900)
    with time_machine.travel(0, tick=False) as traveller:
        assert {attempt("a guess", ATTACKER) for _ in range(2)} == {401}
        traveller.shift(600)
        assert attempt(password, ATTACKER) == 401
        assert account_is_locked(username="alice")  # What the admin shows.
        traveller.shift(299)
        assert account_is_locked(username="alice")
        traveller.shift(1)  # The lock ends at its deadline exactly.
        assert attempt(password, ATTACKER) == 200


def test_the_lock_event_names_the_account_the_scope_and_the_end(
    user: Any, password: str, limits: Any, events: list[Any]
) -> None:
    limits(LOCKOUT_FAILURES=2, LOCKOUT_SECONDS=900)
    owner = APIClient()
    with time_machine.travel(1000, tick=False):
        assert attempt(password, OWNER_HOME, owner) == 200
        assert attempt("a guess", OWNER_HOME, owner) == 401  # A device locks at half: 1.
    (event,) = locked_events(events)
    assert event["account"] == account_id("alice")[:16]
    assert (event["scope"], event["until"]) == ("device", 1900)


def device_id(client: APIClient) -> str:
    _, device = signing.loads(client.cookies[DEVICE_COOKIE_NAME].value, salt=DEVICE_COOKIE_SALT)
    return str(device)


def test_each_browser_is_its_own_device_and_stays_it(user: Any, password: str) -> None:
    """A lock holds for one device: two browsers of the owner never share an id."""
    laptop, phone = APIClient(), APIClient()
    assert attempt(password, OWNER_HOME, laptop) == 200
    assert attempt(password, OWNER_HOME, phone) == 200
    first = device_id(laptop)
    assert first != device_id(phone)
    assert attempt(password, OWNER_HOME, laptop) == 200
    assert device_id(laptop) == first


def test_the_admin_sees_when_the_last_lock_ends_not_the_latest_set(
    user: Any, limits: Any, events: list[Any]
) -> None:
    """A network lock set during the day's lock of unknown clients does not shorten it."""
    limits(LOCKOUT_FAILURES=4, LOCKOUT_ACCOUNT_FAILURES=3, LOGIN_RATE_PER_ACCOUNT=None)
    with time_machine.travel(1_767_614_400, tick=False):  # noon, UTC
        for number in range(1, 4):
            assert attempt("a guess", f"203.0.113.{number}") == 401
        day_end = account_locked_until(username="alice")
        assert day_end == 1_767_614_400 + 12 * 3600
        for _ in range(4):
            assert attempt("a guess", ATTACKER) == 401
        assert [event["scope"] for event in locked_events(events)] == [
            "unknown_clients",
            "network",
        ]
        assert account_locked_until(username="alice") == day_end


def test_a_device_cookie_is_a_device_for_its_lifetime_only(db: Any) -> None:
    """The browser drops it then; a copy kept and replayed later is no device either."""
    account = account_id("alice")
    request = RequestFactory().post(LOGIN)
    with time_machine.travel(0, tick=False) as traveller:
        request.COOKIES[DEVICE_COOKIE_NAME] = signing.dumps(
            [account[:32], "laptop"], salt=DEVICE_COOKIE_SALT
        )
        traveller.shift(DEVICE_COOKIE_SECONDS)
        assert device_of(request, account) == "laptop"
        traveller.shift(1)
        assert device_of(request, account) is None


def test_clients_without_an_address_are_one_network_of_their_own(
    user: Any, password: str, limits: Any, events: list[Any]
) -> None:
    """A server on a Unix socket passes no REMOTE_ADDR: the lockout still holds, no 500."""
    limits(LOCKOUT_FAILURES=2)
    assert {attempt("a guess", "") for _ in range(2)} == {401}
    assert attempt(password, "") == 401
    assert [event["scope"] for event in locked_events(events)] == ["network"]
    assert attempt(password, ATTACKER) == 200


def test_the_device_cookie_is_strict_httponly_secure_and_outlives_the_browser(
    user: Any, password: str
) -> None:
    body = {"username": "alice", "password": password}
    response = APIClient().post(LOGIN, body, format="json", secure=True)
    cookie = response.cookies[DEVICE_COOKIE_NAME]
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (True, True, "Strict")
    assert cookie["max-age"] == DEVICE_COOKIE_SECONDS


def test_any_string_names_an_account(db: Any) -> None:
    """Lone surrogates never reach the lockout through the API (400), but a caller's might."""
    assert account_id("\ud800") != account_id("\udfff")
    assert not account_is_locked(username="\ud800")

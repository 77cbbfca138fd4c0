"""A lockout that stops guessing without letting anyone aim it at the account's owner.

After OWASP's "Slow Down Online Guessing Attacks with Device Cookies" and its Blocking
Brute Force Attacks page: failures lock the *client* that made them, not the account.
A client is a **device** (a browser holding a valid device cookie for the account) or
else a **network** (the client's /24 for IPv4, /64 for IPv6). A client is **known** to
the account when it is one of its devices, or a network it logged in from successfully
in the last 30 days.

1. Failures count per account and client. An unknown client is locked out of the account
   after `LOCKOUT_FAILURES` (10) failures; a known client, which the rule below does not
   stop, after half as many (5: its own, stricter counter). A lock lasts
   `LOCKOUT_SECONDS` (900 s) and holds only for that client.
2. Failures from unknown clients are also summed per account and UTC day: at
   `LOCKOUT_ACCOUNT_FAILURES` (100) every unknown client is locked out of the account
   until the day ends. That caps guessing spread over many networks; known clients
   keep working.
3. A success clears that client's failures, makes its network known for 30 days and
   issues a device cookie (see `accounts.cookies`).

Counters live in Django's cache, shared by every app server; losing them only forgets
failures and known clients (the owner then counts as unknown). Usernames are counted
whether or not such an account exists, and a lock is checked after the hasher ran, so
neither answer nor timing tells whether an account exists or is locked.
"""

import hashlib
import math
import time
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

from accounts import cookies, counters
from accounts.conf import accounts_settings
from accounts.degraded import fails_open, or_fallback
from accounts.network import client_ip, lockout_network
from accounts.signals import emit

# Failures are remembered this long (unless a success resets them), so that a slow
# guesser staying under the rate limits still reaches the lockout.
FAILURE_MEMORY_SECONDS = 86400
KNOWN_CLIENT_SECONDS = 30 * 86400
# While the cache is down no client is locked and no failure is counted.
LOCKOUT_DOWN = "account lockout fails open"
DAY = 86400


def account_id(username: str) -> str:
    """A cache-safe id for a username as typed: NFKC-normalised, case-folded, hashed."""
    normalised = unicodedata.normalize("NFKC", username).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def key(*parts: object) -> str:
    return ":".join([accounts_settings.CACHE_KEY_PREFIX, "lockout", *map(str, parts)])


@dataclass(frozen=True)
class Client:
    """Who makes a password check for an account, as the lockout sees them."""

    account: str  # `account_id()` of the username
    generation: int  # Bumped by `account_unlock()`, which so forgets every counter.
    network: str
    device: str | None  # The device id of a valid device cookie for this account
    known: bool

    @property
    def name(self) -> str:
        return f"device-{self.device}" if self.device else f"network-{self.network}"

    def key(self, *parts: object) -> str:
        return key(self.account, self.generation, *parts)


def client_of(*, request: HttpRequest, username: str) -> Client:
    """Return the client of this request for the account `username`."""
    account = account_id(username)
    address = client_ip(request)
    network = lockout_network(address) if address else "unknown"
    device = cookies.device_of(request, account)
    keys = [key(account, "generation"), key(account, "known", network)]
    found: dict[str, Any] = or_fallback(LOCKOUT_DOWN, {}, lambda: cache.get_many(keys))
    return Client(
        account=account,
        generation=found.get(key(account, "generation"), 0),
        network=network,
        device=device,
        known=device is not None or key(account, "known", network) in found,
    )


@fails_open(LOCKOUT_DOWN, False)
def is_locked(client: Client) -> bool:
    """Tell whether password checks of this client for its account are refused."""
    cap = accounts_settings.LOCKOUT_ACCOUNT_FAILURES
    if not client.known and cap and unknown_failures(client) >= cap:
        return True
    return deadline_ahead(cache.get(client.key("locked", client.name)))


@fails_open(LOCKOUT_DOWN, None)
def record_failure(client: Client) -> None:
    """Count a failure of this client; lock it, or all unknown clients, at the limits."""
    limit = accounts_settings.LOCKOUT_FAILURES
    if not limit:
        return
    if not client.known:
        count_unknown_failure(client)
    failures = counters.hit(client.key("failures", client.name), 1, FAILURE_MEMORY_SECONDS)
    if failures >= (max(1, limit // 2) if client.known else limit):
        seconds = accounts_settings.LOCKOUT_SECONDS
        lock(client, client.key("locked", client.name), time.time() + seconds)
        cache.delete(client.key("failures", client.name))


def record_success(client: Client, request: HttpRequest) -> None:
    """Forget this client's failures, remember its network and give it a device cookie."""
    forget_failures_and_know(client)
    cookies.issue_device_cookie(request, client.account, client.device)


@fails_open(LOCKOUT_DOWN, None)
def forget_failures_and_know(client: Client) -> None:
    cache.delete(client.key("failures", client.name))
    cache.set(key(client.account, "known", client.network), True, KNOWN_CLIENT_SECONDS)


def count_unknown_failure(client: Client) -> None:
    day, seconds_left = counters.fixed_window(DAY)
    failures = counters.hit(client.key("unknown-failures", day), 1, DAY + 60)
    if failures == accounts_settings.LOCKOUT_ACCOUNT_FAILURES:
        lock(client, None, time.time() + seconds_left)


def unknown_failures(client: Client) -> int:
    day, _ = counters.fixed_window(DAY)
    failures = cache.get(client.key("unknown-failures", day))
    return failures if isinstance(failures, int) else 0


def lock(client: Client, lock_key: str | None, until: float) -> None:
    """Lock one client (`lock_key`) or, with None, every unknown client of the account."""
    seconds = max(1, math.ceil(until - time.time()))
    # The deadline is stored too, so a lock ends on time whatever the cache's clock.
    if lock_key is not None:
        cache.set(lock_key, until, seconds)
    locked_key = client.key("any-lock")
    cache.set(locked_key, max(until, cache.get(locked_key) or 0.0), seconds)
    scope = "unknown_clients" if lock_key is None else "device" if client.device else "network"
    emit("account_locked", account=client.account[:16], scope=scope, until=int(until))


def deadline_ahead(deadline: object) -> bool:
    return isinstance(deadline, float) and deadline > time.time()


def generation(account: str) -> int:
    found = cache.get(key(account, "generation"))
    return found if isinstance(found, int) else 0


NOT_LOCKED: float | None = None


@fails_open(LOCKOUT_DOWN, NOT_LOCKED)
def account_locked_until(*, username: str) -> float | None:
    """Return when the last lock of a client out of this account ends (a Unix time), or None
    when no client is locked out (for the admin)."""
    account = account_id(username)
    deadline = cache.get(key(account, generation(account), "any-lock"))
    return deadline if isinstance(deadline, float) and deadline_ahead(deadline) else None


def account_is_locked(*, username: str) -> bool:
    """Tell whether any client is locked out of this account."""
    return account_locked_until(username=username) is not None


@fails_open(LOCKOUT_DOWN, None)
def account_unlock(*, username: str) -> None:
    """Lift every lock of the account and forget its failures (known clients stay)."""
    generation_key = key(account_id(username), "generation")
    cache.add(generation_key, 0, None)
    cache.incr(generation_key)

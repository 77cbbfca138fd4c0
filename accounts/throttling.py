"""Brute-force limits: login per client IP and per account, refresh per client IP, and
requests that send email per client IP and per address.

Each limit is a fixed-window counter in Django's cache. `cache.add()` then
`cache.incr()` is atomic on Redis, so parallel requests on several app servers cannot
slip past the limit together, as they can with DRF's `SimpleRateThrottle` (which reads
a list of timestamps and writes it back). Rates are read from `ACCOUNTS` at each request,
so `override_settings` works.
"""

import math
import time
from collections.abc import Mapping

from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from accounts.conf import accounts_settings
from accounts.lockout import account_id
from accounts.network import client_ip, network_of

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str | None) -> tuple[int, int] | None:
    """Return (requests, seconds) for DRF's `N/period` form; None means no limit."""
    if rate is None:
        return None
    count, _, period = str(rate).partition("/")
    if not count.isdigit() or not period or period[0] not in PERIODS:
        raise ValueError(f"Invalid rate {rate!r}")
    return int(count), PERIODS[period[0]]


class CacheRateThrottle(BaseThrottle):
    """Allow `ACCOUNTS[rate_setting]` requests per window for each identity."""

    scope: str = ""
    rate_setting: str = ""
    wait_seconds: float | None = None

    def identity(self, request: Request) -> str | None:
        """What this limit counts per (None: not limited)."""
        address = client_ip(request)
        return network_of(address) if address else None

    def allow_request(self, request: Request, view: APIView) -> bool:
        limit = parse_rate(getattr(accounts_settings, self.rate_setting))
        identity = self.identity(request)
        if limit is None or identity is None:
            return True
        allowed, period = limit
        now = time.time()
        window = math.floor(now / period)
        key = f"{accounts_settings.CACHE_KEY_PREFIX}:throttle:{self.scope}:{identity}:{window}"
        cache.add(key, 0, period + 1)
        try:
            hits = cache.incr(key)
        except ValueError:  # The window's counter expired between add() and incr().
            hits = 1
            cache.set(key, hits, period + 1)
        self.wait_seconds = (window + 1) * period - now
        return hits <= allowed

    def wait(self) -> float | None:
        return self.wait_seconds


class LoginRateThrottle(CacheRateThrottle):
    """Login attempts per client IP (`LOGIN_RATE_PER_IP`)."""

    scope = "login-ip"
    rate_setting = "LOGIN_RATE_PER_IP"


class LoginAccountRateThrottle(CacheRateThrottle):
    """Login attempts per account, from any address (`LOGIN_RATE_PER_ACCOUNT`).

    Keyed on the normalised username of the request body, whether or not it exists.
    """

    scope = "login-account"
    rate_setting = "LOGIN_RATE_PER_ACCOUNT"

    def identity(self, request: Request) -> str | None:
        data = request.data
        username = data.get("username") if isinstance(data, Mapping) else None
        return account_id(username) if isinstance(username, str) and username else None


class RefreshRateThrottle(CacheRateThrottle):
    """Token refreshes per client IP (`REFRESH_RATE_PER_IP`)."""

    scope = "refresh-ip"
    rate_setting = "REFRESH_RATE_PER_IP"


class MailRateThrottle(CacheRateThrottle):
    """Requests that send an email, per client IP (`MAIL_RATE_PER_IP`)."""

    scope = "mail-ip"
    rate_setting = "MAIL_RATE_PER_IP"


class MailAddressRateThrottle(CacheRateThrottle):
    """Requests that send an email, per address written to (`MAIL_RATE_PER_ADDRESS`).

    Keyed on the normalised address of the body, whether or not an account has it.
    """

    scope = "mail-address"
    rate_setting = "MAIL_RATE_PER_ADDRESS"

    def identity(self, request: Request) -> str | None:
        data = request.data if isinstance(request.data, Mapping) else {}
        address = data.get("email") or data.get("new_email")
        return account_id(address) if isinstance(address, str) else None


LOGIN_THROTTLES = [LoginRateThrottle, LoginAccountRateThrottle]
MAIL_THROTTLES = [MailRateThrottle, MailAddressRateThrottle]

"""Brute-force limits: fixed-window counters for password checks, refreshes and emails.

Each limit is a fixed-window counter (`accounts.counters`), so parallel requests on
several app servers cannot slip past it together. Rates are read from `ACCOUNTS` at each
request, so `override_settings` works.
"""

from collections.abc import Mapping

from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from accounts import counters
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


def rate_limit_wait(*, scope: str, identity: str, rate: str | None) -> float | None:
    """Count one request of `identity` against `rate`; return the seconds to wait if over it."""
    limit = parse_rate(rate)
    if limit is None:
        return None
    allowed, period = limit
    window, seconds_left = counters.fixed_window(period)
    key = f"{accounts_settings.CACHE_KEY_PREFIX}:throttle:{scope}:{identity}:{window}"
    return None if counters.hit(key, 1, period + 1) <= allowed else seconds_left


class CacheRateThrottle(BaseThrottle):
    """Allow `rate()` requests per window for each client network."""

    scope: str = ""
    wait_seconds: float | None = None

    def rate(self) -> str | None:
        """The limit, in DRF's `N/period` form; None: no limit."""
        return None

    def allow_request(self, request: Request, view: APIView) -> bool:
        address = client_ip(request)
        if address is None:
            return True
        self.wait_seconds = rate_limit_wait(
            scope=self.scope,
            identity=network_of(address),
            rate=self.rate(),
        )
        return self.wait_seconds is None

    def wait(self) -> float | None:
        return self.wait_seconds


class RefreshRateThrottle(CacheRateThrottle):
    """Token refreshes per client IP (`REFRESH_RATE_PER_IP`)."""

    scope = "refresh-ip"

    def rate(self) -> str | None:
        return accounts_settings.REFRESH_RATE_PER_IP


class MailRateThrottle(CacheRateThrottle):
    """Requests that send an email, per client IP (`MAIL_RATE_PER_IP`)."""

    scope = "mail-ip"

    def rate(self) -> str | None:
        return accounts_settings.MAIL_RATE_PER_IP


class MailAddressRateThrottle(BaseThrottle):
    """Requests that send an email, per address written to (`MAIL_RATE_PER_ADDRESS`).

    Keyed on the normalised address of the body, whether or not an account has it.
    """

    wait_seconds: float | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        data = request.data if isinstance(request.data, Mapping) else {}
        address = data.get("email") or data.get("new_email")
        if not isinstance(address, str):
            return True
        self.wait_seconds = rate_limit_wait(
            scope="mail-address",
            identity=account_id(address),
            rate=accounts_settings.MAIL_RATE_PER_ADDRESS,
        )
        return self.wait_seconds is None

    def wait(self) -> float | None:
        return self.wait_seconds


MAIL_THROTTLES = [MailRateThrottle, MailAddressRateThrottle]

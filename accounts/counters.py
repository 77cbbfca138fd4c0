"""Counters in Django's cache: the rate limits, the account lockout and quotas count here.

`cache.add()` then `cache.incr()` is atomic on Redis, so parallel requests on several app
servers cannot slip past a limit together, as they can with DRF's `SimpleRateThrottle`
(which reads a list of timestamps and writes it back). Losing a counter (a flush, a
restart) only forgets past hits; an unreachable cache counts nothing (`accounts.degraded`).
"""

import math
import time

from django.core.cache import cache

from accounts.degraded import or_fallback


def hit(key: str, amount: int, timeout: int) -> int:
    """Add `amount` to the counter `key` and return its new value.

    A missing counter starts at 0 and lives `timeout` seconds from its first hit; later
    hits do not extend it. A negative `amount` gives hits back. While the cache is down
    the count is 0: limits and quotas fail open, and the outage is logged.
    """
    return or_fallback("limits and quotas fail open", 0, lambda: count(key, amount, timeout))


def count(key: str, amount: int, timeout: int) -> int:
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key, amount)
    except ValueError:  # The counter expired between add() and incr().
        cache.set(key, amount, timeout)
        return amount


def fixed_window(period: int) -> tuple[int, float]:
    """Return the number of the `period`-second window we are in, and the seconds it has left."""
    now = time.time()
    window = math.floor(now / period)
    return window, (window + 1) * period - now

"""Running on when the cache is unreachable: which errors mean that, and saying so in the log.

A cache outage (Redis stopped, hung or unreachable) must never fail a request: callers
catch `CACHE_ERRORS`, fall back to the database or fail open, and call `report_outage`,
which logs an error at most once a minute per process and per kind of fallback.
"""

import logging
import time

try:
    from redis.exceptions import RedisError
except ImportError:  # Another cache backend: only socket errors can mean an outage.
    CACHE_ERRORS: tuple[type[Exception], ...] = (OSError,)
else:
    CACHE_ERRORS = (OSError, RedisError)

logger = logging.getLogger("accounts.cache")

REPORT_INTERVAL_SECONDS = 60.0

_last_reported: dict[str, float] = {}


def report_outage(fallback: str, error: Exception) -> None:
    """Log that the cache failed and what was done instead, at most once a minute each."""
    now = time.monotonic()
    if now - _last_reported.get(fallback, -REPORT_INTERVAL_SECONDS) < REPORT_INTERVAL_SECONDS:
        return
    _last_reported[fallback] = now
    logger.error("cache unavailable (%s): %s", fallback, error.__class__.__name__, exc_info=error)

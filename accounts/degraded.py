"""Running on when the cache is unreachable: which errors mean that, and what to do then.

A cache outage (Redis stopped, hung or unreachable) must never fail a request. Callers
catch `CACHE_ERRORS` and fall back: authentication reads the database, limits and quotas
fail open. `report_outage` logs an error at most once a minute per kind of fallback and
opens a breaker: for `BREAKER_SECONDS` this process stops asking the cache, so a hung
cache costs one socket timeout per process and breaker period, not one per call.
"""

import functools
import logging
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

try:
    from redis.exceptions import RedisError
except ImportError:  # Another cache backend: only socket errors can mean an outage.
    CACHE_ERRORS: tuple[type[Exception], ...] = (OSError,)
else:
    CACHE_ERRORS = (OSError, RedisError)

logger = logging.getLogger("accounts.cache")

REPORT_INTERVAL_SECONDS = 60.0
BREAKER_SECONDS = 2.0

T = TypeVar("T")
P = ParamSpec("P")

_last_reported: dict[str, float] = {}
_breaker = {"open_until": 0.0}


def cache_is_down() -> bool:
    """Whether the cache failed less than `BREAKER_SECONDS` ago in this process."""
    return time.monotonic() < _breaker["open_until"]


def report_outage(fallback: str, error: Exception) -> None:
    """Open the breaker; log the failure and the fallback, at most once a minute each."""
    now = time.monotonic()
    _breaker["open_until"] = now + BREAKER_SECONDS
    if now - _last_reported.get(fallback, -REPORT_INTERVAL_SECONDS) < REPORT_INTERVAL_SECONDS:
        return
    _last_reported[fallback] = now
    logger.error("cache unavailable (%s): %s", fallback, error.__class__.__name__, exc_info=error)


def or_fallback(fallback: str, default: T, call: Callable[[], T]) -> T:
    """Return `call()`, or `default` when the cache is down or fails now."""
    if cache_is_down():
        return default
    try:
        return call()
    except CACHE_ERRORS as error:
        report_outage(fallback, error)
        return default


def fails_open(fallback: str, default: T) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Decorate a function of the cache to answer `default` while the cache is down."""

    def decorate(function: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            return or_fallback(fallback, default, lambda: function(*args, **kwargs))

        return wrapper

    return decorate

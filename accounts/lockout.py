"""Account lockout: after repeated failed logins an account is refused for a while.

Counters live in Django's cache, shared by every app server. A locked account answers
exactly like a wrong password, and the password hasher still runs, so neither the
response nor its timing tells whether the account exists or is locked. Usernames are
counted whether or not such an account exists, for the same reason.
"""

import hashlib
import time
import unicodedata

from django.core.cache import cache
from django.http import HttpRequest

from accounts import counters
from accounts.conf import accounts_settings
from accounts.signals import emit

# Failures are remembered this long (unless a successful login resets them), so that a
# slow guesser staying under the rate limits still reaches the lockout.
FAILURE_MEMORY_SECONDS = 86400


def account_id(username: str) -> str:
    """A cache-safe id for a username as typed: NFKC-normalised, case-folded, hashed."""
    normalised = unicodedata.normalize("NFKC", username).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def failures_key(username: str) -> str:
    return f"{accounts_settings.CACHE_KEY_PREFIX}:login-failures:{account_id(username)}"


def lock_key(username: str) -> str:
    return f"{accounts_settings.CACHE_KEY_PREFIX}:login-locked:{account_id(username)}"


def account_is_locked(*, username: str) -> bool:
    locked_until = cache.get(lock_key(username))
    return isinstance(locked_until, float) and locked_until > time.time()


def account_record_failure(*, username: str) -> None:
    """Count a failed login; lock the account when the failures reach the limit."""
    limit = accounts_settings.LOCKOUT_FAILURES
    if not limit:
        return
    key = failures_key(username)
    if counters.hit(key, 1, FAILURE_MEMORY_SECONDS) >= limit:
        seconds = accounts_settings.LOCKOUT_SECONDS
        # The deadline is stored too, so the lock ends on time whatever the cache's clock.
        cache.set(lock_key(username), time.time() + seconds, seconds)
        cache.delete(key)
        emit("account_locked", account=account_id(username)[:16])


def account_unlock(*, username: str) -> None:
    cache.delete_many([lock_key(username), failures_key(username)])


def is_locked(*, request: HttpRequest, username: str) -> bool:
    """Tell whether password checks for `username` from this client are refused."""
    return account_is_locked(username=username)


def record_failure(*, request: HttpRequest, username: str) -> None:
    account_record_failure(username=username)


def record_success(*, request: HttpRequest, username: str) -> None:
    cache.delete(failures_key(username))

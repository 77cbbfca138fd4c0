"""The per-request authentication state, served from the cache.

Checking that a token is still valid must not cost a database query per request: the
user (with `is_active` and `token_version`) is cached and dropped whenever it is saved
or deleted, and revoked sessions are marked until their access tokens have expired.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache

from accounts.conf import accounts_settings, jwt_settings


def user_cache_key(user_id: Any) -> str:
    return f"{accounts_settings.CACHE_KEY_PREFIX}:user:{user_id}"


def revoked_session_cache_key(session_id: Any) -> str:
    return f"{accounts_settings.CACHE_KEY_PREFIX}:revoked-session:{session_id}"


def load_auth_state(user_id: Any, session_id: Any) -> tuple[AbstractBaseUser | None, bool]:
    """Return the user (None if gone) and whether the session was revoked."""
    user_key, session_key = user_cache_key(user_id), revoked_session_cache_key(session_id)
    found = cache.get_many([user_key, session_key])
    user = found.get(user_key)
    if user is None:
        user = fetch_user(user_id)
        if user is not None:
            cache.set(user_key, user, accounts_settings.USER_CACHE_TIMEOUT)
    return user, session_key in found


def fetch_user(user_id: Any) -> AbstractBaseUser | None:
    user_model = get_user_model()
    try:
        return user_model._default_manager.get(**{jwt_settings().USER_ID_FIELD: user_id})
    except (user_model.DoesNotExist, ValueError, TypeError):
        return None


def forget_user(user_id: Any) -> None:
    cache.delete(user_cache_key(user_id))


def mark_sessions_revoked(session_ids: list[Any]) -> None:
    """Refuse the access tokens of these sessions until they would have expired anyway."""
    timeout = int(jwt_settings().ACCESS_TOKEN_LIFETIME.total_seconds()) + 60
    cache.set_many({revoked_session_cache_key(sid): True for sid in session_ids}, timeout)

"""Each user's authentication state: decided by the database, accelerated by the cache.

Checking an access token costs no query when the cache holds the user's `AuthState`: the
token version, whether the user is active, the ids of the sessions revoked within the last
access-token lifetime, and the user's row (without the password). The contract:

1. The database decides. A cache miss, a stale mark, a format it does not know or an
   unreachable cache rebuild the whole state from the database at once, so losing the
   cache (flush, restart, eviction, another process) costs time, never correctness.
2. Every change that revokes tokens calls `user_changed()` inside its transaction: it
   marks the entry stale at once and again after commit (`transaction.on_commit`). A stale
   mark lasts `STALE_SECONDS`, and readers store states with `cache.add`, which never
   replaces a mark: a request that read the old row just before the commit cannot store it.
   A reader that finds an outdated state (older epoch or format) puts a stale mark in its
   place rather than deleting it, which could delete a newer mark too.
3. A cache outage never fails a request: states come from the database instead. An
   invalidation that could not reach the cache is made up for as soon as it answers again
   by moving the epoch, which retires every stored state at once.
4. Saving or deleting a user through the ORM (`save()`, `delete()`, the admin, a queryset's
   `delete()`) calls `user_changed()` through signals. `QuerySet.update()` and raw SQL
   send no signal: call `user_changed()` for each user they touch.
"""

import functools
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.db import router, transaction
from django.db.models import Model
from django.utils import timezone

from accounts.conf import accounts_settings, jwt_settings
from accounts.degraded import CACHE_ERRORS, cache_is_down, or_fallback, report_outage

#: Seconds a stale mark keeps readers from storing a state: longer than any request.
STALE_SECONDS = 10
STALE = "stale"
#: Stored states start with this tag; anything else is rebuilt.
FORMAT = "auth-state-1"
#: Fields left out of the cached row: the hash is no one's business, `last_login`
#: changes at every login without touching authentication, and `date_joined`, which no
#: view reads, would cost each request more to unpickle than the rest of the state.
UNCACHED_FIELDS = frozenset({"password", "last_login", "date_joined"})

_pending = {"epoch_move": False}


class AuthState(NamedTuple):
    """What authentication needs to know about one user, as the database last said."""

    exists: bool
    is_active: bool
    token_version: int | None
    revoked_sessions: frozenset[str]
    row: tuple[Any, ...]

    def user(self) -> AbstractBaseUser:
        """Return the user built from the cached row; uncached fields load on first use."""
        model = get_user_model()
        return model.from_db(router.db_for_read(model), cached_field_names(), self.row)

    @property
    def pk(self) -> Any:
        """The user's primary key, read from the cached row."""
        return self.row[pk_position_of(get_user_model())]


GONE = AuthState(False, False, None, frozenset(), ())


def cached_field_names() -> tuple[str, ...]:
    return field_names_of(get_user_model())


@functools.cache
def field_names_of(model: type[Model]) -> tuple[str, ...]:
    """The user model's cached columns, worked out once per model."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if field.attname not in UNCACHED_FIELDS
    )


@functools.cache
def pk_position_of(model: type[Model]) -> int:
    return field_names_of(model).index(model._meta.pk.attname)


def state_key(user_id: Any) -> str:
    return f"{accounts_settings.CACHE_KEY_PREFIX}:auth:{user_id}"


def epoch_key() -> str:
    return f"{accounts_settings.CACHE_KEY_PREFIX}:auth-epoch"


def auth_state(user_id: Any) -> AuthState:
    """Return the user's state from the cache, or rebuilt from the database."""
    key = state_key(user_id)
    if cache_is_down():
        return state_from_database(user_id)
    try:
        move_epoch_if_pending()
        found = cache.get_many([key, epoch_key()])
    except CACHE_ERRORS as error:
        report_outage("authentication reads the database", error)
        return state_from_database(user_id)
    stored, epoch = found.get(key), found.get(epoch_key())
    if isinstance(stored, tuple) and stored[:2] == (FORMAT, epoch):
        return AuthState(*stored[2:])
    state = state_from_database(user_id)
    if stored != STALE and not _pending["epoch_move"]:
        store(key, stored, (FORMAT, epoch, *state))
    return state


def store(key: str, stored: Any, value: tuple[Any, ...]) -> None:
    """Add the state unless a stale mark holds the key; mark an outdated state stale.

    An outdated state (an older epoch or format) is never deleted to make room: a stale
    mark set since it was read would go with it, and a state read before that mark's
    commit could then be stored. A stale mark in its place is always safe; the first
    reader after it lapses stores the state.
    """

    def add() -> None:
        if stored is None:
            cache.add(key, value, accounts_settings.USER_CACHE_TIMEOUT)
        else:
            cache.set(key, STALE, STALE_SECONDS)

    or_fallback("authentication state not cached", None, add)


def state_from_database(user_id: Any) -> AuthState:
    """Read the user's row and recently revoked sessions: the whole state, at once."""
    model = get_user_model()
    try:
        rows = model._default_manager.filter(**{jwt_settings.USER_ID_FIELD: user_id})
        row = rows.values_list(*cached_field_names()).first()
    except (ValueError, TypeError):  # An id of the wrong type names no user.
        row = None
    if row is None:
        return GONE
    user = model.from_db(router.db_for_read(model), cached_field_names(), row)
    return AuthState(
        exists=True,
        is_active=bool(getattr(user, "is_active", True)),
        token_version=getattr(user, "token_version", None),
        revoked_sessions=recently_revoked_sessions(user.pk),
        row=tuple(row),
    )


def recently_revoked_sessions(user_pk: Any) -> frozenset[str]:
    """Ids of the user's sessions whose access tokens may not have expired yet."""
    from accounts.models import Session

    lifetime = jwt_settings.ACCESS_TOKEN_LIFETIME
    since = timezone.now() - lifetime - jwt_settings.LEEWAY - timedelta(seconds=STALE_SECONDS)
    revoked = Session.objects.filter(user_id=user_pk, revoked_at__gte=since)
    return frozenset(str(pk) for pk in revoked.values_list("pk", flat=True))


def user_changed(user_id: Any) -> None:
    """Mark the user's state stale now and after the current transaction commits."""
    users_changed([user_id])


def users_changed(user_ids: Iterable[Any]) -> None:
    keys = {state_key(user_id) for user_id in user_ids}
    if keys:
        mark_stale(keys)
        transaction.on_commit(lambda: mark_stale(keys))


def mark_stale(keys: set[str]) -> None:
    if not cache_is_down():
        try:
            cache.set_many(dict.fromkeys(keys, STALE), STALE_SECONDS)
            return
        except CACHE_ERRORS as error:
            report_outage("invalidation postponed", error)
    # The stored states may be wrong now: retire them all once the cache answers.
    _pending["epoch_move"] = True


def move_epoch_if_pending() -> None:
    """Retire every stored state after an invalidation failed (raises `CACHE_ERRORS`)."""
    if _pending["epoch_move"]:
        cache.set(epoch_key(), uuid.uuid4().hex, None)
        _pending["epoch_move"] = False

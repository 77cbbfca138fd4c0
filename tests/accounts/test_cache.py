"""The cache only accelerates: `accounts/cache.py`'s contract, rule by rule."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts import cache as auth_cache
from accounts import services
from accounts.cache import (
    FORMAT,
    STALE,
    AuthState,
    auth_state,
    epoch_key,
    state_from_database,
    state_key,
    store,
)
from accounts.models import RevokeReason, Session
from tests.conftest import close_breaker_only
from tests.helpers import bearer, login, refresh_status

ME = "/api/auth/me/"


def log_out(tokens: dict[str, Any], user: Any, password: str) -> None:
    APIClient().post("/api/auth/logout/", {"refresh": tokens["refresh"]}, format="json")


def log_out_everywhere(tokens: dict[str, Any], user: Any, password: str) -> None:
    bearer(tokens["access"]).post("/api/auth/logout-all/")


def revoke_the_session(tokens: dict[str, Any], user: Any, password: str) -> None:
    session = Session.objects.get(user=user)
    other = bearer(login(password)["access"])
    assert other.delete(f"/api/auth/sessions/{session.pk}/").status_code == 204


def change_the_password_elsewhere(tokens: dict[str, Any], user: Any, password: str) -> None:
    other = bearer(login(password)["access"])
    body = {"old_password": password, "new_password": "a brand new passphrase 42"}
    assert other.post("/api/auth/password/change/", body, format="json").status_code == 200


def deactivate(tokens: dict[str, Any], user: Any, password: str) -> None:
    services.user_deactivate(user=user)


def delete(tokens: dict[str, Any], user: Any, password: str) -> None:
    get_user_model().objects.filter(pk=user.pk).delete()


REVOCATIONS = [
    log_out,
    log_out_everywhere,
    revoke_the_session,
    change_the_password_elsewhere,
    deactivate,
    delete,
]


@pytest.mark.parametrize("revoke", REVOCATIONS)
def test_a_flushed_cache_never_revives_a_revoked_token(
    tokens: dict[str, Any], user: Any, password: str, revoke: Callable[..., None]
) -> None:
    client = bearer(tokens["access"])
    assert client.get(ME).status_code == 200  # the state is cached
    revoke(tokens, user, password)
    assert client.get(ME).status_code == 401
    cache.clear()  # as after a Redis restart, an eviction or on another process
    assert client.get(ME).status_code == 401


def test_a_revoked_session_of_several_stays_revoked_after_a_flush(user: Any, password: str) -> None:
    kept, revoked = login(password), login(password)
    APIClient().post("/api/auth/logout/", {"refresh": revoked["refresh"]}, format="json")
    cache.clear()
    assert bearer(revoked["access"]).get(ME).status_code == 401
    assert bearer(kept["access"]).get(ME).status_code == 200


def test_the_cached_state_is_compact_and_holds_no_password(
    auth_client: APIClient, user: Any
) -> None:
    auth_client.get(ME)
    stored = cache.get(state_key(user.pk))
    assert isinstance(stored, tuple)
    assert user.password not in repr(stored)


def test_a_state_read_before_a_commit_is_never_cached(
    transactional_db: Any, user: Any, password: str
) -> None:
    tokens = login(password)
    seen: list[bool] = []
    with transaction.atomic():
        services.user_deactivate(user=user)
        # Another request, on its own connection, still sees the committed (active) row.
        reader = threading.Thread(target=auth_state_on_own_connection, args=(user.pk, seen))
        reader.start()
        reader.join()
    assert seen == [True]
    assert bearer(tokens["access"]).get(ME).status_code == 401


def auth_state_on_own_connection(user_id: Any, seen: list[bool]) -> None:
    try:
        seen.append(auth_state(user_id).is_active)
    finally:
        connection.close()


def test_deactivation_revokes_every_session_and_reactivation_revives_none(
    user: Any, password: str, tokens: dict[str, Any]
) -> None:
    user.is_active = False
    user.save()
    assert set(Session.objects.values_list("revoke_reason", flat=True)) == {
        RevokeReason.DEACTIVATED
    }
    user.is_active = True
    user.save()
    assert refresh_status(tokens["refresh"]) == 401
    assert bearer(tokens["access"]).get(ME).status_code == 401
    assert bearer(login(password)["access"]).get(ME).status_code == 200


def test_deactivation_in_the_admin_revokes_and_reactivation_revives_none(
    user: Any, tokens: dict[str, Any], client: Any
) -> None:
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "x" * 12)
    client.force_login(admin)
    url = f"/admin/accounts/user/{user.pk}/change/"
    for active in (False, True):
        form = client.get(url).context["adminform"].form
        data = {name: form[name].value() for name in form.fields if name != "password"}
        data = {key: value for key, value in data.items() if value not in (None, False)}
        data.pop("is_active", None)
        data.update(date_joined_0=user.date_joined.date(), date_joined_1="00:00:00")
        data.update({"token_sessions-TOTAL_FORMS": 0, "token_sessions-INITIAL_FORMS": 0})
        if active:
            data["is_active"] = "on"
        assert client.post(url, data).status_code == 302
        user.refresh_from_db()
        assert user.is_active is active
    assert refresh_status(tokens["refresh"]) == 401
    assert bearer(tokens["access"]).get(ME).status_code == 401


def test_a_state_read_before_the_commit_cannot_be_stored_after_it(
    transactional_db: Any, user: Any, password: str
) -> None:
    tokens = login(password)
    read_before: list[AuthState] = []
    with transaction.atomic():
        services.user_deactivate(user=user)
        reader = threading.Thread(target=read_state, args=(user.pk, read_before))
        reader.start()
        reader.join()
    stale = read_before[0]
    assert stale.is_active
    store(state_key(user.pk), None, (FORMAT, None, *stale))
    assert bearer(tokens["access"]).get(ME).status_code == 401


def read_state(user_id: Any, states: list[AuthState]) -> None:
    try:
        states.append(state_from_database(user_id))
    finally:
        connection.close()


def test_a_cache_hit_costs_no_query_and_a_miss_one_read_of_each_table(
    auth_client: APIClient, user: Any
) -> None:
    with CaptureQueriesContext(connection) as queries:
        assert auth_client.get(ME).status_code == 200
    assert len(queries) == 2  # the user's row, their recently revoked sessions
    with CaptureQueriesContext(connection) as queries:
        assert auth_client.get(ME).status_code == 200
    assert len(queries) == 0


def test_an_unknown_user_id_is_a_gone_state(db: Any) -> None:
    assert not auth_state(10**9).exists
    assert not auth_state("not-a-number").exists


def test_a_change_marks_the_state_stale_again_after_commit(
    user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        services.user_deactivate(user=user)
    cache.delete(state_key(user.pk))  # the mark made before the commit has expired
    for callback in callbacks:
        callback()
    assert cache.get(state_key(user.pk)) == STALE


def test_an_outdated_state_is_never_replaced_by_one_read_before_a_revocation(
    transactional_db: Any, user: Any, password: str
) -> None:
    tokens = login(password)
    key = state_key(user.pk)
    cache.set(key, ("auth-state-0", "a format or epoch of the past"))
    outdated = cache.get(key)  # a reader finds an outdated state...
    before = state_from_database(user.pk)  # ...and reads the row just before a revocation
    services.user_deactivate(user=user)
    assert cache.get(key) == STALE  # marked, before and after the commit
    store(key, outdated, (FORMAT, cache.get(epoch_key()), *before))  # the reader goes on
    assert cache.get(key) == STALE
    assert bearer(tokens["access"]).get(ME).status_code == 401


def unreachable(*args: Any, **kwargs: Any) -> None:
    raise ConnectionError("the cache does not answer")


def test_a_missed_invalidation_is_made_up_by_any_process_that_missed_one(
    user: Any, password: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker 1 misses alice's invalidation and restarts; worker 2 missed bob's: when the
    cache answers again, worker 2 retires every stored state, alice's too."""
    get_user_model().objects.create_user("bob", "bob@example.com", password)
    alice = bearer(login(password)["access"])
    bob = bearer(login(password, username="bob")["access"])
    assert alice.get(ME).status_code == 200 and bob.get(ME).status_code == 200
    with monkeypatch.context() as outage:
        outage.setattr(cache, "set_many", unreachable)  # the stale marks are lost
        assert alice.post("/api/auth/logout-all/").status_code == 204  # on worker 1
        auth_cache._pending["epoch_move"] = False  # worker 1 restarts: it forgets
        close_breaker_only()
        assert bob.post("/api/auth/logout-all/").status_code == 204  # on worker 2
    believed = AuthState(*cache.get(state_key(user.pk))[2:])  # what every server would read
    assert believed.token_version == user.token_version  # from before alice's logout
    close_breaker_only()  # the cache answers again; worker 2 serves bob
    assert bob.get(ME).status_code == 401
    assert alice.get(ME).status_code == 401

"""A cache outage answers no 5xx: authentication reads the database, limits fail open."""

import logging
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts import degraded
from jwtsite.settings import REDIS_CACHE_OPTIONS
from tests.conftest import close_breaker_only
from tests.helpers import bearer, login
from tests.servers import RedisServer

ME = "/api/auth/me/"


FAULTS = {"stopped": RedisServer.stop, "hung": RedisServer.pause}


@pytest.mark.parametrize("fault", FAULTS)
def test_every_auth_endpoint_answers_during_an_outage(
    own_redis: RedisServer, user: Any, password: str, fault: str
) -> None:
    FAULTS[fault](own_redis)
    tokens = login(password)
    client = bearer(tokens["access"])
    assert client.get(ME).status_code == 200
    assert client.get("/api/auth/sessions/").status_code == 200
    assert client.get("/api/random-user/").status_code == 200
    verify = APIClient().post("/api/auth/verify/", {"token": tokens["access"]}, format="json")
    assert verify.status_code == 200
    refreshed = APIClient().post(
        "/api/auth/refresh/", {"refresh": tokens["refresh"]}, format="json"
    )
    assert refreshed.status_code == 200
    logout = {"refresh": refreshed.json()["refresh"]}
    assert APIClient().post("/api/auth/logout/", logout, format="json").status_code == 204
    response = client.get(ME)  # the database decides: the session is revoked
    assert response.status_code == 401
    assert response.json()["code"] == "token_revoked"


def test_a_hung_cache_that_missed_a_revocation_is_not_believed_after(
    own_redis: RedisServer, user: Any, password: str
) -> None:
    client = bearer(login(password)["access"])
    assert client.get(ME).status_code == 200  # the state is cached in Redis
    own_redis.pause()
    assert client.post("/api/auth/logout-all/").status_code == 204
    own_redis.resume()  # it kept the old state, unaware of the revocation
    close_breaker_only()
    assert client.get(ME).status_code == 401


def test_limits_fail_open_and_the_outage_is_logged_once_a_minute(
    own_redis: RedisServer, user: Any, password: str, settings: Any, caplog: Any
) -> None:
    settings.ACCOUNTS = {**settings.ACCOUNTS, "LOGIN_RATE_PER_IP": "1/min"}
    own_redis.stop()
    with caplog.at_level(logging.ERROR, logger="accounts.cache"):
        for _ in range(3):
            close_breaker_only()  # each login meets the outage anew
            login(password)
    logged = [record for record in caplog.records if record.name == "accounts.cache"]
    assert len(logged) == 1
    assert logged[0].exc_info is not None
    # The first use of the cache in a login names what now fails open.
    assert (
        logged[0].getMessage() == "cache unavailable (account lockout fails open): ConnectionError"
    )


def test_the_cache_socket_timeouts_are_short() -> None:
    assert 0 < REDIS_CACHE_OPTIONS["socket_timeout"] <= 0.25
    assert 0 < REDIS_CACHE_OPTIONS["socket_connect_timeout"] <= 0.25


def test_a_restarted_cache_is_used_again(own_redis: RedisServer, user: Any, password: str) -> None:
    own_redis.stop()
    client = bearer(login(password)["access"])
    assert client.get(ME).status_code == 200
    own_redis.start()
    close_breaker_only()
    assert client.get(ME).status_code == 200
    assert not degraded.cache_is_down()

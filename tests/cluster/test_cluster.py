"""The project as deployed: nginx in front of three app servers (`deploy/cluster.sh`).

The servers share the PostgreSQL of `DATABASE_URL` (a database of this suite's own) and a
redis-server of this suite's own, which the tests flush, stop and start.
"""

import json
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest

from tests.servers import ROOT, Cluster, RedisServer, environment, wait_until

pytestmark = pytest.mark.cluster

PASSWORD = "a long cluster passphrase 7"


class SuiteCluster(Cluster):
    """The cluster on a database of this suite's own, with its own redis-server."""

    def __init__(self, redis: RedisServer) -> None:
        super().__init__(
            environment(
                DJANGO_SETTINGS_MODULE="jwtsite.settings",
                DJANGO_DEBUG="false",
                DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
                JWT_SIGNING_KEY=secrets.token_urlsafe(50),
                DATABASE_URL=os.environ.get("DATABASE_URL", ""),
                REDIS_URL=redis.url,
            )
        )
        self.redis = redis

    def create_user(self) -> None:
        create = (
            "from accounts.models import User; User.objects.filter(username='carol').delete(); "
            f"User.objects.create_user('carol', password={PASSWORD!r})"
        )
        command = [sys.executable, "manage.py", "shell", "-c", create]
        subprocess.run(command, cwd=ROOT, env=self.env, check=True, capture_output=True)


def call(
    url: str,
    body: dict[str, Any] | None = None,
    token: str | None = None,
    forwarded_for: str | None = None,
) -> tuple[int, Any]:
    """POST `body` (or GET without one) and return the status and the JSON answer."""
    headers = {"Content-Type": "application/json"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw.startswith(b"{") else raw


@pytest.fixture(scope="module")
def cluster() -> Iterator[SuiteCluster]:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.fail("the cluster suite needs DATABASE_URL=postgres://... (a database of its own)")
    redis = RedisServer()
    redis.start()
    running = SuiteCluster(redis)
    try:
        running.start()
        running.create_user()
        yield running
    finally:
        running.stop()
        redis.stop()


def log_in(cluster: SuiteCluster, server: int | None = None) -> dict[str, Any]:
    body = {"username": "carol", "password": PASSWORD}
    status, tokens = call(cluster.url("/api/auth/login/", server), body)
    assert status == 200, tokens
    return dict(tokens)


def me(cluster: SuiteCluster, token: str, server: int | None = None) -> int:
    return call(cluster.url("/api/auth/me/", server), token=token)[0]


def test_a_logout_everywhere_on_one_server_is_seen_by_the_others_at_once(
    cluster: SuiteCluster,
) -> None:
    tokens = log_in(cluster, server=0)
    assert me(cluster, tokens["access"], server=0) == 200
    status, refreshed = call(cluster.url("/api/auth/refresh/", 1), {"refresh": tokens["refresh"]})
    assert status == 200
    assert me(cluster, tokens["access"], server=1) == 200
    assert call(cluster.url("/api/auth/logout-all/", 2), {}, token=refreshed["access"])[0] == 204
    assert me(cluster, tokens["access"], server=0) == 401
    assert me(cluster, refreshed["access"], server=1) == 401


def test_revoked_tokens_stay_revoked_when_redis_is_flushed(cluster: SuiteCluster) -> None:
    tokens = log_in(cluster)
    for server in range(3):
        assert me(cluster, tokens["access"], server) == 200  # cached on every server
    assert call(cluster.url("/api/auth/logout/"), {"refresh": tokens["refresh"]})[0] == 204
    subprocess.run(["redis-cli", "-p", str(cluster.redis.port), "flushall"], check=True)
    assert {me(cluster, tokens["access"], server) for server in range(3)} == {401}


def test_redis_stopped_then_started_answers_correctly_throughout(cluster: SuiteCluster) -> None:
    kept, ended = log_in(cluster), log_in(cluster)
    cluster.redis.stop()
    try:
        assert call(cluster.url("/api/auth/logout/"), {"refresh": ended["refresh"]})[0] == 204
        for server in range(3):
            assert me(cluster, kept["access"], server) == 200
            assert me(cluster, ended["access"], server) == 401
        assert call(cluster.url("/readyz"))[0] == 503
        assert call(cluster.url("/healthz", 0))[0] == 200
    finally:
        cluster.redis.start()
    for server in range(3):  # each server's breaker closes in its own time
        ready = partial(lambda port: call(cluster.url("/readyz", port))[0] == 200, server)
        wait_until(ready, "readyz after Redis")
    for server in range(3):
        assert me(cluster, kept["access"], server) == 200
        assert me(cluster, ended["access"], server) == 401


def test_login_limits_are_shared_by_every_server(cluster: SuiteCluster) -> None:
    subprocess.run(["redis-cli", "-p", str(cluster.redis.port), "flushall"], check=True)
    # nginx is the one trusted proxy: what a client writes in X-Forwarded-For is ignored.
    statuses = [
        call(
            cluster.url("/api/auth/login/"),
            {"username": f"nobody{n}", "password": "x"},
            forwarded_for=f"198.18.0.{n}",
        )[0]
        for n in range(41)  # 20 a minute: a window may turn once while this runs
    ]
    assert 429 in statuses
    assert statuses.index(429) <= 40
    assert set(statuses) <= {401, 429}

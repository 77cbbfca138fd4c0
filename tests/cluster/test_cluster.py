"""The project as deployed: nginx in front of three app servers (`deploy/cluster.sh`).

The servers share the PostgreSQL of `DATABASE_URL` (a database of this suite's own) and a
redis-server of this suite's own, which the tests flush, stop and start.
"""

import socket
import urllib.parse
from functools import partial

import pytest

from tests.cluster.cluster import Cluster, call, exchange, log_in, me
from tests.servers import wait_until

pytestmark = pytest.mark.cluster


def test_a_logout_everywhere_on_one_server_is_seen_by_the_others_at_once(
    cluster: Cluster,
) -> None:
    tokens = log_in(cluster, server=0)
    assert me(cluster, tokens["access"], server=0) == 200
    status, refreshed = call(cluster.url("/api/auth/refresh/", 1), {"refresh": tokens["refresh"]})
    assert status == 200
    assert me(cluster, tokens["access"], server=1) == 200
    assert call(cluster.url("/api/auth/logout-all/", 2), {}, token=refreshed["access"])[0] == 204
    assert me(cluster, tokens["access"], server=0) == 401
    assert me(cluster, refreshed["access"], server=1) == 401


def test_revoked_tokens_stay_revoked_when_redis_is_flushed(cluster: Cluster) -> None:
    tokens = log_in(cluster)
    for server in range(3):
        assert me(cluster, tokens["access"], server) == 200  # cached on every server
    assert call(cluster.url("/api/auth/logout/"), {"refresh": tokens["refresh"]})[0] == 204
    cluster.flush_redis()
    assert {me(cluster, tokens["access"], server) for server in range(3)} == {401}


def test_redis_stopped_then_started_answers_correctly_throughout(cluster: Cluster) -> None:
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


def test_login_limits_are_shared_by_every_server(cluster: Cluster) -> None:
    cluster.flush_redis()
    # nginx is the one trusted proxy: what a client writes in X-Forwarded-For is ignored.
    statuses = [
        exchange(
            cluster.url("/api/auth/login/"),
            {"username": f"nobody{n}", "password": "x"},
            forwarded_for=f"198.18.0.{n}",
        ).status
        for n in range(41)  # 20 a minute: a window may turn once while this runs
    ]
    assert 429 in statuses
    assert statuses.index(429) <= 40
    assert set(statuses) <= {401, 429}


def test_slow_clients_never_pin_an_app_server(cluster: Cluster) -> None:
    """Clients that send half a body and wait tie up nginx, not the app servers' workers.

    With more stalled uploads through nginx than there are workers, a login still answers
    at once, through nginx and on every server. (The servers themselves listen on 127.0.0.1
    only: a slow client reaches them through nginx, which reads the whole body first.)
    """
    cluster.flush_redis()  # the login limits of the tests before
    stalled = stall_uploads(cluster.url("/api/auth/login/"), count=9)
    try:
        for server in (None, 0, 1, 2):
            answer = exchange(
                cluster.url("/api/auth/login/", server),
                {"username": "nobody-slow", "password": "not the password"},
                timeout=2,
            )
            assert answer.status == 401, answer
    finally:
        for connection in stalled:
            connection.close()


def stall_uploads(url: str, count: int) -> list[socket.socket]:
    """Open `count` connections that each send a login's headers and half of its body."""
    address = urllib.parse.urlsplit(url)
    head = (
        f"POST {address.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n"
    )
    connections = []
    for _ in range(count):
        connection = socket.create_connection((address.hostname, address.port), timeout=5)
        connection.sendall(head.encode() + b'{"username": "carol", "password": "')
        connections.append(connection)
    return connections

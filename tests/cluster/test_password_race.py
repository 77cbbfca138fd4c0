"""A password change racing the old token's use on every app server.

Once the change has answered, the old access token is refused by every server and the new
one accepted: the cache never keeps the state the database had before the commit.
"""

import http.client
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.cluster.cluster import Cluster, exchange, log_in, me

pytestmark = pytest.mark.cluster

ROUNDS = 25
PASSWORDS = ("the first racing passphrase 1", "the second racing passphrase 2")
#: Requests keep going this long after the change answered: those are the ones judged.
AFTER_SECONDS = 0.2


class Hammer:
    """Threads sending `GET /api/auth/me/` with one token to each app server, nonstop.

    `answers` holds each request's start (`time.monotonic()`) and status.
    """

    def __init__(self, cluster: Cluster, token: str) -> None:
        self.cluster, self.token = cluster, token
        self.answers: list[tuple[float, int]] = []
        self.stopped = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(3)]

    def run(self, server: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.cluster.app_port + server, 10)
        headers = {"Authorization": f"Bearer {self.token}"}
        try:
            while not self.stopped.is_set():
                started = time.monotonic()
                connection.request("GET", "/api/auth/me/", headers=headers)
                response = connection.getresponse()
                response.read()
                self.answers.append((started, response.status))
        finally:
            connection.close()

    def statuses_since(self, moment: float) -> list[int]:
        return [status for started, status in self.answers if started > moment]


@contextmanager
def hammering(cluster: Cluster, token: str) -> Iterator[Hammer]:
    hammer = Hammer(cluster, token)
    for thread in hammer.threads:
        thread.start()
    try:
        while len(hammer.answers) < 3:  # under way on the servers
            time.sleep(0.005)
        yield hammer
    finally:
        hammer.stopped.set()
        for thread in hammer.threads:
            thread.join(timeout=15)


def change_password_under_fire(cluster: Cluster, old: str, new: str) -> dict[str, Any]:
    """Log in, change the password while the old token is used; return what went wrong."""
    cluster.flush_redis()  # the rate limits: each round checks two passwords
    tokens = log_in(cluster, username="dave", password=old)
    assert {me(cluster, tokens["access"], server) for server in range(3)} == {200}
    with hammering(cluster, tokens["access"]) as hammer:
        body = {"old_password": old, "new_password": new}
        changed = exchange(cluster.url("/api/auth/password/change/"), body, tokens["access"])
        returned = time.monotonic()
        time.sleep(AFTER_SECONDS)
    assert changed.status == 200, changed.body
    after = hammer.statuses_since(returned)
    assert after, "no request started after the change answered"
    return {
        "statuses": {status for _, status in hammer.answers} - {200, 401},
        "old_accepted_after": after.count(200),
        "new_refused": [me(cluster, changed.body["access"], server) for server in range(3)]
        != [200] * 3,
    }


def test_no_server_accepts_the_old_token_once_the_password_change_answered(
    cluster: Cluster,
) -> None:
    cluster.create_user("dave", PASSWORDS[0])
    rounds = [
        change_password_under_fire(cluster, PASSWORDS[n % 2], PASSWORDS[(n + 1) % 2])
        for n in range(ROUNDS)
    ]
    failed = [n for n, found in enumerate(rounds) if any(found.values())]
    assert not failed, (len(failed), [rounds[n] for n in failed])

"""PostgreSQL stopped and started again under a running cluster: a PostgreSQL of the test's own.

While the database is down, every request that needs it answers at once with a JSON 503
`service_unavailable` and `Retry-After`, never a 500 and never a hang; `/readyz` says so
and `/healthz` stays 200. Once it is back, the same app servers serve again, and a restart
between two requests costs none.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.cluster.cluster import Answer, Cluster, exchange, log_in, me, running_cluster
from tests.servers import PostgresServer

pytestmark = pytest.mark.cluster

#: Each answer must come within this: a request not answered by then fails the test.
ANSWER_WITHIN_SECONDS = 1.0
#: nginx, then each app server directly.
SERVERS = (None, 0, 1, 2)
LOGIN, REFRESH, ME = "/api/auth/login/", "/api/auth/refresh/", "/api/auth/me/"
CAROL = {"username": "carol", "password": "a long cluster passphrase 7"}


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.create()
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture(scope="module")
def cluster_on_postgres(
    postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    log = tmp_path_factory.mktemp("cluster-on-postgres") / "cluster.log"
    with running_cluster(postgres.url, log) as cluster:
        cluster.create_user(CAROL["username"], CAROL["password"])
        yield cluster


def ask(cluster: Cluster, path: str, server: int | None, **request: Any) -> Answer:
    return exchange(cluster.url(path, server), timeout=ANSWER_WITHIN_SECONDS, **request)


def assert_unavailable(answer: Answer) -> None:
    assert answer.status == 503, answer
    assert set(answer.body) >= {"detail", "code"}, answer
    assert answer.body["code"] == "service_unavailable", answer
    assert int(answer.headers["Retry-After"]) > 0, answer


def assert_unavailable_everywhere(cluster: Cluster, tokens: dict[str, Any]) -> None:
    for server in SERVERS:
        assert ask(cluster, "/healthz", server).status == 200
        assert_unavailable(ask(cluster, "/readyz", server))
        assert ask(cluster, ME, server, token=tokens["access"]).status == 200  # cached state
        assert_unavailable(ask(cluster, LOGIN, server, body=CAROL))
        assert_unavailable(ask(cluster, REFRESH, server, body={"refresh": tokens["refresh"]}))
    cluster.flush_redis()  # now authentication must read the database
    for server in SERVERS:
        assert_unavailable(ask(cluster, ME, server, token=tokens["access"]))


def test_the_database_stopped_then_started_answers_503_then_recovers(
    cluster_on_postgres: Cluster, postgres: PostgresServer
) -> None:
    cluster = cluster_on_postgres
    tokens = log_in(cluster)
    assert me(cluster, tokens["access"]) == 200
    postgres.stop()
    try:
        assert_unavailable_everywhere(cluster, tokens)
    finally:
        postgres.start()
    refresh = tokens["refresh"]  # the refreshes refused meanwhile did not use it up
    for server in SERVERS:
        assert ask(cluster, "/readyz", server).status == 200
        assert ask(cluster, LOGIN, server, body=CAROL).status == 200
        refreshed = ask(cluster, REFRESH, server, body={"refresh": refresh})
        assert refreshed.status == 200, refreshed
        refresh = refreshed.body["refresh"]
        assert ask(cluster, ME, server, token=refreshed.body["access"]).status == 200


def test_a_database_restart_between_requests_costs_no_request(
    cluster_on_postgres: Cluster, postgres: PostgresServer
) -> None:
    cluster = cluster_on_postgres
    tokens = log_in(cluster)
    for server in range(3):  # each app server now holds a connection to the database
        assert ask(cluster, "/readyz", server).status == 200
    postgres.stop()
    postgres.start()
    for server in range(3):  # checked before use, the broken connections are replaced
        cluster.flush_redis()  # authentication reads the database
        assert ask(cluster, ME, server, token=tokens["access"]).status == 200

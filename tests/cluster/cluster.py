"""The project as deployed, for the cluster suite: nginx in front of three app servers.

`running_cluster()` starts `deploy/cluster.sh` (three production app servers, one worker
each, behind nginx) on the given PostgreSQL and a redis-server of its own, and stops them
all when the `with` block ends, whatever happened in it. `make loadtest` runs it too.
"""

import json
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from pathlib import Path
from typing import Any, NamedTuple

from tests.servers import RedisServer, environment, free_port

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long cluster passphrase 7"
#: `deploy/cluster.sh` waits up to 2 minutes for each app server to load.
START_TIMEOUT_SECONDS = 6 * 60.0


class Cluster:
    """`deploy/cluster.sh` on free ports; `settings` are more environment for its servers."""

    def __init__(self, redis: RedisServer, database_url: str, log: Path, **settings: str) -> None:
        self.redis = redis
        self.log = log
        self.port, self.app_port = free_port(), free_port()
        self.env = environment(
            DJANGO_SETTINGS_MODULE="jwtsite.settings",
            DJANGO_DEBUG="false",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            JWT_SIGNING_KEY=secrets.token_urlsafe(50),
            DATABASE_URL=database_url,
            REDIS_URL=redis.url,
            CLUSTER_PORT=str(self.port),
            CLUSTER_APP_PORT=str(self.app_port),
            **settings,
        )
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, path: str, server: int | None = None) -> str:
        """The URL of `path` through nginx, or on app server `server` (0, 1 or 2) directly."""
        port = self.port if server is None else self.app_port + server
        return f"http://127.0.0.1:{port}{path}"

    def start(self) -> None:
        """Start `deploy/cluster.sh`, its output in `log`, and wait until it serves."""
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                ["deploy/cluster.sh"], cwd=ROOT, env=self.env, stdout=output, stderr=output
            )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while b"\nCluster:" not in b"\n" + self.log.read_bytes():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"deploy/cluster.sh is not serving:\n{self.log_tail()}")
            time.sleep(0.1)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # it stops the servers it started
            self.process.wait(timeout=60)

    def create_user(self, username: str = "carol", password: str = PASSWORD) -> None:
        """Create the user anew (deleting any left by an earlier run)."""
        create = (
            "from accounts.models import User; "
            f"User.objects.filter(username={username!r}).delete(); "
            f"User.objects.create_user({username!r}, password={password!r})"
        )
        command = [sys.executable, "manage.py", "shell", "-c", create]
        subprocess.run(command, cwd=ROOT, env=self.env, check=True, capture_output=True)

    def flush_redis(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.redis.port), "flushall"], check=True)


@contextmanager
def running_cluster(database_url: str, log: Path, **settings: str) -> Iterator[Cluster]:
    """Run a cluster on `database_url` and a new redis-server; stop both afterwards."""
    redis = RedisServer()
    cluster = Cluster(redis, database_url, log, **settings)
    try:
        redis.start()
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        redis.stop()


class Answer(NamedTuple):
    status: int
    body: Any
    headers: Message
    seconds: float


def exchange(
    url: str,
    body: dict[str, Any] | None = None,
    token: str | None = None,
    timeout: float = 10,
    forwarded_for: str | None = None,
) -> Answer:
    """POST `body` (or GET without one); a request not answered within `timeout` raises."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, received = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, raw, received = error.code, error.read(), error.headers
    decoded = json.loads(raw) if raw.startswith(b"{") else raw or None
    return Answer(status, decoded, received, time.monotonic() - started)


def call(url: str, body: dict[str, Any] | None = None, token: str | None = None) -> tuple[int, Any]:
    """POST `body` (or GET without one) and return the status and the JSON answer."""
    answer = exchange(url, body, token)
    return answer.status, answer.body


def log_in(
    cluster: Cluster, server: int | None = None, username: str = "carol", password: str = PASSWORD
) -> dict[str, Any]:
    body = {"username": username, "password": password}
    status, tokens = call(cluster.url("/api/auth/login/", server), body)
    assert status == 200, tokens
    return dict(tokens)


def me(cluster: Cluster, token: str, server: int | None = None) -> int:
    return call(cluster.url("/api/auth/me/", server), token=token)[0]

"""Real servers of the tests' own, on free 127.0.0.1 ports, that stop with their test.

The shared PostgreSQL and Redis are never stopped or flushed: fault tests start these.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]

START_TIMEOUT_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(
    ready: Callable[[], bool], what: str, timeout: float = START_TIMEOUT_SECONDS
) -> None:
    """Poll `ready` until it holds; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not come up within {timeout:.0f} s")
        time.sleep(0.05)


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class RedisServer:
    """A redis-server without persistence: a restart starts it empty."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--save", "", "--appendonly", "no", "--loglevel", "warning"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        wait_until(lambda: port_open(self.port), "redis-server")

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def pause(self) -> None:
        """Hang it: connections are accepted, nothing is answered."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)


def postgres_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not found:
        raise FileNotFoundError(f"{name}: install PostgreSQL (apt-get install postgresql)")
    return str(found[-1])


class PostgresServer:
    """A PostgreSQL cluster of its own (initdb), run as the `postgres` user, trust auth."""

    def __init__(self) -> None:
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="jwtsite-pg-"))
        shutil.chown(self.directory, "postgres")
        self.data = self.directory / "data"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def as_postgres(self, *command: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.directory,
        )

    def create(self) -> None:
        self.as_postgres(
            postgres_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "log")
        self.as_postgres(
            postgres_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start"
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.as_postgres(
                postgres_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"
            )

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


def environment(**overrides: str) -> dict[str, str]:
    """This process's environment with `overrides`, for a child server."""
    return {**os.environ, **overrides}


class Cluster:
    """`deploy/cluster.sh` on free ports: nginx in front of three app servers.

    `env` configures the app servers (`DATABASE_URL`, `REDIS_URL`, secrets, ...); `stderr`
    takes what nginx and the servers log (the caller's stderr by default).
    """

    def __init__(self, env: dict[str, str], stderr: IO[bytes] | None = None) -> None:
        self.port, self.app_port = free_port(), free_port()
        self.env = {**env, "CLUSTER_PORT": str(self.port), "CLUSTER_APP_PORT": str(self.app_port)}
        self.stderr = stderr
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, path: str, server: int | None = None) -> str:
        """The URL of `path` through nginx, or on app server `server` (0, 1 or 2) directly."""
        port = self.port if server is None else self.app_port + server
        return f"http://127.0.0.1:{port}{path}"

    def start(self) -> None:
        """Start it; return when `deploy/cluster.sh` has waited for the app servers."""
        self.process = subprocess.Popen(
            ["deploy/cluster.sh"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
        )
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(b"Cluster:"):
                return
        raise RuntimeError("deploy/cluster.sh stopped before serving")

    def stop(self) -> None:
        """Stop nginx and the app servers (`deploy/cluster.sh` stops them on SIGTERM)."""
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)
            self.process = None

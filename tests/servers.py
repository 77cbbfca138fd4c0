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
    """A PostgreSQL cluster of its own (`initdb`), trust auth, in a new temporary directory.

    Run as root (as CI does), the server runs as the `postgres` user, since PostgreSQL
    refuses to run as root; run as anyone else, it runs as that user.
    """

    def __init__(self) -> None:
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="jwtsite-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        self.data = self.directory / "data"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, name: str, *arguments: str) -> None:
        """Run the PostgreSQL program `name`; fail with its output if it fails."""
        command = [postgres_bin(name), *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, cwd=self.directory, timeout=60)
        if done.returncode != 0:
            output = (done.stdout + done.stderr).decode(errors="replace")
            raise RuntimeError(f"{name} failed:\n{output}\n{self.log_tail()}")

    def log_tail(self) -> str:
        log = self.directory / "log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def create(self) -> None:
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        """Start it and wait until it accepts connections."""
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "log")
        self.run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "-t", "30", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        """Stop it: `fast` ends the sessions and shuts down cleanly, `immediate` at once."""
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.directory, ignore_errors=True)


def environment(**overrides: str) -> dict[str, str]:
    """This process's environment with `overrides`, for a child server."""
    return {**os.environ, **overrides}

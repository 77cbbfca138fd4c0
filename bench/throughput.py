"""Throughput side by side: our production server against the course's Express server.

Both run as one process on 127.0.0.1 (ours: `deploy/serve.sh PORT 1`; the peer:
`node bench/peers/express/server.js`). wrk (`-t1 -c8`) drives them in alternating rounds,
ours first in odd rounds and the peer first in even ones, so both meet the same moments of a
noisy shared machine; each round gives a ratio and the median ratio is the figure.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.processes import children, resident_memory

ROOT = Path(__file__).resolve().parents[1]
PEER_DIR = ROOT / "bench" / "peers" / "express"
WRK = ["wrk", "-t1", "-c8"]
HOST = "127.0.0.1"


def ensure_tools() -> None:
    """Install Debian's wrk and the peer's locked packages when they are missing."""
    if shutil.which("wrk") is None:
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        if subprocess.run(install, capture_output=True).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
            subprocess.run(install, check=True, capture_output=True)
    lock = PEER_DIR / "node_modules" / ".package-lock.json"
    if (
        not lock.is_file()
        or lock.stat().st_mtime < (PEER_DIR / "package-lock.json").stat().st_mtime
    ):
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=PEER_DIR, check=True
        )


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def http_json(url: str, body: dict[str, str] | None = None) -> tuple[int, object]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None
    except OSError:
        return 0, None


@dataclass
class Server:
    """A server process started in its own process group, stopped with it."""

    name: str
    command: list[str]
    env: dict[str, str]
    cwd: Path = ROOT
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, probe: str) -> "Server":
        self.process = subprocess.Popen(
            [part.replace("{port}", str(self.port)) for part in self.command],
            cwd=self.cwd,
            env={**self.env, "PORT": str(self.port)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while http_json(self.url + probe)[0] == 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start: {' '.join(self.command)}")
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def worker_rss(self) -> int:
        """Return the resident memory, in bytes, of the process that runs the app's code."""
        assert self.process is not None
        # Granian and gunicorn run the app in a child of the main process.
        workers = children(self.process.pid)
        return resident_memory(workers[0] if workers else self.process.pid)


def our_server(env: dict[str, str], app_server: str = "granian") -> Server:
    command = [str(ROOT / "deploy" / "serve.sh"), "{port}", "1"]
    return Server(f"ours ({app_server})", command, {**env, "APP_SERVER": app_server})


def peer_server() -> Server:
    env = {"PATH": os.environ["PATH"], "NODE_ENV": "production"}
    return Server("Express peer", ["node", "server.js"], env, cwd=PEER_DIR)


@dataclass(frozen=True)
class Run:
    """One wrk run: requests per second and how many requests were answered."""

    rate: float
    requests: int


def wrk(url: str, token: str, seconds: float) -> Run:
    """Run wrk against `url` with a Bearer token; refuse any non-2xx answer."""
    command = [*WRK, f"-d{seconds:g}s", "-H", f"Authorization: Bearer {token}", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"wrk saw errors on {url}:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    return Run(rate, requests)


def alternate(
    ours: tuple[str, str], peer: tuple[str, str], rounds: int, seconds: float
) -> list[tuple[Run, Run]]:
    """Return (ours, peer) runs of `rounds` alternating rounds; each side is (url, token)."""
    results = []
    for number in range(rounds):
        if number % 2 == 0:
            mine = wrk(*ours, seconds)
            theirs = wrk(*peer, seconds)
        else:
            theirs = wrk(*peer, seconds)
            mine = wrk(*ours, seconds)
        results.append((mine, theirs))
    return results

"""The production server (`deploy/serve.sh`) in a subprocess, for tests that need real ones.

Each server binds 127.0.0.1 on a free port, runs with debug off on the database and cache the
caller names, and every wait is bounded; `stop()` ends the whole process group.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.e2e.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60.0
HOST = "127.0.0.1"


def production_environment(database_url: str, **extra: str) -> dict[str, str]:
    """Return the environment of a production-like app server (debug off, plain http)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        JWT_SIGNING_KEY=secrets.token_urlsafe(50),
        DJANGO_SETTINGS_MODULE="jwtsite.settings",
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


class AppServer:
    """`deploy/serve.sh PORT WORKERS` with the given environment."""

    def __init__(self, env: dict[str, str], log_path: Path, *, workers: int = 1) -> None:
        self.env = {**env, "VENV_BIN": str(Path(sys.executable).parent)}
        self.port = free_port()
        self.workers = workers
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> AppServer:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [str(ROOT / "deploy" / "serve.sh"), str(self.port), str(self.workers)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_answering()
        return self

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"The server exited at start-up:\n{self.log_path.read_text()}")
            if self.request("GET", "/api/auth/me/")[0] == 401:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"The server did not answer within {START_TIMEOUT} s")

    def request(
        self, method: str, path: str, body: Any = None, token: str | None = None
    ) -> tuple[int, Any]:
        """Send one request; return the status and the decoded JSON body (0 if unreachable)."""
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, _json(response.read())
        except urllib.error.HTTPError as error:
            return error.code, _json(error.read())
        except OSError:
            return 0, None

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")

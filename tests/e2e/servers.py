"""The two servers the browser tests drive: the built client and the API.

The client is served from a thread; the API runs as a subprocess, because Playwright's sync
API keeps an event loop running in the test thread, which trips Django's async-unsafe checks.
Both bind 127.0.0.1 only, on free ports, and every wait is bounded.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.mail import SmtpSink

ROOT = Path(__file__).resolve().parents[2]
CLIENT_DIR = ROOT / "client"
CLIENT_BUILD = CLIENT_DIR / "dist" / "client" / "browser"
CLIENT_SOURCES = ("src", "public", "angular.json", "package.json", "package-lock.json")
API_START_TIMEOUT = 30.0
HOST = "127.0.0.1"


def free_port(preferred: int = 0) -> int:
    """Return `preferred` if it is free, else any free port."""
    with socket.socket() as probe:
        # As servers do: connections of a previous run in TIME_WAIT must not block the port.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, preferred))
        except OSError:
            probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _newest_mtime(paths: list[Path]) -> float:
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))]
    return max(file.stat().st_mtime for file in files if file.is_file())


def client_build_is_fresh() -> bool:
    index = CLIENT_BUILD / "index.html"
    sources = [CLIENT_DIR / name for name in CLIENT_SOURCES] + list(
        CLIENT_DIR.glob("tsconfig*.json")
    )
    return index.is_file() and index.stat().st_mtime > _newest_mtime(sources)


def build_client() -> Path:
    """Build the client unless client/dist is newer than every source; return its root."""
    env = {**os.environ, "NG_CLI_ANALYTICS": "false"}
    if not (CLIENT_DIR / "node_modules").is_dir():
        subprocess.run(["npm", "ci"], cwd=CLIENT_DIR, env=env, check=True, timeout=900)
    if not client_build_is_fresh():
        subprocess.run(["npx", "ng", "build"], cwd=CLIENT_DIR, env=env, check=True, timeout=600)
    return CLIENT_BUILD


class _Handler(SimpleHTTPRequestHandler):
    """Serve files from a directory, with some paths answered from memory."""

    def __init__(self, *args: object, overrides: dict[str, bytes], **kwargs: object) -> None:
        self.overrides = overrides
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        body = self.overrides.get(path)
        if body is None:
            if "." not in path.rsplit("/", 1)[-1]:
                # A page of the client's router (/verify-email, ...): as any SPA host does.
                self.path = "/index.html"
            super().do_GET()
            return
        self.send_response(200)
        self.send_header(
            "Content-Type", "text/html" if self.path.endswith(".html") else "application/json"
        )
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class StaticSite:
    """A static HTTP server on 127.0.0.1 and a free port, running in a daemon thread."""

    def __init__(
        self, root: Path, overrides: dict[str, bytes] | None = None, *, port: int = 0
    ) -> None:
        self.overrides = dict(overrides or {})
        handler = partial(_Handler, directory=str(root), overrides=self.overrides)
        try:
            self.server = ThreadingHTTPServer((HOST, port), handler)
        except OSError:
            self.server = ThreadingHTTPServer((HOST, 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def config_json(api_url: str) -> bytes:
    return json.dumps({"apiUrl": api_url}).encode()


class ApiServer:
    """The Django API in a subprocess, with its own SQLite database and random secrets."""

    username = "demo"

    def __init__(
        self,
        workdir: Path,
        *,
        allowed_origins: list[str],
        access_lifetime: int,
        port: int = 0,
        mail_port: int = 0,
    ) -> None:
        self.workdir = workdir
        self.port = free_port(port)
        self.password = secrets.token_urlsafe(12)
        self.env = self._environment(allowed_origins, access_lifetime)
        # Mail goes over SMTP to the tests' server; emailed links open the client.
        self.env.update(EMAIL_URL=f"smtp://{HOST}:{mail_port}", AUTH_MAIL_RATE_PER_IP="1000/hour")
        if allowed_origins:
            self.env["FRONTEND_URL"] = allowed_origins[0]
        self.log_path = workdir / "api.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def _environment(self, allowed_origins: list[str], access_lifetime: int) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        env.update(
            DATABASE_URL=f"sqlite:///{self.workdir / 'db.sqlite3'}",
            DJANGO_DEBUG="true",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50)[:50],
            JWT_SIGNING_KEY=secrets.token_urlsafe(50)[:50],
            DJANGO_ALLOWED_HOSTS=HOST,
            CORS_ALLOWED_ORIGINS=",".join(allowed_origins),
            JWT_ACCESS_TOKEN_LIFETIME=str(access_lifetime),
            DEMO_USER_PASSWORD=self.password,
            PYTHONUNBUFFERED="1",
        )
        return env

    def _manage(self, *args: str, timeout: float = 120) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            timeout=timeout,
            capture_output=True,
        )

    def start(self) -> None:
        self._manage("migrate", "--no-input")
        self._manage("ensure_demo_user")
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"{HOST}:{self.port}", "--noreload"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_answering()

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + API_START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"The API exited at start-up:\n{self.log_path.read_text()}")
            try:
                urllib.request.urlopen(f"{self.url}/api/auth/me/", timeout=2)
                return
            except urllib.error.HTTPError:
                return  # 401 without a token: the API is up.
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"The API did not answer within {API_START_TIMEOUT} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Stack:
    """The built client on one origin and the API on another, configured for each other.

    Fixed ports, when free, keep the URLs in the documentation screenshots the same.
    """

    def __init__(
        self, client_root: Path, workdir: Path, access_lifetime: int, ports: tuple[int, int]
    ) -> None:
        client_port, api_port = ports
        self.site = StaticSite(client_root, port=client_port)
        self.mail = SmtpSink().start()
        self.api = ApiServer(
            workdir,
            allowed_origins=[self.site.origin],
            access_lifetime=access_lifetime,
            port=api_port,
            mail_port=self.mail.port,
        )
        self.site.overrides["/config.json"] = config_json(self.api.url)
        try:
            self.api.start()
        except BaseException:
            self.site.stop()
            self.mail.stop()
            raise

    @property
    def url(self) -> str:
        return self.site.origin + "/"

    def stop(self) -> None:
        self.api.stop()
        self.site.stop()
        self.mail.stop()

"""`make run` as a newcomer meets it: custom ports end to end, a busy port, Ctrl-C.

`make run` runs in a process group of its own, as a terminal would run it; SIGINT to that group
is the terminal's Ctrl-C. Its database is a temporary SQLite file and `.env` is not written
(`make -o .env`): the environment below is the configuration. Every wait is bounded.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.servers import HOST, free_port

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 240.0  # The client's first build, on a busy machine.
STOP_TIMEOUT = 60.0

needs_npm = pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")


def run_environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEMO_USER_PASSWORD": "demo-password-for-the-run-test",
        "DJANGO_SETTINGS_MODULE": "jwtsite.settings",
    }


def make_run(tmp_path: Path, api_port: int, client_port: int) -> subprocess.Popen[bytes]:
    """Start `make run` with its output in `tmp_path / "output"` (a file, not a pipe: a
    server that outlived make would keep a pipe open and its reader waiting)."""
    command = ["make", "--no-print-directory", "-o", ".env", "run"]
    with (tmp_path / "output").open("wb") as output:
        return subprocess.Popen(
            [*command, f"API_PORT={api_port}", f"CLIENT_PORT={client_port}"],
            cwd=ROOT,
            env=run_environment(tmp_path),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def wait_for(url: str, process: subprocess.Popen[bytes]) -> bytes:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "make run ended early"
        try:
            return get(url)[2]
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {START_TIMEOUT} s")


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
        return True


@pytest.fixture
def ports() -> tuple[int, int]:
    """Return two distinct free ports, for the API and the client."""
    api_port = free_port()
    client_port = free_port()
    while client_port == api_port:
        client_port = free_port()
    return api_port, client_port


@needs_npm
def test_custom_ports_reach_the_client_config_and_cors_and_ctrl_c_stops_both(
    tmp_path: Path, ports: tuple[int, int]
) -> None:
    api_port, client_port = ports
    api, client = f"http://{HOST}:{api_port}", f"http://{HOST}:{client_port}"
    process = make_run(tmp_path, api_port, client_port)
    try:
        assert f'href="{client}/"' in wait_for(f"{api}/", process).decode()
        assert json.loads(wait_for(f"{client}/config.json", process)) == {"apiUrl": api}
        request = urllib.request.Request(f"{api}/api/auth/login/", method="OPTIONS")
        request.add_header("Origin", client)
        request.add_header("Access-Control-Request-Method", "POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Access-Control-Allow-Origin"] == client
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=STOP_TIMEOUT)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    output = (tmp_path / "output").read_text()
    assert "Segmentation fault" not in output
    assert "Stopped the API and the client." in output
    assert port_is_free(api_port)
    assert port_is_free(client_port)


def test_a_busy_port_stops_make_run_with_one_clear_line(
    tmp_path: Path, ports: tuple[int, int]
) -> None:
    api_port, client_port = ports
    with socket.socket() as busy:
        busy.bind((HOST, api_port))
        busy.listen()
        process = make_run(tmp_path, api_port, client_port)
        assert process.wait(timeout=120) != 0
    output = (tmp_path / "output").read_text()
    mentions = [line for line in output.splitlines() if str(api_port) in line]
    assert mentions == [
        f"!! Port {api_port} (the API) is in use: stop what runs there, or pick another:"
        " make run API_PORT=<port>"
    ]
    assert "migrate" not in output

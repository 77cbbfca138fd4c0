"""In-process figures, through Django's whole WSGI handler: authentication, auth tax, login.

Each figure compares two ways of doing one request in the same process, in alternating rounds,
on CPU time (closer than wall-clock time, on a shared machine, to what a request costs on an
idle one). Call `django.setup()` first.
"""

import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any
from unittest import mock

from django.contrib.auth.hashers import check_password, get_hasher
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.authentication import JWTAuthentication

application = get_wsgi_application()


def environ(method: str, path: str, *, token: str = "", body: bytes = b"") -> dict[str, Any]:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **headers,
    }


def call(base: dict[str, Any]) -> tuple[str, bytes]:
    """Run one request through the WSGI handler; return its status line and body."""
    answer: dict[str, str] = {}

    def start_response(status: str, headers: Any, exc_info: Any = None) -> None:
        answer["status"] = status

    env = {**base, "wsgi.input": io.BytesIO(base["wsgi.input"].getvalue())}
    response = application(env, start_response)  # type: ignore[arg-type]
    try:
        body = b"".join(response)
    finally:
        response.close()
    return answer["status"], body


def login(username: str, password: str) -> dict[str, Any]:
    payload = json.dumps({"username": username, "password": password}).encode()
    status, body = call(environ("POST", "/api/auth/login/", body=payload))
    if not status.startswith("200"):
        raise RuntimeError(f"login answered {status}: {body[:200]!r}")
    result: dict[str, Any] = json.loads(body)
    return result


def free_authentication(user: Any) -> Any:
    """Hand `user` to every view for free: no token is read, nothing is checked."""
    return mock.patch.object(JWTAuthentication, "authenticate", lambda self, request: (user, None))


def cpu_time(function: Callable[[], object], within: Any = None) -> float:
    """Return the CPU seconds `function()` takes inside `within`, entered and left untimed."""
    with within or nullcontext():
        start = time.process_time()
        function()
        return time.process_time() - start


def authentication(path: str, token: str, user: Any, rounds: int, calls: int) -> dict[str, Any]:
    """Time `path` with JWT authentication and with a free authenticator.

    The two alternate request by request, so that the machine's drifts (frequency, other
    work) fall on both alike; their order swaps at each pair. Return each round's mean CPU
    seconds a request both ways, and the SQL queries of one authenticated call.
    """
    request = environ("GET", path, token=token)

    def one() -> None:
        status, _ = call(request)
        assert status.startswith("200"), status

    def free() -> float:
        return cpu_time(one, free_authentication(user))

    one()  # Warm up both ways.
    free()
    with CaptureQueriesContext(connection) as queries:
        one()
    jwt_times: list[float] = []
    free_times: list[float] = []
    for _ in range(rounds):
        jwt_total = free_total = 0.0
        for number in range(calls):
            if number % 2 == 0:
                jwt_total += cpu_time(one)
                free_total += free()
            else:
                free_total += free()
                jwt_total += cpu_time(one)
        jwt_times.append(jwt_total / calls)
        free_times.append(free_total / calls)
    return {"jwt": jwt_times, "free": free_times, "queries": len(queries)}


def free_hasher() -> Any:
    """A verify that hashes nothing and accepts the password: the login's own work alone."""
    return mock.patch.object(type(get_hasher()), "verify", lambda self, password, encoded: True)


def timed_hasher(times: list[float]) -> Any:
    """Record the CPU time of each verify of the default hasher into `times`."""
    original = type(get_hasher()).verify

    def verify(self: Any, password: str, encoded: str) -> bool:
        start = time.process_time()
        try:
            return bool(original(self, password, encoded))
        finally:
            times.append(time.process_time() - start)

    return mock.patch.object(type(get_hasher()), "verify", verify)


def login_against_hasher(username: str, password: str, rounds: int) -> dict[str, list[float]]:
    """Time whole logins and the hasher's own verify of the same hash, in alternating pairs.

    Also return the verify inside each login (`inside`), and whole logins with the hasher
    made free (`free`), timed after one untimed free login: the login's own work on caches
    its verify has not just flushed.
    """
    from django.contrib.auth import get_user_model

    encoded = get_user_model()._default_manager.get(username=username).password
    logins: list[float] = []
    verifies: list[float] = []
    inside: list[float] = []
    free: list[float] = []

    def whole_login() -> None:
        login(username, password)

    for number in range(rounds):
        pair = [
            (whole_login, lambda: timed_hasher(inside), logins),
            (lambda: check_password(password, encoded), nullcontext, verifies),
        ]
        for function, within, times in pair if number % 2 == 0 else reversed(pair):
            times.append(cpu_time(function, within()))
        cpu_time(whole_login, free_hasher())
        free.append(cpu_time(whole_login, free_hasher()))
    return {"login": logins, "hasher": verifies, "inside": inside, "free": free}


def median_ratio(numerators: list[float], denominators: list[float]) -> float:
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))

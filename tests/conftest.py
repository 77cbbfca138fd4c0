import fcntl
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from accounts import cache as auth_cache
from accounts import degraded
from accounts.signals import security_event
from jwtsite.settings import REDIS_CACHE_OPTIONS
from tests.servers import RedisServer

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """Give each of mutmut's concurrent test runs (`make mutation`) a SQLite file of its own.

    mutmut forks its runs from one process, so they share the settings' database name; each
    run takes the first free numbered slot, held by a lock until the run's process exits,
    and keeps that slot's database between runs (`--reuse-db`).
    """
    test = django_settings.DATABASES["default"].get("TEST", {})
    # mutmut's own runs (clean tests, stats) happen in its main process, one at a time.
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", "") or not test.get("NAME"):
        return
    for slot in range(os.cpu_count() or 1):
        lock = os.open(f"{test['NAME']}.slot-{slot}.lock", os.O_CREAT | os.O_RDWR)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock)
            continue
        test["NAME"] = f"{test['NAME']}.slot-{slot}"  # The lock stays open with the process.
        return
    raise RuntimeError("More concurrent mutmut runs than CPUs: lower --max-children.")


@pytest.fixture(autouse=True)
def clear_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def delivered_mail() -> Any:
    """Let each test's emails (sent in the background) leave before the next test."""
    yield
    from accounts.emails import wait_for_delivery

    wait_for_delivery()


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def user(db: Any) -> Any:
    return get_user_model().objects.create_user(
        username="alice", email="alice@example.com", password=PASSWORD, first_name="Alice"
    )


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def tokens(api_client: APIClient, user: Any) -> dict[str, Any]:
    """Log `user` in through the API and return the login response body."""
    response = api_client.post(
        "/api/auth/login/", {"username": "alice", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
def auth_client(tokens: dict[str, Any]) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    return client


@pytest.fixture(scope="session")
def smtp_server() -> Any:
    from tests.mail import SmtpSink

    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def mailbox(smtp_server: Any, settings: Any) -> Any:
    """Send this test's mail over SMTP to the in-process server; return that server.

    Call `accounts.emails.wait_for_delivery()` before asserting that a message is absent.
    """
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    with smtp_server.collector.lock:
        smtp_server.collector.messages.clear()
    return smtp_server


@pytest.fixture
def events() -> Any:
    """The keyword arguments of every security event sent during the test."""
    received: list[dict[str, Any]] = []

    def receiver(sender: Any, **kwargs: Any) -> None:
        received.append(kwargs)

    security_event.connect(receiver)
    yield received
    security_event.disconnect(receiver)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def own_redis(redis_server: RedisServer, settings: Any) -> Iterator[RedisServer]:
    """Point the cache at a Redis of this test's own, with the project's timeouts."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
    close_breaker()
    yield redis_server
    close_breaker()


def close_breaker_only() -> None:
    degraded._breaker["open_until"] = 0.0


def close_breaker() -> None:
    """As if the breaker's seconds had passed (the test does not sleep them)."""
    degraded._breaker["open_until"] = 0.0
    degraded._last_reported.clear()
    auth_cache._pending["epoch_move"] = False


@pytest.fixture
def limits(settings: Any) -> Iterator[Callable[..., None]]:
    """Set `ACCOUNTS` keys for one test: `limits(LOGIN_RATE_PER_IP="3/min", ...)`.

    The clock stands still meanwhile: the limits count in fixed windows, and on a running
    clock a window could end between two attempts of a test and reset its count. Tests that
    need time to pass travel themselves.
    """

    def apply(**accounts: Any) -> None:
        settings.ACCOUNTS = {**django_settings.ACCOUNTS, **accounts}

    with time_machine.travel(time.time(), tick=False):
        yield apply


@pytest.fixture
def admin_client(db: Any) -> Client:
    """A Django test client signed in to the admin as a superuser."""
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "x" * 12)
    client = Client()
    client.force_login(admin)
    return client

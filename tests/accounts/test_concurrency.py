"""Single-use refresh under real concurrency: threads against a live server."""

import json
import threading
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

THREADS = 8


def post_json(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def race(url: str, body: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """POST `body` to `url` from THREADS threads released together by a barrier."""
    barrier = threading.Barrier(THREADS, timeout=30)
    results: list[tuple[int, dict[str, Any]]] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        outcome = post_json(url, body)
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def live_tokens(live_server: Any, transactional_db: Any, django_user_model: Any) -> dict[str, Any]:
    django_user_model.objects.create_user(username="racer", password="a long enough password")
    status, body = post_json(
        f"{live_server.url}/api/auth/login/",
        {"username": "racer", "password": "a long enough password"},
    )
    assert status == 200
    return body


NO_GRACE = override_settings(ACCOUNTS={**settings.ACCOUNTS, "REFRESH_REUSE_GRACE": timedelta(0)})


def test_exactly_one_of_simultaneous_refreshes_wins_and_the_rest_are_superseded(
    live_server: Any, live_tokens: dict[str, Any]
) -> None:
    """Within the grace window the losers get 409; the session lives on with the winner."""
    results = race(f"{live_server.url}/api/auth/refresh/", {"refresh": live_tokens["refresh"]})
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] + [409] * (THREADS - 1)
    assert {body["code"] for status, body in results if status == 409} == {"refresh_superseded"}
    winner = next(body for status, body in results if status == 200)
    status, _ = post_json(f"{live_server.url}/api/auth/refresh/", {"refresh": winner["refresh"]})
    assert status == 200


@NO_GRACE
def test_without_grace_exactly_one_wins_and_the_rest_are_reuse(
    live_server: Any, live_tokens: dict[str, Any]
) -> None:
    results = race(f"{live_server.url}/api/auth/refresh/", {"refresh": live_tokens["refresh"]})
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] + [401] * (THREADS - 1)


@NO_GRACE
def test_without_grace_the_race_counts_as_reuse_and_ends_the_session(
    live_server: Any, live_tokens: dict[str, Any]
) -> None:
    results = race(f"{live_server.url}/api/auth/refresh/", {"refresh": live_tokens["refresh"]})
    winner = next(body for status, body in results if status == 200)
    status, _ = post_json(f"{live_server.url}/api/auth/refresh/", {"refresh": winner["refresh"]})
    assert status == 401

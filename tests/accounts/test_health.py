"""`/healthz` and `/readyz`: no token, and `/readyz` knows its services."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts import degraded
from tests.conftest import close_breaker
from tests.servers import RedisServer


def test_healthz_answers_and_touches_nothing(db: Any) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = APIClient().get("/healthz")
    assert response.status_code == 200
    assert len(queries) == 0


def test_readyz_answers_when_the_database_and_cache_do(db: Any) -> None:
    response = APIClient().get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": True, "cache": True}


def test_readyz_is_503_json_when_the_cache_is_down(db: Any, own_redis: RedisServer) -> None:
    own_redis.stop()
    response = APIClient().get("/readyz")
    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"
    assert response.json()["checks"] == {"database": True, "cache": False}


def test_readyz_is_503_while_the_breaker_keeps_the_cache_out(db: Any) -> None:
    """Limits still fail open until the breaker closes: the process is not ready yet."""
    degraded.report_outage("test", ConnectionError())
    try:
        response = APIClient().get("/readyz")
        assert response.status_code == 503
        assert response.json()["checks"] == {"database": True, "cache": False}
    finally:
        close_breaker()
    assert APIClient().get("/readyz").status_code == 200

"""Errors outside any view: JSON bodies, and every one of them in the log."""

import logging
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.urls("tests.accounts.broken_urls")


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


def test_an_unhandled_exception_is_logged_and_answered_as_json(client: Client, caplog: Any) -> None:
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/bug")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error.", "code": "server_error"}
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_an_unreachable_database_is_a_503_with_retry_after(client: Client, caplog: Any) -> None:
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/database-down")
    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"
    assert int(response["Retry-After"]) > 0
    assert any(r.exc_info for r in caplog.records if r.name == "django.request")


def test_a_host_not_allowed_is_a_json_400_and_logged(client: Client, caplog: Any) -> None:
    with caplog.at_level(logging.ERROR, logger="django.security"):
        response = client.get("/bug", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json() == {"detail": "Bad request.", "code": "bad_request"}
    assert any(r.name == "django.security.DisallowedHost" for r in caplog.records)


def test_the_project_installs_these_handlers() -> None:
    from jwtsite import urls

    assert urls.handler400 == "accounts.handlers.bad_request"
    assert urls.handler500 == "accounts.handlers.server_error"


def test_the_project_logs_errors_and_refused_hosts_with_debug_off() -> None:
    from django.conf import settings

    loggers: Any = settings.LOGGING["loggers"]
    for name in ("django.request", "django.security"):
        assert loggers[name]["handlers"] == ["console"]

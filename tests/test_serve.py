"""The production server command and the database settings it relies on."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, transaction

from tests.appserver import AppServer, manage, production_environment

PASSWORD = "a long production passphrase"

sqlite_only = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), reason="SQLite settings"
)


@sqlite_only
def test_sqlite_runs_in_wal_mode_with_normal_sync(db: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL


@sqlite_only
def test_sqlite_transactions_take_the_write_lock_when_they_begin(transactional_db: Any) -> None:
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None)
    try:
        with transaction.atomic():
            connection.ensure_connection()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # Released at commit.
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_database_connections_persist_and_are_checked() -> None:
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.fixture
def production_server(tmp_path: Path) -> Iterator[AppServer]:
    env = production_environment(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    manage(env, "migrate", "--no-input")
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        "createsuperuser",
        "--no-input",
        "--username=ops",
        "--email=ops@example.com",
    )
    server = AppServer(env, tmp_path / "server.log").start()
    yield server
    server.stop()


def test_the_production_server_serves_the_api_with_debug_off(production_server: AppServer) -> None:
    status, body = production_server.request(
        "POST", "/api/auth/login/", {"username": "ops", "password": PASSWORD}
    )
    assert status == 200
    for path in ("/api/auth/me/", "/api/random-user/", "/random-user"):
        assert production_server.request("GET", path, token=body["access"])[0] == 200
    status, body = production_server.request("GET", "/no-such-page")
    assert status == 404
    assert body["code"] == "not_found"

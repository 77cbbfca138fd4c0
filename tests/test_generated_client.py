"""A Python client generated from the live schema (openapi-python-client) works against it.

The client is generated the way a consumer of the API would, from `GET /api/schema/` of a
running server, then imported and used: login in both token transports, `me`, sessions and
random users with a list of nationalities.
"""

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

PACKAGE = "jwtsite_client"
CONFIG = f"package_name_override: {PACKAGE}\npost_hooks: []\n"  # no formatter run: faster
PASSWORD = "a long enough password"


def generate(schema_url: str, directory: Path) -> None:
    (directory / "config.yaml").write_text(CONFIG)
    command = [
        str(Path(sys.executable).with_name("openapi-python-client")),
        "generate", "--url", schema_url, "--meta", "none",
        "--output-path", str(directory / PACKAGE), "--config", str(directory / "config.yaml"),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def client_package(
    live_server: Any, transactional_db: Any, tmp_path: Path, django_user_model: Any
) -> Iterator[tuple[ModuleType, str]]:
    """Generate and import the client; return it with the server's URL (a user exists)."""
    django_user_model.objects.create_user(username="generated", password=PASSWORD)
    generate(f"{live_server.url}/api/schema/?format=json", tmp_path)
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(PACKAGE), live_server.url
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.partition(".")[0] == PACKAGE]:
            del sys.modules[name]


def api(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.api.{name}")


def test_the_generated_client_logs_in_and_calls_the_api(
    client_package: tuple[ModuleType, str],
) -> None:
    package, url = client_package
    models = importlib.import_module(f"{PACKAGE}.models")
    anonymous = package.Client(base_url=url, raise_on_unexpected_status=True)
    credentials = models.LoginRequest(username="generated", password=PASSWORD)

    login = api("auth.auth_login_create").sync(client=anonymous, body=credentials)
    assert isinstance(login, models.LoginResponse) and login.user.username == "generated"
    assert isinstance(login.refresh, str)

    cookie_login = api("auth.auth_login_create").sync(
        client=anonymous, body=credentials, x_token_transport="cookie"
    )
    assert isinstance(cookie_login, models.LoginResponse)
    assert isinstance(cookie_login.refresh, importlib.import_module(f"{PACKAGE}.types").Unset)

    client = package.AuthenticatedClient(
        base_url=url, token=login.access, raise_on_unexpected_status=True
    )
    me = api("auth.auth_me_retrieve").sync(client=client)
    assert isinstance(me, models.User) and me.username == "generated"
    sessions = api("auth.auth_sessions_list").sync(client=client)
    assert len(sessions) == 2 and sum(session.current for session in sessions) == 1

    nat = importlib.import_module(f"{PACKAGE}.models.random_users_nat_item").RandomUsersNatItem
    users = api("random_users.random_users").sync(
        client=client, results=20, seed="generated", nat=[nat.FR, nat.DE]
    )
    assert isinstance(users, models.RandomUserList)
    assert {user.nat for user in users.results} == {"FR", "DE"}

    refreshed = api("auth.auth_refresh_create").sync(
        client=anonymous, body=models.RefreshRequest(refresh=login.refresh)
    )
    assert isinstance(refreshed, models.TokenPair) and refreshed.refresh != login.refresh

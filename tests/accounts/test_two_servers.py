"""A token revoked through one app server is refused by another at its very next request.

Two production servers (`deploy/serve.sh`, one worker each) share one database and a Redis
of the test's own. Each test first makes both servers remember the token as verified (the
per-process memory of `accounts.verified_tokens`), then revokes it through server A or
outside both, and asks server B.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.appserver import AppServer, manage, production_environment
from tests.servers import RedisServer

PASSWORD = "a long shared passphrase"
USERS = ("ann", "bob", "cat", "dan")
ME = "/api/auth/me/"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppServer, AppServer]]:
    workdir = tmp_path_factory.mktemp("two-servers")
    redis = RedisServer()
    redis.start()
    env = production_environment(f"sqlite:///{workdir / 'db.sqlite3'}", REDIS_URL=redis.url)
    manage(env, "migrate", "--no-input")
    create = "; ".join(
        f"User.objects.create_user({name!r}, password={PASSWORD!r})" for name in USERS
    )
    manage(env, "shell", "-c", f"from accounts.models import User; {create}")
    first = AppServer(env, workdir / "a.log")
    second = AppServer(env, workdir / "b.log")
    try:
        yield first.start(), second.start()
    finally:
        first.stop()
        second.stop()
        redis.stop()


def login(server: AppServer, username: str) -> dict[str, Any]:
    status, body = server.request(
        "POST", "/api/auth/login/", {"username": username, "password": PASSWORD}
    )
    assert status == 200
    result: dict[str, Any] = body
    return result


def remembered_by_both(servers: tuple[AppServer, AppServer], access: str) -> None:
    for server in servers:
        for _ in range(2):
            assert server.request("GET", ME, token=access)[0] == 200


def refused_by(server: AppServer, access: str) -> str:
    status, body = server.request("GET", ME, token=access)
    assert status == 401
    code: str = body["code"]
    return code


def test_log_out_everywhere(servers: tuple[AppServer, AppServer]) -> None:
    first, second = servers
    access = login(first, "ann")["access"]
    remembered_by_both(servers, access)
    assert first.request("POST", "/api/auth/logout-all/", {}, token=access)[0] == 204
    assert refused_by(second, access) == "token_revoked"


def test_password_change(servers: tuple[AppServer, AppServer]) -> None:
    first, second = servers
    access = login(first, "bob")["access"]
    remembered_by_both(servers, access)
    change = {"old_password": PASSWORD, "new_password": "another long passphrase 2"}
    status, fresh = first.request("POST", "/api/auth/password/change/", change, token=access)
    assert status == 200
    assert refused_by(second, access) == "token_revoked"
    assert second.request("GET", ME, token=fresh["access"])[0] == 200


def test_a_revoked_session(servers: tuple[AppServer, AppServer]) -> None:
    first, second = servers
    keeper, lost = login(first, "cat")["access"], login(first, "cat")["access"]
    remembered_by_both(servers, lost)
    sessions = first.request("GET", "/api/auth/sessions/", token=keeper)[1]
    other = next(session["id"] for session in sessions if not session["current"])
    assert first.request("DELETE", f"/api/auth/sessions/{other}/", token=keeper)[0] == 204
    assert refused_by(second, lost) == "token_revoked"
    assert second.request("GET", ME, token=keeper)[0] == 200


def test_deactivation_outside_both_servers(servers: tuple[AppServer, AppServer]) -> None:
    first, second = servers
    access = login(first, "dan")["access"]
    remembered_by_both(servers, access)
    deactivate = "u = User.objects.get(username='dan'); u.is_active = False; u.save()"
    manage(first.env, "shell", "-c", f"from accounts.models import User; {deactivate}")
    assert refused_by(second, access) == "user_inactive"
    assert refused_by(first, access) == "user_inactive"

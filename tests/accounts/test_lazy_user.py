"""The authenticated user is built from the cached row only when a view needs more than its id."""

from typing import Any

import pytest

from accounts.cache import AuthState
from tests.helpers import bearer


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record every user built from a cached state (the real method still runs)."""
    users: list[Any] = []
    real = AuthState.user

    def counted(self: AuthState) -> Any:
        users.append(real(self))
        return users[-1]

    monkeypatch.setattr(AuthState, "user", counted)
    return users


@pytest.mark.parametrize("path", ["/api/random-user/", "/random-user"])
def test_a_view_that_needs_only_the_id_builds_no_user(
    tokens: dict[str, Any], built: list[Any], path: str
) -> None:
    assert bearer(tokens["access"]).get(path).status_code == 200
    assert built == []


def test_a_view_that_needs_the_user_gets_the_real_one(
    tokens: dict[str, Any], user: Any, built: list[Any]
) -> None:
    response = bearer(tokens["access"]).get("/api/auth/me/")
    assert response.status_code == 200
    assert response.json()["username"] == user.username
    assert built == [user]
    assert type(built[0]) is type(user)


def test_the_lazy_user_is_the_user_for_the_orm(tokens: dict[str, Any], user: Any) -> None:
    response = bearer(tokens["access"]).get("/api/auth/sessions/")
    assert response.status_code == 200
    assert len(response.json()) == 1

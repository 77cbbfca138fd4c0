"""Each access token is verified once per process; revocation is still checked every time."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts import token_backend
from accounts.authentication import verified_tokens
from accounts.verified_tokens import VerifiedTokens
from tests.helpers import bearer, login

ME = "/api/auth/me/"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_entry_is_served_until_its_expiry_and_never_at_it() -> None:
    clock = Clock()
    memory: VerifiedTokens[str] = VerifiedTokens(10, clock)
    memory.put(b"raw", "verified", expires_at=1060)
    clock.now = 1059.9
    assert memory.get(b"raw") == "verified"
    clock.now = 1060
    assert memory.get(b"raw") is None
    assert len(memory) == 0


def test_an_already_expired_token_is_not_stored() -> None:
    memory: VerifiedTokens[str] = VerifiedTokens(10, Clock())
    memory.put(b"raw", "verified", expires_at=1000)
    assert len(memory) == 0


def test_the_memory_is_bounded_and_drops_the_oldest() -> None:
    memory: VerifiedTokens[int] = VerifiedTokens(100, Clock())
    for number in range(1000):
        memory.put(number, number, expires_at=2000)
        assert len(memory) <= 100
    assert memory.get(999) == 999
    assert memory.get(899) is None


def test_expired_entries_make_room_first() -> None:
    clock = Clock()
    memory: VerifiedTokens[str] = VerifiedTokens(3, clock)
    memory.put("a", "a", expires_at=1010)
    memory.put("b", "b", expires_at=1100)
    memory.put("c", "c", expires_at=1100)
    clock.now = 1050
    memory.put("d", "d", expires_at=1200)
    assert [memory.get(key) for key in "abcd"] == [None, "b", "c", "d"]


def test_size_zero_remembers_nothing() -> None:
    memory: VerifiedTokens[str] = VerifiedTokens(0, Clock())
    memory.put("a", "a", expires_at=2000)
    assert memory.get("a") is None


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Count the real signature and claims verifications (the real function still runs)."""
    calls: list[str] = []
    real = token_backend.KeySetTokenBackend.verified_claims

    def counted(self: Any, token: Any) -> dict[str, Any]:
        calls.append("verified")
        return real(self, token)

    monkeypatch.setattr(token_backend.KeySetTokenBackend, "verified_claims", counted)
    yield calls


def test_a_token_is_verified_once_then_remembered(
    tokens: dict[str, Any], verifications: list[str]
) -> None:
    client = bearer(tokens["access"])
    for _ in range(5):
        assert client.get(ME).status_code == 200
    assert verifications == ["verified"]


@pytest.mark.parametrize("path", [ME, "/me", "/api/random-user/", "/random-user"])
def test_an_authenticated_request_costs_no_query(tokens: dict[str, Any], path: str) -> None:
    client = bearer(tokens["access"])
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    assert len(queries) == 0


def test_a_remembered_token_is_refused_once_revoked(tokens: dict[str, Any]) -> None:
    client = bearer(tokens["access"])
    assert client.get(ME).status_code == 200
    assert client.post("/api/auth/logout-all/").status_code == 204
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == "token_revoked"


def test_a_remembered_token_is_refused_at_its_expiry(
    tokens: dict[str, Any], time_machine: Any
) -> None:
    client = bearer(tokens["access"])
    assert client.get(ME).status_code == 200
    exp = verified_tokens().get(tokens["access"].encode())["exp"]  # type: ignore[index]
    time_machine.move_to(exp, tick=False)
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_the_process_memory_is_bounded_by_the_setting(user: Any, password: str) -> None:
    with override_settings(ACCOUNTS={"VERIFIED_TOKEN_CACHE_SIZE": 2}):
        for _ in range(5):
            assert bearer(login(password)["access"]).get(ME).status_code == 200
        assert len(verified_tokens()) == 2


def test_a_forged_token_is_never_remembered(api_client: APIClient, tokens: dict[str, Any]) -> None:
    header, payload, signature = tokens["access"].split(".")
    forged = f"{header}.{payload}.{signature[:-2]}AA"
    for _ in range(2):
        assert bearer(forged).get(ME).status_code == 401
    assert verified_tokens().get(forged.encode()) is None

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.http import HttpResponseBase
from rest_framework.test import APIClient

Fetch = Callable[..., tuple[HttpResponseBase, bytes]]


def body_of(response: HttpResponseBase) -> bytes:
    """Return a response's body, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response.content  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def fetch(auth_client: APIClient) -> Fetch:
    """GET a path with a valid token; return the response and its whole body."""

    def get(path: str, **params: Any) -> tuple[HttpResponseBase, bytes]:
        response = auth_client.get(path, params)
        return response, body_of(response)

    return get


@pytest.fixture
def users_json(fetch: Fetch) -> Callable[..., dict[str, Any]]:
    """GET /api/random-users/ with `params` and return the decoded JSON (asserting 200)."""

    def get(**params: Any) -> dict[str, Any]:
        response, body = fetch("/api/random-users/", **params)
        assert response.status_code == 200, body
        decoded: dict[str, Any] = json.loads(body)
        return decoded

    return get

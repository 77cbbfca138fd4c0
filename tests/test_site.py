"""What a newcomer meets first: the index at `/`, JSON 404s under `/api/`, Swagger UI."""

from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def debug_on(settings: Any) -> None:
    """Serve requests as `make run` does, with debug on (Django's HTML debug pages)."""
    settings.DEBUG = True


def test_the_index_links_to_the_api_docs_admin_and_client(client: Client, settings: Any) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    for href in ("/api/docs/", "/api/schema/", "/api/auth/login/", "/api/random-users/", "/admin/"):
        assert f'href="{href}"' in page
    assert f'href="{settings.CLIENT_URL}/"' in page


@pytest.mark.parametrize("path", ["/api/nope/", "/api/auth/nope", "/api/random-users/x/"])
def test_unknown_api_urls_answer_json_with_debug_on(
    client: Client, debug_on: None, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unknown_api_urls_answer_json_to_unsafe_methods_too(method: str) -> None:
    # Django's test client skips CSRF checks unless asked; a real client gets them.
    response = getattr(Client(enforce_csrf_checks=True), method)("/api/auth/sessions/x,y/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_swagger_ui_keeps_its_authorization_across_reloads(client: Client) -> None:
    page = client.get("/api/docs/").content.decode()
    assert '"persistAuthorization": true' in page

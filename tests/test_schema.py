"""The OpenAPI schema can be trusted by client generators, checked over every operation.

Each probe below sends one request that must fail in a known way, and the status and media
type it gets must be declared by the operation: an endpoint added later is checked too.
"""

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts.conf import accounts_settings
from tests.test_project import manage

Operation = tuple[str, str, dict[str, Any]]
PATH_EXAMPLES = {"size": "large", "colour": "000000", "initials": "A"}
SECRET = "s" * 50


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    generated: dict[str, Any] = SchemaGenerator().get_schema(request=None, public=True)
    return generated


def operations(schema: dict[str, Any]) -> Iterator[Operation]:
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def concrete(path: str) -> str:
    """Fill a templated path with values its parameters accept (any UUID for an id)."""
    for name, value in PATH_EXAMPLES.items():
        path = path.replace(f"{{{name}}}", value)
    return path.replace("{id}", str(uuid.uuid4()))


def spectacular(debug: str) -> str:
    result = manage(
        "spectacular", "--format", "openapi-json", "--fail-on-warn",
        DJANGO_DEBUG=debug, DJANGO_SECRET_KEY=SECRET, JWT_SIGNING_KEY=SECRET,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_schema_is_the_same_with_debug_on_and_off_and_takes_only_json() -> None:
    with_debug = spectacular("true")
    assert with_debug == spectacular("false")
    bodies = [op.get("requestBody") for _, _, op in operations(json.loads(with_debug))]
    assert [set(body["content"]) for body in bodies if body] == [{"application/json"}] * len(
        [body for body in bodies if body]
    )
    assert any(bodies)


def test_every_operation_has_its_own_summary(schema: dict[str, Any]) -> None:
    summaries = [operation.get("summary") for _, _, operation in operations(schema)]
    assert all(summaries)
    assert len(set(summaries)) == len(summaries)


def assert_declared(operation: dict[str, Any], response: Any) -> None:
    declared = operation["responses"].get(str(response.status_code))
    assert declared is not None, f"{response.status_code} not declared"
    media_type = response.get("Content-Type", "").split(";")[0]
    assert media_type in declared.get("content", {}) or not response.content


def probe(client: APIClient, path: str, method: str, **kwargs: Any) -> Any:
    return getattr(client, method)(concrete(path), **kwargs)


@pytest.mark.django_db
def test_a_bad_token_gets_a_declared_answer_everywhere(schema: dict[str, Any]) -> None:
    client = APIClient(HTTP_AUTHORIZATION="Bearer not-a-token")
    for path, method, operation in operations(schema):
        response = probe(client, path, method)
        assert response.status_code < 500
        assert_declared(operation, response)


def body_probes() -> dict[str, dict[str, Any]]:
    too_large = b"{}" + b" " * accounts_settings.MAX_BODY_SIZE
    return {
        "not JSON": {"data": b"{not json", "content_type": "application/json"},
        "not a JSON type": {"data": b"x=1", "content_type": "application/x-www-form-urlencoded"},
        "too large": {"data": too_large, "content_type": "application/json"},
    }


@pytest.mark.parametrize("kind", sorted(body_probes()))
def test_a_bad_body_gets_a_declared_answer_everywhere(
    schema: dict[str, Any], auth_client: APIClient, kind: str
) -> None:
    probed = 0
    for path, method, operation in operations(schema):
        if "requestBody" in operation:
            response = probe(auth_client, path, method, **body_probes()[kind])
            assert 400 <= response.status_code < 500
            assert_declared(operation, response)
            probed += 1
    assert probed >= 5


def component(schema: dict[str, Any], reference: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = schema["components"]["schemas"][reference["$ref"].split("/")[-1]]
    return found


def response_schema(schema: dict[str, Any], path: str, status: int = 200) -> dict[str, Any]:
    content = schema["paths"][path]["post"]["responses"][str(status)]["content"]
    return component(schema, content["application/json"]["schema"])


COOKIE_MODE: dict[str, Any] = {"HTTP_X_TOKEN_TRANSPORT": "cookie"}


def test_cookie_mode_answers_have_every_required_field(
    schema: dict[str, Any], user: Any, password: str
) -> None:
    client = APIClient(**COOKIE_MODE)
    credentials = {"username": "alice", "password": password}
    login = client.post("/api/auth/login/", credentials, format="json")
    refresh = client.post("/api/auth/refresh/", {}, format="json")
    assert (login.status_code, refresh.status_code) == (200, 200)
    for path, response in [("/api/auth/login/", login), ("/api/auth/refresh/", refresh)]:
        documented = response_schema(schema, path)
        assert set(documented["required"]) <= set(response.json())
        assert "cookie mode" in documented["properties"]["refresh"]["description"]


def test_cookie_mode_requests_need_no_refresh_field(schema: dict[str, Any]) -> None:
    for path in ("/api/auth/refresh/", "/api/auth/logout/"):
        body = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        documented = component(schema, body["schema"])
        assert "refresh" not in documented.get("required", [])
        assert "cookie mode" in documented["properties"]["refresh"]["description"]


@pytest.mark.django_db
def test_header_mode_without_refresh_is_still_400() -> None:
    for path in ("/api/auth/refresh/", "/api/auth/logout/"):
        response = APIClient().post(path, {}, format="json")
        assert response.status_code == 400
        assert set(response.json()["errors"]) == {"refresh"}


def descriptions(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from descriptions(value)
    elif isinstance(node, list):
        for item in node:
            yield from descriptions(item)


def test_no_description_has_a_star_that_markdown_would_eat(schema: dict[str, Any]) -> None:
    # Swagger UI renders descriptions as Markdown: `a*b` outside code is emphasis.
    for description in descriptions(schema):
        prose = re.sub(r"`[^`]*`", "", re.sub(r"(?m)^\s*\* ", "", description))
        assert "*" not in prose, description


@pytest.mark.parametrize(
    ("path", "method", "statuses"),
    [
        ("/api/auth/login/", "post", {"403", "429"}),  # email not verified; the guard's limits
        ("/api/auth/password/change/", "post", {"429"}),
        ("/api/auth/me/", "delete", {"413", "415", "429"}),
        ("/api/auth/email/change/", "post", {"429"}),
        ("/login/", "post", {"429"}),
    ],
)
def test_every_password_check_declares_the_guards_answers(
    schema: dict[str, Any], path: str, method: str, statuses: set[str]
) -> None:
    """The password guard answers 429 on every route that checks a password."""
    assert statuses <= set(schema["paths"][path][method]["responses"])

"""Oversized, nested, ill-typed and malformed input: always a 4xx, never a 500."""

import io
import json
from typing import Any

import pytest
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse
from rest_framework.test import APIClient

from accounts.conf import accounts_settings
from accounts.middleware import BodySizeLimitMiddleware
from accounts.views import LoginView

LOGIN = "/api/auth/login/"
JSON_ENDPOINTS = [LOGIN, "/api/auth/refresh/", "/api/auth/logout/", "/api/auth/verify/"]


def post_raw(
    path: str, body: bytes | str, content_type: str = "application/json", **meta: Any
) -> Any:
    client: Any = APIClient()  # Its stubs say `str`; Django's client takes bytes too.
    return client.generic("POST", path, body, content_type=content_type, **meta)


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
def test_oversized_body_is_413_json(db: Any, path: str) -> None:
    response = post_raw(path, json.dumps({"username": "a" * 70_000, "password": "b"}))
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


@pytest.mark.parametrize(("method", "path"), [("POST", "/login"), ("GET", "/random-user")])
def test_oversized_body_on_a_course_route_is_413_plain_text(
    db: Any, method: str, path: str
) -> None:
    body = json.dumps({"username": "a" * 70_000})
    response = APIClient().generic(method, path, body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")


def test_body_at_the_limit_is_read(db: Any) -> None:
    body = json.dumps({"username": "a", "password": "b", "pad": "x" * 60_000})
    assert post_raw(LOGIN, body).status_code == 401


@pytest.mark.parametrize(("extra", "status"), [(0, 401), (1, 413)])
def test_the_limit_is_the_largest_body_read(db: Any, extra: int, status: int) -> None:
    """`MAX_BODY_SIZE` bytes exactly are read; one more is refused."""
    start = '{"username": "a", "password": "b", "pad": "'
    body = start + "x" * (accounts_settings.MAX_BODY_SIZE - len(start) - 2 + extra) + '"}'
    assert post_raw(LOGIN, body).status_code == status


@pytest.mark.parametrize("length", ["abc", "-1", "1e9", "１２"])  # Fullwidth digits: not ASCII.
def test_invalid_content_length_is_400(db: Any, length: str) -> None:
    response = post_raw(LOGIN, "{}", CONTENT_LENGTH=length)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_invalid_content_length_on_a_course_route_is_400_plain_text(db: Any) -> None:
    response = post_raw("/login", "{}", CONTENT_LENGTH="abc")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def asgi_request(body: bytes) -> ASGIRequest:
    scope = {"type": "http", "method": "POST", "path": LOGIN, "headers": [], "query_string": b""}
    return ASGIRequest(scope, io.BytesIO(body))


@pytest.mark.parametrize(("size", "status"), [(70_000, 413), (10, None)])
def test_body_without_content_length_is_measured(size: int, status: int | None) -> None:
    """Chunked bodies on ASGI have no Content-Length."""
    middleware = BodySizeLimitMiddleware(lambda request: HttpResponse())
    response = middleware.process_view(asgi_request(b"x" * size), LoginView.as_view(), (), {})
    assert getattr(response, "status_code", None) == status


def test_a_body_django_will_not_hold_counts_as_over_the_limit(settings: Any) -> None:
    """Django refuses to read a body over `DATA_UPLOAD_MAX_MEMORY_SIZE`: that is a 413 too."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    middleware = BodySizeLimitMiddleware(lambda request: HttpResponse())
    response = middleware.process_view(asgi_request(b"x" * 200), LoginView.as_view(), (), {})
    assert getattr(response, "status_code", None) == 413


@pytest.mark.parametrize("depth", [32, 5_000, 30_000])  # 32 in the object: one too many.
def test_deeply_nested_json_is_400(db: Any, depth: int) -> None:
    response = post_raw(LOGIN, '{"username": ' + "[" * depth + "]" * depth + "}")
    assert response.status_code == 400
    assert response.json()["code"] == "json_too_deep"


def test_brackets_inside_strings_do_not_count(db: Any) -> None:
    body = json.dumps({"username": "[" * 100 + '\\"{' * 10, "password": "x"})
    assert post_raw(LOGIN, body).status_code == 401


def test_an_escaped_quote_does_not_end_a_string(db: Any) -> None:
    """Else the scanner would take the nesting after it for a string's contents."""
    body = '{"username": "\\"", "password": ' + "[" * 40 + "]" * 40 + "}"
    assert json.loads(body)["username"] == '"'
    assert post_raw(LOGIN, body).json()["code"] == "json_too_deep"


def test_unclosed_nesting_counts_too(db: Any) -> None:
    response = post_raw(LOGIN, '{"username": ' + "[" * 30_000)
    assert response.json()["code"] == "json_too_deep"


def test_a_closing_bracket_lowers_the_depth_by_one(db: Any) -> None:
    body = '{"username": ' + "[" * 20 + "[], " * 10 + "[" * 20 + "]" * 40 + "}"  # 41 levels
    assert post_raw(LOGIN, body).json()["code"] == "json_too_deep"


def test_sibling_arrays_do_not_add_up(db: Any) -> None:
    body = '{"username": [' + ", ".join(["[]"] * 40) + '], "password": "x"}'
    assert post_raw(LOGIN, body).json()["code"] == "invalid"


def test_nesting_within_the_limit_is_an_ordinary_400(db: Any) -> None:
    response = post_raw(LOGIN, '{"username": ' + "[" * 31 + "]" * 31 + ', "password": "x"}')
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize(
    "body",
    [
        {"username": "al\x00ice", "password": "x"},
        {"username": "alice", "password": "pass\x00word"},
        {"username": "\ud800", "password": "x"},
        {"username": "alice", "password": "\udfff"},
        {"username": 10**4000, "password": "x"},
        {"username": 1e308, "password": 1.5},
        {"username": True, "password": False},
        {"username": ["alice"], "password": {"a": 1}},
        {"username": "a" * 151, "password": "x"},
        {"username": "alice", "password": "x" * 1025},
        {"username": "👩‍💻" * 30, "password": "ṕàśśẃőŕď"},
        {"username": "alice", "password": "x", "extra": {"nested": [1, 2, 3]}},
    ],
)
@pytest.mark.parametrize("path", [LOGIN, "/login"])
def test_strange_credentials_are_4xx(user: Any, body: dict[str, Any], path: str) -> None:
    response = post_raw(path, json.dumps(body))
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "raw",
    [
        b'{"username": "\xff\xfe", "password": "x"}',
        b"\xef\xbb\xbf{}",
        b'{"username": NaN, "password": Infinity}',
        b'{"username": "a", "username": "b"}',
        b"1" * 5000,
        b"\x00" * 100,
        b"",
    ],
)
@pytest.mark.parametrize("path", JSON_ENDPOINTS)
def test_malformed_bodies_are_400_json(db: Any, raw: bytes, path: str) -> None:
    response = post_raw(path, raw)
    assert response.status_code in (400, 401)
    assert "code" in response.json()


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_has_no_nan_or_infinity(db: Any, constant: str) -> None:
    """They are not JSON (RFC 8259 §6), though Python's json module reads them."""
    response = post_raw(LOGIN, f'{{"username": "alice", "password": {constant}}}')
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data"])
def test_other_media_types_are_415(db: Any, content_type: str) -> None:
    response = post_raw(LOGIN, "username=a", content_type=content_type)
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


@pytest.mark.parametrize("charset", ["rot13", "latin-1", "utf-16", "utf-32", "nonsense"])
def test_json_in_another_charset_is_415(db: Any, charset: str) -> None:
    """RFC 8259 §8.1: JSON exchanged between systems is UTF-8."""
    body = json.dumps({"username": "alice", "password": "x"}).encode(
        "utf-16" if "16" in charset else "ascii"
    )
    response = post_raw(LOGIN, body, content_type=f"application/json; charset={charset}")
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


@pytest.mark.parametrize("charset", ["", "; charset=utf-8", "; charset=UTF8", '; charset="utf-8"'])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-bom", "bom"])
def test_utf8_json_with_or_without_a_bom_is_read(
    user: Any, password: str, charset: str, bom: bytes
) -> None:
    body = bom + json.dumps({"username": "alice", "password": password}).encode()
    assert post_raw(LOGIN, body, content_type=f"application/json{charset}").status_code == 200


def test_json_that_is_not_utf8_is_400(db: Any) -> None:
    body = '{"username": "alicé", "password": "x"}'.encode("latin-1")
    response = post_raw(LOGIN, body)
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_a_long_passphrase_works(user: Any) -> None:
    passphrase = ("correct horse battery staple " * 36)[:1024]
    user.set_password(passphrase)
    user.save()
    assert (
        post_raw(LOGIN, json.dumps({"username": "alice", "password": passphrase})).status_code
        == 200
    )


@pytest.mark.parametrize(
    "header",
    ["Bearer " + "a" * 10_000, "Bearer \u00e9\u00e9", "Bearer a.b", "Bearer " + "e" * 100 + ".."],
)
def test_strange_authorization_headers_are_401(db: Any, header: str) -> None:
    response = APIClient().get("/api/auth/me/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert "code" in response.json()

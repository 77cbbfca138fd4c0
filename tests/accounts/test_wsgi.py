"""Requests Django cannot even build get a 400 JSON, through the project's WSGI handler."""

import io
import json
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest

from jwtsite.wsgi import application


def call(content_type: str, content_length: str = "", query: str = "a=b") -> tuple[str, Any]:
    """Send one request through the WSGI application; return its status and JSON body."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/api/auth/login/",
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": content_length,
        "REMOTE_ADDR": "::ffff:192.0.2.9",
        "wsgi.input": io.BytesIO(b"{}"),
    }
    setup_testing_defaults(environ)
    statuses: list[str] = []
    body = b"".join(application(environ, lambda status, headers: statuses.append(status)))
    return statuses[0], json.loads(body)


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib", "bz2", "nonsense"])
def test_a_charset_that_is_not_a_text_encoding_is_a_400(
    db: Any, charset: str, events: list[Any]
) -> None:
    status, body = call(f"text/plain; charset={charset}", "2")
    assert status.startswith("400")
    assert body["code"] == "bad_request"
    assert events[-1]["event"] == "request_malformed"
    assert events[-1]["ip_address"] == "192.0.2.9"


@pytest.mark.parametrize("length", ["²", "١٢", "-1", "1e3", " 2"])
def test_a_content_length_that_is_not_a_number_is_a_400(db: Any, length: str) -> None:
    status, body = call("application/json", length)
    assert status.startswith("400")
    assert body["code"] == "bad_request"


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "latin-1"])
def test_text_charsets_pass_to_django(db: Any, charset: str) -> None:
    """Positive control: the same request with a real charset reaches the view."""
    status, body = call(f"application/json; charset={charset}", "2")
    assert status[:3] in ("400", "415")
    assert body["code"] != "bad_request"

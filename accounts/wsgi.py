"""A WSGI guard: refuse with 400 JSON the requests Django would answer with a 500.

Some malformed requests fail while Django builds the request, before any middleware or
exception handler runs:

- a `charset` that is not a text encoding (`rot13`, `base64`, `hex`, `zlib`, ...) or no
  encoding at all: Django decodes the query string and form data with it;
- a `Content-Length` that is not a plain decimal number (`²` passes `str.isdigit()` but
  not `int()`; RFC 9110 §8.6 allows only ASCII digits).

Wrap the project's application: `application = RequestGuard(get_wsgi_application())`.
"""

import codecs
import json
from collections.abc import Callable, Iterable
from typing import Any

from django.utils.http import parse_header_parameters

from accounts import codes
from accounts.network import valid_ip
from accounts.signals import emit

WSGIApplication = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def is_text_encoding(name: str) -> bool:
    """Tell whether `name` is a codec between text and bytes (not `rot13`, `zlib`, ...)."""
    try:
        codecs.lookup(name)
        "x".encode(name)
    except LookupError:
        return False
    except (UnicodeError, ValueError):
        return True  # A text codec that cannot write "x": still a text encoding.
    return True


def problem_of(environ: dict[str, Any]) -> str | None:
    """Return what is wrong with the request's headers, or None."""
    _, parameters = parse_header_parameters(environ.get("CONTENT_TYPE") or "")
    charset = parameters.get("charset")
    if charset is not None and not is_text_encoding(charset):
        return "The charset of the Content-Type header is not a text encoding."
    length = environ.get("CONTENT_LENGTH") or ""
    if length and not (length.isascii() and length.isdigit()):
        return "The Content-Length header is not a number."
    return None


class RequestGuard:
    """WSGI middleware answering 400 `{detail, code: "bad_request"}` to malformed headers."""

    def __init__(self, application: WSGIApplication) -> None:
        self.application = application

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        problem = problem_of(environ)
        if problem is None:
            return self.application(environ, start_response)
        address = valid_ip(str(environ.get("REMOTE_ADDR") or ""))
        emit("request_malformed", reason=problem, ip_address=address)
        body = json.dumps({"detail": problem, "code": codes.BAD_REQUEST}).encode()
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        start_response("400 Bad Request", headers)
        return [body]

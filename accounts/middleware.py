"""Refuse request bodies over `ACCOUNTS["MAX_BODY_SIZE"]` with 413, before any view reads them.

Django's own limit (`DATA_UPLOAD_MAX_MEMORY_SIZE`) answers 400 and only when the body
is read. Here a declared Content-Length is checked first; a body without one (chunked,
on ASGI) is measured, which Django bounds by `DATA_UPLOAD_MAX_MEMORY_SIZE` in memory.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponseBase

from accounts import codes
from accounts.conf import accounts_settings
from accounts.shared import error_response

TOO_LARGE = "The request body is too large."
BAD_LENGTH = "The Content-Length header is invalid."


def body_size(request: HttpRequest) -> int | None:
    """Return the body's size in bytes (declared or measured), or None if the header lies."""
    declared: str | None = request.META.get("CONTENT_LENGTH")
    if declared:
        return int(declared) if declared.isascii() and declared.isdigit() else None
    try:
        return len(request.body)
    except RequestDataTooBig:
        return accounts_settings.MAX_BODY_SIZE + 1


class BodySizeLimitMiddleware:
    """Answer 413 `{detail, code: "request_too_large"}` to oversized bodies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponseBase | None:
        size = body_size(request)
        if size is None:
            return error_response(view, 400, BAD_LENGTH, codes.BAD_REQUEST)
        if size > accounts_settings.MAX_BODY_SIZE:
            return error_response(view, 413, TOO_LARGE, codes.REQUEST_TOO_LARGE)
        return None

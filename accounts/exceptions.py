"""Domain errors raised by the services, and the API's error format.

Services raise the plain exceptions below; views turn them into DRF exceptions with a
stable snake_case `code`. `exception_handler` is offered to projects that want every
error as `{"detail": ..., "code": ...}`; this app does not install it by itself.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class SessionError(Exception):
    """A refresh token's session cannot be used."""

    code = "session_invalid"
    message = "The session is no longer valid."


class SessionNotFound(SessionError):
    code = "session_not_found"
    message = "The session does not exist."


class SessionRevoked(SessionError):
    code = "session_revoked"
    message = "The session has been revoked."


class SessionExpired(SessionError):
    code = "session_expired"
    message = "The session has expired; log in again."


class RefreshTokenReused(SessionError):
    code = "refresh_token_reused"
    message = "This refresh token was already used; the session has been revoked."


class TokenRevoked(SessionError):
    code = "token_revoked"
    message = "The token has been revoked."


class UserInactive(SessionError):
    code = "user_inactive"
    message = "The user is inactive or no longer exists."


class WrongPassword(Exception):
    """The current password given to a password change is wrong."""


class EmailKeyError(Exception):
    """An emailed key (verification, email change, password reset) cannot be used."""

    code = "key_invalid"
    message = "This link is not valid. Ask for a new one."


class EmailKeyExpired(EmailKeyError):
    code = "key_expired"
    message = "This link has expired. Ask for a new one."


class EmailKeyUsed(EmailKeyError):
    code = "key_used"
    message = "This link was already used."


class ResetTokenInvalid(EmailKeyError):
    code = "reset_token_invalid"
    message = "This reset link is used, expired or wrong. Ask for a new one."


class EmailTaken(Exception):
    """Another account already uses the email address."""


class CodedValidationError(exceptions.ValidationError):
    """A 400 with field errors whose body `code` is more specific than `invalid`."""

    def __init__(self, errors: dict[str, list[str]], code: str) -> None:
        super().__init__(errors, code=code)
        self.error_code = code


@contextmanager
def session_errors_as_401() -> Iterator[None]:
    """Turn a `SessionError` raised inside into a 401 with the error's `code`."""
    try:
        yield
    except SessionError as error:
        raise exceptions.AuthenticationFailed(error.message, code=error.code) from error


def error_body(exc: exceptions.APIException, data: Any) -> dict[str, Any]:
    if isinstance(exc, exceptions.ValidationError):
        code = getattr(exc, "error_code", "invalid")
        return {"detail": "Invalid input.", "code": code, "errors": data}
    if isinstance(data, dict) and "detail" in data:
        # SimpleJWT's InvalidToken carries {"detail", "code", "messages"}.
        detail, code = data["detail"], data.get("code")
    else:
        detail, code = data, None
    if code is None:
        codes = exc.get_codes()
        code = codes.get("detail", exc.default_code) if isinstance(codes, dict) else codes
    return {"detail": str(detail), "code": str(code)}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Render every API error as JSON `{"detail", "code"}` (plus `errors` for 400s)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    response.data = error_body(exc, response.data)
    if response.status_code == status.HTTP_401_UNAUTHORIZED:
        response.setdefault("WWW-Authenticate", 'Bearer realm="api"')
    return response

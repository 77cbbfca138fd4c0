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

from accounts import codes


class SessionError(Exception):
    """A token, its session or its user cannot be used (a 401)."""

    code = codes.SESSION_INVALID
    message = "The session is no longer valid."


class SessionNotFound(SessionError):
    code = codes.SESSION_NOT_FOUND
    message = "The session does not exist."


class SessionRevoked(SessionError):
    code = codes.SESSION_REVOKED
    message = "The session has been revoked."


class SessionExpired(SessionError):
    code = codes.SESSION_EXPIRED
    message = "The session has expired; log in again."


class RefreshTokenReused(SessionError):
    code = codes.REFRESH_TOKEN_REUSED
    message = "This refresh token was already used; the session has been revoked."


class TokenRevoked(SessionError):
    code = codes.TOKEN_REVOKED
    message = "The token has been revoked."


class UserInactive(SessionError):
    code = codes.USER_INACTIVE
    message = "The user is inactive or no longer exists."


class UserNotFound(SessionError):
    code = codes.USER_NOT_FOUND
    message = "The user no longer exists."


class RefreshTokenSuperseded(Exception):
    """The refresh token was rotated out moments ago: a race between the user's own tabs."""

    code = codes.REFRESH_SUPERSEDED
    message = "A newer refresh token was issued moments ago; retry with it."


class Conflict(exceptions.APIException):
    """A 409: the request raced another one (the only one so far: `refresh_superseded`)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = RefreshTokenSuperseded.message
    default_code = codes.REFRESH_SUPERSEDED


class PasswordRejected(Exception):
    """A password check failed: wrong password, unknown or inactive user, or locked out."""


class TooManyAttempts(Exception):
    """A password check went over a rate limit; `wait` is the seconds until the next window."""

    def __init__(self, wait: float) -> None:
        super().__init__(wait)
        self.wait = wait


class EmailKeyError(Exception):
    """An emailed key (verification, email change, password reset) cannot be used."""

    code = codes.KEY_INVALID
    message = "This link is not valid. Ask for a new one."


class EmailKeyExpired(EmailKeyError):
    code = codes.KEY_EXPIRED
    message = "This link has expired. Ask for a new one."


class EmailKeyUsed(EmailKeyError):
    code = codes.KEY_USED
    message = "This link was already used."


class ResetTokenInvalid(EmailKeyError):
    code = codes.RESET_TOKEN_INVALID
    message = "This reset link is used, expired or wrong. Ask for a new one."


class EmailTaken(Exception):
    """Another account already uses the email address."""


@contextmanager
def session_errors_as_401() -> Iterator[None]:
    """Turn a `SessionError` raised inside into a 401 with the error's `code`."""
    try:
        yield
    except SessionError as error:
        raise exceptions.AuthenticationFailed(error.message, code=error.code) from error


@contextmanager
def too_many_attempts_as_429() -> Iterator[None]:
    """Turn `TooManyAttempts` raised inside into DRF's 429 `throttled` with `Retry-After`."""
    try:
        yield
    except TooManyAttempts as error:
        raise exceptions.Throttled(wait=error.wait) from error


@contextmanager
def wrong_password_as_400(field: str) -> Iterator[None]:
    """Answer a refused password as 400 `wrong_password` on `field`, too many tries as 429."""
    try:
        with too_many_attempts_as_429():
            yield
    except PasswordRejected as error:
        raise field_error(field, "The password is wrong.", codes.WRONG_PASSWORD) from error


class KeyRejected(exceptions.APIException):
    """A 400 for an emailed key or token that cannot be used."""

    status_code = status.HTTP_400_BAD_REQUEST


@contextmanager
def key_errors_as_400() -> Iterator[None]:
    """Turn an `EmailKeyError` raised inside into a 400 with the error's `code`."""
    try:
        yield
    except EmailKeyError as error:
        raise KeyRejected(error.message, code=error.code) from error


def field_error(field: str, message: str, code: str) -> exceptions.ValidationError:
    """Return a 400 naming `field`, whose body `code` is `code`."""
    return exceptions.ValidationError({field: [message]}, code=code)


def email_taken(field: str) -> exceptions.ValidationError:
    """Return the 400 `email_taken` on `field`."""
    return field_error(field, "An account already uses this address.", codes.EMAIL_TAKEN)


def validation_code(exc: exceptions.ValidationError) -> str:
    """Return the one code of this module all the field errors share, else `invalid`.

    A domain error raised as a 400 (`wrong_password`) keeps its code; DRF's per-field
    codes (`required`, `max_length`, …) stay in `errors` and answer `invalid`.
    """
    found = set(leaf_codes(exc.get_codes()))
    return found.pop() if len(found) == 1 and found <= codes.ALL else codes.INVALID


def leaf_codes(tree: Any) -> Iterator[str]:
    if isinstance(tree, dict):
        tree = list(tree.values())
    if isinstance(tree, list):
        for branch in tree:
            yield from leaf_codes(branch)
    else:
        yield str(tree)


def error_body(exc: exceptions.APIException, data: Any) -> dict[str, Any]:
    """Return the body `{detail, code[, errors]}` of an API error."""
    if isinstance(exc, exceptions.ValidationError):
        return {"detail": "Invalid input.", "code": validation_code(exc), "errors": data}
    if isinstance(data, dict) and "detail" in data:
        # SimpleJWT's InvalidToken carries {"detail", "code", "messages"}.
        detail, code = data["detail"], data.get("code")
    else:
        detail, code = data, None
    if code is None:
        raised = exc.get_codes()
        code = raised.get("detail", exc.default_code) if isinstance(raised, dict) else raised
    return {"detail": str(detail), "code": str(code)}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Render every API error as JSON `{"detail", "code"}` (plus `errors` for 400s)."""
    # Imported here: `rest_framework.views` loads the authentication classes, which need
    # this module's exceptions.
    from rest_framework.views import exception_handler as drf_exception_handler

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

"""Account lifecycle endpoints: thin views over `accounts.lifecycle`."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.utils.cache import patch_cache_control
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import codes, lifecycle
from accounts.claims import SESSION_CLAIM
from accounts.conf import accounts_settings
from accounts.email_tokens import user_for_reset_token
from accounts.exceptions import (
    EmailKeyError,
    EmailTaken,
    PasswordRejected,
    too_many_attempts_as_429,
)
from accounts.guard import Action, password_confirm
from accounts.lifecycle_serializers import (
    DetailSerializer,
    EmailChangeSerializer,
    EmailSerializer,
    KeySerializer,
    PasswordSerializer,
    PendingUserSerializer,
    ProfileSerializer,
    RegisterResponseSerializer,
    RegisterSerializer,
    ResetConfirmSerializer,
    UserResponseSerializer,
    check_password_strength,
)
from accounts.models import User
from accounts.network import client_ip
from accounts.serializers import UserSerializer
from accounts.services import session_start
from accounts.shared import error_responses as errors
from accounts.throttling import MAIL_THROTTLES
from accounts.views import MeView

ACCEPTED = {"detail": "If the address can receive it, an email is on its way."}


class KeyRejected(exceptions.APIException):
    """A 400 for an emailed key or token that cannot be used."""

    status_code = status.HTTP_400_BAD_REQUEST


@contextmanager
def lasting_at_least(seconds: float) -> Iterator[None]:
    """Hold the answer until `seconds` have passed since entering, whatever happened."""
    deadline = time.monotonic() + seconds
    try:
        yield
    finally:
        time.sleep(max(0.0, deadline - time.monotonic()))


@contextmanager
def key_errors_as_400() -> Iterator[None]:
    try:
        yield
    except EmailKeyError as error:
        raise KeyRejected(error.message, code=error.code) from error


def field_error(field: str, message: str, code: str) -> exceptions.ValidationError:
    """A 400 naming `field`, whose body `code` is `code`."""
    return exceptions.ValidationError({field: [message]}, code=code)


def email_taken(field: str) -> exceptions.ValidationError:
    return field_error(field, "An account already uses this address.", codes.EMAIL_TAKEN)


class AnonymousView(APIView):
    """No token needed; a stale one is ignored. The answer is never cached."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    #: Answer no sooner than `UNIFORM_ANSWER_DURATION` (views that could reveal addresses).
    uniform_duration = False

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.uniform_duration:
            return super().dispatch(request, *args, **kwargs)
        with lasting_at_least(accounts_settings.UNIFORM_ANSWER_DURATION.total_seconds()):
            return super().dispatch(request, *args, **kwargs)

    def valid_data(self, serializer_class: type[Any]) -> dict[str, Any]:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        data: dict[str, Any] = serializer.validated_data
        return data

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_store=True)
        return response


@extend_schema(
    summary="Sign up",
    request=RegisterSerializer,
    responses={201: RegisterResponseSerializer, **errors(400, 403, 429)},
    auth=[],
)
class RegisterView(AnonymousView):
    """Create an account. With mandatory verification: no tokens, a verification email."""

    throttle_classes = MAIL_THROTTLES

    uniform_duration = True

    def post(self, request: Request) -> Response:
        if accounts_settings.REGISTRATION != "open":
            raise exceptions.PermissionDenied("Sign-up is closed.", code=codes.REGISTRATION_CLOSED)
        data = self.valid_data(RegisterSerializer)
        candidate = User(username=data["username"], email=data["email"])
        check_password_strength(data["password"], candidate, field="password")
        try:
            user = lifecycle.user_register(**data)
        except lifecycle.UsernameTaken as error:
            message = "A user with that username already exists."
            raise field_error("username", message, codes.USERNAME_TAKEN) from error
        except EmailTaken as error:
            raise email_taken("email") from error
        if user is None or not lifecycle.login_allowed(user):
            pending = PendingUserSerializer(user or candidate).data
            return Response({"user": pending}, status=status.HTTP_201_CREATED)
        pair = session_start(
            user=user,
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            ip_address=client_ip(request),
        )
        body = {"user": UserSerializer(user).data, "access": pair.access, "refresh": pair.refresh}
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Verify an email address",
    request=KeySerializer,
    responses={200: UserResponseSerializer, **errors(400)},
    auth=[],
)
class VerifyEmailView(AnonymousView):
    """Verify the address of an emailed key; with mandatory verification, login now works."""

    def post(self, request: Request) -> Response:
        with key_errors_as_400():
            user = lifecycle.user_verify_email(**self.valid_data(KeySerializer))
        return Response({"user": UserSerializer(user).data})


@extend_schema(
    summary="Resend the verification email",
    request=EmailSerializer,
    responses={202: DetailSerializer, **errors(400, 429)},
    auth=[],
)
class ResendEmailView(AnonymousView):
    """Send a new verification email. 202 whatever the address."""

    throttle_classes = MAIL_THROTTLES
    uniform_duration = True

    def post(self, request: Request) -> Response:
        lifecycle.verification_resend(**self.valid_data(EmailSerializer))
        return Response(ACCEPTED, status=status.HTTP_202_ACCEPTED)


@extend_schema(
    summary="Ask for a password reset",
    request=EmailSerializer,
    responses={202: DetailSerializer, **errors(400, 429)},
    auth=[],
)
class PasswordResetView(AnonymousView):
    """Email a password-reset link. 202 whatever the address."""

    throttle_classes = MAIL_THROTTLES
    uniform_duration = True

    def post(self, request: Request) -> Response:
        lifecycle.password_reset_request(**self.valid_data(EmailSerializer))
        return Response(ACCEPTED, status=status.HTTP_202_ACCEPTED)


@extend_schema(
    summary="Set a new password from a reset link",
    request=ResetConfirmSerializer,
    responses={200: DetailSerializer, **errors(400)},
    auth=[],
)
class PasswordResetConfirmView(AnonymousView):
    """Set a new password from a reset link: every session and token of the user ends."""

    def post(self, request: Request) -> Response:
        data = self.valid_data(ResetConfirmSerializer)
        with key_errors_as_400():
            user = user_for_reset_token(data["uid"], data["token"])
            check_password_strength(data["new_password"], user, field="new_password")
            lifecycle.user_reset_password(user=user, new_password=data["new_password"])
        return Response({"detail": "Your password has been set. Log in with it."})


class AccountView(MeView):
    """Show, rename or delete the authenticated user's account."""

    @extend_schema(
        summary="Change your names",
        request=ProfileSerializer,
        responses={200: UserSerializer, **errors(400, 401)},
    )
    def patch(self, request: Request) -> Response:
        user: Any = request.user
        serializer = ProfileSerializer(user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(UserSerializer(serializer.instance).data)

    @extend_schema(
        summary="Delete your account",
        request=PasswordSerializer,
        responses={204: None, **errors(400, 401, 413, 415, 429)},
    )
    def delete(self, request: Request) -> Response:
        data = PasswordSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with password_errors("account_delete"):
            lifecycle.user_delete(request=request, user=request.user, **data.validated_data)  # type: ignore[arg-type]
        return Response(status=status.HTTP_204_NO_CONTENT)


@contextmanager
def password_errors(action: Action) -> Iterator[None]:
    """Answer a refused password as 400 `wrong_password` and too many tries as 429."""
    try:
        with too_many_attempts_as_429():
            yield
    except PasswordRejected as error:
        message = "The password is wrong."
        raise field_error("password", message, codes.WRONG_PASSWORD) from error


@extend_schema(
    summary="Ask to change your email address",
    request=EmailChangeSerializer,
    responses={202: DetailSerializer, **errors(400, 401, 429)},
)
class EmailChangeView(APIView):
    """Ask to move the account to a new address: a confirmation email goes there."""

    permission_classes = [IsAuthenticated]
    throttle_classes = MAIL_THROTTLES

    def post(self, request: Request) -> Response:
        serializer = EmailChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user: Any = request.user
        with password_errors("email_change"):
            password = serializer.validated_data["password"]
            password_confirm(request=request, user=user, password=password, action="email_change")
        try:
            lifecycle.email_change_request(
                user=user, new_email=serializer.validated_data["new_email"]
            )
        except lifecycle.EmailUnchanged as error:
            message = "This is already your address."
            raise field_error("new_email", message, codes.EMAIL_UNCHANGED) from error
        return Response(ACCEPTED, status=status.HTTP_202_ACCEPTED)


@extend_schema(
    summary="Confirm a new email address",
    request=KeySerializer,
    responses={200: UserResponseSerializer, **errors(400, 401)},
)
class EmailChangeConfirmView(APIView):
    """Confirm a new address from its emailed key. Every other session ends.

    No token is needed (the key is the proof); when the caller sends one of the same
    user, that session is kept.
    """

    permission_classes = [AllowAny]

    def post(self, request: Request) -> Response:
        serializer = KeySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token: Any = request.auth
        with key_errors_as_400():
            try:
                user = lifecycle.email_change_confirm(
                    key=serializer.validated_data["key"],
                    keep_session_id=token.get(SESSION_CLAIM) if token is not None else None,
                )
            except EmailTaken as error:
                raise email_taken("key") from error
        return Response({"user": UserSerializer(user).data})

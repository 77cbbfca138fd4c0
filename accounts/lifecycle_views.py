"""Before login: sign-up, email verification, password reset (thin views over `lifecycle`).

The views of a logged-in account are in `accounts.account_views`.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.utils.cache import patch_cache_control
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import codes, lifecycle
from accounts.conf import accounts_settings
from accounts.email_tokens import user_for_reset_token
from accounts.exceptions import (
    EmailTaken,
    email_taken,
    field_error,
    key_errors_as_400,
)
from accounts.lifecycle_serializers import (
    DetailSerializer,
    EmailSerializer,
    KeySerializer,
    PendingUserSerializer,
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

ACCEPTED = {"detail": "If the address can receive it, an email is on its way."}


@contextmanager
def lasting_at_least(seconds: float) -> Iterator[None]:
    """Hold the answer until `seconds` have passed since entering, whatever happened."""
    deadline = time.monotonic() + seconds
    try:
        yield
    finally:
        time.sleep(max(0.0, deadline - time.monotonic()))


def valid_data(serializer_class: type[Any], request: Request) -> dict[str, Any]:
    """Return the body of `request` as `serializer_class` validates it, or raise its 400."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    data: dict[str, Any] = serializer.validated_data
    return data


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
        data = valid_data(RegisterSerializer, request)
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
            user = lifecycle.user_verify_email(**valid_data(KeySerializer, request))
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
        lifecycle.verification_resend(**valid_data(EmailSerializer, request))
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
        lifecycle.password_reset_request(**valid_data(EmailSerializer, request))
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
        data = valid_data(ResetConfirmSerializer, request)
        with key_errors_as_400():
            user = user_for_reset_token(data["uid"], data["token"])
            check_password_strength(data["new_password"], user, field="new_password")
            lifecycle.user_reset_password(user=user, new_password=data["new_password"])
        return Response({"detail": "Your password has been set. Log in with it."})

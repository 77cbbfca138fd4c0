"""Your account, once logged in: your names, deleting the account, changing its address."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import codes, lifecycle
from accounts.exceptions import (
    EmailTaken,
    email_taken,
    field_error,
    key_errors_as_400,
    wrong_password_as_400,
)
from accounts.guard import password_confirm
from accounts.lifecycle_serializers import (
    DetailSerializer,
    EmailChangeSerializer,
    KeySerializer,
    PasswordSerializer,
    ProfileSerializer,
    UserResponseSerializer,
)
from accounts.lifecycle_views import ACCEPTED, valid_data
from accounts.serializers import UserSerializer
from accounts.shared import error_responses as errors
from accounts.throttling import MAIL_THROTTLES
from accounts.views import MeView, session_id


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
        password = valid_data(PasswordSerializer, request)["password"]
        with wrong_password_as_400("password"):
            lifecycle.user_delete(request=request, user=request.user, password=password)  # type: ignore[arg-type]
        return Response(status=status.HTTP_204_NO_CONTENT)


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
        data = valid_data(EmailChangeSerializer, request)
        user: Any = request.user
        with wrong_password_as_400("password"):
            password = data["password"]
            password_confirm(request=request, user=user, password=password, action="email_change")
        try:
            lifecycle.email_change_request(user=user, new_email=data["new_email"])
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
        with key_errors_as_400():
            try:
                user = lifecycle.email_change_confirm(
                    **valid_data(KeySerializer, request),
                    keep_session_id=session_id(request),
                )
            except EmailTaken as error:
                raise email_taken("key") from error
        return Response({"user": UserSerializer(user).data})

"""Routes for clients written for the Express JWT course (`POST /login`, `GET /me`).

They answer like the course's server: `{token, user}` on login, and short plain-text
bodies on errors, because the course's client shows error bodies in an alert.
"""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.cookies import TokenTransportMixin
from accounts.serializers import LoginSerializer, UserSerializer
from accounts.shared import PlainTextErrorsMixin, plain_text_error_responses
from accounts.views import MeView


class CourseLoginResponseSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(read_only=True, help_text="An access token.")
    user = UserSerializer(read_only=True)


@extend_schema(
    summary="The course's login",
    responses={
        200: CourseLoginResponseSerializer,
        **plain_text_error_responses(400, 401, 415, 429),
    },
    auth=[],
)
class CourseLoginView(PlainTextErrorsMixin, TokenTransportMixin, generics.GenericAPIView[Any]):
    """`POST /login` → `{token, user}`, as in the course."""

    serializer_class = LoginSerializer
    authentication_classes = ()
    permission_classes = ()
    throttle_classes = ()  # The password guard applies the login limits.

    def get_authenticate_header(self, request: Request) -> str:
        # Without authenticators DRF would turn the 401 for wrong credentials into a 403.
        return 'Bearer realm="api"'

    def error_text(self, exc: Exception, data: Any) -> str:
        if isinstance(exc, exceptions.ValidationError):
            return "Must provide username or password"
        if isinstance(exc, exceptions.AuthenticationFailed):
            return "Username or password incorrect"
        return super().error_text(exc, data)

    def post(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        return Response({"token": data["access"], "user": data["user"]}, status=status.HTTP_200_OK)


@extend_schema(
    summary="The course's current user",
    responses={200: UserSerializer, **plain_text_error_responses(401)},
)
class CourseMeView(PlainTextErrorsMixin, MeView):
    """`GET /me` → the user, with plain-text errors."""

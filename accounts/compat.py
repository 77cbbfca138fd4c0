"""Routes for clients written for the Express JWT course (`POST /login`, `GET /me`).

They answer like the course's server: `{token, user}` on login, and short plain-text
bodies on errors, because the course's client shows error bodies in an alert.
"""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, renderers, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.serializers import LoginSerializer, UserSerializer
from accounts.views import MeView, TokenTransportMixin


class PlainTextRenderer(renderers.BaseRenderer):
    media_type = "text/plain"
    format = "txt"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Any = None,
    ) -> bytes:
        return str(data).encode(self.charset)


class PlainTextErrorsMixin(APIView):
    """Answer errors with their message as `text/plain` instead of JSON."""

    def error_text(self, exc: Exception, data: Any) -> str:
        return str(data.get("detail", "Error")) if isinstance(data, dict) else "Error"

    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)
        response.data = self.error_text(exc, response.data)
        self.request.accepted_renderer = PlainTextRenderer()
        self.request.accepted_media_type = PlainTextRenderer.media_type
        return response


class CourseLoginResponseSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(read_only=True, help_text="An access token.")
    user = UserSerializer(read_only=True)


PLAIN_TEXT_ERROR = OpenApiResponse(OpenApiTypes.STR, description="A short plain-text message.")


@extend_schema(
    summary="The course's login",
    responses={
        200: CourseLoginResponseSerializer,
        (400, "text/plain"): PLAIN_TEXT_ERROR,
        (401, "text/plain"): PLAIN_TEXT_ERROR,
        (415, "text/plain"): PLAIN_TEXT_ERROR,
        (429, "text/plain"): PLAIN_TEXT_ERROR,
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
    responses={200: UserSerializer, (401, "text/plain"): PLAIN_TEXT_ERROR},
)
class CourseMeView(PlainTextErrorsMixin, MeView):
    """`GET /me` → the user, with plain-text errors."""

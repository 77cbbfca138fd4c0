"""Routes for clients written for the Express JWT course (`POST /login`, `GET /me`).

They answer like the course's server: `{token, user}` on login, and short plain-text
bodies on errors, because the course's client shows error bodies in an alert.
"""

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.serializers import LoginSerializer, UserSerializer
from accounts.throttling import LOGIN_THROTTLES
from accounts.views import MeView, TokenTransportMixin

# Headers of an error response worth keeping on the plain-text version.
KEPT_HEADERS = ("WWW-Authenticate", "Retry-After")


class PlainTextErrorsMixin:
    """Answer errors with their message as `text/plain` instead of JSON."""

    def error_text(self, exc: Exception, data: Any) -> str:
        return str(data.get("detail", "Error")) if isinstance(data, dict) else "Error"

    def handle_exception(self, exc: Exception) -> HttpResponse:
        response = super().handle_exception(exc)  # type: ignore[misc]
        plain = HttpResponse(
            self.error_text(exc, getattr(response, "data", None)),
            status=response.status_code,
            content_type="text/plain; charset=utf-8",
        )
        for header in KEPT_HEADERS:
            if header in response:
                plain[header] = response[header]
        return plain


class CourseLoginResponseSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="An access token.")
    user = UserSerializer()


@extend_schema(responses={200: CourseLoginResponseSerializer}, auth=[])
class CourseLoginView(PlainTextErrorsMixin, TokenTransportMixin, generics.GenericAPIView):
    """`POST /login` → `{token, user}`, as in the course."""

    serializer_class = LoginSerializer
    authentication_classes = ()
    permission_classes = ()
    throttle_classes = LOGIN_THROTTLES

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


class CourseMeView(PlainTextErrorsMixin, MeView):
    """`GET /me` → the user, with plain-text errors."""

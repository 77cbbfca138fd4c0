"""Token endpoints: thin views over the serializers and services."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenViewBase

from accounts import codes, cookies, services
from accounts.authentication import JWTAuthentication
from accounts.claims import SESSION_CLAIM
from accounts.exceptions import (
    PasswordRejected,
    session_errors_as_401,
    too_many_attempts_as_429,
)
from accounts.guard import password_confirm
from accounts.models import RevokeReason, Session
from accounts.serializers import (
    LoginResponseSerializer,
    LoginSerializer,
    LogoutSerializer,
    PasswordChangeSerializer,
    RefreshSerializer,
    SessionSerializer,
    TokenPairSerializer,
    UserSerializer,
    VerifySerializer,
)
from accounts.shared import error_responses as errors
from accounts.throttling import RefreshRateThrottle

TRANSPORT_PARAMETER = OpenApiParameter(
    name="X-Token-Transport",
    location=OpenApiParameter.HEADER,
    enum=["cookie"],
    required=False,
    description=(
        "`cookie` selects cookie mode: the refresh token travels only in an httpOnly, "
        "SameSite=Strict cookie and is left out of the JSON body. Without it (header mode) "
        "the refresh token is in the body."
    ),
)


class TokenTransportMixin(generics.GenericAPIView[Any]):
    """Move the refresh token between body and cookie in cookie mode; never cache tokens."""

    reads_refresh_cookie = False

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Before the body is parsed: a cross-site form post gets 403, not 415.
        cookie_sent = cookies.refresh_cookie(request) is not None
        if self.reads_refresh_cookie and cookie_sent and not cookies.wants_cookie_mode(request):
            raise exceptions.PermissionDenied(
                "The refresh cookie needs the X-Token-Transport: cookie header.",
                code=codes.CSRF_FAILED,
            )

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if self.reads_refresh_cookie and "data" in kwargs:
            kwargs["data"] = self.data_with_cookie(self.request, kwargs["data"])
        return super().get_serializer(*args, **kwargs)

    @staticmethod
    def data_with_cookie(request: HttpRequest, data: Any) -> Any:
        if not cookies.wants_cookie_mode(request):
            return data
        cookie = cookies.refresh_cookie(request)
        if cookie is None:
            raise exceptions.NotAuthenticated(
                "No refresh cookie.", code=codes.REFRESH_COOKIE_MISSING
            )
        return {**(data if isinstance(data, Mapping) else {}), "refresh": cookie}

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_store=True)
        cookies.set_device_cookie(response, request)
        data = getattr(response, "data", None)
        expires_at = data.pop("refresh_expires_at", None) if isinstance(data, dict) else None
        if cookies.wants_cookie_mode(request):
            self.move_refresh_to_cookie(request, response, expires_at)
        return response

    def move_refresh_to_cookie(
        self, request: Request, response: Response, expires_at: datetime | None
    ) -> None:
        data = getattr(response, "data", None)
        if response.status_code == status.HTTP_200_OK and isinstance(data, dict):
            raw = data.pop("refresh", None)
            if raw and expires_at:
                cookies.set_refresh_cookie(response, request, raw, expires_at)
        elif self.reads_refresh_cookie and response.status_code in (204, 401):
            cookies.clear_refresh_cookie(response)


@extend_schema(
    summary="Log in",
    parameters=[TRANSPORT_PARAMETER],
    # 403: the email is not verified yet; 429: the password guard's limits.
    responses={200: LoginResponseSerializer, **errors(401, 403, 429)},
    auth=[],
)
class LoginView(TokenTransportMixin, TokenViewBase):
    """Check a username and password; start a session and return its tokens and the user."""

    serializer_class = LoginSerializer
    throttle_classes = ()  # The password guard applies the login limits.


@extend_schema(
    summary="Refresh the tokens",
    parameters=[TRANSPORT_PARAMETER],
    responses={200: TokenPairSerializer, **errors(401, 403, 409)},
    auth=[],
)
class RefreshView(TokenTransportMixin, TokenViewBase):
    """Exchange the session's current refresh token for a new pair (single use).

    The token rotated out last, presented again within the grace window, gets 409
    `refresh_superseded` and changes nothing: re-read the stored token (in cookie mode
    the browser already holds it) and retry.
    """

    serializer_class = RefreshSerializer
    reads_refresh_cookie = True
    throttle_classes = [RefreshRateThrottle]


@extend_schema(
    summary="Log out",
    parameters=[TRANSPORT_PARAMETER],
    responses={204: None, **errors(401, 403)},
    auth=[],
)
class LogoutView(TokenTransportMixin, TokenViewBase):
    """End the session of a refresh token; in cookie mode the cookie is cleared too."""

    serializer_class = LogoutSerializer
    reads_refresh_cookie = True

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.get_serializer(data=request.data).is_valid(raise_exception=True)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(summary="Verify a token", responses={200: None, **errors(401)}, auth=[])
class VerifyView(TokenViewBase):
    """Answer 200 if a token is valid and not revoked, 401 otherwise."""

    serializer_class = VerifySerializer


@extend_schema(summary="The current user", responses={200: UserSerializer})
class MeView(generics.RetrieveAPIView[Any]):
    """Return the authenticated user."""

    serializer_class = UserSerializer
    permission_classes = [IsAuthenticated]

    def get_object(self) -> Any:
        return self.request.user


@extend_schema(summary="Log out everywhere", request=None, responses={204: None})
class LogoutAllView(APIView):
    """Revoke every session of the user and every token issued to them until now."""

    permission_classes = [IsAuthenticated]

    def post(self, request: Request) -> Response:
        services.user_logout_all(user=request.user)  # type: ignore[arg-type]
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    summary="Change the password",
    parameters=[TRANSPORT_PARAMETER],
    responses={200: TokenPairSerializer, **errors(429)},
)
class PasswordChangeView(TokenTransportMixin, generics.GenericAPIView[Any]):
    """Change the password: other sessions end, the caller gets fresh tokens."""

    serializer_class = PasswordChangeSerializer
    permission_classes = [IsAuthenticated]
    # It re-signs the caller's token session: a token is needed (not the browsable API's login).
    authentication_classes = [JWTAuthentication]

    def post(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with too_many_attempts_as_429():
                password_confirm(
                    request=request,
                    user=request.user,  # type: ignore[arg-type]
                    password=serializer.validated_data["old_password"],
                    action="password_change",
                )
        except PasswordRejected as error:
            raise exceptions.ValidationError(
                {"old_password": ["The current password is wrong."]}, code=codes.WRONG_PASSWORD
            ) from error
        with session_errors_as_401():
            pair = services.user_change_password(
                user=request.user,  # type: ignore[arg-type]
                session_id=request.auth.get(SESSION_CLAIM),  # type: ignore[union-attr]
                new_password=serializer.validated_data["new_password"],
            )
        return Response(pair.body())


class CurrentSessionMixin(generics.GenericAPIView[Session]):
    """Your own live sessions; the session of the presented token is `current`."""

    permission_classes = [IsAuthenticated]
    serializer_class = SessionSerializer

    def get_queryset(self) -> QuerySet[Session]:
        return Session.objects.live().filter(user=self.request.user.pk)

    def get_serializer_context(self) -> dict[str, Any]:
        token: Any = self.request.auth  # None for the browsable API's session login.
        current = token.get(SESSION_CLAIM) if token is not None else None
        return {**super().get_serializer_context(), "current_session_id": current}


@extend_schema_view(
    get=extend_schema(
        summary="List your live sessions",
        responses={200: SessionSerializer(many=True)},
    )
)
class SessionListView(CurrentSessionMixin, generics.ListAPIView[Session]):
    """List the user's live sessions; the one of this token is marked `current`."""


@extend_schema_view(
    get=extend_schema(summary="Show a session", responses={200: SessionSerializer, **errors(404)}),
    delete=extend_schema(summary="Revoke a session", responses={204: None, **errors(404)}),
)
class SessionDetailView(CurrentSessionMixin, generics.RetrieveDestroyAPIView[Session]):
    """Show or revoke one of your own sessions (someone else's id is 404)."""

    def perform_destroy(self, instance: Session) -> None:
        services.session_revoke(session=instance, reason=RevokeReason.USER_REVOKED)


@csrf_exempt  # It changes nothing; a POST to an unknown URL is a 404, not a CSRF page.
def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    """A JSON 404 for unknown URLs (install as `handler404`, or route a catch-all to it)."""
    return JsonResponse({"detail": "Not found.", "code": codes.NOT_FOUND}, status=404)

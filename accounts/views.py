"""Token endpoints: thin views over the serializers and services."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenViewBase

from accounts import services
from accounts.authentication import JWTAuthentication
from accounts.claims import SESSION_CLAIM
from accounts.cookies import TRANSPORT_PARAMETER, TokenTransportMixin
from accounts.exceptions import session_errors_as_401, wrong_password_as_400
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


def session_id(request: Request) -> Any:
    """Return the session id of the request's token (None for the browsable API's login)."""
    token: Any = request.auth
    return token.get(SESSION_CLAIM) if token is not None else None


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
        with wrong_password_as_400("old_password"):
            password_confirm(
                request=request,
                user=request.user,  # type: ignore[arg-type]
                password=serializer.validated_data["old_password"],
                action="password_change",
            )
        with session_errors_as_401():
            pair = services.user_change_password(
                user=request.user,  # type: ignore[arg-type]
                session_id=session_id(request),
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
        current = session_id(self.request)
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

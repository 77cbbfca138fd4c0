"""`accounts.schema.AutoSchema` declares the errors a view's build implies, rule by rule."""

from typing import Any

from django.urls import path
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from accounts.shared import PlainTextErrorsMixin


class NameSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()


class SessionFormView(APIView):
    """Take a name from anyone signed in with a session (CSRF applies)."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [AllowAny]

    @extend_schema(request=NameSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        return Response(status=204)


class AdminView(APIView):
    """Show a name to admins only."""

    permission_classes = [IsAdminUser]

    @extend_schema(responses={200: NameSerializer})
    def get(self, request: Request) -> Response:
        return Response({"name": "x"})


class ThrottledPublicView(APIView):
    """Answer anyone, a few times a minute."""

    authentication_classes = ()
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(responses={200: NameSerializer})
    def get(self, request: Request) -> Response:
        return Response({"name": "x"})


class PlainTextView(PlainTextErrorsMixin, ThrottledPublicView):
    """Answer anyone, with plain-text errors."""

    @extend_schema(responses={200: NameSerializer, (404, "text/plain"): str})
    def get(self, request: Request) -> Response:
        return Response({"name": "x"})


def responses(view: type[APIView], method: str) -> dict[str, Any]:
    patterns = [path("probe/", view.as_view())]
    schema: dict[str, Any] = SchemaGenerator(patterns=patterns).get_schema(None, public=True)
    answers: dict[str, Any] = schema["paths"]["/probe/"][method]["responses"]
    return answers


def test_a_body_and_a_session_imply_400_401_403_413_415() -> None:
    declared = responses(SessionFormView, "post")
    assert list(declared) == ["204", "400", "401", "403", "413", "415"]
    assert declared["400"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ValidationError"
    )
    assert declared["413"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


def test_a_permission_beyond_signing_in_implies_403() -> None:
    assert list(responses(AdminView, "get")) == ["200", "401", "403"]


def test_a_throttle_implies_429_and_no_authenticator_no_401() -> None:
    assert list(responses(ThrottledPublicView, "get")) == ["200", "429"]


def test_plain_text_routes_get_plain_text_errors() -> None:
    declared = responses(PlainTextView, "get")
    assert list(declared) == ["200", "404", "429"]
    assert set(declared["429"]["content"]) == {"text/plain"}

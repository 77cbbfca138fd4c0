"""Thin views: validate the query, check the quota, call the generator, stream the result.

Authentication is the project's default (`DEFAULT_AUTHENTICATION_CLASSES`, a SimpleJWT
`JWTAuthentication`); only the avatar images are public, since an `<img>` cannot send a
Bearer token.
"""

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from randomuser import openapi, services
from randomuser.avatars import SIZES, render_svg
from randomuser.cards import make_card
from randomuser.exceptions import QuotaExceeded
from randomuser.formats import EXTENSIONS, MEDIA_TYPES
from randomuser.generator import Options
from randomuser.negotiation import FirstRendererNegotiation
from randomuser.query import validated_query
from randomuser.serializers import (
    AvatarPathSerializer,
    CardQuerySerializer,
    CardSerializer,
    UsersQuerySerializer,
)

AVATAR_CACHE_CONTROL = "public, max-age=31536000, immutable"
_SAMPLE_AVATAR = {"size": "large", "colour": "000000", "initials": "A"}


def avatar_base_url(request: Request) -> str:
    """Return the absolute URL that `<size>/<colour>/<initials>.svg` is appended to."""
    path = avatar_base_path(get_urlconf(settings.ROOT_URLCONF), get_script_prefix())
    return request.build_absolute_uri(path)


@lru_cache(maxsize=16)
def avatar_base_path(urlconf: Any, script_prefix: str) -> str:
    """Return the path the avatars' URLs start with, under this URLconf and script prefix.

    Reversing a URL costs about a tenth of a card request, and its result depends only on
    the two arguments (`reverse()` reads the script prefix itself).
    """
    sample = reverse("randomuser:avatar", urlconf=urlconf, kwargs=_SAMPLE_AVATAR)
    return sample.removesuffix("large/000000/A.svg")


def consume_quota(request: Request, count: int) -> None:
    """Count `count` users against the requesting user's quota, or raise `Throttled`."""
    try:
        services.quota_consume(user_key=str(request.user.pk), count=count)
    except QuotaExceeded as error:
        raise exceptions.Throttled(
            wait=error.retry_after, detail=str(error), code=error.code
        ) from error


class RandomUserViewSet(viewsets.ViewSet):
    """One random user in the course's card shape; `?seed=` makes it reproducible."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="random_user_card",
        summary="One random user as a card",
        parameters=[CardQuerySerializer],
        responses=openapi.CARD_RESPONSES,
        tags=openapi.TAGS,
    )
    def list(self, request: Request) -> Response:
        query = validated_query(CardQuerySerializer, request)
        consume_quota(request, 1)
        seed = query.get("seed") or services.seed_new()
        card = make_card(seed, today=timezone.now().date(), picture_base=avatar_base_url(request))
        return Response(CardSerializer(card).data)


class RandomUsersView(APIView):
    """Random users with randomuser.me 1.4's parameters and shape, streamed."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        operation_id="random_users",
        summary="Random users",
        parameters=[UsersQuerySerializer],
        responses=openapi.USERS_RESPONSES,
        tags=openapi.TAGS,
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        params: dict[str, Any] = validated_query(UsersQuerySerializer, request)
        consume_quota(request, params["results"])
        format_name = params["format"]
        document = services.users_document(
            options=_options(params),
            format_name=format_name,
            with_info=not params["noinfo"],
            today=timezone.now().date(),
            picture_base=avatar_base_url(request),
        )
        response = StreamingHttpResponse(
            document, content_type=f"{MEDIA_TYPES[format_name]}; charset=utf-8"
        )
        response["Cache-Control"] = "no-store"
        if params["dl"]:
            filename = f"randomusers.{EXTENSIONS[format_name]}"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def _options(params: dict[str, Any]) -> Options:
    return Options(
        seed=params.get("seed") or services.seed_new(),
        results=params["results"],
        page=params["page"],
        gender=params.get("gender"),
        nats=params["nat"],
        fields=params["fields"],
        password=params.get("password"),
    )


class AvatarView(APIView):
    """A generated SVG avatar. Public: `<img>` tags cannot send a Bearer token."""

    authentication_classes = ()
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        operation_id="random_user_avatar",
        summary="An avatar image",
        parameters=openapi.AVATAR_PARAMETERS,
        responses=openapi.AVATAR_RESPONSES,
        auth=[],
        tags=openapi.TAGS,
    )
    def get(self, request: Request, size: str, colour: str, initials: str) -> HttpResponse:
        path = AvatarPathSerializer(data={"size": size, "colour": colour, "initials": initials})
        path.is_valid(raise_exception=True)
        params = path.validated_data
        svg = render_svg(
            pixels=SIZES[params["size"]], colour=params["colour"], letters=params["initials"]
        )
        response = HttpResponse(svg, content_type="image/svg+xml")
        response["Cache-Control"] = AVATAR_CACHE_CONTROL
        return response

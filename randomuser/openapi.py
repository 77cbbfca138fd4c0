"""OpenAPI documentation of the randomuser endpoints (drf-spectacular).

The query parameters are the query serializers of `randomuser.serializers`. The user
serializers below only describe the streamed JSON; a user's fields are optional because
`inc`/`exc` choose which ones appear.
"""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

from accounts.shared import (
    ErrorSerializer,
    ValidationErrorSerializer,
    error_responses,
    plain_text_error_responses,
)
from randomuser import avatars
from randomuser.generator import GENDERS
from randomuser.nationalities import NAT_CODES
from randomuser.serializers import CardSerializer

TEXT_TYPES = {"text/csv", "text/xml"}


def _object(
    component: str,
    /,
    *,
    optional: bool = False,
    **fields: serializers.Field,  # type: ignore[type-arg]
) -> Any:
    return inline_serializer(component, fields=fields, required=not optional)


_text = serializers.CharField


def _moment(component: str) -> Any:
    date = _text(help_text="ISO 8601, UTC")
    return _object(component, optional=True, date=date, age=serializers.IntegerField())


# Top-level fields are optional: inc/exc choose them. Within a field, everything is present.
USER = inline_serializer(
    "RandomUser",
    fields={
        "gender": serializers.ChoiceField(choices=GENDERS, required=False),
        "name": _object(
            "RandomUserName", optional=True, title=_text(), first=_text(), last=_text()
        ),
        "location": _object(
            "RandomUserLocation",
            optional=True,
            street=_object("RandomUserStreet", number=serializers.IntegerField(), name=_text()),
            city=_text(),
            state=_text(),
            country=_text(),
            postcode=_text(),
            coordinates=_object("RandomUserCoordinates", latitude=_text(), longitude=_text()),
            timezone=_object("RandomUserTimezone", offset=_text(), description=_text()),
        ),
        "email": _text(required=False),
        "login": _object(
            "RandomUserLogin",
            optional=True,
            **{key: _text() for key in ("uuid", "username", "password", "salt", "md5", "sha1")},
            sha256=_text(),
        ),
        "dob": _moment("RandomUserDateOfBirth"),
        "registered": _moment("RandomUserRegistered"),
        "phone": _text(required=False),
        "cell": _text(required=False),
        "id": _object("RandomUserId", optional=True, name=_text(), value=_text(allow_null=True)),
        "picture": _object(
            "RandomUserPicture",
            optional=True,
            **{size: _text(help_text="SVG URL") for size in avatars.SIZES},
        ),
        "nat": serializers.ChoiceField(choices=NAT_CODES, required=False),
    },
)
USER_LIST = inline_serializer(
    "RandomUserList",
    fields={
        "results": serializers.ListField(child=USER),
        "info": _object(
            "RandomUserInfo",
            optional=True,
            seed=serializers.CharField(),
            results=serializers.IntegerField(),
            page=serializers.IntegerField(),
            version=serializers.CharField(),
        ),
    },
)

RETRY_AFTER = OpenApiResponse(
    ErrorSerializer, description="Quota exceeded; see the Retry-After header."
)


USERS_RESPONSES: dict[Any, Any] = {
    (200, "application/json"): USER_LIST,
    (200, "application/yaml"): USER_LIST,
    **{(200, media_type): OpenApiTypes.STR for media_type in sorted(TEXT_TYPES)},
    (400, "application/json"): OpenApiResponse(
        ValidationErrorSerializer, description="Invalid parameter."
    ),
    (401, "application/json"): ErrorSerializer,
    (429, "application/json"): RETRY_AFTER,
}

CARD_RESPONSES: dict[Any, Any] = {
    200: CardSerializer,
    **error_responses(400, 401),
    429: RETRY_AFTER,
}
COURSE_CARD_RESPONSES: dict[Any, Any] = {
    (200, "application/json"): CardSerializer,
    **plain_text_error_responses(400, 401, 429),
}
AVATAR_RESPONSES: dict[Any, Any] = {
    (200, "image/svg+xml"): OpenApiTypes.BINARY,
    **{(status, "application/json"): body for status, body in error_responses(400, 404).items()},
}
AVATAR_PARAMETERS = [
    OpenApiParameter("size", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(avatars.SIZES)),
    OpenApiParameter(
        "colour",
        {"type": "string", "pattern": avatars.COLOUR_PATTERN},
        OpenApiParameter.PATH,
        description="Background colour, 6 lowercase hex digits.",
    ),
    OpenApiParameter(
        "initials",
        {"type": "string", "pattern": avatars.INITIALS_PATTERN},
        OpenApiParameter.PATH,
        description="1 to 3 letters, any script.",
    ),
]
TAGS = ["random users"]

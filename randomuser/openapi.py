"""OpenAPI documentation of the randomuser endpoints (drf-spectacular).

The user serializers below only describe the streamed JSON; a user's fields are optional
because ``inc``/``exc`` choose which ones appear.
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
from randomuser.formats import MEDIA_TYPES
from randomuser.generator import FIELDS, GENDERS
from randomuser.nationalities import NAT_CODES
from randomuser.serializers import (
    MAX_PAGE,
    MAX_PASSWORD_SPEC_LENGTH,
    MAX_RESULTS,
    MAX_SEED_LENGTH,
    CardSerializer,
)

SEED_PATTERN = r"^[^\u0000-\u001f\u007f-\u009f\ufffe\uffff]*$"
_CHARSET = "(special|upper|lower|number)"
_LENGTH = "([1-9]|[1-5][0-9]|6[0-4])"
PASSWORD_PATTERN = f"^({_CHARSET},)*{_CHARSET}(,{_LENGTH}(-{_LENGTH})?)?$"
TEXT_TYPES = {"text/csv", "text/xml"}


def _object(
    component: str,
    /,
    *,
    optional: bool = False,
    **fields: serializers.Field,  # type: ignore[type-arg]
) -> Any:
    return inline_serializer(component, fields=fields, required=not optional)


def _text(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(**kwargs)


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


def _comma_list(name: str, choices: tuple[str, ...], description: str) -> OpenApiParameter:
    # Declared repeated (explode, OpenAPI's default), as clients send arrays; commas work too.
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        many=True,
        enum=choices,
        description=f"{description} Repeat the parameter or separate names with commas.",
    )


def _query(name: str, kind: Any, description: str, **kwargs: Any) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description, **kwargs)


SEED_SCHEMA = {"type": "string", "maxLength": MAX_SEED_LENGTH, "pattern": SEED_PATTERN}


def _integer(maximum: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": 1, "maximum": maximum, "default": 1}


USERS_PARAMETERS = [
    _query("results", _integer(MAX_RESULTS), f"Number of users, 1 to {MAX_RESULTS}."),
    _query(
        "page",
        _integer(MAX_PAGE),
        f"Page, 1 to {MAX_PAGE}: page `p` with `results=r` holds users `(p-1)*r` to `p*r-1` "
        "of the seed.",
    ),
    _query(
        "seed",
        SEED_SCHEMA,
        "Any string without control characters; the same parameters give the same users. "
        "A random 16-hex seed is made (and returned in info) when absent.",
    ),
    _query("gender", OpenApiTypes.STR, "Only users of this gender.", enum=GENDERS),
    _comma_list("nat", NAT_CODES, "Nationalities (case-insensitive); default all."),
    _comma_list("inc", FIELDS, "Fields to include; default all."),
    _comma_list("exc", FIELDS, "Fields to exclude (after inc)."),
    _query(
        "password",
        {"type": "string", "maxLength": MAX_PASSWORD_SPEC_LENGTH, "pattern": PASSWORD_PATTERN},
        "Charsets (special, upper, lower, number) then an optional length N or MIN-MAX "
        "(1 to 64, a range in either order), e.g. upper,lower,number,8-16. "
        "Default: a common password.",
    ),
    _query("noinfo", OpenApiTypes.BOOL, "Leave out the info block."),
    _query(
        "format",
        OpenApiTypes.STR,
        "Output format (alias fmt). csv holds the results only.",
        enum=[*MEDIA_TYPES, "prettyjson"],
        default="json",
    ),
    _query("dl", OpenApiTypes.BOOL, "Send as a file download (alias download)."),
]

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

CARD_PARAMETERS = [_query("seed", SEED_SCHEMA, "The same seed gives the same card.")]
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
        {"type": "string", "pattern": "^[0-9a-f]{6}$"},
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

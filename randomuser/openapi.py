"""OpenAPI documentation of the randomuser endpoints (drf-spectacular).

The user serializers below only describe the streamed JSON; every field is optional because
``inc``/``exc`` choose which ones appear.
"""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

from randomuser import avatars
from randomuser.formats import MEDIA_TYPES
from randomuser.generator import FIELDS, GENDERS
from randomuser.nationalities import NAT_CODES
from randomuser.serializers import MAX_PAGE, MAX_RESULTS, MAX_SEED_LENGTH, CardSerializer

SEED_PATTERN = r"^[^\u0000-\u001f\u007f-\u009f\ufffe\uffff]*$"
PASSWORD_PATTERN = (
    r"^((special|upper|lower|number),)*(special|upper|lower|number)(,[0-9]{1,2}(-[0-9]{1,2})?)?$"  # noqa: E501
)
TEXT_TYPES = {"text/csv", "application/yaml", "text/xml"}


def _optional(field: serializers.Field) -> Any:  # type: ignore[type-arg]
    field.required = False
    return field


def _object(component: str, /, **fields: serializers.Field) -> Any:  # type: ignore[type-arg]
    return _optional(inline_serializer(component, fields=fields))


def _text(**kwargs: Any) -> Any:
    return _optional(serializers.CharField(**kwargs))


def _moment(name: str) -> Any:
    return _object(
        name, date=_text(help_text="ISO 8601, UTC"), age=_optional(serializers.IntegerField())
    )


USER = inline_serializer(
    "RandomUser",
    fields={
        "gender": _optional(serializers.ChoiceField(choices=GENDERS)),
        "name": _object("RandomUserName", title=_text(), first=_text(), last=_text()),
        "location": _object(
            "RandomUserLocation",
            street=_object(
                "RandomUserStreet", number=_optional(serializers.IntegerField()), name=_text()
            ),
            city=_text(),
            state=_text(),
            country=_text(),
            postcode=_text(),
            coordinates=_object("RandomUserCoordinates", latitude=_text(), longitude=_text()),
            timezone=_object("RandomUserTimezone", offset=_text(), description=_text()),
        ),
        "email": _text(),
        "login": _object(
            "RandomUserLogin",
            **{key: _text() for key in ("uuid", "username", "password", "salt", "md5", "sha1")},
            sha256=_text(),
        ),
        "dob": _moment("RandomUserDateOfBirth"),
        "registered": _moment("RandomUserRegistered"),
        "phone": _text(),
        "cell": _text(),
        "id": _object("RandomUserId", name=_text(), value=_text(allow_null=True)),
        "picture": _object(
            "RandomUserPicture", **{size: _text(help_text="SVG URL") for size in avatars.SIZES}
        ),
        "nat": _optional(serializers.ChoiceField(choices=NAT_CODES)),
    },
)

USER_LIST = inline_serializer(
    "RandomUserList",
    fields={
        "results": serializers.ListField(child=USER),
        "info": _object(
            "RandomUserInfo",
            seed=serializers.CharField(),
            results=serializers.IntegerField(),
            page=serializers.IntegerField(),
            version=serializers.CharField(),
        ),
    },
)

ERROR = inline_serializer(
    "RandomUserError",
    fields={"detail": serializers.CharField(), "code": serializers.CharField()},
)
VALIDATION_ERROR = inline_serializer(
    "RandomUserValidationError",
    fields={
        "detail": serializers.CharField(),
        "code": serializers.CharField(),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text="Messages by parameter name.",
        ),
    },
)
RETRY_AFTER = OpenApiResponse(ERROR, description="Quota exceeded; see the Retry-After header.")


def _comma_list(name: str, choices: tuple[str, ...], description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, OpenApiTypes.STR, many=True, explode=False, enum=choices, description=description
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
        f"Page, 1 to {MAX_PAGE}: page p with results=r holds users (p-1)*r to p*r-1 of the seed.",
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
        OpenApiTypes.STR,
        "Charsets (special, upper, lower, number) then an optional length N or MIN-MAX "
        "(1 to 64), e.g. upper,lower,number,8-16. Default: a common password.",
        pattern=PASSWORD_PATTERN,
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
    **{(200, media_type): OpenApiTypes.STR for media_type in sorted(TEXT_TYPES)},
    (400, "application/json"): OpenApiResponse(VALIDATION_ERROR, description="Invalid parameter."),
    (401, "application/json"): ERROR,
    (429, "application/json"): RETRY_AFTER,
}

CARD_PARAMETERS = [_query("seed", SEED_SCHEMA, "The same seed gives the same card.")]
CARD_RESPONSES: dict[Any, Any] = {
    200: CardSerializer,
    400: VALIDATION_ERROR,
    401: ERROR,
    429: RETRY_AFTER,
}
COURSE_CARD_RESPONSES: dict[Any, Any] = {
    (200, "application/json"): CardSerializer,
    **{(status, "text/plain"): OpenApiTypes.STR for status in (400, 401, 429)},
}
AVATAR_RESPONSES: dict[Any, Any] = {
    (200, "image/svg+xml"): OpenApiTypes.BINARY,
    (400, "application/json"): VALIDATION_ERROR,
    (404, "application/json"): ERROR,
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
        {"type": "string", "minLength": 1, "maxLength": avatars.MAX_INITIALS},
        OpenApiParameter.PATH,
        description="1 to 3 letters, any script.",
    ),
]
TAGS = ["random users"]

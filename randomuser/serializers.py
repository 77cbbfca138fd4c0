"""Serializers: query and path parameters in, the course card out.

The query serializers are also the OpenAPI parameters (`extend_schema(parameters=[...])`):
each rule is written once, here, and the schema is generated from it.

The bulk endpoint's users are not serialized here: they stream through the renderers of
`randomuser.formats` (a DRF serializer per user would cost more than generating it). Their
shape is documented for OpenAPI in `randomuser.openapi`.
"""

from collections.abc import Mapping
from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework.fields import empty

from randomuser import avatars
from randomuser.formats import MEDIA_TYPES
from randomuser.generator import FIELDS, GENDERS
from randomuser.nationalities import NAT_CODES
from randomuser.passwords import (
    CHARSETS,
    MAX_LENGTH,
    MIN_LENGTH,
    SPEC_PATTERN,
    parse_password_spec,
)

MAX_RESULTS = 5000
MAX_PAGE = 10_000
MAX_SEED_LENGTH = 256
MAX_PASSWORD_SPEC_LENGTH = 200
FORMAT_ALIASES = {"prettyjson": "pretty"}
FLAG_VALUES = {
    "": True,
    "1": True,
    "true": True,
    "yes": True,
    "0": False,
    "false": False,
    "no": False,
}
# No control characters (Unicode category `Cc`) nor the non-characters XML 1.0 cannot carry:
# the seed is echoed in every format's info. `\A` and `\Z` become `^` and `$` in the schema.
# (A blank seed is allowed before the pattern applies: the schema says "this or empty".)
SEED_PATTERN = r"\A[^\u0000-\u001f\u007f-\u009f\ufffe\uffff]+\Z"


class CaseInsensitiveChoiceField(serializers.ChoiceField):
    """A choice whose value is matched lowercased (`format=CSV` is `csv`)."""

    def to_internal_value(self, data: Any) -> Any:
        return super().to_internal_value(data.lower() if isinstance(data, str) else data)


class CommaListField(serializers.MultipleChoiceField):
    """A list of known names, case-insensitive, as a tuple in canonical order.

    The names come comma-separated (`nat=FR,DE`), repeated (`nat=FR&nat=DE`, as generated
    OpenAPI clients send arrays), or both. The schema declares the repeated form.
    """

    default_error_messages = {"unknown": "Unknown value(s): {names}. Use: {choices}."}
    repeatable = True

    def __init__(self, *, help_text: str, **kwargs: Any) -> None:
        hint = "Repeat the parameter or separate names with commas."
        super().__init__(help_text=f"{help_text} {hint}", required=False, **kwargs)

    # The stubs type a `MultipleChoiceField`'s value as `str`; this one is a tuple.
    def to_internal_value(self, data: Any) -> tuple[str, ...]:  # type: ignore[override]
        given = data if isinstance(data, list) else [data]
        items = {item.strip().lower() for value in given for item in str(value).split(",")} - {""}
        unknown = sorted(items - {choice.lower() for choice in self.choices})
        if unknown:
            self.fail("unknown", names=", ".join(unknown), choices=", ".join(self.choices))
        return tuple(choice for choice in self.choices if choice.lower() in items)


@extend_schema_field(OpenApiTypes.BOOL)
class FlagField(serializers.Field):  # type: ignore[type-arg]
    """A presence flag: `?noinfo` or `?noinfo=true` turn it on, `=false` off."""

    default_error_messages = {"invalid": "Use no value, true or false."}

    def to_internal_value(self, data: Any) -> bool:
        value = FLAG_VALUES.get(str(data).strip().lower())
        if value is None:
            self.fail("invalid")
        return value

    def to_representation(self, value: bool) -> bool:
        return value


# The schema shows the canonical spelling; the parser also takes capitals and spaces.
@extend_schema_field({"type": "string", "pattern": SPEC_PATTERN})
class PasswordSpecField(serializers.CharField):
    """A `password` option, read into a `PasswordPolicy` (see `randomuser.passwords`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=MAX_PASSWORD_SPEC_LENGTH, **kwargs)

    def run_validation(self, data: Any = empty) -> Any:
        try:
            return parse_password_spec(super().run_validation(data))
        except ValueError as error:
            raise serializers.ValidationError(str(error), code="invalid") from error


class QuerySerializer(serializers.Serializer[Any]):
    """Validate a query string, refusing unknown and repeated parameters (they hide typos).

    `aliases` maps randomuser.me's alternative names to ours (`fmt` → `format`). A field
    with `repeatable = True` may be repeated under one name: it gets the list of values.
    """

    aliases: ClassVar[dict[str, str]] = {}

    def to_internal_value(self, data: Any) -> Any:
        return super().to_internal_value(self._canonical(data))

    def _canonical(self, query: Any) -> dict[str, Any]:
        values: dict[str, Any] = {}
        errors: dict[str, list[str]] = {}
        for name in query:
            canonical = self.aliases.get(name, name)
            if canonical not in self.fields:
                errors[name] = ["Unknown parameter."]
            elif canonical in values:
                errors[canonical] = ["Given more than once."]
            elif getattr(self.fields[canonical], "repeatable", False):
                values[canonical] = query.getlist(name)
            elif len(query.getlist(name)) > 1:
                errors[canonical] = ["Given more than once."]
            else:
                values[canonical] = query.get(name)
        if errors:
            raise serializers.ValidationError(errors)
        return values


def seed_field(help_text: str) -> serializers.CharField:
    """Return the `seed` field shared by the card and bulk queries."""
    return serializers.RegexField(
        SEED_PATTERN,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=MAX_SEED_LENGTH,
        error_messages={"invalid": "Control characters are not allowed."},
        help_text=help_text,
    )


class CardQuerySerializer(serializers.Serializer[Any]):
    """`GET /api/random-user/`: an optional seed. Other parameters are ignored, as in the
    course's API."""

    seed = seed_field("The same seed gives the same card.")


class UsersQuerySerializer(QuerySerializer):
    """`GET /api/random-users/`: randomuser.me 1.4's parameters, validated."""

    aliases = {"fmt": "format", "nationality": "nat", "download": "dl"}

    results = serializers.IntegerField(
        min_value=1,
        max_value=MAX_RESULTS,
        default=1,
        help_text=f"Number of users, 1 to {MAX_RESULTS}.",
    )
    page = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE,
        default=1,
        help_text=f"Page, 1 to {MAX_PAGE}: page `p` with `results=r` holds users `(p-1)*r` "
        "to `p*r-1` of the seed.",
    )
    seed = seed_field(
        "Any string without control characters; the same parameters give the same users. "
        "A random 16-hex seed is made (and returned in info) when absent."
    )
    gender = CaseInsensitiveChoiceField(
        choices=GENDERS, required=False, help_text="Only users of this gender."
    )
    nat = CommaListField(
        choices=NAT_CODES, help_text="Nationalities (case-insensitive); default all."
    )
    inc = CommaListField(choices=FIELDS, help_text="Fields to include; default all.")
    exc = CommaListField(choices=FIELDS, help_text="Fields to exclude (after inc).")
    password = PasswordSpecField(
        required=False,
        help_text=f"Charsets ({', '.join(CHARSETS)}) then an optional length N or MIN-MAX "
        f"({MIN_LENGTH} to {MAX_LENGTH}, a range in either order), e.g. upper,lower,number,8-16. "
        "Default: a common password.",
    )
    noinfo = FlagField(default=False, help_text="Leave out the info block.")
    dl = FlagField(default=False, help_text="Send as a file download (alias download).")
    format = CaseInsensitiveChoiceField(
        choices=[*MEDIA_TYPES, *FORMAT_ALIASES],
        default="json",
        help_text="Output format (alias fmt). csv holds the results only.",
    )

    def validate_format(self, value: str) -> str:
        return FORMAT_ALIASES.get(value, value)

    def validate(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        fields = attrs.get("inc") or FIELDS
        shown = tuple(field for field in fields if field not in attrs.get("exc", ()))
        return {**attrs, "fields": shown, "nat": attrs.get("nat") or NAT_CODES}


class AvatarPathSerializer(serializers.Serializer[Any]):
    """The path of an avatar: `<size>/<colour>/<initials>.svg`."""

    size = serializers.ChoiceField(choices=list(avatars.SIZES))
    colour = serializers.RegexField(avatars.COLOUR_PATTERN, max_length=6)
    initials = serializers.CharField(max_length=avatars.MAX_INITIALS, trim_whitespace=False)

    def validate_initials(self, value: str) -> str:
        if not avatars.is_valid_initials(value):
            raise serializers.ValidationError("Use 1 to 3 letters.", code="invalid")
        return value


class GeoSerializer(serializers.Serializer[Any]):
    lat = serializers.CharField(help_text="Latitude, 4 decimals.")
    lng = serializers.CharField(help_text="Longitude, 4 decimals.")


class AddressSerializer(serializers.Serializer[Any]):
    street = serializers.CharField()
    suite = serializers.CharField()
    city = serializers.CharField()
    zipcode = serializers.CharField()
    geo = GeoSerializer()


class CompanySerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    catchPhrase = serializers.CharField()
    bs = serializers.CharField()


@extend_schema_serializer(many=False)  # One card, though served by a ViewSet's list action.
class CardSerializer(serializers.Serializer[Any]):
    """A user card in the shape of the course's API (faker.js `userCard`); all strings."""

    name = serializers.CharField()
    username = serializers.CharField()
    email = serializers.CharField()
    address = AddressSerializer()
    phone = serializers.CharField()
    website = serializers.CharField()
    company = CompanySerializer()
    avatar = serializers.URLField(help_text="An SVG image this server serves (no auth).")

    def to_representation(self, instance: dict[str, Any]) -> dict[str, Any]:
        """Return the card as it is: `make_card` builds it in this shape, all strings.

        DRF would build (deep-copy) the card's seventeen fields for every card served, more
        than making the card costs; a test proves the result equal to the field-by-field one.
        """
        return instance

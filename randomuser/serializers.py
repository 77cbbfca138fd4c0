"""Serializers: query and path parameters in, the course card out.

The query serializers are also the OpenAPI parameters (`extend_schema(parameters=[...])`):
each rule is written once, here or in `randomuser.query`, and the schema is generated from it.

The bulk endpoint's users are not serialized here: they stream through the renderers of
`randomuser.formats` (a DRF serializer per user would cost more than generating it). Their
shape is documented for OpenAPI in `randomuser.openapi`.
"""

from collections.abc import Mapping
from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from randomuser import avatars
from randomuser.formats import MEDIA_TYPES
from randomuser.generator import FIELDS, GENDERS
from randomuser.nationalities import NAT_CODES
from randomuser.query import (
    CaseInsensitiveChoiceField,
    CommaListField,
    FlagField,
    PasswordSpecField,
    QuerySerializer,
    seed_field,
)

MAX_RESULTS = 5000
MAX_PAGE = 10_000
FORMAT_ALIASES = {"prettyjson": "pretty"}


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
    password = PasswordSpecField(required=False)
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

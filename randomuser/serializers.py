"""Serializers: query and path parameters in, the course card out.

The bulk endpoint's users are not serialized here: they stream through the renderers of
``randomuser.formats`` (a DRF serializer per user would cost more than generating it). Their
shape is documented for OpenAPI in ``randomuser.openapi``.
"""

import unicodedata
from collections.abc import Mapping
from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from randomuser import avatars
from randomuser.formats import MEDIA_TYPES
from randomuser.generator import FIELDS, GENDERS
from randomuser.nationalities import NAT_CODES
from randomuser.passwords import parse_password_spec

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
# Characters that XML 1.0 cannot carry (the seed is echoed in every format's info).
_NONCHARACTERS = {"\ufffe", "\uffff"}


class CaseInsensitiveChoiceField(serializers.ChoiceField):
    """A choice whose value is matched lowercased (``format=CSV`` is ``csv``)."""

    def to_internal_value(self, data: Any) -> Any:
        return super().to_internal_value(data.lower() if isinstance(data, str) else data)


class CommaListField(serializers.Field):  # type: ignore[type-arg]
    """A list of known names, case-insensitive, as a tuple in canonical order.

    The names come comma-separated (``nat=FR,DE``), repeated (``nat=FR&nat=DE``, as generated
    OpenAPI clients send arrays), or both.
    """

    default_error_messages = {"unknown": "Unknown value(s): {names}. Use: {choices}."}
    repeatable = True

    def __init__(self, *, choices: tuple[str, ...], **kwargs: Any) -> None:
        self.choices = choices
        self._by_key = {choice.lower(): choice for choice in choices}
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> tuple[str, ...]:
        given = data if isinstance(data, list) else [data]
        items = {item.strip().lower() for value in given for item in str(value).split(",")} - {""}
        unknown = sorted(items - self._by_key.keys())
        if unknown:
            self.fail("unknown", names=", ".join(unknown), choices=", ".join(self.choices))
        return tuple(choice for choice in self.choices if choice.lower() in items)

    def to_representation(self, value: tuple[str, ...]) -> str:
        return ",".join(value)


class FlagField(serializers.Field):  # type: ignore[type-arg]
    """A presence flag: ``?noinfo`` or ``?noinfo=true`` turn it on, ``=false`` off."""

    default_error_messages = {"invalid": "Use no value, true or false."}

    def to_internal_value(self, data: Any) -> bool:
        value = FLAG_VALUES.get(str(data).strip().lower())
        if value is None:
            self.fail("invalid")
        return value

    def to_representation(self, value: bool) -> bool:
        return value


class QuerySerializer(serializers.Serializer[Any]):
    """Validate a query string, refusing unknown and repeated parameters (they hide typos).

    ``aliases`` maps randomuser.me's alternative names to ours (``fmt`` → ``format``). A field
    with ``repeatable = True`` may be repeated under one name: it gets the list of values.
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


def validate_seed(seed: str) -> None:
    """Refuse control characters and XML non-characters in a seed (it is echoed in XML)."""
    if any(unicodedata.category(char) == "Cc" or char in _NONCHARACTERS for char in seed):
        raise serializers.ValidationError("Control characters are not allowed.", code="invalid")


def seed_field() -> serializers.CharField:
    """Return the ``seed`` field shared by the card and bulk queries."""
    return serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=MAX_SEED_LENGTH,
        validators=[validate_seed],
    )


class CardQuerySerializer(serializers.Serializer[Any]):
    """``GET /api/random-user/``: an optional seed. Other parameters are ignored, as in the
    course's API."""

    seed = seed_field()


class UsersQuerySerializer(QuerySerializer):
    """``GET /api/random-users/``: randomuser.me 1.4's parameters, validated."""

    aliases = {"fmt": "format", "nationality": "nat", "download": "dl"}

    results = serializers.IntegerField(min_value=1, max_value=MAX_RESULTS, default=1)
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, default=1)
    seed = seed_field()
    gender = CaseInsensitiveChoiceField(choices=GENDERS, required=False)
    nat = CommaListField(choices=NAT_CODES, required=False)
    inc = CommaListField(choices=FIELDS, required=False)
    exc = CommaListField(choices=FIELDS, required=False)
    password = serializers.CharField(required=False, max_length=MAX_PASSWORD_SPEC_LENGTH)
    noinfo = FlagField(default=False)
    dl = FlagField(default=False)
    format = CaseInsensitiveChoiceField(choices=[*MEDIA_TYPES, *FORMAT_ALIASES], default="json")

    def validate_password(self, value: str) -> Any:
        try:
            return parse_password_spec(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error), code="invalid") from error

    def validate_format(self, value: str) -> str:
        return FORMAT_ALIASES.get(value, value)

    def validate(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        fields = attrs.get("inc") or FIELDS
        shown = tuple(field for field in fields if field not in attrs.get("exc", ()))
        return {**attrs, "fields": shown, "nat": attrs.get("nat") or NAT_CODES}


class AvatarPathSerializer(serializers.Serializer[Any]):
    """The path of an avatar: ``<size>/<colour>/<initials>.svg``."""

    size = serializers.ChoiceField(choices=list(avatars.SIZES))
    colour = serializers.RegexField(r"^[0-9a-f]{6}$", max_length=6)
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
    """A user card in the shape of the course's API (faker.js ``userCard``); all strings."""

    name = serializers.CharField()
    username = serializers.CharField()
    email = serializers.CharField()
    address = AddressSerializer()
    phone = serializers.CharField()
    website = serializers.CharField()
    company = CompanySerializer()
    avatar = serializers.URLField(help_text="An SVG image this server serves (no auth).")

    def to_representation(self, instance: dict[str, Any]) -> dict[str, Any]:
        """Return the card as it is: ``make_card`` builds it in this shape, all strings.

        DRF would build (deep-copy) the card's seventeen fields for every card served, more
        than making the card costs; a test proves the result equal to the field-by-field one.
        """
        return instance

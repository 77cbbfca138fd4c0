"""Query strings: the field types of their parameters, and `QuerySerializer` to read them.

Each field validates one parameter and gives drf-spectacular its schema (from its type, its
validators or `@extend_schema_field`), so the OpenAPI parameters are generated from the rules
that apply, never written again.
"""

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, ClassVar

from django.http import QueryDict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.request import Request

from randomuser.passwords import (
    CHARSETS,
    MAX_LENGTH,
    MIN_LENGTH,
    SPEC_PATTERN,
    parse_password_spec,
)

MAX_SEED_LENGTH = 256
MAX_PASSWORD_SPEC_LENGTH = 200
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


class FlagField(serializers.BooleanField):
    """A presence flag: `?noinfo` or `?noinfo=true` turn it on, `=false` off."""

    TRUE_VALUES = {"", "1", "true", "yes"}
    FALSE_VALUES = {"0", "false", "no"}
    default_error_messages = {"invalid": "Use no value, true or false."}

    def to_internal_value(self, data: Any) -> bool:
        return super().to_internal_value(str(data).strip().lower())


# The schema shows the canonical spelling; the parser also takes capitals and spaces.
@extend_schema_field({"type": "string", "pattern": SPEC_PATTERN})
class PasswordSpecField(serializers.CharField):
    """A `password` option, read into a `PasswordPolicy` (see `randomuser.passwords`)."""

    def __init__(self, **kwargs: Any) -> None:
        help_text = (
            f"Charsets ({', '.join(CHARSETS)}) then an optional length N or MIN-MAX ({MIN_LENGTH} "
            f"to {MAX_LENGTH}, a range in either order), e.g. upper,lower,number,8-16. "
            "Default: a common password."
        )
        super().__init__(max_length=MAX_PASSWORD_SPEC_LENGTH, help_text=help_text, **kwargs)

    def run_validation(self, data: Any = empty) -> Any:
        try:
            return parse_password_spec(super().run_validation(data))
        except ValueError as error:
            raise serializers.ValidationError(str(error), code="invalid") from error


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


def validated_query(serializer_class: type[serializers.Serializer[Any]], request: Request) -> Any:
    """Return the query string of `request` as `serializer_class` validates it.

    Raise `ValidationError` (a 400) for a bad query. A serializer builds every one of its
    fields anew, which costs about a tenth of a card request; an empty query string (every
    request of the course's client) always validates to the same values, so those are
    worked out once per class and each caller gets its own copy.
    """
    if not request.query_params:
        return dict(_empty_query(serializer_class))
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data


@cache
def _empty_query(serializer_class: type[serializers.Serializer[Any]]) -> Mapping[str, Any]:
    query = serializer_class(data=QueryDict())
    query.is_valid(raise_exception=True)
    return MappingProxyType(dict(query.validated_data))

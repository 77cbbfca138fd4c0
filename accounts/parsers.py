"""A JSON parser that takes UTF-8 only and refuses deeply nested documents instead of crashing.

Python's json module parses recursively: `[[[[...]]]]` nested a few thousand levels
deep raises RecursionError, which DRF's parser does not catch (a 500). The nesting is
measured first, without recursion, by scanning for brackets outside strings.
"""

import codecs
import re
from typing import Any

from django.utils.http import parse_header_parameters
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.parsers import JSONParser
from rest_framework.utils import json

from accounts import codes
from accounts.conf import accounts_settings

# The characters that matter for nesting: quotes, escapes and brackets.
STRUCTURE = re.compile(r'["\\\[\]{}]')


def nesting_exceeds(text: str, limit: int) -> bool:
    """Tell whether arrays and objects in a JSON text nest deeper than `limit`."""
    depth, in_string, position = 0, False, 0
    while (match := STRUCTURE.search(text, position)) is not None:
        char, position = match.group(), match.end()
        if in_string:
            if char == "\\":
                position += 1  # Skip the escaped character, which may be a quote.
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def refuse_other_charsets(media_type: str) -> None:
    """Refuse a `charset` parameter naming anything but UTF-8 (RFC 8259 §8.1) with 415."""
    charset = parse_header_parameters(media_type)[1].get("charset")
    try:
        is_utf8 = charset is None or codecs.lookup(charset).name == "utf-8"
    except LookupError:
        is_utf8 = False
    if not is_utf8:
        raise UnsupportedMediaType(
            media_type, detail="JSON must be encoded in UTF-8 (RFC 8259 §8.1)."
        )


class DepthLimitedJSONParser(JSONParser):
    """DRF's JSON parser, refusing documents nested deeper than `ACCOUNTS["MAX_JSON_DEPTH"]`."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        refuse_other_charsets(media_type or "")
        try:
            # RFC 8259 §8.1: JSON is UTF-8; a parser may ignore a byte order mark.
            text = stream.read().decode("utf-8-sig")
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from error
        if nesting_exceeds(text, accounts_settings.MAX_JSON_DEPTH):
            raise ParseError("The JSON document is nested too deeply.", code=codes.JSON_TOO_DEEP)
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except (ValueError, RecursionError) as error:
            raise ParseError(f"JSON parse error - {error}") from error

"""A JSON parser that refuses deeply nested documents instead of crashing.

Python's json module parses recursively: `[[[[...]]]]` nested a few thousand levels
deep raises RecursionError, which DRF's parser does not catch (a 500). The nesting is
measured first, without recursion, by scanning for brackets outside strings.
"""

import re
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, get_encoding  # type: ignore[attr-defined]
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


class DepthLimitedJSONParser(JSONParser):
    """DRF's JSON parser, refusing documents nested deeper than `ACCOUNTS["MAX_JSON_DEPTH"]`."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        encoding = get_encoding(parser_context or {})
        try:
            text = stream.read().decode(encoding)
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from error
        if nesting_exceeds(text, accounts_settings.MAX_JSON_DEPTH):
            raise ParseError("The JSON document is nested too deeply.", code=codes.JSON_TOO_DEEP)
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except (ValueError, RecursionError) as error:
            raise ParseError(f"JSON parse error - {error}") from error

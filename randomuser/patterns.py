"""Fill-in patterns such as ``(###) ###-####``, filled from random characters.

Faker formats phone numbers and postcodes through its own template language; calling it once per
field is what makes naive generation slow. Here a Faker sample is turned once into a pattern
(``#`` a digit, ``?`` an uppercase ASCII letter) filled with one ``%`` format, in C.
"""

import re
from json.encoder import encode_basestring
from operator import itemgetter

DIGIT = "#"
LETTER = "?"
MAX_DIGITS = 15
MAX_LETTERS = 5
FILL_LENGTH = MAX_DIGITS + MAX_LETTERS

_KEPT_PREFIX = re.compile(r"^(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?|\(?0)?")
_EXTENSION = re.compile(r"\s*(x|ext\.?)\s*\d+$")
_RUN = re.compile(f"[{DIGIT}]+|[{re.escape(LETTER)}]+")


class Pattern:
    """A template where ``#`` becomes a random digit and ``?`` a random uppercase letter."""

    __slots__ = ("_format", "_json_format", "_runs", "template")

    def __init__(self, template: str) -> None:
        self.template = template
        runs = _RUN.findall(template)
        if template.count(DIGIT) > MAX_DIGITS or template.count(LETTER) > MAX_LETTERS:
            raise ValueError(
                f"More than {MAX_DIGITS} digits or {MAX_LETTERS} letters: {template!r}."
            )
        # "(%s) %s-%s" % (chars[0:3], chars[3:6], chars[6:10]): digits are taken from the start
        # of the characters to fill with, letters from position MAX_DIGITS on.
        offsets = {DIGIT: 0, LETTER: MAX_DIGITS}
        slices = []
        for run in runs:
            start = offsets[run[0]]
            slices.append(slice(start, start + len(run)))
            offsets[run[0]] = start + len(run)
        self._runs = itemgetter(*slices, slice(0, 0))  # Always a tuple, even for one run.
        self._format = _RUN.sub("%s", template.replace("%", "%%")) + "%s"
        # Digits and capitals never need escaping in JSON, so quoting the format once quotes
        # every filled value.
        self._json_format = encode_basestring(self._format)

    def fill(self, chars: str) -> str:
        """Return the template filled from ``chars``: ``MAX_DIGITS`` random digits followed by
        ``MAX_LETTERS`` random uppercase letters (or just the digits if it has no letter)."""
        runs: tuple[str, ...] = self._runs(chars)
        return self._format % runs

    def fill_json(self, chars: str) -> str:
        """Return ``fill(chars)`` as a JSON string (quoted, escaped as ``json.dumps`` does)."""
        runs: tuple[str, ...] = self._runs(chars)
        return self._json_format % runs

    def __repr__(self) -> str:
        return f"Pattern({self.template!r})"


def phone_pattern(sample: str) -> Pattern:
    """Return the pattern of a sample phone number, keeping its country code and trunk ``0``."""
    number = _EXTENSION.sub("", sample)
    kept = _KEPT_PREFIX.match(number)
    prefix = kept.group(0) if kept else ""
    return Pattern(prefix + re.sub(r"\d", DIGIT, number[len(prefix) :]))


def postcode_pattern(sample: str) -> Pattern:
    """Return the pattern of a sample postcode: digits and ASCII capitals become slots."""
    return Pattern(re.sub(r"[A-Z]", LETTER, re.sub(r"\d", DIGIT, sample)))

"""Fill-in patterns such as ``(###) ###-####``, filled from a seeded ``random.Random``.

Faker formats phone numbers and postcodes through its own template language; calling it once per
field is what makes naive generation slow. Here a Faker sample is turned once into a pattern
(``#`` a digit, ``?`` an uppercase ASCII letter) filled with a few RNG calls.
"""

import re
import string
from random import Random

from randomuser.draws import digits, pick

DIGIT = "#"
LETTER = "?"

_KEPT_PREFIX = re.compile(r"^(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?|\(?0)?")
_EXTENSION = re.compile(r"\s*(x|ext\.?)\s*\d+$")


class Pattern:
    """A template where ``#`` becomes a random digit and ``?`` a random uppercase letter."""

    __slots__ = ("_format", "_digits_only", "_kinds", "template")

    def __init__(self, template: str) -> None:
        self.template = template
        self._kinds = tuple(char for char in template if char in (DIGIT, LETTER))
        escaped = template.replace("{", "{{").replace("}", "}}")
        self._format = escaped.replace(DIGIT, "{}").replace(LETTER, "{}")
        self._digits_only = LETTER not in self._kinds

    def fill(self, rng: Random) -> str:
        """Return the template with every slot drawn from ``rng``."""
        if self._digits_only:
            return self._format.format(*digits(rng, len(self._kinds)))
        return self._format.format(*(_draw(kind, rng) for kind in self._kinds))

    def __repr__(self) -> str:
        return f"Pattern({self.template!r})"


def _draw(kind: str, rng: Random) -> str:
    return pick(rng, string.digits if kind == DIGIT else string.ascii_uppercase)


def phone_pattern(sample: str) -> Pattern:
    """Return the pattern of a sample phone number, keeping its country code and trunk ``0``."""
    number = _EXTENSION.sub("", sample)
    kept = _KEPT_PREFIX.match(number)
    prefix = kept.group(0) if kept else ""
    return Pattern(prefix + re.sub(r"\d", DIGIT, number[len(prefix) :]))


def postcode_pattern(sample: str) -> Pattern:
    """Return the pattern of a sample postcode: digits and ASCII capitals become slots."""
    return Pattern(re.sub(r"[A-Z]", LETTER, re.sub(r"\d", DIGIT, sample)))

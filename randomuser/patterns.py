"""Fill-in patterns such as ``(###) ###-####``, filled from a seeded ``random.Random``.

Faker formats phone numbers and postcodes through its own template language; calling it once per
field is what makes naive generation slow. Here a Faker sample is turned once into a pattern
(``#`` a digit, ``?`` an uppercase ASCII letter) filled with a few RNG calls.
"""

import re
import string
from operator import itemgetter
from random import Random

from randomuser.draws import DIGITS_PER_DRAW, pick

DIGIT = "#"
LETTER = "?"
LETTERS = string.ascii_uppercase

_KEPT_PREFIX = re.compile(r"^(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?|\(?0)?")
_EXTENSION = re.compile(r"\s*(x|ext\.?)\s*\d+$")


class Pattern:
    """A template where ``#`` becomes a random digit and ``?`` a random uppercase letter."""

    __slots__ = ("_digit_runs", "_format", "_kinds", "_percent_format", "template")

    def __init__(self, template: str) -> None:
        self.template = template
        self._kinds = tuple(char for char in template if char in (DIGIT, LETTER))
        if self._kinds.count(DIGIT) > DIGITS_PER_DRAW:
            raise ValueError(f"More than {DIGITS_PER_DRAW} digits in {template!r}.")
        escaped = template.replace("{", "{{").replace("}", "}}")
        self._format = escaped.replace(DIGIT, "{}").replace(LETTER, "{}")
        # Digits only: "(%s) %s-%s" % (digits[0:3], digits[3:6], digits[6:10]), all in C.
        runs = [len(run) for run in re.findall(f"{DIGIT}+", template)]
        starts = [sum(runs[:number]) for number in range(len(runs))]
        slices = [slice(start, start + length) for start, length in zip(starts, runs, strict=True)]
        self._digit_runs = itemgetter(*slices, slice(0, 0))  # Always a tuple, even for one run.
        self._percent_format = re.sub(f"{DIGIT}+", "%s", template.replace("%", "%%")) + "%s"

    def fill(self, rng: Random, digits: str) -> str:
        """Return the template filled with ``digits`` (as many as needed) and letters drawn
        from ``rng``."""
        if LETTER not in self._kinds:
            runs: tuple[str, ...] = self._digit_runs(digits)
            return self._percent_format % runs
        supply = iter(digits)
        return self._format.format(
            *(next(supply) if kind == DIGIT else pick(rng, LETTERS) for kind in self._kinds)
        )

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

"""The `password` option of randomuser.me: charsets and a length, e.g. `upper,lower,8-16`."""

import re
from dataclasses import dataclass
from random import Random

# randomuser.me 1.4 charsets, in this order whatever order the request names them in.
CHARSETS: dict[str, str] = {
    "special": " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "upper": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "lower": "abcdefghijklmnopqrstuvwxyz",
    "number": "0123456789",
}
MIN_LENGTH = 1
MAX_LENGTH = 64
DEFAULT_LENGTHS = (8, 64)
_CHARSET = "|".join(CHARSETS)
_LENGTH = "0*(?:{})".format("|".join(map(str, range(MAX_LENGTH, MIN_LENGTH - 1, -1))))
# A spec, lowercased and without spaces: `parse_password_spec` matches it, and the OpenAPI
# schema publishes it (ECMA and Python read it alike).
SPEC_PATTERN = rf"^(?:{_CHARSET})(?:,(?:{_CHARSET}))*(?:,({_LENGTH})(?:-({_LENGTH}))?)?$"
_SPEC = re.compile(SPEC_PATTERN)


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    """Draw passwords of `min_length`..`max_length` characters from `alphabet`."""

    alphabet: str
    min_length: int
    max_length: int

    def draw(self, rng: Random) -> str:
        """Return a password drawn from `rng`."""
        length = rng.randint(self.min_length, self.max_length)
        return "".join(rng.choices(self.alphabet, k=length))


def parse_password_spec(spec: str) -> PasswordPolicy:
    """Return the policy for `spec`; raise `ValueError` saying what is wrong with it.

    Names are case-insensitive. A final `N` means exactly N characters, `MIN-MAX` a range
    (`16-8` is read as `8-16`: no order to get wrong); without it, 8 to 64.
    """
    items = [item.strip().lower() for item in spec.split(",")]
    match = _SPEC.fullmatch(",".join(items))
    if match is None:
        raise ValueError(_problem(items))
    first, second = match.groups()
    lengths = sorted((int(first), int(second or first))) if first else DEFAULT_LENGTHS
    alphabet = "".join(chars for name, chars in CHARSETS.items() if name in items)
    return PasswordPolicy(alphabet, *lengths)


def _problem(items: list[str]) -> str:
    """Return what is wrong with a spec that `SPEC_PATTERN` refuses."""
    names = items[:-1] if re.fullmatch(r"[\d-]+", items[-1]) else items
    unknown = [name for name in names if name not in CHARSETS]
    if unknown:
        return f"Unknown charset {unknown[0]!r}: use {', '.join(CHARSETS)}."
    if not names:
        return f"Name at least one charset: {', '.join(CHARSETS)}."
    return f"Lengths must be from {MIN_LENGTH} to {MAX_LENGTH}."

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
_LENGTH = re.compile(r"^(\d{1,3})(?:-(\d{1,3}))?$")


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

    A final `N` means exactly N characters, `MIN-MAX` a range; without it, 8 to 64.
    """
    items = [item.strip().lower() for item in spec.split(",")]
    length_match = _LENGTH.match(items[-1])
    lengths = _lengths(length_match) if length_match else None
    names = items[:-1] if lengths else items
    unknown = [name for name in names if name not in CHARSETS]
    if unknown:
        raise ValueError(f"Unknown charset {unknown[0]!r}: use {', '.join(CHARSETS)}.")
    if not names:
        raise ValueError(f"Name at least one charset: {', '.join(CHARSETS)}.")
    alphabet = "".join(chars for name, chars in CHARSETS.items() if name in names)
    return PasswordPolicy(alphabet, *(lengths or DEFAULT_LENGTHS))


def _lengths(match: re.Match[str]) -> tuple[int, int]:
    """Return the length range; `16-8` is read as `8-16` (no order to get wrong)."""
    first = int(match.group(1))
    low, high = sorted((first, int(match.group(2) or first)))
    if not MIN_LENGTH <= low <= high <= MAX_LENGTH:
        raise ValueError(f"Lengths must be from {MIN_LENGTH} to {MAX_LENGTH}.")
    return low, high

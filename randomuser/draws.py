"""Fast random draws: from a seeded `random.Random`, or from a user's bytes of a hash.

`Random.choice` and `randint` spend most of their time in Python-level rejection sampling;
`int(random() * n)` is about three times faster and as reproducible. Drawing from bytes is
faster still: `items[word % len(items)]` on a 32-bit word, and `bytes.translate` to turn
bytes into digits or letters all at once (in C). Their biases (a 32-bit word favours some of
`n` items by `1 + n / 2**32`; a byte favours digits 0-5 by 4% and letters A-V by 11%) do not
matter for fake data.
"""

import string
from collections.abc import Sequence
from random import Random
from typing import TypeVar

_T = TypeVar("_T")

ALPHANUMERIC = string.ascii_letters + string.digits


def _byte_table(alphabet: str) -> bytes:
    """Return the `bytes.translate` table sending byte `b` to `alphabet[b % len]`."""
    return bytes(ord(alphabet[byte % len(alphabet)]) for byte in range(256))


DIGIT_TABLE = _byte_table(string.digits)
LETTER_TABLE = _byte_table(string.ascii_uppercase)
ALPHANUMERIC_TABLE = _byte_table(ALPHANUMERIC)


def pick(rng: Random, items: Sequence[_T]) -> _T:
    """Return a uniformly drawn item of `items`."""
    return items[int(rng.random() * len(items))]


def integer(rng: Random, low: int, high: int) -> int:
    """Return an integer from `low` to `high`, both included."""
    return low + int(rng.random() * (high - low + 1))


def translated(chunk: bytes, table: bytes) -> str:
    """Return `chunk` as text, each byte sent to a character by `table`."""
    return chunk.translate(table).decode("ascii")

"""Generate randomuser.me-1.4-shaped users, deterministically and fast. No Django here.

Reproducibility (issue 5): user number ``n`` of a seed is drawn from its own bytes, the first
``USER_BYTES`` of SHAKE-128 (an extendable-output hash) of the seed followed by ``n`` as 8
bytes, so any user is computed directly and the same on every machine (Python's ``hash()`` is
salted per process; SHAKE-128 is not). The filters (``nat``, ``gender``) are hashed with the
seed when they are not the defaults, so the users of one seed under other filters share no
drawn digits: a French user is not an American one with the same street number and postcode.
Page ``p`` of ``r`` results holds users ``(p - 1) * r`` to ``p * r - 1``, so ``results=N`` is a
prefix of ``results=M`` and page ``p`` continues page ``p - 1`` for the same page size. Every field
is always drawn, each from its own bytes of the user's: ``inc``/``exc``/``format`` only choose what
is shown, and the ``password`` option changes nothing but the password and its hashes.

Ages count from ``today``, an argument; the dates themselves never move.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from random import Random
from struct import Struct
from typing import Any

from randomuser.avatars import colour_for
from randomuser.draws import ALPHANUMERIC_TABLE, DIGIT_TABLE, LETTER_TABLE
from randomuser.moments import MomentRange, Today
from randomuser.nationalities import NAT_CODES, Nationality, nationality
from randomuser.passwords import PasswordPolicy
from randomuser.patterns import MAX_DIGITS, MAX_LETTERS
from randomuser.wordlists import (
    COMMON_PASSWORDS,
    TIMEZONES,
    USERNAME_ADJECTIVES,
    USERNAME_NOUNS,
)

VERSION = "1.4"
FIELDS: tuple[str, ...] = (
    "gender", "name", "location", "email", "login", "dob", "registered", "phone", "cell", "id",
    "picture", "nat",
)  # fmt: skip
GENDERS = ("male", "female")
# Where each part of a user takes its bytes from: raw bytes, then little-endian 32-bit words.
UUID_BYTES, DIGIT_BYTES, LETTER_BYTES, SALT_BYTES = (
    slice(0, 16),
    slice(16, 76),
    slice(76, 86),
    slice(86, 94),
)
USER_WORDS, USER_WORDS_AT = Struct("<8L"), 96
PERSON_WORDS, PERSON_WORDS_AT = Struct("<4L"), 128
LOCATION_WORDS, LOCATION_WORDS_AT = Struct("<8L"), 144
LOGIN_WORDS, LOGIN_WORDS_AT = Struct("<2L"), 176
USER_BYTES = 184
# Where each pattern takes its digits and letters from, once those bytes are translated.
PHONE_DIGITS, CELL_DIGITS, ID_DIGITS, POSTCODE_DIGITS = (
    slice(start, start + MAX_DIGITS) for start in range(0, 4 * MAX_DIGITS, MAX_DIGITS)
)
POSTCODE_LETTERS, ID_LETTERS = slice(0, MAX_LETTERS), slice(MAX_LETTERS, 2 * MAX_LETTERS)
# randomuser.me 1.4 ranges (to the day).
DOB = MomentRange(date(1944, 8, 25), date(2001, 5, 28))
REGISTERED = MomentRange(date(2002, 3, 21), date(2022, 5, 23))
USERNAME_WORDS = tuple(
    adjective + noun for adjective in USERNAME_ADJECTIVES for noun in USERNAME_NOUNS
)

User = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Options:
    """What a request asks for. ``nats`` and ``fields`` are in canonical order."""

    seed: str
    results: int = 1
    page: int = 1
    gender: str | None = None
    nats: tuple[str, ...] = NAT_CODES
    fields: tuple[str, ...] = FIELDS
    password: PasswordPolicy | None = None

    @property
    def first_index(self) -> int:
        """Return the global index of this page's first user."""
        return (self.page - 1) * self.results


@dataclass(frozen=True, slots=True)
class Context:
    """What every user of one request shares, resolved once."""

    nats: tuple[Nationality, ...]
    gender: str | None
    password: PasswordPolicy | None
    today: Today
    picture_base: str

    @classmethod
    def of(cls, options: Options, *, today: date, picture_base: str) -> "Context":
        """Return the context of a request for ``options``."""
        nats = tuple(nationality(code) for code in options.nats)
        return cls(nats, options.gender, options.password, Today.of(today), picture_base)


def generate_users(options: Options, *, today: date, picture_base: str) -> Iterator[User]:
    """Yield the users of ``options`` one by one, showing only ``options.fields``.

    ``picture_base`` is the absolute URL the avatar sizes are appended to (``.../avatars/``).
    """
    context = Context.of(options, today=today, picture_base=picture_base)
    fields = options.fields
    for stream in user_streams(options):
        user = _user(stream, context)
        yield user if fields == FIELDS else {field: user[field] for field in fields}


def user_streams(options: Options) -> Iterator[bytes]:
    """Yield the random bytes of each user of ``options``' page, in order."""
    seeded = hashlib.shake_128(stream_key(options))
    for index in range(options.first_index, options.first_index + options.results):
        hasher = seeded.copy()
        hasher.update(index.to_bytes(8, "big"))
        yield hasher.digest(USER_BYTES)


def stream_key(options: Options) -> bytes:
    """Return what the users' bytes are hashed from: the seed, then any non-default filter."""
    if options.nats == NAT_CODES and options.gender is None:
        return options.seed.encode()
    return "\0".join((options.seed, ",".join(options.nats), options.gender or "")).encode()


# Hot path (issue 5: 5000 users in well under 0.25 s). Each part of a user unpacks its own
# 32-bit words from the user's bytes and draws with ``items[word % len(items)]``, written out
# rather than called, and builds its dicts as literals.


def _user(stream: bytes, context: Context) -> User:
    """Return one user with every field, drawn from its ``stream`` of random bytes."""
    nat_word, phone_word, cell_word, password_word, *moment_words = USER_WORDS.unpack_from(
        stream, USER_WORDS_AT
    )
    nats = context.nats
    nat = nats[nat_word % len(nats)]
    digits = stream[DIGIT_BYTES].translate(DIGIT_TABLE).decode("ascii")
    letters = stream[LETTER_BYTES].translate(LETTER_TABLE).decode("ascii")
    gender, name, email, picture = _person(stream, nat, context)
    phones, cells = nat.phones, nat.cells
    id_pattern = nat.id_pattern
    return {
        "gender": gender,
        "name": name,
        "location": _location(stream, nat, digits[POSTCODE_DIGITS] + letters[POSTCODE_LETTERS]),
        "email": email,
        "login": _login(stream, draw_password(stream, password_word, context.password)),
        "dob": DOB.draw(moment_words[0], moment_words[1], context.today),
        "registered": REGISTERED.draw(moment_words[2], moment_words[3], context.today),
        "phone": phones[phone_word % len(phones)].fill(digits[PHONE_DIGITS]),
        "cell": cells[cell_word % len(cells)].fill(digits[CELL_DIGITS]),
        "id": {
            "name": nat.id_name,
            "value": id_pattern.fill(digits[ID_DIGITS] + letters[ID_LETTERS])
            if id_pattern
            else None,
        },
        "picture": picture,
        "nat": nat.code,
    }


def _person(
    stream: bytes, nat: Nationality, context: Context
) -> tuple[str, dict[str, str], str, dict[str, str]]:
    """Return the gender, name, e-mail address and picture URLs of a user."""
    gender_word, first_word, last_word, title_word = PERSON_WORDS.unpack_from(
        stream, PERSON_WORDS_AT
    )
    female = (context.gender or GENDERS[gender_word & 1]) == "female"
    firsts = nat.female_first if female else nat.male_first
    first, first_slug, first_initial, first_sum = firsts[first_word % len(firsts)]
    last, last_slug, last_initial, last_sum = nat.last[last_word % len(nat.last)]
    titles = nat.female_titles if female else nat.male_titles
    path = f"{colour_for(first_sum + last_sum)}/{first_initial}{last_initial}.svg"
    base = context.picture_base
    picture = {
        "large": f"{base}large/{path}",
        "medium": f"{base}medium/{path}",
        "thumbnail": f"{base}thumbnail/{path}",
    }
    name = {"title": titles[title_word % len(titles)], "first": first, "last": last}
    gender = "female" if female else "male"
    return gender, name, f"{first_slug}.{last_slug}@example.com", picture


def _location(stream: bytes, nat: Nationality, postcode_chars: str) -> User:
    zone, number, street, city, state, postcode, latitude, longitude = LOCATION_WORDS.unpack_from(
        stream, LOCATION_WORDS_AT
    )
    offset, description = TIMEZONES[zone % len(TIMEZONES)]
    streets, cities, states, postcodes = nat.streets, nat.cities, nat.states, nat.postcodes
    return {
        "street": {"number": 1 + number % 9999, "name": streets[street % len(streets)]},
        "city": cities[city % len(cities)],
        "state": states[state % len(states)],
        "country": nat.country,
        "postcode": postcodes[postcode % len(postcodes)].fill(postcode_chars),
        "coordinates": {
            "latitude": "%.4f" % (latitude % 1_800_001 / 10_000 - 90),
            "longitude": "%.4f" % (longitude % 3_600_001 / 10_000 - 180),
        },
        "timezone": {"offset": offset, "description": description},
    }


def draw_password(stream: bytes, word: int, policy: PasswordPolicy | None) -> str:
    """Return a common password, or one drawn by ``policy`` from a ``Random`` of its own."""
    if policy:
        return policy.draw(Random(stream))
    return COMMON_PASSWORDS[word % len(COMMON_PASSWORDS)]


def _login(stream: bytes, password: str) -> dict[str, str]:
    word, suffix = LOGIN_WORDS.unpack_from(stream, LOGIN_WORDS_AT)
    salt = stream[SALT_BYTES].translate(ALPHANUMERIC_TABLE).decode("ascii")
    salted = (password + salt).encode()
    return {
        "uuid": uuid4(stream),
        "username": f"{USERNAME_WORDS[word % len(USERNAME_WORDS)]}{100 + suffix % 900}",
        "password": password,
        "salt": salt,
        "md5": hashlib.md5(salted).hexdigest(),
        "sha1": hashlib.sha1(salted).hexdigest(),
        "sha256": hashlib.sha256(salted).hexdigest(),
    }


def uuid4(stream: bytes) -> str:
    """Return a version 4 UUID: the nibbles it fixes are those of the random bytes dropped."""
    digits = stream[UUID_BYTES].hex()
    variant = "89ab"[stream[UUID_BYTES.start + 8] >> 6]
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{variant}{digits[17:20]}-{digits[20:]}"

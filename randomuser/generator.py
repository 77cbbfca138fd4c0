"""Generate randomuser.me-1.4-shaped users, deterministically and fast. No Django here.

Reproducibility (issue 5): user number ``n`` of a seed is drawn from its own ``random.Random``
(MT19937), seeded with the 128-bit key ``blake2b(seed) * 2**64 + n``, so any user is computed
directly and the same on every machine (Python's ``hash()`` is salted per process; blake2b is
not, and MT19937 spreads nearby keys over unrelated streams). Page ``p`` of ``r`` results
holds users ``(p - 1) * r`` to ``p * r - 1``, so ``results=N`` is a prefix of ``results=M`` and
page ``p`` continues page ``p - 1`` for the same page size. Every field is always drawn, in the
same order, and the password last: ``inc``/``exc``/``format`` only choose what is shown, and the
``password`` option changes nothing but the password and its hashes.

Ages count from ``today``, an argument; the dates themselves never move.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from random import Random
from typing import Any

from randomuser.avatars import colour_for
from randomuser.draws import digit_pool, integer, pick, salt
from randomuser.moments import MomentRange, Today
from randomuser.nationalities import NAT_CODES, Nationality, nationality
from randomuser.passwords import PasswordPolicy, draw_common_password
from randomuser.wordlists import TIMEZONES, USERNAME_ADJECTIVES, USERNAME_NOUNS

VERSION = "1.4"
FIELDS: tuple[str, ...] = (
    "gender", "name", "location", "email", "login", "dob", "registered", "phone", "cell", "id",
    "picture", "nat",
)  # fmt: skip
GENDERS = ("male", "female")
# Where each pattern takes its digits from the user's digit pool.
PHONE_DIGITS, CELL_DIGITS, ID_DIGITS, POSTCODE_DIGITS = (
    slice(start, start + 15) for start in range(0, 60, 15)
)
# randomuser.me 1.4 ranges (to the day).
DOB = MomentRange(date(1944, 8, 25), date(2001, 5, 28))
REGISTERED = MomentRange(date(2002, 3, 21), date(2022, 5, 23))
_USERNAME_WORDS = tuple(
    adjective + noun for adjective in USERNAME_ADJECTIVES for noun in USERNAME_NOUNS
)
_UUID_VERSION_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_VERSION_4 = (0x4000 << 64) | (0x8000 << 48)

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
class _Context:
    """What every user of one request shares, resolved once."""

    nats: tuple[Nationality, ...]
    gender: str | None
    password: PasswordPolicy | None
    today: Today
    picture_base: str


def generate_users(options: Options, *, today: date, picture_base: str) -> Iterator[User]:
    """Yield the users of ``options`` one by one, showing only ``options.fields``.

    ``picture_base`` is the absolute URL the avatar sizes are appended to (``.../avatars/``).
    """
    context = _Context(
        tuple(nationality(code) for code in options.nats),
        options.gender,
        options.password,
        Today.of(today),
        picture_base,
    )
    seed_hash = hashlib.blake2b(options.seed.encode(), digest_size=8, person=b"randomuser")
    seed_key = int.from_bytes(seed_hash.digest(), "big") << 64
    rng = Random()
    fields = options.fields
    for index in range(options.first_index, options.first_index + options.results):
        rng.seed(seed_key | index)
        user = _user(rng, context)
        yield user if fields == FIELDS else {field: user[field] for field in fields}


def _user(rng: Random, context: _Context) -> User:
    """Return one user with every field, drawn from ``rng`` in a fixed order."""
    nat = pick(rng, context.nats)
    digits = digit_pool(rng)
    gender, name, email, picture = _person(rng, nat, context)
    location = _location(rng, nat, digits[POSTCODE_DIGITS])
    uuid, username, salt = _login(rng)
    dob = DOB.draw(rng, context.today)
    registered = REGISTERED.draw(rng, context.today)
    phone = pick(rng, nat.phones).fill(rng, digits[PHONE_DIGITS])
    cell = pick(rng, nat.cells).fill(rng, digits[CELL_DIGITS])
    identity = nat.id_pattern.fill(rng, digits[ID_DIGITS]) if nat.id_pattern else None
    policy = context.password
    password = policy.draw(rng) if policy else draw_common_password(rng)
    return {
        "gender": gender,
        "name": name,
        "location": location,
        "email": email,
        "login": _login_fields(uuid, username, password, salt),
        "dob": dob,
        "registered": registered,
        "phone": phone,
        "cell": cell,
        "id": {"name": nat.id_name, "value": identity},
        "picture": picture,
        "nat": nat.code,
    }


def _person(
    rng: Random, nat: Nationality, context: _Context
) -> tuple[str, dict[str, str], str, dict[str, str]]:
    """Return the gender, name, e-mail address and picture URLs of a user."""
    drawn = GENDERS[int(rng.random() * 2)]
    female = (context.gender or drawn) == "female"
    first, first_slug, first_initial, first_sum = pick(
        rng, nat.female_first if female else nat.male_first
    )
    last, last_slug, last_initial, last_sum = pick(rng, nat.last)
    title = pick(rng, nat.female_titles if female else nat.male_titles)
    path = f"{colour_for(first_sum + last_sum)}/{first_initial}{last_initial}.svg"
    base = context.picture_base
    picture = {
        "large": f"{base}large/{path}",
        "medium": f"{base}medium/{path}",
        "thumbnail": f"{base}thumbnail/{path}",
    }
    name = {"title": title, "first": first, "last": last}
    gender = "female" if female else "male"
    return gender, name, f"{first_slug}.{last_slug}@example.com", picture


def _location(rng: Random, nat: Nationality, postcode_digits: str) -> User:
    offset, description = pick(rng, TIMEZONES)
    return {
        "street": {"number": integer(rng, 1, 9999), "name": pick(rng, nat.streets)},
        "city": pick(rng, nat.cities),
        "state": pick(rng, nat.states),
        "country": nat.country,
        "postcode": pick(rng, nat.postcodes).fill(rng, postcode_digits),
        "coordinates": {
            "latitude": "%.4f" % (integer(rng, -900_000, 900_000) / 10_000),
            "longitude": "%.4f" % (integer(rng, -1_800_000, 1_800_000) / 10_000),
        },
        "timezone": {"offset": offset, "description": description},
    }


def _login(rng: Random) -> tuple[str, str, str]:
    """Return a uuid, a username and a salt."""
    return _uuid4(rng), _username(rng), salt(rng)


def _username(rng: Random) -> str:
    return f"{pick(rng, _USERNAME_WORDS)}{integer(rng, 100, 999)}"


def _uuid4(rng: Random) -> str:
    digits = f"{rng.getrandbits(128) & _UUID_VERSION_CLEAR | _UUID_VERSION_4:032x}"
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def _login_fields(uuid: str, username: str, password: str, salt: str) -> dict[str, str]:
    salted = (password + salt).encode()
    return {
        "uuid": uuid,
        "username": username,
        "password": password,
        "salt": salt,
        "md5": hashlib.md5(salted).hexdigest(),
        "sha1": hashlib.sha1(salted).hexdigest(),
        "sha256": hashlib.sha256(salted).hexdigest(),
    }

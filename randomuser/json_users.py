"""Write full users straight to compact JSON from their bytes: the default request's fast path.

A ``results=5000`` request in the default format with every field spends half its time building
dicts and encoding them again. Here each user is drawn exactly as ``generator._user`` draws it,
from the same bytes at the same offsets, but written as JSON text at once, from words stored
already quoted (``json.dumps``-escaped) per nationality. The output is byte-for-byte
``json.dumps(user, ensure_ascii=False, separators=(",", ":"))`` of the generator's user (tests
check it for many seeds, nationalities, genders and password options). Other formats and
``inc``/``exc`` keep the dict path.
"""

import dataclasses
import functools
import hashlib
from collections.abc import Iterator
from datetime import date
from json.encoder import encode_basestring as quote

from randomuser.avatars import colour_for
from randomuser.draws import ALPHANUMERIC_TABLE, DIGIT_TABLE, LETTER_TABLE
from randomuser.generator import (
    CELL_DIGITS,
    DIGIT_BYTES,
    DOB,
    GENDERS,
    ID_DIGITS,
    ID_LETTERS,
    LETTER_BYTES,
    LOCATION_WORDS,
    LOCATION_WORDS_AT,
    LOGIN_WORDS,
    LOGIN_WORDS_AT,
    PERSON_WORDS,
    PERSON_WORDS_AT,
    PHONE_DIGITS,
    POSTCODE_DIGITS,
    POSTCODE_LETTERS,
    REGISTERED,
    SALT_BYTES,
    USER_WORDS,
    USER_WORDS_AT,
    USERNAME_WORDS,
    Context,
    Options,
    draw_password,
    user_streams,
    uuid4,
)
from randomuser.nationalities import Name, Nationality, nationality
from randomuser.wordlists import TIMEZONES

_TIMEZONES = tuple(
    f'{{"offset":{quote(offset)},"description":{quote(description)}}}'
    for offset, description in TIMEZONES
)


@functools.cache
def _quoted(code: str) -> Nationality:
    """Return the nationality with its words as JSON strings, quoted once, not per user."""
    data = nationality(code)

    def names(items: tuple[Name, ...]) -> tuple[Name, ...]:
        return tuple(
            (quote(name), slug, initial, checksum) for name, slug, initial, checksum in items
        )

    def words(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(map(quote, items))

    return dataclasses.replace(
        data,
        male_first=names(data.male_first),
        female_first=names(data.female_first),
        last=names(data.last),
        streets=words(data.streets),
        cities=words(data.cities),
        states=words(data.states),
        country=quote(data.country),
        id_name=quote(data.id_name),
        male_titles=words(data.male_titles),
        female_titles=words(data.female_titles),
    )


def generate_users_json(options: Options, *, today: date, picture_base: str) -> Iterator[str]:
    """Yield the users of ``options`` with every field, each as compact JSON."""
    context = Context.of(options, today=today, picture_base=picture_base)
    nats = tuple(_quoted(code) for code in options.nats)
    base = quote(picture_base)[1:-1]  # Avatar paths are ASCII letters, digits and "/%.".
    return (_user(stream, nats, context, base) for stream in user_streams(options))


# Hot path: one f-string per part of a user, the draws written out as in generator.py (the
# same bytes, offsets and order), without a dict in between.


def _user(stream: bytes, nats: tuple[Nationality, ...], context: Context, base: str) -> str:
    nat_word, phone_word, cell_word, password_word, *moment_words = USER_WORDS.unpack_from(
        stream, USER_WORDS_AT
    )
    nat = nats[nat_word % len(nats)]
    digits = stream[DIGIT_BYTES].translate(DIGIT_TABLE).decode("ascii")
    letters = stream[LETTER_BYTES].translate(LETTER_TABLE).decode("ascii")
    head, email, picture = _person(stream, nat, context.gender, base)
    postcode = digits[POSTCODE_DIGITS] + letters[POSTCODE_LETTERS]
    password = draw_password(stream, password_word, context.password)
    today = context.today
    dob, dob_age = DOB.instant(moment_words[0], moment_words[1], today)
    registered, registered_age = REGISTERED.instant(moment_words[2], moment_words[3], today)
    phones, cells, id_pattern = nat.phones, nat.cells, nat.id_pattern
    identity = (
        id_pattern.fill_json(digits[ID_DIGITS] + letters[ID_LETTERS]) if id_pattern else "null"
    )
    return (
        f'{head},"location":{_location(stream, nat, postcode)},"email":"{email}",'
        f'"login":{_login(stream, password)},"dob":{{"date":"{dob}","age":{dob_age}}},'
        f'"registered":{{"date":"{registered}","age":{registered_age}}},'
        f'"phone":{phones[phone_word % len(phones)].fill_json(digits[PHONE_DIGITS])},'
        f'"cell":{cells[cell_word % len(cells)].fill_json(digits[CELL_DIGITS])},'
        f'"id":{{"name":{nat.id_name},"value":{identity}}},"picture":{picture},'
        f'"nat":"{nat.code}"}}'
    )


def _person(stream: bytes, nat: Nationality, gender: str | None, base: str) -> tuple[str, str, str]:
    """Return the JSON of a user up to its name, its e-mail address, and its picture's JSON."""
    gender_word, first_word, last_word, title_word = PERSON_WORDS.unpack_from(
        stream, PERSON_WORDS_AT
    )
    female = (gender or GENDERS[gender_word & 1]) == "female"
    firsts = nat.female_first if female else nat.male_first
    first, first_slug, first_initial, first_sum = firsts[first_word % len(firsts)]
    last, last_slug, last_initial, last_sum = nat.last[last_word % len(nat.last)]
    titles = nat.female_titles if female else nat.male_titles
    path = f"{colour_for(first_sum + last_sum)}/{first_initial}{last_initial}.svg"
    picture = (
        f'{{"large":"{base}large/{path}","medium":"{base}medium/{path}",'
        f'"thumbnail":"{base}thumbnail/{path}"}}'
    )
    head = (
        f'{{"gender":"{"female" if female else "male"}",'
        f'"name":{{"title":{titles[title_word % len(titles)]},"first":{first},"last":{last}}}'
    )
    return head, f"{first_slug}.{last_slug}@example.com", picture


def _location(stream: bytes, nat: Nationality, postcode_chars: str) -> str:
    zone, number, street, city, state, postcode, latitude, longitude = LOCATION_WORDS.unpack_from(
        stream, LOCATION_WORDS_AT
    )
    streets, cities, states, postcodes = nat.streets, nat.cities, nat.states, nat.postcodes
    return (
        f'{{"street":{{"number":{1 + number % 9999},"name":{streets[street % len(streets)]}}},'
        f'"city":{cities[city % len(cities)]},"state":{states[state % len(states)]},'
        f'"country":{nat.country},'
        f'"postcode":{postcodes[postcode % len(postcodes)].fill_json(postcode_chars)},'
        f'"coordinates":{{"latitude":"{latitude % 1_800_001 / 10_000 - 90:.4f}",'
        f'"longitude":"{longitude % 3_600_001 / 10_000 - 180:.4f}"}},'
        f'"timezone":{_TIMEZONES[zone % len(_TIMEZONES)]}}}'
    )


def _login(stream: bytes, password: str) -> str:
    word, suffix = LOGIN_WORDS.unpack_from(stream, LOGIN_WORDS_AT)
    salt = stream[SALT_BYTES].translate(ALPHANUMERIC_TABLE).decode("ascii")
    salted = (password + salt).encode()
    # Usernames are ASCII letters and digits, salts letters and digits: nothing to escape.
    return (
        f'{{"uuid":"{uuid4(stream)}",'
        f'"username":"{USERNAME_WORDS[word % len(USERNAME_WORDS)]}{100 + suffix % 900}",'
        f'"password":{quote(password)},"salt":"{salt}",'
        f'"md5":"{hashlib.md5(salted).hexdigest()}","sha1":"{hashlib.sha1(salted).hexdigest()}",'
        f'"sha256":"{hashlib.sha256(salted).hexdigest()}"}}'
    )

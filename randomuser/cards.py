"""The course's user card (faker.js `helpers.userCard()` shape), built from a generated user.

Cards are American (the course used faker.js's English locale), drawn by the same generator as
the bulk endpoint, plus a company from Faker's en_US word lists, extracted once.
"""

import functools
from dataclasses import dataclass
from datetime import date
from random import Random
from typing import Any

from faker import Factory

from randomuser.draws import integer, pick
from randomuser.generator import Options, User, generate_users
from randomuser.nationalities import nationality

CARD_NATS = ("US",)
SUITE_PREFIXES = ("Apt.", "Suite")


@dataclass(frozen=True, slots=True)
class CompanyWords:
    """Faker's en_US company data: catch phrase and bs word lists, name suffixes, domains."""

    catch_phrase: tuple[tuple[str, ...], ...]
    bs: tuple[tuple[str, ...], ...]
    suffixes: tuple[str, ...]
    top_level_domains: tuple[str, ...]


@functools.cache
def company_words() -> CompanyWords:
    """Return the company word lists, extracted from Faker on first use."""
    providers: dict[str, Any] = {
        type(p).__module__.split(".")[2]: p for p in Factory.create("en_US").providers
    }
    company, internet = providers["company"], providers["internet"]
    return CompanyWords(
        catch_phrase=tuple(tuple(words) for words in company.catch_phrase_words),
        bs=tuple(tuple(words) for words in company.bsWords),
        suffixes=tuple(company.company_suffixes),
        top_level_domains=tuple(internet.tlds),
    )


def make_card(seed: str, *, today: date, picture_base: str) -> dict[str, Any]:
    """Return the card for `seed`: the same seed gives the same card."""
    options = Options(seed=seed, nats=CARD_NATS)
    user = next(generate_users(options, today=today, picture_base=picture_base))
    return card_from_user(user, Random(f"card:{seed}"))


def card_from_user(user: User, rng: Random) -> dict[str, Any]:
    """Return the card for a full `user`, drawing the extra fields from `rng`."""
    name, location = user["name"], user["location"]
    coordinates = location["coordinates"]
    words = company_words()
    return {
        "name": f"{name['first']} {name['last']}",
        "username": user["login"]["username"],
        "email": user["email"],
        "address": {
            "street": location["street"]["name"],
            "suite": f"{pick(rng, SUITE_PREFIXES)} {integer(rng, 100, 999)}",
            "city": location["city"],
            "zipcode": location["postcode"],
            "geo": {"lat": coordinates["latitude"], "lng": coordinates["longitude"]},
        },
        "phone": user["phone"],
        "website": f"{user['email'].split('.')[0]}.{pick(rng, words.top_level_domains)}",
        "company": _company(rng, words),
        "avatar": user["picture"]["large"],
    }


def _company(rng: Random, words: CompanyWords) -> dict[str, str]:
    return {
        "name": _company_name(rng, words),
        "catchPhrase": " ".join(pick(rng, column) for column in words.catch_phrase),
        "bs": " ".join(pick(rng, column) for column in words.bs),
    }


def _company_name(rng: Random, words: CompanyWords) -> str:
    first, second, third = (pick(rng, nationality("US").last)[0] for _ in range(3))
    formats = (
        f"{first} {pick(rng, words.suffixes)}",
        f"{first}-{second}",
        f"{first}, {second} and {third}",
    )
    return pick(rng, formats)

"""Per-nationality data, extracted once from Faker's locales into plain tuples.

Faker is only called here, a few hundred times per nationality on first use, from an instance
seeded with a constant: the extracted lists are the same in every process that runs the same
Faker version (pinned in requirements.txt). Phone, cell, postcode and id formats come from
``randomuser.numbering`` instead. Users are then drawn from these tuples with a user's random
bytes, which is what makes bulk generation fast.
"""

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from faker import Factory
from faker.decode import unidecode
from faker.generator import Generator

from randomuser import wordlists
from randomuser.avatars import initial, name_checksum
from randomuser.numbering import NUMBERING
from randomuser.patterns import Pattern, patterns

Name = tuple[str, str, str, int]
"""A name as written in its country, its ASCII slug for e-mail addresses, and for avatars its
URL-quoted initial and its checksum (computed once here rather than for every user)."""

SAMPLES = 200
MALE_TITLES = ("Mr",)
FEMALE_TITLES = ("Miss", "Mrs", "Ms")


@dataclass(frozen=True, slots=True)
class Spec:
    """What is fixed for a nationality: its Faker locale, country and national id's name."""

    locale: str | None
    country: str
    id_name: str = ""


SPECS: dict[str, Spec] = {
    "AU": Spec("en_AU", "Australia", "TFN"),
    "BR": Spec("pt_BR", "Brazil", "CPF"),
    "CA": Spec("en_CA", "Canada", "SIN"),
    "CH": Spec("de_CH", "Switzerland", "AVS"),
    "DE": Spec("de_DE", "Germany", "SVNR"),
    "DK": Spec("da_DK", "Denmark", "CPR"),
    "ES": Spec("es_ES", "Spain", "DNI"),
    "FI": Spec("fi_FI", "Finland", "HETU"),
    "FR": Spec("fr_FR", "France", "INSEE"),
    "GB": Spec("en_GB", "United Kingdom", "NINO"),
    "IE": Spec("en_IE", "Ireland", "PPS"),
    "IN": Spec("en_IN", "India", "UIDAI"),
    "IR": Spec("fa_IR", "Iran"),
    "MX": Spec("es_MX", "Mexico", "NSS"),
    "NL": Spec("nl_NL", "Netherlands", "BSN"),
    "NO": Spec("no_NO", "Norway", "FN"),
    "NZ": Spec("en_NZ", "New Zealand"),
    "RS": Spec(None, "Serbia", "SID"),
    "TR": Spec("tr_TR", "Turkey"),
    "UA": Spec("uk_UA", "Ukraine"),
    "US": Spec("en_US", "United States", "SSN"),
}

NAT_CODES: tuple[str, ...] = tuple(sorted(SPECS))

# Where Faker 40 has no data for a nationality, or falls back to en_US (reference, section 3.2).
OVERRIDES: dict[str, dict[str, tuple[str, ...]]] = {
    "NO": {"states": wordlists.NORWEGIAN_COUNTIES},
    "NZ": {"states": wordlists.NEW_ZEALAND_REGIONS},
    "TR": {"cities": wordlists.TURKISH_CITIES, "streets": wordlists.TURKISH_STREETS},
    "RS": {
        "male_first": wordlists.SERBIAN_MALE_FIRST,
        "female_first": wordlists.SERBIAN_FEMALE_FIRST,
        "last": wordlists.SERBIAN_LAST,
        "streets": wordlists.SERBIAN_STREETS,
        "cities": wordlists.SERBIAN_CITIES,
        "states": wordlists.SERBIAN_DISTRICTS,
    },
}


@dataclass(frozen=True, slots=True)
class Nationality:
    """Everything needed to draw a user of one nationality, as tuples to pick from."""

    code: str
    country: str
    male_first: tuple[Name, ...]
    female_first: tuple[Name, ...]
    last: tuple[Name, ...]
    streets: tuple[str, ...]
    cities: tuple[str, ...]
    states: tuple[str, ...]
    postcodes: tuple[Pattern, ...]
    phones: tuple[Pattern, ...]
    cells: tuple[Pattern, ...]
    id_name: str
    id_pattern: Pattern | None
    male_titles: tuple[str, ...]
    female_titles: tuple[str, ...]


@functools.cache
def nationality(code: str) -> Nationality:
    """Return the data for the nationality ``code`` (one of ``NAT_CODES``), built on first use."""
    spec = SPECS[code]
    lists = _faker_lists(spec.locale) if spec.locale else {}
    lists.update(OVERRIDES.get(code, {}))
    numbering = NUMBERING[code]
    swiss = code == "CH"
    return Nationality(
        code=code,
        country=spec.country,
        male_first=_names(lists["male_first"]),
        female_first=_names(lists["female_first"]),
        last=_names(lists["last"]),
        streets=lists["streets"],
        cities=lists["cities"],
        states=lists["states"],
        postcodes=patterns(numbering.postcodes),
        phones=patterns(numbering.phones),
        cells=patterns(numbering.cells),
        id_name=spec.id_name,
        id_pattern=Pattern(numbering.id_template) if numbering.id_template else None,
        male_titles=("Monsieur",) if swiss else MALE_TITLES,
        female_titles=("Madame", "Mademoiselle") if swiss else FEMALE_TITLES,
    )


def ascii_slug(text: str) -> str:
    """Return ``text`` transliterated to lowercase ASCII letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def _names(names: Iterable[str]) -> tuple[Name, ...]:
    return tuple(
        (name, ascii_slug(name) or "user", quote(initial(name)), name_checksum(name))
        for name in dict.fromkeys(names)
        if initial(name)
    )


def _faker(locale: str) -> Generator:
    fake = Factory.create(locale)
    fake.seed_instance(0)
    return fake


def _faker_lists(locale: str) -> dict[str, tuple[str, ...]]:
    fake = _faker(locale)
    person = _provider(fake, "person")
    state = _first_formatter(fake, ("administrative_unit", "state", "province", "region"))
    return {
        "male_first": tuple(person.first_names_male),
        "female_first": tuple(person.first_names_female),
        "last": tuple(person.last_names),
        "streets": _sample(fake, "street_name", SAMPLES),
        "cities": _sample(fake, "city", SAMPLES),
        "states": _sample(fake, state, SAMPLES) if state else (),
    }


def _provider(fake: Generator, kind: str) -> Any:
    return next(p for p in fake.get_providers() if f".{kind}." in type(p).__module__ + ".")


def _first_formatter(fake: Generator, names: Iterable[str]) -> str | None:
    return next((name for name in names if _has_formatter(fake, name)), None)


def _has_formatter(fake: Generator, name: str) -> bool:
    formatter: Callable[..., Any] | None = getattr(fake, name, None)
    return callable(formatter)


def _sample(fake: Generator, formatter: str, count: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fake.format(formatter) for _ in range(count)))


def load_all() -> None:
    """Build every nationality's data now (a WSGI server calls this at start-up)."""
    for code in NAT_CODES:
        nationality(code)

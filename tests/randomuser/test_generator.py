"""The pure generator: reproducibility rules of issue 5, field contents, localisation."""

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from randomuser.avatars import is_valid_initials
from randomuser.generator import FIELDS, Options, generate_users
from randomuser.nationalities import NAT_CODES, nationality
from randomuser.passwords import parse_password_spec

TODAY = date(2025, 6, 1)
BASE = "http://testserver/api/avatars/"
ROOT = Path(__file__).resolve().parents[2]
UUID4 = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def users(**options: Any) -> list[dict[str, Any]]:
    today = options.pop("today", TODAY)
    return list(generate_users(Options(**options), today=today, picture_base=BASE))


def test_same_seed_gives_the_same_users() -> None:
    assert users(seed="abc", results=20) == users(seed="abc", results=20)


def test_another_seed_gives_other_users() -> None:
    assert users(seed="abc", results=5) != users(seed="abd", results=5)


def test_fewer_results_are_a_prefix_of_more() -> None:
    assert users(seed="s", results=7) == users(seed="s", results=30)[:7]


@pytest.mark.parametrize(("page", "size"), [(2, 5), (3, 4), (7, 1)])
def test_page_p_is_the_slice_after_page_p_minus_1(page: int, size: int) -> None:
    everything = users(seed="pages", results=page * size)
    assert users(seed="pages", results=size, page=page) == everything[(page - 1) * size :]


def test_a_far_page_is_computed_directly() -> None:
    far = users(seed="far", results=2, page=10_000)
    assert far == users(seed="far", results=1, page=19_999) + users(
        seed="far", results=1, page=20_000
    )


@pytest.mark.parametrize(
    "fields", [("name",), ("gender", "nat"), ("login", "picture", "email"), ("dob",)]
)
def test_chosen_fields_do_not_change_the_values_of_others(fields: tuple[str, ...]) -> None:
    full = users(seed="inc", results=25)
    partial = users(seed="inc", results=25, fields=fields)
    assert partial == [{field: user[field] for field in fields} for user in full]


def test_no_field_gives_empty_users() -> None:
    assert users(seed="none", results=3, fields=()) == [{}, {}, {}]


def test_the_password_option_changes_only_the_password_and_hashes() -> None:
    plain = users(seed="pw", results=10)
    custom = users(seed="pw", results=10, password=parse_password_spec("upper,4"))
    for before, after in zip(plain, custom, strict=True):
        assert {**after, "login": None} == {**before, "login": None}
        assert after["login"]["uuid"] == before["login"]["uuid"]
        assert re.fullmatch(r"[A-Z]{4}", after["login"]["password"])


def test_gender_is_honoured_with_a_seed() -> None:
    assert {user["gender"] for user in users(seed="g", results=40, gender="female")} == {"female"}
    assert {user["gender"] for user in users(seed="g", results=40, gender="male")} == {"male"}
    assert {user["gender"] for user in users(seed="g", results=40)} == {"male", "female"}


def drawn_digits(user: dict[str, Any]) -> tuple[int, str]:
    """Return a user's street number and the digits of its postcode and cell."""
    return user["location"]["street"]["number"], re.sub(
        r"\D", "", str(user["location"]["postcode"]) + user["cell"]
    )


@pytest.mark.parametrize(
    "filters",
    [
        {"nats": ("FR",)},
        {"nats": ("US",)},
        {"gender": "female"},
        {"nats": ("FR",), "gender": "male"},
    ],
)
def test_other_filters_share_no_drawn_digits_with_the_same_seed(filters: dict[str, Any]) -> None:
    plain = users(seed="filters", results=50)
    filtered = users(seed="filters", results=50, **filters)
    assert not any(
        drawn_digits(a)[0] == drawn_digits(b)[0] or drawn_digits(a)[1] == drawn_digits(b)[1]
        for a, b in zip(plain, filtered, strict=True)
    )


def test_two_filters_give_unrelated_users() -> None:
    french = users(seed="nat", results=50, nats=("FR",))
    german = users(seed="nat", results=50, nats=("DE",))
    assert not any(
        a["location"]["street"]["number"] == b["location"]["street"]["number"]
        for a, b in zip(french, german, strict=True)
    )


def test_users_are_the_same_in_another_process() -> None:
    script = (
        "import hashlib, json, datetime\n"
        "from randomuser.generator import Options, generate_users\n"
        "users = list(generate_users(Options(seed='x-proc', results=40),"
        " today=datetime.date(2025, 6, 1), picture_base='http://testserver/api/avatars/'))\n"
        "print(hashlib.sha256(json.dumps(users).encode()).hexdigest())\n"
    )
    environment = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=True
    )
    here = hashlib.sha256(json.dumps(users(seed="x-proc", results=40)).encode()).hexdigest()
    assert child.stdout.strip() == here


def test_a_user_has_every_field_in_randomuser_order() -> None:
    (user,) = users(seed="shape")
    assert tuple(user) == FIELDS
    assert list(user["location"]) == [
        "street",
        "city",
        "state",
        "country",
        "postcode",
        "coordinates",
        "timezone",
    ]
    assert list(user["login"]) == ["uuid", "username", "password", "salt", "md5", "sha1", "sha256"]


def test_hashes_are_of_password_plus_salt() -> None:
    for user in users(seed="hash", results=20, password=parse_password_spec("special,1-64")):
        login = user["login"]
        salted = (login["password"] + login["salt"]).encode()
        assert login["md5"] == hashlib.md5(salted).hexdigest()
        assert login["sha1"] == hashlib.sha1(salted).hexdigest()
        assert login["sha256"] == hashlib.sha256(salted).hexdigest()
        assert re.fullmatch(r"[A-Za-z0-9]{8}", login["salt"])


def test_field_formats() -> None:
    for user in users(seed="formats", results=200):
        assert re.fullmatch(UUID4, user["login"]["uuid"])
        assert re.fullmatch(r"[a-z]+[0-9]{3}", user["login"]["username"])
        assert re.fullmatch(r"[a-z0-9]+\.[a-z0-9]+@example\.com", user["email"])
        coordinates = user["location"]["coordinates"]
        assert -90 <= float(coordinates["latitude"]) <= 90
        assert -180 <= float(coordinates["longitude"]) <= 180
        assert re.fullmatch(r"-?\d+\.\d{4}", coordinates["latitude"])
        assert 1 <= user["location"]["street"]["number"] <= 9999
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", user["dob"]["date"])
        assert "1944-08-25" <= user["dob"]["date"][:10] <= "2001-05-28"
        assert "2002-03-21" <= user["registered"]["date"][:10] <= "2022-05-23"


def test_ages_count_from_today() -> None:
    (user,) = users(seed="age", fields=("dob",))
    born = date.fromisoformat(user["dob"]["date"][:10])
    birthday = date(2030, born.month, born.day)  # This seed's user was not born on 29 February.
    (on_birthday,) = users(seed="age", fields=("dob",), today=birthday)
    (day_before,) = users(seed="age", fields=("dob",), today=birthday - timedelta(days=1))
    assert on_birthday["dob"]["age"] == 2030 - born.year
    assert day_before["dob"]["age"] == 2030 - born.year - 1
    assert on_birthday["dob"]["date"] == day_before["dob"]["date"] == user["dob"]["date"]


def test_pictures_point_to_our_avatars() -> None:
    (user,) = users(seed="pic")
    for size, url in user["picture"].items():
        match = re.fullmatch(rf"{re.escape(BASE)}{size}/([0-9a-f]{{6}})/([^/]+)\.svg", url)
        assert match


def test_only_requested_nationalities() -> None:
    assert {user["nat"] for user in users(seed="n", results=60, nats=("FR", "DE"))} == {"FR", "DE"}


def test_all_nationalities_appear_by_default() -> None:
    assert {user["nat"] for user in users(seed="all", results=600)} == set(NAT_CODES)


def in_script(text: str, low: str, high: str) -> bool:
    return any(low <= char <= high for char in text)


def test_ukrainian_names_are_cyrillic_and_iranian_persian() -> None:
    for user in users(seed="ua", results=20, nats=("UA",)):
        assert in_script(user["name"]["first"] + user["name"]["last"], "\u0400", "\u04ff")
        assert user["location"]["country"] == "Ukraine"
        assert user["id"] == {"name": "", "value": None}
        assert user["email"].isascii()
    for user in users(seed="ir", results=20, nats=("IR",)):
        assert in_script(user["name"]["last"], "\u0600", "\u06ff")


def test_swiss_titles_and_turkish_cities() -> None:
    swiss = users(seed="ch", results=40, nats=("CH",))
    assert {user["name"]["title"] for user in swiss} <= {"Monsieur", "Madame", "Mademoiselle"}
    turkish = users(seed="tr", results=40, nats=("TR",))
    assert {user["location"]["city"] for user in turkish} <= set(nationality("TR").cities)
    assert any(in_script(user["location"]["city"], "\u0100", "\u024f") for user in turkish)


@pytest.mark.parametrize("code", NAT_CODES)
def test_every_name_has_initials_for_its_avatar(code: str) -> None:
    nat = nationality(code)
    for _, slug, initial, _ in nat.male_first + nat.female_first + nat.last:
        assert slug.isascii() and slug
        assert initial


def test_generated_avatar_initials_are_valid() -> None:
    for user in users(seed="initials", results=300):
        initials = user["picture"]["large"].rsplit("/", 1)[1].removesuffix(".svg")
        assert is_valid_initials(unquote(initials))


def test_options_first_index() -> None:
    assert replace(Options(seed="x"), results=50, page=3).first_index == 100

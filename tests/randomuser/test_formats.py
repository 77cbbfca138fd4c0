"""Streaming renderers: every format parses back to the same users."""

import csv
import io
import json
from datetime import date
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from randomuser.formats import CHUNK_SIZE, render
from randomuser.generator import Options, generate_users
from randomuser.nationalities import NAT_CODES
from randomuser.passwords import parse_password_spec

TRICKY_SEED = 'quote " backslash \\ <tag> & é \u2028 \x85 \ufeff ✓'
INFO = {"seed": TRICKY_SEED, "results": 0, "page": 1, "version": "1.4"}


def make_users(count: int = CHUNK_SIZE + 3, **options: Any) -> list[dict[str, Any]]:
    # Passwords with every special character exercise the escaping of each format.
    policy = parse_password_spec("special,upper,lower,number,1-30")
    generated = generate_users(
        Options(seed="formats", results=count, password=policy, **options),
        today=date(2025, 6, 1),
        picture_base="http://testserver/api/avatars/",
    )
    return list(generated)


def document(format_name: str, users: list[dict[str, Any]], info: Any = INFO) -> str:
    return "".join(render(format_name, users, info))


@pytest.mark.parametrize("password", [None, "special,upper,lower,number,1-30", "upper,4"])
@pytest.mark.parametrize("gender", [None, "male", "female"])
def test_json_is_byte_identical_to_json_dumps(gender: str | None, password: str | None) -> None:
    policy = parse_password_spec(password) if password else None
    options = Options(seed=TRICKY_SEED, results=400, page=3, gender=gender, password=policy)
    # A picture base with characters JSON escapes.
    users = list(generate_users(options, today=date(2025, 6, 1), picture_base='http://x/"a"\\/'))
    assert {user["nat"] for user in users} == set(NAT_CODES)
    body = {"results": users, "info": INFO}
    assert document("json", users) == json.dumps(body, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("fields", [(), ("name",), ("gender", "login", "id", "nat")])
def test_json_of_chosen_fields(fields: tuple[str, ...]) -> None:
    users = make_users(20, fields=fields)
    compact = json.dumps({"results": users}, ensure_ascii=False, separators=(",", ":"))
    assert document("json", users, None) == compact


def test_pretty_is_json_indented_by_two() -> None:
    users = make_users()
    body = {"results": users, "info": INFO}
    assert document("pretty", users) == json.dumps(body, ensure_ascii=False, indent=2)
    bare = json.dumps({"results": users}, ensure_ascii=False, indent=2)
    assert document("pretty", users, None) == bare


def test_json_without_info() -> None:
    users = make_users(2)
    assert json.loads(document("json", users, None)) == {"results": users}


def test_yaml_parses_back() -> None:
    users = make_users()
    assert yaml.safe_load(document("yaml", users)) == {"results": users, "info": INFO}


def test_yaml_of_users_without_fields() -> None:
    assert yaml.safe_load(document("yaml", [{}, {}], None)) == {"results": [{}, {}]}


def test_xml_parses_back() -> None:
    users = make_users()
    root = ElementTree.fromstring(document("xml", users).encode())
    assert root.tag == "user"
    results = root.findall("results")
    assert len(results) == len(users)
    first = users[0]
    assert results[0].findtext("name/first") == first["name"]["first"]
    assert results[0].findtext("login/password") == first["login"]["password"]
    assert results[0].findtext("location/street/number") == str(
        first["location"]["street"]["number"]
    )
    assert root.findtext("info/seed") == TRICKY_SEED


def test_csv_parses_back_with_dotted_columns() -> None:
    users = make_users()
    rows = list(csv.DictReader(io.StringIO(document("csv", users), newline="")))
    assert len(rows) == len(users)
    assert list(rows[0])[:4] == ["gender", "name.title", "name.first", "name.last"]
    for row, user in zip(rows, users, strict=True):
        assert row["login.password"] == user["login"]["password"]
        assert row["location.coordinates.latitude"] == user["location"]["coordinates"]["latitude"]
        assert row["id.value"] == (user["id"]["value"] or "")


def test_csv_with_chosen_fields() -> None:
    users = make_users(3, fields=("gender", "nat"))
    rows = list(csv.DictReader(io.StringIO(document("csv", users), newline="")))
    assert rows == [{"gender": user["gender"], "nat": user["nat"]} for user in users]


@pytest.mark.parametrize("format_name", ["json", "pretty", "csv", "yaml", "xml"])
def test_documents_come_in_several_chunks(format_name: str) -> None:
    chunks = list(render(format_name, make_users(CHUNK_SIZE * 3), INFO))
    assert len(chunks) >= 3

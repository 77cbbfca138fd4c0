"""The direct JSON path writes exactly what json.dumps writes of the generator's users."""

import json
from datetime import date
from typing import Any

import pytest

from randomuser.formats import render
from randomuser.generator import FIELDS, Options, generate_users
from randomuser.json_users import generate_users_json
from randomuser.nationalities import NAT_CODES
from randomuser.passwords import parse_password_spec
from randomuser.services import users_document

TODAY = date(2025, 6, 1)
# A base with characters JSON escapes, so the path's quoting of the base is exercised too.
BASE = 'http://testserver/api/"avatars"\\/'
PASSWORDS = [None, parse_password_spec("special,upper,lower,number,1-30"), "upper,4"]


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("password", PASSWORDS)
@pytest.mark.parametrize("gender", [None, "male", "female"])
@pytest.mark.parametrize("seed", ["", "abc", 'quote " backslash \\ é \u2028 ✓', "0" * 40])
def test_direct_json_is_byte_identical_to_json_dumps(
    seed: str, gender: str | None, password: Any
) -> None:
    if isinstance(password, str):
        password = parse_password_spec(password)
    options = Options(seed=seed, results=150, page=4, gender=gender, password=password)
    users = generate_users(options, today=TODAY, picture_base=BASE)
    direct = generate_users_json(options, today=TODAY, picture_base=BASE)
    assert list(direct) == [compact(user) for user in users]


@pytest.mark.parametrize("nat", NAT_CODES)
def test_direct_json_of_each_nationality(nat: str) -> None:
    options = Options(seed=f"nat-{nat}", results=200, nats=(nat,))
    users = generate_users(options, today=TODAY, picture_base=BASE)
    direct = generate_users_json(options, today=TODAY, picture_base=BASE)
    assert list(direct) == [compact(user) for user in users]


@pytest.mark.parametrize("with_info", [True, False])
def test_default_document_is_that_of_the_dict_path(with_info: bool) -> None:
    options = Options(seed="document", results=250, nats=("CH", "FR", "RS", "US"))
    assert options.fields == FIELDS
    arguments: dict[str, Any] = {"today": TODAY, "picture_base": BASE}
    document = users_document(options=options, format_name="json", with_info=with_info, **arguments)
    info = {"seed": "document", "results": 250, "page": 1, "version": "1.4"}
    dict_path = render("json", generate_users(options, **arguments), info if with_info else None)
    assert "".join(document) == "".join(dict_path)

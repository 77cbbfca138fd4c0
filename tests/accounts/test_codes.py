"""The error codes and security events are listed once in code, and the README matches."""

import re
from pathlib import Path

from accounts import codes
from accounts.signals import EVENTS
from randomuser.exceptions import QuotaExceeded

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def section(title: str) -> str:
    start = README.index(f"### {title}\n")
    return README[start : README.index("\n#", start + 1)]


def test_readme_error_code_table_is_the_codes_module() -> None:
    table = section("Error codes")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE))
    assert documented == codes.ALL | {QuotaExceeded.code}


def test_every_code_constant_is_snake_case_and_unique() -> None:
    names = [name for name in vars(codes) if name.isupper() and name != "ALL"]
    assert len(names) == len(codes.ALL)
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", code) for code in codes.ALL)


def test_readme_lists_every_security_event() -> None:
    bullet = README[README.index("**Security events**") :].split("\n- ", 1)[0]
    assert set(re.findall(r"`([a-z_]+)`", bullet.split(" — ")[1])) == set(EVENTS)

"""The `password` option: charsets and lengths, as randomuser.me 1.4 reads them."""

from random import Random

import pytest

from randomuser.passwords import CHARSETS, parse_password_spec


@pytest.mark.parametrize(
    ("spec", "alphabet", "lengths"),
    [
        ("upper", CHARSETS["upper"], (8, 64)),
        ("lower,number,12", CHARSETS["lower"] + CHARSETS["number"], (12, 12)),
        ("number,LOWER,8-16", CHARSETS["lower"] + CHARSETS["number"], (8, 16)),
        (" special , upper ,1-64", CHARSETS["special"] + CHARSETS["upper"], (1, 64)),
        ("upper,upper,3", CHARSETS["upper"], (3, 3)),
        ("upper,16-8", CHARSETS["upper"], (8, 16)),
    ],
)
def test_valid_specs(spec: str, alphabet: str, lengths: tuple[int, int]) -> None:
    policy = parse_password_spec(spec)
    assert policy.alphabet == alphabet
    assert (policy.min_length, policy.max_length) == lengths


@pytest.mark.parametrize(
    "spec",
    ["", "8", "8-16", "emoji,8", "upper,0", "upper,65", "upper,0-8", "upper,1-65", "upper,-3"],
)
def test_invalid_specs(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_password_spec(spec)


def test_drawn_passwords_respect_the_policy() -> None:
    policy = parse_password_spec("special,number,5-9")
    rng = Random(1)
    passwords = [policy.draw(rng) for _ in range(300)]
    assert {len(password) for password in passwords} == set(range(5, 10))
    assert set("".join(passwords)) <= set(CHARSETS["special"] + CHARSETS["number"])

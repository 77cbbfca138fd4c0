"""The byte-level draws under the generator: patterns, translation tables, moments."""

from datetime import date

import pytest

from randomuser.draws import ALPHANUMERIC, ALPHANUMERIC_TABLE, DIGIT_TABLE, translated
from randomuser.moments import MomentRange, Today
from randomuser.patterns import MAX_DIGITS, Pattern


def test_a_pattern_takes_digits_from_the_start_and_letters_after_max_digits() -> None:
    chars = "012345678901234" + "ABCDE"
    assert Pattern("?#? #?#").fill(chars) == "A0B 1C2"
    assert Pattern("(###) ###-####").fill(chars[:MAX_DIGITS]) == "(012) 345-6789"
    assert Pattern("100% ##").fill(chars) == "100% 01"


@pytest.mark.parametrize("template", ["#" * (MAX_DIGITS + 1), "??????"])
def test_a_pattern_refuses_more_slots_than_a_user_has(template: str) -> None:
    with pytest.raises(ValueError):
        Pattern(template)


def test_translation_tables_reach_every_character() -> None:
    every_byte = bytes(range(256))
    assert set(translated(every_byte, DIGIT_TABLE)) == set("0123456789")
    assert set(translated(every_byte, ALPHANUMERIC_TABLE)) == set(ALPHANUMERIC)


def test_moments_span_the_range_and_count_ages_from_today() -> None:
    moments = MomentRange(date(2000, 1, 1), date(2000, 1, 3))
    today = Today.of(date(2010, 1, 2))
    assert moments.draw(0, 0, today) == {"date": "2000-01-01T00:00:00.000Z", "age": 10}
    assert moments.draw(2, 86_399_999, today) == {"date": "2000-01-03T23:59:59.999Z", "age": 9}

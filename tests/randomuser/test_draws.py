"""The byte-level draws under the generator: patterns, translation tables, moments."""

from datetime import date

import pytest

from randomuser.draws import ALPHANUMERIC, ALPHANUMERIC_TABLE, DIGIT_TABLE, translated
from randomuser.moments import MomentRange, Today
from randomuser.patterns import MAX_DIGITS, Pattern, expand, patterns


def test_a_pattern_takes_digits_from_the_start_and_letters_after_max_digits() -> None:
    chars = "012345678901234" + "ABCDE"
    assert Pattern("?#? #?#").fill(chars) == "A0B 1C2"
    assert Pattern("(###) ###-####").fill(chars[:MAX_DIGITS]) == "(012) 345-6789"
    assert Pattern("100% ##").fill(chars) == "100% 01"


def test_literal_digits_stay_literal() -> None:
    assert Pattern("+358 (0)## 1#").fill("9" * MAX_DIGITS) == "+358 (0)99 19"


def test_a_class_takes_a_digit_or_letter_slot_and_gives_only_its_members() -> None:
    digits = "0123456789" * 2
    nanp = Pattern("[2-9][0-8]# [2-9]")
    filled = {nanp.fill(digits[start : start + MAX_DIGITS]) for start in range(10)}
    assert {value[0] for value in filled} | {value[4] for value in filled} <= set("23456789")
    assert {value[1] for value in filled} <= set("012345678")
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    canada = Pattern("[ABCEGHJ-NPRSTVXY]#?")
    firsts = {canada.fill("0" * MAX_DIGITS + letter * 5)[0] for letter in letters}
    assert firsts == set("ABCEGHJKLMNPRSTVXY")


def test_classes_and_runs_keep_their_order() -> None:
    chars = "012345678901234" + "ABCDE"
    assert Pattern("[A-Z]#[0-9]? #[AB]").fill(chars) == "A01B 2A"


def test_choices_expand_to_one_template_each() -> None:
    assert expand("0{1|2#}-{a|b}") == ("01-a", "01-b", "02#-a", "02#-b")
    assert [pattern.template for pattern in patterns(("{x|y}#",))] == ["x#", "y#"]


@pytest.mark.parametrize(
    "template", ["#" * (MAX_DIGITS + 1), "??????", "[0-9]" * (MAX_DIGITS + 1), "???[A-C][D-F]?"]
)
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

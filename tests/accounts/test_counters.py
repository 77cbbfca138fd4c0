"""`counters.hit`: the fixed-window counter behind limits, the lockout and quotas."""

from typing import Any

from django.core.cache import cache

from accounts import counters


def test_hits_add_up_and_can_be_given_back(db: Any) -> None:
    assert counters.hit("test:counter", 1, 60) == 1
    assert counters.hit("test:counter", 5, 60) == 6
    assert counters.hit("test:counter", -5, 60) == 1
    assert counters.hit("test:other", 2, 60) == 2


def test_a_vanished_counter_starts_again(db: Any) -> None:
    counters.hit("test:counter", 3, 60)
    cache.delete("test:counter")
    assert counters.hit("test:counter", 1, 60) == 1


def test_fixed_window_counts_down_within_its_period() -> None:
    window, seconds_left = counters.fixed_window(300)
    assert window >= 0
    assert 0 < seconds_left <= 300

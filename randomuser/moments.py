"""Random instants as randomuser.me prints them (``1957-06-16T17:32:27.437Z``), fast.

Formatting a ``datetime`` per user costs more than the rest of a date's work, so the calendar
date of every day in a range is computed once; an instant is then a day plus milliseconds.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from randomuser.draws import integer

MILLISECONDS_PER_DAY = 86_400_000
EPOCH = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Today:
    """The date ages count to, split for fast comparison."""

    year: int
    month_day: tuple[int, int]

    @classmethod
    def of(cls, today: date) -> "Today":
        """Return ``today`` in this form."""
        return cls(today.year, (today.month, today.day))


@dataclass(frozen=True, slots=True)
class MomentRange:
    """Instants uniformly between two epoch milliseconds (UTC), both included."""

    start_ms: int
    end_ms: int
    _days: tuple[tuple[str, int, tuple[int, int]], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        first = self.start_ms // MILLISECONDS_PER_DAY
        last = self.end_ms // MILLISECONDS_PER_DAY
        days = (EPOCH + timedelta(days=number) for number in range(first, last + 1))
        calendar = tuple((day.isoformat(), day.year, (day.month, day.day)) for day in days)
        object.__setattr__(self, "_days", calendar)

    def draw(self, rng: Random, today: Today) -> dict[str, str | int]:
        """Return ``{"date": ISO 8601 with milliseconds and Z, "age": whole years to today}``."""
        moment = integer(rng, self.start_ms, self.end_ms)
        day, millisecond = divmod(moment, MILLISECONDS_PER_DAY)
        text, year, month_day = self._days[day - self.start_ms // MILLISECONDS_PER_DAY]
        second, millisecond = divmod(millisecond, 1000)
        minute, second = divmod(second, 60)
        hour, minute = divmod(minute, 60)
        age = today.year - year - (today.month_day < month_day)
        return {
            "date": f"{text}T{hour:02d}:{minute:02d}:{second:02d}.{millisecond:03d}Z",
            "age": age,
        }

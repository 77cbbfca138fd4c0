"""Random instants as randomuser.me prints them (`1957-06-16T17:32:27.437Z`), fast.

Formatting a `datetime` per user costs more than the rest of a date's work, so the calendar
date of every day in a range, and the clock text of every minute of a day, are computed once;
an instant is then a day plus a time of day.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

MILLISECONDS_PER_DAY = 86_400_000
_CLOCK = tuple(f"{hour:02d}:{minute:02d}" for hour in range(24) for minute in range(60))
_MOMENT = "%sT%s:%02d.%03dZ"


@dataclass(frozen=True, slots=True)
class Today:
    """The date ages count to, split for fast comparison."""

    year: int
    month_day: tuple[int, int]

    @classmethod
    def of(cls, today: date) -> "Today":
        """Return `today` in this form."""
        return cls(today.year, (today.month, today.day))


@dataclass(frozen=True, slots=True)
class MomentRange:
    """Instants uniformly over the days from `first` to `last` (UTC), both included."""

    first: date
    last: date
    _days: tuple[tuple[str, int, tuple[int, int]], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        count = (self.last - self.first).days + 1
        days = (self.first + timedelta(days=number) for number in range(count))
        calendar = tuple((day.isoformat(), day.year, (day.month, day.day)) for day in days)
        object.__setattr__(self, "_days", calendar)

    def draw(self, day_word: int, time_word: int, today: Today) -> dict[str, str | int]:
        """Return `{"date": ISO 8601 with milliseconds and Z, "age": whole years to today}`.

        The day and the time of day are drawn from two random 32-bit words.
        """
        text, age = self.instant(day_word, time_word, today)
        return {"date": text, "age": age}

    def instant(self, day_word: int, time_word: int, today: Today) -> tuple[str, int]:
        """Return the text and age of the instant drawn from two random 32-bit words."""
        days = self._days
        text, year, month_day = days[day_word % len(days)]
        minute, millisecond = divmod(time_word % MILLISECONDS_PER_DAY, 60_000)
        second, millisecond = divmod(millisecond, 1000)
        age = today.year - year - (today.month_day < month_day)
        return _MOMENT % (text, _CLOCK[minute], second, millisecond), age

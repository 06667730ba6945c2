"""The data of date resolution: a found expression, a resolved range, the story's context; the ranges of the
calendar units and the step from a day by a number of units. Shared by `timex_resolve` and `timex_units`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.nlp.calendar import month_end, quarter_span, timeml_value, valid_date

TENSES = ("past", "present", "future")

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}


@dataclass(frozen=True)
class Expression:
    """A date expression as found: its span and the fields its pattern captured."""

    text: str
    start: int
    end: int
    kind: str
    fields: dict[str, str]


@dataclass(frozen=True)
class Resolved:
    """A calendar range: `first` to `last` inclusive, at a granularity (day, week, weekend, month, quarter,
    half, season, year, decade, century; present, past, future for reference words), with its TimeML type
    (DATE, TIME, DURATION, SET) and `ref` (PRESENT_REF, PAST_REF, FUTURE_REF) for a reference word."""

    first: dt.date
    last: dt.date
    granularity: str
    type: str = "DATE"
    ref: str | None = None
    part: str | None = None  # MO, AF, EV, NI: the part of the day a TIME names
    duration: str | None = None  # P3W: the length a DURATION names

    @property
    def is_day(self) -> bool:
        return self.first == self.last and self.ref is None

    @property
    def timex(self) -> str:
        """The TimeML value: 2016-04-27, 2016-W17, 2016-Q2, 2016-SU, 199, PRESENT_REF, 2016-04-27TEV, P3W."""
        if self.ref:
            return self.ref
        if self.duration:
            return self.duration
        value = timeml_value(self.first, self.last, self.granularity)
        return f"{value}T{self.part}" if self.part else value


@dataclass(frozen=True)
class TimexContext:
    """What the document says beyond the expression itself.

    earnings: the story reports a quarter's results; reporting: that quarter (year, 1-4);
    financial: the expression's sentence gives figures ($, %, "a share");
    reference: the last date the story named before the expression (for "the day before", "that year");
    preposition: the word before the expression when it bends the direction ("since", "until", "by").
    """

    earnings: bool = False
    reporting: tuple[int, int] | None = None
    financial: bool = False
    reference: Resolved | None = None
    preposition: str | None = None


NO_CONTEXT = TimexContext()


def day_range(day: dt.date) -> Resolved:
    return Resolved(day, day, "day")


def month_range(year: int, month: int) -> Resolved:
    return Resolved(dt.date(year, month, 1), month_end(year, month), "month")


def year_range(year: int) -> Resolved:
    return Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def quarter_range(year: int, quarter: int) -> Resolved:
    first, last = quarter_span(year, quarter)
    return Resolved(first, last, "quarter")


def week_range(day: dt.date) -> Resolved:
    monday = day - dt.timedelta(days=day.weekday())
    return Resolved(monday, monday + dt.timedelta(days=6), "week")


def shift(anchor: dt.date, n: int, unit: str) -> dt.date:
    """The day `n` units (day, week, month, quarter, year, decade) after `anchor` (before when negative)."""
    if unit == "day":
        return anchor + dt.timedelta(days=n)
    if unit == "week":
        return anchor + dt.timedelta(weeks=n)
    months = n * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    total = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for day in range(anchor.day, 0, -1):  # March 31 minus a month is the last day of February
        candidate = valid_date(year, month, day)
        if candidate:
            return candidate
    raise ValueError(f"no date {n} {unit}s from {anchor}")

"""Date expressions: find them in text, then resolve them against the publication date.

Finding is lexical (`find_expressions(text)`, no model needed): calendar dates ("November 24",
"27 April 2019", "2016-04-27"), months and years ("in March", "in 2009", "the 1990s"), weekdays ("on
Tuesday", "last Friday"), and relative expressions ("yesterday", "last month", "next week", "three years
ago", "in two weeks", "earlier this year").

Resolving (`resolve(expression, anchor=..., tense=...)`) turns each into a calendar range. What the
expression leaves open is settled by the tense of its clause: a month-day without a year in a past-tense
clause is the latest such day on or before the anchor, in a future-tense clause the next one on or after
it; a bare weekday is the one in the week around the anchor that the tense points to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.nlp.calendar import (
    DAY,
    MONTH,
    WEEKDAY_FULL,
    WEEKDAYS,
    YEAR,
    day_number,
    month_number,
    valid_date,
)

TENSES = ("past", "present", "future")

_NUMBER_WORDS = {
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
_NUMBER = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(?:day|week|month|year|decade)s?"
_YEAR_BEFORE = (
    r"(?:in|on|for|at|over|since|by|until|till|from|to|during|before|after|of|through|early|late|"
    r"mid|and|or|between|the|its|his|her|their|our|a|an|year|fiscal|summer|spring|autumn|fall|"
    r"winter|around|circa)"
)

# Each pattern names its kind; the first to match at a position wins, longer patterns first.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    (
        "mdy",
        rf"\b(?:{WEEKDAY_FULL},?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?\b(?!\s*%)",
    ),
    (
        "dmy",
        rf"\b(?:{WEEKDAY_FULL},?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?\b",
    ),
    ("my", rf"\b(?P<month>{MONTH})(?:,)?\s+(?P<year>{YEAR})\b"),
    ("ago", rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\s+ago\b"),
    ("in_n", rf"\b(?:in|within)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?:'s|’s)?(?:\s+time)?\b"),
    ("past_n", rf"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\b"),
    (
        "rel_unit",
        r"\b(?P<which>last|next|this|earlier\s+this|later\s+this|coming|past|previous)\s+"
        r"(?P<unit>week|month|year|weekend)\b",
    ),
    ("rel_weekday", rf"\b(?P<which>last|next|this|coming|past)\s+(?P<weekday>{WEEKDAY_FULL})\b"),
    ("weekday", rf"\b(?P<weekday>{WEEKDAY_FULL})(?:\s+(?:morning|afternoon|evening|night))?\b"),
    (
        "deictic",
        r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
        r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b",
    ),
    ("decade", r"\b(?:the\s+)?(?P<decade>1[89]\d0|20[0-9]0)s\b"),
    (
        "month",
        rf"\b(?:in|by|since|until|till|from|during|early|late|mid|last|next|this|of)[\s\-]"
        rf"(?P<expr>(?P<month>{MONTH}))\b",
    ),
    ("year", rf"(?:\b{_YEAR_BEFORE}[\s\-]|\()(?P<expr>(?P<year>{YEAR}))\b(?![,.]?\d)"),
    ("year", rf"\b(?P<year>{YEAR})(?=(?:'s|’s)|[,.;:)]|\s*$)"),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS]
_MONTH_WORD = re.compile(MONTH)


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
    """A calendar range: `first` to `last` inclusive, at a granularity (day, week, month, year, decade)."""

    first: dt.date
    last: dt.date
    granularity: str

    @property
    def is_day(self) -> bool:
        return self.first == self.last


def find_expressions(text: str) -> list[Expression]:
    """Every date expression in `text`, in order, none overlapping."""
    found: list[Expression] = []
    taken = [False] * (len(text) + 1)
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span("expr") if "expr" in pattern.groupindex else match.span()
            if any(taken[start:end]) or not _plausible(kind, match):
                continue
            fields = {k: v for k, v in match.groupdict().items() if v is not None and k != "expr"}
            found.append(Expression(text[start:end], start, end, kind, fields))
            for i in range(start, end):
                taken[i] = True
    found.sort(key=lambda e: e.start)
    return found


def _plausible(kind: str, match: re.Match[str]) -> bool:
    """Reject lower-case month and weekday words ("may", "march") and bare month abbreviations."""
    month = match.groupdict().get("month")
    if month and not month[0].isupper():
        return False
    if (
        kind == "month"
        and month
        and len(month.rstrip(".")) <= 4
        and month.rstrip(".") != "June"
        and month.rstrip(".") not in {"May", "July"}
    ):
        return False
    weekday = match.groupdict().get("weekday")
    return not (weekday and not weekday[0].isupper())


def resolve(expression: Expression, *, anchor: dt.date | None, tense: str = "present") -> Resolved | None:
    """The calendar range an expression means, seen from `anchor` (the publication date).

    Returns None when the expression needs an anchor and has none, or names no real date.
    """
    f = expression.fields
    kind = expression.kind
    if kind == "iso":
        day = valid_date(int(f["y"]), int(f["m"]), int(f["d"]))
        return Resolved(day, day, "day") if day else None
    if kind in {"mdy", "dmy"}:
        month = month_number(f["month"])
        if month is None:
            return None
        day_of_month = day_number(f["day"])
        if "year" in f:
            day = valid_date(int(f["year"]), month, day_of_month)
        elif anchor is not None:
            day = month_day_near(month, day_of_month, anchor=anchor, tense=tense)
        else:
            return None
        return Resolved(day, day, "day") if day else None
    if kind == "my":
        month = month_number(f["month"])
        return _month_range(int(f["year"]), month) if month else None
    if kind == "year":
        year = int(f["year"])
        return Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if kind == "decade":
        decade = int(f["decade"])
        return Resolved(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade")
    if anchor is None:
        return None
    if kind == "month":
        month = month_number(f["month"])
        if month is None:
            return None
        year = anchor.year
        if tense == "past" and month > anchor.month:
            year -= 1
        elif tense == "future" and month < anchor.month:
            year += 1
        return _month_range(year, month)
    if kind == "weekday":
        day = weekday_near(WEEKDAYS[f["weekday"].lower()], anchor=anchor, tense=tense)
        return Resolved(day, day, "day")
    if kind == "rel_weekday":
        return _relative_weekday(f["which"].lower(), WEEKDAYS[f["weekday"].lower()], anchor)
    if kind == "deictic":
        return _deictic(f["word"].lower(), anchor)
    if kind in {"ago", "in_n", "past_n"}:
        return _counted(kind, _count(f["n"]), f["unit"].lower().rstrip("s"), anchor)
    if kind == "rel_unit":
        return _relative_unit(" ".join(f["which"].lower().split()), f["unit"].lower(), anchor)
    return None


def month_day_near(month: int, day: int, *, anchor: dt.date, tense: str) -> dt.date | None:
    """The year-less month-day a clause of this tense means, seen from `anchor`.

    Past: the latest such day on or before the anchor. Future: the next on or after it. Present: the
    nearer of the two. February 29 skips to the nearest leap year in the tense's direction.
    """
    if tense == "past":
        return _step_years(month, day, anchor.year, -1, lambda d: d <= anchor)
    if tense == "future":
        return _step_years(month, day, anchor.year, +1, lambda d: d >= anchor)
    before = _step_years(month, day, anchor.year, -1, lambda d: d <= anchor)
    after = _step_years(month, day, anchor.year, +1, lambda d: d >= anchor)
    candidates = [d for d in (before, after) if d is not None]
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor)) if candidates else None


def _step_years(month: int, day: int, year: int, step: int, ok) -> dt.date | None:  # type: ignore[no-untyped-def]
    for offset in range(0, 9):
        candidate = valid_date(year + step * offset, month, day)
        if candidate is not None and ok(candidate):
            return candidate
    return None


def weekday_near(weekday: int, *, anchor: dt.date, tense: str) -> dt.date:
    """The bare weekday a clause of this tense means, in the week around `anchor`.

    Past: the latest such day on or before the anchor ("said on Wednesday" in a Wednesday story is
    that day). Future: the next on or after it. Present: the nearest, ties going forward.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back < ahead else anchor + dt.timedelta(days=ahead)


def _relative_weekday(which: str, weekday: int, anchor: dt.date) -> Resolved:
    if which in {"last", "past"}:
        day = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    elif which in {"next", "coming"}:
        day = anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    else:  # "this Friday": the one in the anchor's Monday-to-Sunday week
        day = anchor + dt.timedelta(days=weekday - anchor.weekday())
    return Resolved(day, day, "day")


def _deictic(word: str, anchor: dt.date) -> Resolved:
    offsets = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
    day = anchor + dt.timedelta(days=offsets.get(" ".join(word.split()), 0))
    return Resolved(day, day, "day")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _shift(anchor: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return anchor + dt.timedelta(days=n)
    if unit == "week":
        return anchor + dt.timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    total = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for day in range(anchor.day, 0, -1):  # March 31 minus a month is the last day of February
        candidate = valid_date(year, month, day)
        if candidate:
            return candidate
    raise ValueError(f"no date {n} {unit}s from {anchor}")


def _granularity(unit: str, day: dt.date) -> Resolved:
    if unit in {"day", "week"}:
        return Resolved(day, day, "day")
    if unit == "month":
        return _month_range(day.year, day.month)
    return Resolved(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")


def _counted(kind: str, n: int, unit: str, anchor: dt.date) -> Resolved:
    if kind == "ago":
        return _granularity(unit, _shift(anchor, -n, unit))
    if kind == "in_n":
        return _granularity(unit, _shift(anchor, n, unit))
    return Resolved(_shift(anchor, -n, unit), anchor, unit)  # "the past three weeks"


def _month_range(year: int, month: int) -> Resolved:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return Resolved(first, following - dt.timedelta(days=1), "month")


def _week_range(day: dt.date) -> Resolved:
    monday = day - dt.timedelta(days=day.weekday())
    return Resolved(monday, monday + dt.timedelta(days=6), "week")


def _relative_unit(which: str, unit: str, anchor: dt.date) -> Resolved:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "weekend":
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
        if step < 0 or (step == 0 and anchor.weekday() == 0):
            saturday -= dt.timedelta(days=7)
        elif step > 0 and anchor.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return Resolved(saturday, saturday + dt.timedelta(days=1), "week")
    if unit == "week":
        found = _week_range(anchor + dt.timedelta(weeks=step))
    elif unit == "month":
        shifted = _shift(anchor.replace(day=1), step, "month")
        found = _month_range(shifted.year, shifted.month)
    else:
        year = anchor.year + step
        found = Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if which == "earlier this":
        return Resolved(found.first, anchor, found.granularity)
    if which == "later this":
        return Resolved(anchor, found.last, found.granularity)
    return found

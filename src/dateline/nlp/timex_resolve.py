"""Resolving date expressions: each found expression to a calendar range, seen from the publication date.

`resolve(expression, anchor=..., tense=..., context=...)` turns an `Expression` (from
`dateline.nlp.timex.find_expressions`) into a `Resolved` range with its TimeML type and value. What the
expression leaves open is settled by the calendar and by the tense of its clause:

* a month-day or a month without a year lies in a window around the anchor: a past-tense clause takes the
  latest one on or before the anchor unless that is more than half a year back while the next one is close
  (news style writes the year of a date outside the current one: "Dec. 7" in an October story is this
  December even in "the board set Dec. 7"); a future-tense clause takes the next one unless the last was
  only days ago ("by Jan. 14" in a January 15 story); a present-tense clause takes the nearer;
* a weekday named with a month-day ("Saturday, April 25") takes the year near the anchor where the day
  falls on that weekday;
* a bare weekday is the one in the week around the anchor that the tense points to;
* quarters and seasons without a year behave like months; "last"/"next"/"this" point strictly.

The document gives more (`TimexContext`): in an earnings report (a story about a quarter's results) "a year
ago", "year-earlier" and "the year-ago period" in a sentence with figures mean the year-ago quarter, and
"the quarter" / "the latest period" the quarter reported; anaphoric phrases ("the day before", "later that
year", "the following week") count from the last date the story named (`reference`).

Reference words have no calendar date: their range is a stand-in, the publication date for PRESENT_REF and
the day before or after it for PAST_REF / FUTURE_REF, with granularity "present", "past" or "future" and the
TimeML class as `timex`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.nlp.calendar import (
    WEEKDAYS,
    day_number,
    half_span,
    month_end,
    month_number,
    quarter_of,
    quarter_span,
    season_span,
    spelled_year,
    time_words,
    timeml_value,
    valid_date,
)

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
FUZZY_COUNT = 3  # "a few years ago", "several weeks ago"
# kinds that name a calendar range only in an earnings report ("the quarter", "the latest period")
CONTEXT_KINDS = frozenset({"thisquarter"})
PAST_WINDOW_DAYS = 183  # a past-tense month-day this close behind the anchor is taken as is
FORWARD_DAYS = 120  # ... else the next one, if it is this close ahead
BACK_DAYS = 31  # a future-tense month-day this close behind the anchor is the one just gone
PAST_WINDOW_MONTHS = 6
FORWARD_MONTHS = 2
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_REF_GRANULARITY = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}
_UNIT_STEP = {"day": "day", "morning": "day", "afternoon": "day", "evening": "day", "night": "day"}


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


_NO_CONTEXT = TimexContext()


def _range(first: dt.date, last: dt.date, granularity: str, **kw: str | None) -> Resolved:
    return Resolved(first, last, granularity, **kw)  # type: ignore[arg-type]


def _day(day: dt.date) -> Resolved:
    return Resolved(day, day, "day")


def _month_range(year: int, month: int) -> Resolved:
    return Resolved(dt.date(year, month, 1), month_end(year, month), "month")


def _year_range(year: int) -> Resolved:
    return Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _quarter_range(year: int, quarter: int) -> Resolved:
    first, last = quarter_span(year, quarter)
    return Resolved(first, last, "quarter")


def _week_range(day: dt.date) -> Resolved:
    monday = day - dt.timedelta(days=day.weekday())
    return Resolved(monday, monday + dt.timedelta(days=6), "week")


def resolve(
    expression: Expression, *, anchor: dt.date | None, tense: str = "present", context: TimexContext | None = None
) -> Resolved | None:
    """The calendar range an expression means, seen from `anchor` (the publication date).

    Returns None when the expression needs an anchor and has none, or names no real date.
    """
    ctx = context or _NO_CONTEXT
    f = expression.fields
    kind = expression.kind
    if ctx.preposition == "since":
        tense = "past!"  # strictly backward: "since Jan. 13", "since year-end"
    elif ctx.preposition in {"until", "till", "by", "through", "before"} and tense == "past":
        tense = "present"  # a deadline: "postponed until Tuesday", "extended to Nov. 20"
    absolute = _absolute(kind, f)
    if absolute is not None or kind in {"iso", "year", "year_span", "century"}:
        return absolute
    if kind == "my" and "year" not in f and "spelled" not in f:
        return None
    if kind in {"mdy", "dmy"} and "year" in f:
        month = month_number(f["month"])
        day = valid_date(int(f["year"]), month, day_number(f["day"])) if month else None
        return _day(day) if day else None
    if anchor is None:
        return None
    return _relative(kind, f, anchor, tense, ctx)


def _year_of(f: dict[str, str]) -> int | None:
    if "year" in f:
        return int(f["year"])
    if "spelled" in f:
        return spelled_year(f["spelled"])
    return None


def _absolute(kind: str, f: dict[str, str]) -> Resolved | None:
    """Expressions that need no anchor: ISO dates, years, month-years, decades given in full, centuries."""
    if kind == "iso":
        day = valid_date(int(f["y"]), int(f["m"]), int(f["d"]))
        return _day(day) if day else None
    if kind == "year":
        year = _year_of(f)
        return _year_range(year) if year else None
    if kind == "year_span":
        first = int(f["year"])
        second = int(f["y2"]) if len(f["y2"]) == 4 else first // 100 * 100 + int(f["y2"])
        return Resolved(dt.date(first, 1, 1), dt.date(second, 12, 31), "year")
    if kind == "my":
        month = month_number(f["month"])
        year = _year_of(f)
        return _month_range(year, month) if month and year else None
    if kind == "decade" and "decade" in f:
        decade = int(f["decade"])
        return Resolved(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade")
    if kind == "century":
        text = f["cent"].lower()
        number = int(text[:-2]) if text[:-2].isdigit() else time_words().ordinals.get(text)
        if not number or number > 30:
            return None
        return Resolved(dt.date(max(1, (number - 1) * 100), 1, 1), dt.date(number * 100 - 1, 12, 31), "century")
    if kind == "season" and _year_of(f):
        code = time_words().seasons[f["season"].lower()]
        first, last = season_span(_year_of(f) or 0, code)
        return Resolved(first, last, "season")
    if kind == "quarter" and ("year" in f or "qyear" in f):
        quarter = _ordinal(f["ord"], 4)
        return _quarter_range(int(f.get("year") or f["qyear"]), quarter) if quarter else None
    if kind == "half" and "year" in f:
        half = 1 if f["ord"].lower() in {"first", "1st"} else 2
        first, last = half_span(int(f["year"]), half)
        return Resolved(first, last, "half")
    return None


def _ordinal(word: str, limit: int) -> int | None:
    number = time_words().ordinals.get(word.lower())
    return number if number and number <= limit else None


def _relative(kind: str, f: dict[str, str], anchor: dt.date, tense: str, ctx: TimexContext) -> Resolved | None:
    if kind in {"mdy", "dmy"}:
        month = month_number(f["month"])
        if month is None:
            return None
        day_of_month = day_number(f["day"])
        if "weekday" in f:
            fixed = _weekday_year(month, day_of_month, WEEKDAYS[f["weekday"].lower()], anchor)
            if fixed:
                return _day(fixed)
        day = month_day_near(month, day_of_month, anchor=anchor, tense=tense)
        return _day(day) if day else None
    if kind == "month":
        month = month_number(f["month"])
        return _month_range(_month_year(month, anchor, tense), month) if month else None
    if kind == "rel_month":
        return _relative_month(f["which"].lower(), month_number(f["month"]), anchor)
    if kind == "month_rel_year":
        month = month_number(f["month"])
        step = {"this": 0, "last": -1, "next": 1}[f["which"].lower()]
        return _month_range(anchor.year + step, month) if month else None
    if kind == "weekday":
        day = weekday_near(WEEKDAYS[f["weekday"].lower()], anchor=anchor, tense=tense)
        part = _PARTS.get((f.get("part") or "").lower())
        return Resolved(day, day, "day", type="TIME", part=part) if part else _day(day)
    if kind == "rel_weekday":
        return _relative_weekday(f["which"].lower(), WEEKDAYS[f["weekday"].lower()], anchor)
    if kind == "deictic":
        return _deictic(" ".join(f["word"].lower().split()), anchor)
    if kind in {"ago", "in_n", "past_n"}:
        return _counted(kind, f, anchor, ctx)
    if kind == "rel_unit":
        return _relative_unit(" ".join(f["which"].lower().split()), f["unit"].lower(), anchor)
    if kind == "decade":
        return _short_decade(f, anchor)
    if kind == "rel_century":
        step = {"this": 0}.get(f["which"].lower(), 1 if "next" in f["which"].lower() else -1)
        start = (anchor.year // 100 + step) * 100
        return Resolved(dt.date(max(1, start), 1, 1), dt.date(start + 99, 12, 31), "century")
    if kind == "season":
        return _season(f, anchor, tense)
    if kind in {"quarter", "yearago", "thisquarter", "yearquarter", "half"}:
        return _quarterly(kind, f, anchor, tense, ctx)
    if kind == "end_of":
        return _end_of(f, anchor, tense)
    if kind == "the_unit":
        return _the_unit(f["unit"].lower(), anchor, tense)
    if kind == "anaphoric":
        return _anaphoric(f, anchor, ctx)
    if kind == "ref":
        return _reference(f, anchor, tense)
    return None


def month_day_near(month: int, day: int, *, anchor: dt.date, tense: str) -> dt.date | None:
    """The year-less month-day a clause of this tense means, seen from `anchor`.

    Past: the latest such day on or before the anchor, unless it is more than half a year back and the next
    one is within four months. Future: the next on or after it, unless the last one was within a month.
    Present: the nearer of the two. "past!" (after "since") is strictly the latest on or before. February 29
    skips to the nearest leap year in the chosen direction.
    """
    before = _step_years(month, day, anchor.year, -1, lambda d: d <= anchor)
    after = _step_years(month, day, anchor.year, +1, lambda d: d >= anchor)
    back = (anchor - before).days if before else None
    ahead = (after - anchor).days if after else None
    if tense == "past!":
        return before
    if tense == "past":
        if back is not None and back <= PAST_WINDOW_DAYS:
            return before
        if ahead is not None and ahead <= FORWARD_DAYS:
            return after
        return before or after
    if tense == "future":
        if ahead is not None and ahead <= PAST_WINDOW_DAYS:
            return after
        if back is not None and back <= BACK_DAYS:
            return before
        return after or before
    candidates = [d for d in (before, after) if d is not None]
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor)) if candidates else None


def _step_years(month: int, day: int, year: int, step: int, ok) -> dt.date | None:  # type: ignore[no-untyped-def]
    for offset in range(0, 9):
        candidate = valid_date(year + step * offset, month, day)
        if candidate is not None and ok(candidate):
            return candidate
    return None


def _weekday_year(month: int, day: int, weekday: int, anchor: dt.date) -> dt.date | None:
    """The date near the anchor (a year either side) where this month-day falls on this weekday."""
    fits = [
        d
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := valid_date(year, month, day)) is not None and d.weekday() == weekday
    ]
    return min(fits, key=lambda d: abs((d - anchor).days)) if fits else None


def _month_year(month: int, anchor: dt.date, tense: str) -> int:
    """The year of a bare month in a clause of this tense (the rule of `month_day_near`, in months)."""
    back = (anchor.month - month) % 12  # 0: this month
    ahead = (month - anchor.month) % 12
    before, after = anchor.year - (month > anchor.month), anchor.year + (month < anchor.month)
    if tense == "past!":
        return before
    if tense == "past":
        return before if back <= PAST_WINDOW_MONTHS or ahead > FORWARD_MONTHS else after
    if tense == "future":
        return after
    return before if back <= ahead + FORWARD_MONTHS else after  # news looks back more often than ahead


def weekday_near(weekday: int, *, anchor: dt.date, tense: str) -> dt.date:
    """The bare weekday a clause of this tense means, in the week around `anchor`.

    Past: the latest such day on or before the anchor ("said on Wednesday" in a Wednesday story is
    that day). Future: the next on or after it. Present: the nearest, ties going forward.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if tense in {"past", "past!"}:
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
    return _day(day)


def _relative_month(which: str, month: int | None, anchor: dt.date) -> Resolved | None:
    if month is None:
        return None
    if which in {"last", "past", "this past"}:
        year = anchor.year - (month >= anchor.month)
    elif which in {"next", "coming"}:
        year = anchor.year + (month <= anchor.month)
    else:
        year = anchor.year
    return _month_range(year, month)


def _deictic(word: str, anchor: dt.date) -> Resolved:
    offsets = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
    day = anchor + dt.timedelta(days=offsets.get(word, 0))
    part = _PARTS.get(word.split()[-1])
    return Resolved(day, day, "day", type="TIME", part=part) if part else _day(day)


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word, FUZZY_COUNT)


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


def _granularity(unit: str, day: dt.date) -> Resolved:
    if unit in {"day", "week"}:
        return _day(day)
    if unit == "month":
        return _month_range(day.year, day.month)
    if unit == "decade":
        start = day.year // 10 * 10
        return Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    return _year_range(day.year)


def _counted(kind: str, f: dict[str, str], anchor: dt.date, ctx: TimexContext) -> Resolved:
    n, unit = _count(f["n"]), f["unit"].lower().rstrip("s")
    if kind == "ago":
        direction = " ".join(f["dir"].lower().split())
        if direction in {"ago", "earlier"}:
            if unit == "year" and n == 1 and ctx.earnings and ctx.financial and ctx.reporting:
                return _quarter_range(ctx.reporting[0] - 1, ctx.reporting[1])
            return _granularity(unit, shift(anchor, -n, unit))
        if direction == "later" and ctx.reference is not None:
            return _granularity(unit, shift(ctx.reference.first, n, unit))
        return _granularity(unit, shift(anchor, n, unit))
    if kind == "in_n":
        return _granularity(unit, shift(anchor, n, unit))
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}[unit]  # "the past three weeks"
    return Resolved(shift(anchor, -n, unit), anchor, unit, type="DURATION", duration=f"P{n}{letter}")


def _relative_unit(which: str, unit: str, anchor: dt.date) -> Resolved:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "weekend":
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
        if step < 0 or (step == 0 and anchor.weekday() == 0):
            saturday -= dt.timedelta(days=7)
        elif step > 0 and anchor.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return Resolved(saturday, saturday + dt.timedelta(days=1), "weekend")
    if unit == "week":
        found = _week_range(anchor + dt.timedelta(weeks=step))
    elif unit == "month":
        shifted = shift(anchor.replace(day=1), step, "month")
        found = _month_range(shifted.year, shifted.month)
    elif unit == "quarter":
        shifted = shift(anchor.replace(day=1), step, "quarter")
        found = _quarter_range(shifted.year, quarter_of(shifted))
    elif unit == "decade":
        start = (anchor.year // 10 + step) * 10
        found = Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    else:
        found = _year_range(anchor.year + step)
    if which == "earlier this":
        return Resolved(found.first, anchor, found.granularity)
    if which == "later this":
        return Resolved(anchor, found.last, found.granularity)
    return found


def _short_decade(f: dict[str, str], anchor: dt.date) -> Resolved | None:
    """"the '90s", "the nineties": the most recent such decade that has begun."""
    if "d2" in f:
        tens = int(f["d2"])
    else:
        names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        tens = (names.index(f["decword"].lower()) + 2) * 10
    start = anchor.year // 100 * 100 + tens
    if start > anchor.year:
        start -= 100
    return Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")


def _season(f: dict[str, str], anchor: dt.date, tense: str) -> Resolved:
    code = time_words().seasons[f["season"].lower()]
    which = " ".join((f.get("which") or "").lower().split())
    spans = {y: season_span(y, code) for y in range(anchor.year - 2, anchor.year + 2)}
    if which in {"last", "past", "this past"}:
        year = max(y for y, (_, last) in spans.items() if last < anchor)
    elif which in {"next", "coming"}:
        year = min(y for y, (first, _) in spans.items() if first > anchor)
    elif which == "this":
        year = next((y for y, (first, last) in spans.items() if first <= anchor <= last), anchor.year)
    else:
        started = [y for y, (first, _) in spans.items() if first <= anchor]
        upcoming = [y for y, (first, _) in spans.items() if first > anchor]
        year = max(started) if tense in {"past", "past!"} else min(upcoming) if tense == "future" else None  # type: ignore[assignment]
        if year is None:
            current = [y for y, (first, last) in spans.items() if first <= anchor <= last]
            year = current[0] if current else min(upcoming)
    first, last = spans[year]
    return Resolved(first, last, "season")


def _quarterly(kind: str, f: dict[str, str], anchor: dt.date, tense: str, ctx: TimexContext) -> Resolved | None:
    reporting = ctx.reporting if ctx.earnings else None
    if kind == "half":
        step = {"this": 0, "the": 0, "last": -1, "next": 1}[f["rel"].lower()]
        first, last = half_span(anchor.year + step, 1 if f["ord"].lower() in {"first", "1st"} else 2)
        return Resolved(first, last, "half")
    if kind == "quarter":
        quarter = _ordinal(f["ord"], 4)
        if quarter is None:
            return None
        if "rel" in f:
            return _quarter_range(anchor.year + {"this": 0, "last": -1, "next": 1}[f["rel"].lower()], quarter)
        return _quarter_range(_quarter_year(quarter, anchor, tense, reporting), quarter)
    if kind == "yearago":
        quarter = _ordinal(f["ord"], 4) if "ord" in f else None
        if reporting and (quarter or "unit" in f or ctx.financial):
            return _quarter_range(reporting[0] - 1, quarter or reporting[1])
        if quarter:
            return _quarter_range(anchor.year - 1, quarter)
        return _year_range(anchor.year - 1)
    if kind == "yearquarter":
        year = int(f["year"])
        return _quarter_range(year, reporting[1]) if reporting else _year_range(year)
    # thisquarter: "the quarter", "the latest period": the reported quarter, or "this quarter" the anchor's
    words = f.get("unit", "").lower()
    if reporting and "current" not in f.get("which", ""):
        return _quarter_range(*reporting)
    return _quarter_range(anchor.year, quarter_of(anchor)) if words == "quarter" else None


def _quarter_year(quarter: int, anchor: dt.date, tense: str, reporting: tuple[int, int] | None) -> int:
    """The year of a quarter named without one: the reported year in an earnings report (the next year for an
    earlier quarter in a future-tense clause); else the latest such quarter begun by the anchor, or in a
    future-tense clause the next not yet ended."""
    if reporting:
        return reporting[0] + (tense == "future" and quarter < reporting[1])
    first, last = quarter_span(anchor.year, quarter)
    if tense == "future":
        return anchor.year if last >= anchor else anchor.year + 1
    if tense == "present":
        return anchor.year
    return anchor.year if first <= anchor else anchor.year - 1


def _end_of(f: dict[str, str], anchor: dt.date, tense: str) -> Resolved | None:
    edge = (f.get("edge") or "end").lower()
    unit = (f.get("unit") or f.get("relunit") or "").lower()
    step = {"this": 0, "last": -1, "next": 1}.get((f.get("rel") or "this").lower(), 0)
    if "month" in f:
        month = month_number(f["month"])
        if month is None:
            return None
        return _month_range(int(f["myear"]) if "myear" in f else _month_year(month, anchor, tense), month)
    if "year" in f or unit == "year":
        if "year" in f:
            year = int(f["year"])
        elif "rel" in f:
            year = anchor.year + step
        else:
            year = anchor.year - (tense == "past!" and anchor.month < 12)
        if edge == "middle":
            return _year_range(year)
        return _month_range(year, 12 if edge == "end" else 1)
    if unit == "month":
        shifted = shift(anchor.replace(day=1), step, "month")
        return _month_range(shifted.year, shifted.month)
    if unit == "week":
        return _week_range(anchor + dt.timedelta(weeks=step))
    if unit == "decade":
        start = anchor.year // 10 * 10
        return Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    if unit == "century":
        start = anchor.year // 100 * 100
        return Resolved(dt.date(start, 1, 1), dt.date(start + 99, 12, 31), "century")
    return None


def _the_unit(unit: str, anchor: dt.date, tense: str) -> Resolved:
    """"over the weekend", "for the week", "for the year": the one the tense points to."""
    if unit == "weekend":
        if tense in {"past", "past!"} or (tense == "present" and anchor.weekday() <= 2):
            which = "this" if anchor.weekday() >= 5 else "last"
        else:
            which = "this" if anchor.weekday() < 5 else "next"
        return _relative_unit(which, "weekend", anchor)
    if unit == "week":
        past_week = tense in {"past", "past!"} and anchor.weekday() == 0
        return _week_range(anchor - dt.timedelta(days=7 * past_week))
    return _year_range(anchor.year)


def _anaphoric(f: dict[str, str], anchor: dt.date, ctx: TimexContext) -> Resolved | None:
    """"the day before", "later that year", "the following week": from the last date the story named."""
    unit = next(f[k].lower() for k in ("u1", "u2", "u3", "u4", "u5") if k in f)
    base = ctx.reference.first if ctx.reference is not None else anchor
    direction = (f.get("dir") or f.get("dir2") or "").lower()
    step = 1 if direction in {"next", "following", "after", "later"} else -1 if direction else 0
    part = _PARTS.get(unit)
    unit = _UNIT_STEP.get(unit, unit)
    if unit == "day" and ctx.reference is not None and not ctx.reference.first == ctx.reference.last and step:
        return None  # "the next day" after a month or a year: no day to count from
    day = shift(base, step, unit)
    if unit == "day":
        return Resolved(day, day, "day", type="TIME", part=part) if part else _day(day)
    if unit == "week":
        return _week_range(day)
    if unit == "month":
        return _month_range(day.year, day.month)
    return _year_range(day.year)


def _reference(f: dict[str, str], anchor: dt.date, tense: str) -> Resolved:
    word = " ".join(f.get("ref", "at the time").lower().replace("-", " ").split())
    ref = time_words().refs.get(word, "PAST_REF" if tense != "future" else "FUTURE_REF")
    offset = {"PRESENT_REF": 0, "PAST_REF": -1, "FUTURE_REF": 1}[ref]
    day = anchor + dt.timedelta(days=offset)
    return Resolved(day, day, _REF_GRANULARITY[ref], ref=ref)

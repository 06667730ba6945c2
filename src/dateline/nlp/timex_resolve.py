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

from dateline.nlp.calendar import (
    WEEKDAYS,
    day_number,
    half_span,
    holiday_date,
    month_number,
    season_span,
    spelled_year,
    time_words,
    valid_date,
)
from dateline.nlp.timex_model import (
    NO_CONTEXT,
    NUMBER_WORDS,
    TENSES,
    Expression,
    Resolved,
    TimexContext,
    day_range,
    month_range,
    quarter_range,
    shift,
    week_range,
    year_range,
)
from dateline.nlp.timex_units import (
    end_of,
    month_year,
    ordinal,
    quarterly,
    relative_unit,
    season,
    short_decade,
    the_unit,
)

__all__ = [
    "NUMBER_WORDS",
    "TENSES",
    "Expression",
    "Resolved",
    "TimexContext",
    "resolve",
    "month_day_near",
    "weekday_near",
    "shift",
]

FUZZY_COUNT = 3  # "a few years ago", "several weeks ago"
# kinds that name a calendar range only in an earnings report ("the quarter", "the latest period")
CONTEXT_KINDS = frozenset({"thisquarter"})
PAST_WINDOW_DAYS = 183  # a past-tense month-day this close behind the anchor is taken as is
FORWARD_DAYS = 120  # ... else the next one, if it is this close ahead
BACK_DAYS = 31  # a future-tense month-day this close behind the anchor is the one just gone
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_REF_GRANULARITY = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}
_UNIT_STEP = {"day": "day", "morning": "day", "afternoon": "day", "evening": "day", "night": "day"}


def resolve(
    expression: Expression,
    *,
    anchor: dt.date | None,
    tense: str = "present",
    context: TimexContext | None = None,
) -> Resolved | None:
    """The calendar range an expression means, seen from `anchor` (the publication date).

    Returns None when the expression needs an anchor and has none, or names no real date.
    """
    ctx = context or NO_CONTEXT
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
        return day_range(day) if day else None
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
        return day_range(day) if day else None
    if kind == "year":
        year = _year_of(f)
        return year_range(year) if year else None
    if kind == "year_span":
        first = int(f["year"])
        second = int(f["y2"]) if len(f["y2"]) == 4 else first // 100 * 100 + int(f["y2"])
        return Resolved(dt.date(first, 1, 1), dt.date(second, 12, 31), "year")
    if kind == "my":
        month = month_number(f["month"])
        year = _year_of(f)
        return month_range(year, month) if month and year else None
    if kind == "decade" and "decade" in f:
        decade = int(f["decade"])
        return Resolved(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade")
    if kind == "century":
        text = f["cent"].lower()
        number = int(text[:-2]) if text[:-2].isdigit() else time_words().ordinals.get(text)
        if not number or number > 30:
            return None
        return Resolved(
            dt.date(max(1, (number - 1) * 100), 1, 1), dt.date(number * 100 - 1, 12, 31), "century"
        )
    if kind == "season" and _year_of(f):
        code = time_words().seasons[f["season"].lower()]
        season_first, season_last = season_span(_year_of(f) or 0, code)
        return Resolved(season_first, season_last, "season")
    if kind == "quarter" and ("year" in f or "qyear" in f):
        quarter = ordinal(f["ord"], 4)
        return quarter_range(int(f.get("year") or f["qyear"]), quarter) if quarter else None
    if kind == "half" and "year" in f:
        half = 1 if f["ord"].lower() in {"first", "1st"} else 2
        half_first, half_last = half_span(int(f["year"]), half)
        return Resolved(half_first, half_last, "half")
    return None


def _relative(
    kind: str, f: dict[str, str], anchor: dt.date, tense: str, ctx: TimexContext
) -> Resolved | None:
    if kind in {"mdy", "dmy"}:
        month = month_number(f["month"])
        if month is None:
            return None
        day_of_month = day_number(f["day"])
        if "weekday" in f:
            fixed = _weekday_year(month, day_of_month, WEEKDAYS[f["weekday"].lower()], anchor)
            if fixed:
                return day_range(fixed)
        day = month_day_near(month, day_of_month, anchor=anchor, tense=tense)
        return day_range(day) if day else None
    if kind == "month":
        month = month_number(f["month"])
        return month_range(month_year(month, anchor, tense), month) if month else None
    if kind == "rel_month":
        return _relative_month(f["which"].lower(), month_number(f["month"]), anchor)
    if kind == "month_rel_year":
        month = month_number(f["month"])
        step = {"this": 0, "last": -1, "next": 1}[f["which"].lower()]
        return month_range(anchor.year + step, month) if month else None
    if kind == "weekday":
        day = weekday_near(WEEKDAYS[f["weekday"].lower()], anchor=anchor, tense=tense)
        part = _PARTS.get((f.get("part") or "").lower())
        return Resolved(day, day, "day", type="TIME", part=part) if part else day_range(day)
    if kind == "rel_weekday":
        return _relative_weekday(f["which"].lower(), WEEKDAYS[f["weekday"].lower()], anchor)
    if kind == "deictic":
        return _deictic(" ".join(f["word"].lower().split()), anchor)
    if kind in {"ago", "in_n", "past_n"}:
        return _counted(kind, f, anchor, ctx)
    if kind == "rel_unit":
        return relative_unit(" ".join(f["which"].lower().split()), f["unit"].lower(), anchor)
    if kind == "decade":
        return short_decade(f, anchor)
    if kind == "rel_century":
        step = {"this": 0}.get(f["which"].lower(), 1 if "next" in f["which"].lower() else -1)
        start = (anchor.year // 100 + step) * 100
        return Resolved(dt.date(max(1, start), 1, 1), dt.date(start + 99, 12, 31), "century")
    if kind == "season":
        return season(f, anchor, tense)
    if kind in {"quarter", "yearago", "thisquarter", "yearquarter", "half"}:
        return quarterly(kind, f, anchor, tense, ctx)
    if kind == "end_of":
        return end_of(f, anchor, tense)
    if kind == "the_unit":
        return the_unit(f["unit"].lower(), anchor, tense)
    if kind == "anaphoric":
        return _anaphoric(f, anchor, ctx)
    if kind == "ref":
        return _reference(f, anchor, tense)
    if kind == "holiday":
        return _holiday(f, anchor, tense)
    return None


def _holiday(f: dict[str, str], anchor: dt.date, tense: str) -> Resolved | None:
    """ "Thanksgiving", "last Christmas", "Easter Monday": the holiday's day in the year the words point to."""
    name = " ".join(f["holiday"].lower().replace("’", "'").replace("-", " ").split())
    rule = time_words().holidays.get(name)
    if rule is None:
        return None
    days = [
        d for year in range(anchor.year - 2, anchor.year + 3) if (d := holiday_date(rule, year)) is not None
    ]
    which = " ".join((f.get("which") or "").lower().split())
    if which in {"last", "past", "this past"}:
        day = max((d for d in days if d < anchor), default=None)
    elif which in {"next", "coming"}:
        day = min((d for d in days if d > anchor), default=None)
    elif which == "this":
        day = next((d for d in days if d.year == anchor.year), None)
    else:
        before = max((d for d in days if d <= anchor), default=None)
        after = min((d for d in days if d >= anchor), default=None)
        day = _pick_near(before, after, anchor, tense)
    return day_range(day) if day else None


def month_day_near(month: int, day: int, *, anchor: dt.date, tense: str) -> dt.date | None:
    """The year-less month-day a clause of this tense means, seen from `anchor`.

    Past: the latest such day on or before the anchor, unless it is more than half a year back and the next
    one is within four months. Future: the next on or after it, unless the last one was within a month.
    Present: the nearer of the two. "past!" (after "since") is strictly the latest on or before. February 29
    skips to the nearest leap year in the chosen direction.
    """
    before = _step_years(month, day, anchor.year, -1, lambda d: d <= anchor)
    after = _step_years(month, day, anchor.year, +1, lambda d: d >= anchor)
    return _pick_near(before, after, anchor, tense)


def _pick_near(before: dt.date | None, after: dt.date | None, anchor: dt.date, tense: str) -> dt.date | None:
    """Between the last such day on or before the anchor and the next on or after it, the one the tense means."""
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
    return day_range(day)


def _relative_month(which: str, month: int | None, anchor: dt.date) -> Resolved | None:
    if month is None:
        return None
    if which in {"last", "past", "this past"}:
        year = anchor.year - (month >= anchor.month)
    elif which in {"next", "coming"}:
        year = anchor.year + (month <= anchor.month)
    else:
        year = anchor.year
    return month_range(year, month)


def _deictic(word: str, anchor: dt.date) -> Resolved:
    offsets = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
    day = anchor + dt.timedelta(days=offsets.get(word, 0))
    part = _PARTS.get(word.split()[-1])
    return Resolved(day, day, "day", type="TIME", part=part) if part else day_range(day)


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word, FUZZY_COUNT)


def _granularity(unit: str, day: dt.date) -> Resolved:
    if unit in {"day", "week"}:
        return day_range(day)
    if unit == "month":
        return month_range(day.year, day.month)
    if unit == "decade":
        start = day.year // 10 * 10
        return Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    return year_range(day.year)


def _counted(kind: str, f: dict[str, str], anchor: dt.date, ctx: TimexContext) -> Resolved:
    n, unit = _count(f["n"]), f["unit"].lower().rstrip("s")
    if kind == "ago":
        direction = " ".join(f["dir"].lower().split())
        if direction in {"ago", "earlier"}:
            if unit == "year" and n == 1 and ctx.earnings and ctx.financial and ctx.reporting:
                return quarter_range(ctx.reporting[0] - 1, ctx.reporting[1])
            return _granularity(unit, shift(anchor, -n, unit))
        if direction == "later" and ctx.reference is not None:
            return _granularity(unit, shift(ctx.reference.first, n, unit))
        return _granularity(unit, shift(anchor, n, unit))
    if kind == "in_n":
        return _granularity(unit, shift(anchor, n, unit))
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}[
        unit
    ]  # "the past three weeks"
    return Resolved(shift(anchor, -n, unit), anchor, unit, type="DURATION", duration=f"P{n}{letter}")


def _anaphoric(f: dict[str, str], anchor: dt.date, ctx: TimexContext) -> Resolved | None:
    """ "the day before", "later that year", "the following week": from the last date the story named."""
    unit = next(f[k].lower() for k in ("u1", "u2", "u3", "u4", "u5", "u6") if k in f)
    if "inthe" in f:  # "later in the year", "earlier in the week": the anchor's own
        ctx = NO_CONTEXT
    base = ctx.reference.first if ctx.reference is not None else anchor
    direction = (f.get("dir") or f.get("dir2") or "").lower()
    step = 1 if direction in {"next", "following", "after", "later"} else -1 if direction else 0
    part = _PARTS.get(unit)
    unit = _UNIT_STEP.get(unit, unit)
    if unit == "day" and ctx.reference is not None and ctx.reference.first != ctx.reference.last and step:
        return None  # "the next day" after a month or a year: no day to count from
    day = shift(base, step, unit)
    if unit == "day":
        return Resolved(day, day, "day", type="TIME", part=part) if part else day_range(day)
    if unit == "week":
        return week_range(day)
    if unit == "month":
        return month_range(day.year, day.month)
    return year_range(day.year)


def _reference(f: dict[str, str], anchor: dt.date, tense: str) -> Resolved:
    word = " ".join(f.get("ref", "at the time").lower().replace("-", " ").split())
    ref = time_words().refs.get(word, "PAST_REF" if tense != "future" else "FUTURE_REF")
    offset = {"PRESENT_REF": 0, "PAST_REF": -1, "FUTURE_REF": 1}[ref]
    day = anchor + dt.timedelta(days=offset)
    return Resolved(day, day, _REF_GRANULARITY[ref], ref=ref)

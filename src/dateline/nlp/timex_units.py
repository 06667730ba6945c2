"""Calendar units named without a full date: quarters and halves, seasons, decades, "the end of the year",
"the weekend", "last month": each resolved from the anchor, the clause's tense and the story's context."""

from __future__ import annotations

import datetime as dt

from dateline.nlp.calendar import half_span, month_number, quarter_of, quarter_span, season_span, time_words
from dateline.nlp.timex_model import (
    Resolved,
    TimexContext,
    month_range,
    quarter_range,
    shift,
    week_range,
    year_range,
)

PAST_WINDOW_MONTHS = 6  # a past-tense month this many months back or fewer is taken as is
FORWARD_MONTHS = 2  # ... else the next one, if it is this close ahead


def ordinal(word: str, limit: int) -> int | None:
    number = time_words().ordinals.get(word.lower())
    return number if number and number <= limit else None


def month_year(month: int, anchor: dt.date, tense: str) -> int:
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


def relative_unit(which: str, unit: str, anchor: dt.date) -> Resolved:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "weekend":
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
        if step < 0 or (step == 0 and anchor.weekday() == 0):
            saturday -= dt.timedelta(days=7)
        elif step > 0 and anchor.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return Resolved(saturday, saturday + dt.timedelta(days=1), "weekend")
    if unit == "week":
        found = week_range(anchor + dt.timedelta(weeks=step))
    elif unit == "month":
        shifted = shift(anchor.replace(day=1), step, "month")
        found = month_range(shifted.year, shifted.month)
    elif unit == "quarter":
        shifted = shift(anchor.replace(day=1), step, "quarter")
        found = quarter_range(shifted.year, quarter_of(shifted))
    elif unit == "decade":
        start = (anchor.year // 10 + step) * 10
        found = Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    else:
        found = year_range(anchor.year + step)
    if which == "earlier this":
        return Resolved(found.first, anchor, found.granularity)
    if which == "later this":
        return Resolved(anchor, found.last, found.granularity)
    return found


def short_decade(f: dict[str, str], anchor: dt.date) -> Resolved | None:
    """ "the '90s", "the nineties": the most recent such decade that has begun."""
    if "d2" in f:
        tens = int(f["d2"])
    else:
        names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        tens = (names.index(f["decword"].lower()) + 2) * 10
    start = anchor.year // 100 * 100 + tens
    if start > anchor.year:
        start -= 100
    return Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")


def season(f: dict[str, str], anchor: dt.date, tense: str) -> Resolved:
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


def quarterly(
    kind: str, f: dict[str, str], anchor: dt.date, tense: str, ctx: TimexContext
) -> Resolved | None:
    reporting = ctx.reporting if ctx.earnings else None
    if kind == "half":
        step = {"this": 0, "the": 0, "last": -1, "next": 1}[f["rel"].lower()]
        first, last = half_span(anchor.year + step, 1 if f["ord"].lower() in {"first", "1st"} else 2)
        return Resolved(first, last, "half")
    if kind == "quarter":
        quarter = ordinal(f["ord"], 4)
        if quarter is None:
            return None
        if "rel" in f:
            return quarter_range(anchor.year + {"this": 0, "last": -1, "next": 1}[f["rel"].lower()], quarter)
        return quarter_range(quarter_year(quarter, anchor, tense, reporting), quarter)
    if kind == "yearago":
        quarter = ordinal(f["ord"], 4) if "ord" in f else None
        if reporting and (quarter or "unit" in f or ctx.financial):
            return quarter_range(reporting[0] - 1, quarter or reporting[1])
        if quarter:
            return quarter_range(anchor.year - 1, quarter)
        return year_range(anchor.year - 1)
    if kind == "yearquarter":
        year = int(f["year"])
        return quarter_range(year, reporting[1]) if reporting else year_range(year)
    # thisquarter: "the quarter", "the latest period": the reported quarter, or "this quarter" the anchor's
    words = f.get("unit", "").lower()
    if reporting and "current" not in f.get("which", ""):
        return quarter_range(*reporting)
    current = f.get("det", "").lower() == "this" or "current" in f.get("which", "").lower()
    return quarter_range(anchor.year, quarter_of(anchor)) if words == "quarter" and current else None


def quarter_year(quarter: int, anchor: dt.date, tense: str, reporting: tuple[int, int] | None) -> int:
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


def end_of(f: dict[str, str], anchor: dt.date, tense: str) -> Resolved | None:
    edge = (f.get("edge") or "end").lower()
    unit = (f.get("unit") or f.get("relunit") or "").lower()
    step = {"this": 0, "last": -1, "next": 1}.get((f.get("rel") or "this").lower(), 0)
    if "month" in f:
        month = month_number(f["month"])
        if month is None:
            return None
        return month_range(int(f["myear"]) if "myear" in f else month_year(month, anchor, tense), month)
    if "year" in f or unit == "year":
        if "year" in f:
            year = int(f["year"])
        elif "rel" in f:
            year = anchor.year + step
        else:
            year = anchor.year - (tense == "past!" and anchor.month < 12)
        if edge == "middle":
            return year_range(year)
        return month_range(year, 12 if edge == "end" else 1)
    if unit == "month":
        shifted = shift(anchor.replace(day=1), step, "month")
        return month_range(shifted.year, shifted.month)
    if unit == "week":
        return week_range(anchor + dt.timedelta(weeks=step))
    if unit == "decade":
        start = anchor.year // 10 * 10
        return Resolved(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    if unit == "century":
        start = anchor.year // 100 * 100
        return Resolved(dt.date(start, 1, 1), dt.date(start + 99, 12, 31), "century")
    return None


def the_unit(unit: str, anchor: dt.date, tense: str) -> Resolved:
    """ "over the weekend", "for the week", "for the year": the one the tense points to."""
    if unit == "weekend":
        if tense in {"past", "past!"} or (tense == "present" and anchor.weekday() <= 2):
            which = "this" if anchor.weekday() >= 5 else "last"
        else:
            which = "this" if anchor.weekday() < 5 else "next"
        return relative_unit(which, "weekend", anchor)
    if unit == "week":
        past_week = tense in {"past", "past!"} and anchor.weekday() == 0
        return week_range(anchor - dt.timedelta(days=7 * past_week))
    return year_range(anchor.year)

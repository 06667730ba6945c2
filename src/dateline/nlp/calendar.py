"""Month and weekday names, the regular-expression pieces that match them, and the calendar units.

Shared by the dateline parser and the date-expression finder so that both read "Sept. 4", "4 Sept"
and "September 4th" alike. The calendar model (quarters, halves, seasons, spoken years, TimeML values) and
the time-word lexicon (``lexicon/data/timewords.tsv``) live here too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.errors import LexiconError
from dateline.lexicon.codebook import data_path, read_table

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _full = calendar.month_name[_number].lower()
    MONTHS[_full] = _number
    MONTHS[_full[:3]] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _number in range(7):
    _full = calendar.day_name[_number].lower()
    WEEKDAYS[_full] = _number
    WEEKDAYS[_full[:3]] = _number
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

# "January", "Jan", "Jan.", "Sept." -- longest first so the alternation prefers full names
MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_FULL = r"(?:" + "|".join(calendar.day_name) + r")"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|2[01]\d\d)"


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept." -> 9), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def day_number(word: str) -> int:
    """The day of month from "4", "04" or "4th"."""
    return int(word.rstrip("stndrh"))


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30, February 29 of a common year)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- time words and calendar units

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class TimeWords:
    """The time words of ``lexicon/data/timewords.tsv``: reference words, seasons, ordinals, numbers."""

    refs: dict[str, str]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    holidays: dict[str, str]


@functools.cache
def time_words() -> TimeWords:
    """The shipped time-word lexicon, read once."""
    tables: dict[str, dict[str, str]] = {"ref": {}, "season": {}, "ordinal": {}, "number": {}, "holiday": {}}
    path = data_path("timewords.tsv")
    for row in read_table(path, ("word", "kind", "value")):
        if row["kind"] not in tables:
            raise LexiconError(
                f"{path}: unknown kind {row['kind']!r} for {row['word']!r}; use one of {sorted(tables)}"
            )
        tables[row["kind"]][row["word"].lower()] = row["value"]
    return TimeWords(
        refs=tables["ref"],
        seasons=tables["season"],
        ordinals={k: int(v) for k, v in tables["ordinal"].items()},
        numbers={k: int(v) for k, v in tables["number"].items()},
        holidays=tables["holiday"],
    )


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, with any run of space or hyphen between words."""
    parts = [
        r"[\s\-]+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())
        for phrase in sorted(words, key=len, reverse=True)
    ]
    return "(?:" + "|".join(parts) + ")"


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)


def half_span(year: int, half: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 6 * half - 5, 1), month_end(year, 6 * half)


def season_span(year: int, code: str) -> tuple[dt.date, dt.date]:
    """The months of a season of a year (northern hemisphere); winter runs from December into the next year."""
    first, last = SEASON_MONTHS[code]
    return dt.date(year, first, 1), month_end(year + (last < first), last)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def spelled_number(text: str) -> int | None:
    """The number a spelled phrase names ("ninety-six" -> 96, "nineteen" -> 19), else None."""
    numbers = time_words().numbers
    words = [w for w in re.split(r"[\s\-]+", text.lower()) if w and w != "and"]
    if not words or any(w not in numbers for w in words):
        return None
    if len(words) == 1:
        return numbers[words[0]]
    if len(words) == 2 and numbers[words[0]] % 10 == 0 and numbers[words[0]] >= 20 and numbers[words[1]] < 10:
        return numbers[words[0]] + numbers[words[1]]
    return None


def spelled_year(text: str) -> int | None:
    """The year a spoken form names: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = re.split(r"[\s\-]+", text.lower().strip())
    if len(words) >= 2 and words[0] == "two" and words[1] == "thousand":
        rest = " ".join(words[2:])
        if not rest:
            return 2000
        tail = spelled_number(rest)
        return 2000 + tail if tail is not None and tail < 100 else None
    if len(words) >= 2:
        century = spelled_number(words[0])
        tail = spelled_number(" ".join(words[1:]))
        if century in (18, 19, 20) and tail is not None and 10 <= tail < 100:
            return century * 100 + tail
    return None


def timeml_value(first: dt.date, last: dt.date, granularity: str) -> str:
    """A calendar range written as a TimeML value: 2016-04-27, 2016-W17, 2016-04, 2016-Q2, 2016-SU, 2016, 201, 20."""
    if granularity == "day" or first == last:
        return first.isoformat()
    if granularity == "weekend":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}-WE"
    if granularity == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "month":
        return f"{first.year}-{first.month:02d}"
    if granularity == "quarter":
        return f"{first.year}-Q{quarter_of(first)}"
    if granularity == "half":
        return f"{first.year}-H{1 if first.month <= 6 else 2}"
    if granularity == "season":
        code = next((c for c, (m, _) in SEASON_MONTHS.items() if m == first.month), "XX")
        return f"{first.year}-{code}"
    if granularity == "decade":
        return str(first.year // 10)
    if granularity == "century":
        return str(first.year // 100)
    return str(first.year)


_WEEKDAY_CODES = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day a holiday rule of ``timewords.tsv`` names in a year: "12-25", "11-TH-4", "05-MO-L", "E-2"."""
    if rule.startswith("E"):
        return easter(year) + dt.timedelta(days=int(rule[1:]))
    parts = rule.split("-")
    month = int(parts[0])
    if parts[1:] == ["ELECTION"]:  # the Tuesday after the first Monday
        first_monday = 1 + (0 - dt.date(year, month, 1).weekday()) % 7
        return dt.date(year, month, first_monday + 1)
    if len(parts) == 2:
        return valid_date(year, month, int(parts[1]))
    weekday = _WEEKDAY_CODES[parts[1]]
    if parts[2] == "L":
        last = month_end(year, month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = 1 + (weekday - dt.date(year, month, 1).weekday()) % 7
    return valid_date(year, month, first + 7 * (int(parts[2]) - 1))

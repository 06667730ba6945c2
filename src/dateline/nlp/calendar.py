"""Month and weekday names, and the regular-expression pieces that match them.

Shared by the dateline parser and the date-expression finder so that both read "Sept. 4", "4 Sept"
and "September 4th" alike.
"""

from __future__ import annotations

import calendar
import datetime as dt

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

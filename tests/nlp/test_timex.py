"""Date expressions: found in text, resolved against the publication date in the tense of their clause."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.nlp.timex import find_expressions, month_day_near, resolve, weekday_near

D = dt.date


def _one(text: str):
    found = find_expressions(text)
    assert len(found) == 1, found
    return found[0]


# text, anchor (publication date), tense, expected first day, expected last day, granularity
RESOLVE = [
    ("shot down the jet on November 24", D(2016, 4, 27), "past", D(2015, 11, 24), D(2015, 11, 24), "day"),
    ("will meet on November 24", D(2016, 4, 27), "future", D(2016, 11, 24), D(2016, 11, 24), "day"),
    ("said on Wednesday", D(2016, 4, 27), "past", D(2016, 4, 27), D(2016, 4, 27), "day"),
    ("posted on Tuesday", D(2016, 4, 27), "past", D(2016, 4, 26), D(2016, 4, 26), "day"),
    ("will fly on Tuesday", D(2016, 4, 27), "future", D(2016, 5, 3), D(2016, 5, 3), "day"),
    ("meets on Friday", D(2016, 4, 27), "present", D(2016, 4, 29), D(2016, 4, 29), "day"),
    ("met on Monday", D(2016, 4, 27), "past", D(2016, 4, 25), D(2016, 4, 25), "day"),
    # a December 30 event in a January 2 story is in the year before
    ("the blast on December 30 killed", D(2024, 1, 2), "past", D(2023, 12, 30), D(2023, 12, 30), "day"),
    ("elections on January 5 will", D(2023, 12, 28), "future", D(2024, 1, 5), D(2024, 1, 5), "day"),
    ("on Dec. 30, 2015 he", D(2024, 1, 2), "past", D(2015, 12, 30), D(2015, 12, 30), "day"),
    ("on 27 April 2019", D(2024, 1, 2), "past", D(2019, 4, 27), D(2019, 4, 27), "day"),
    ("a leap day, February 29, passed", D(2017, 3, 1), "past", D(2016, 2, 29), D(2016, 2, 29), "day"),
    ("due on February 29", D(2021, 3, 1), "future", D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("yesterday", D(2016, 3, 1), "past", D(2016, 2, 29), D(2016, 2, 29), "day"),
    ("tomorrow", D(2016, 12, 31), "future", D(2017, 1, 1), D(2017, 1, 1), "day"),
    ("last month", D(2016, 1, 15), "past", D(2015, 12, 1), D(2015, 12, 31), "month"),
    ("next month", D(2016, 12, 15), "future", D(2017, 1, 1), D(2017, 1, 31), "month"),
    ("next week", D(2016, 4, 27), "future", D(2016, 5, 2), D(2016, 5, 8), "week"),
    ("last week", D(2016, 1, 1), "past", D(2015, 12, 21), D(2015, 12, 27), "week"),
    ("three years ago", D(2016, 4, 27), "past", D(2013, 1, 1), D(2013, 12, 31), "year"),
    ("two days ago", D(2016, 3, 1), "past", D(2016, 2, 28), D(2016, 2, 28), "day"),
    ("in 2009", D(2016, 4, 27), "past", D(2009, 1, 1), D(2009, 12, 31), "year"),
    ("earlier this year", D(2016, 4, 27), "past", D(2016, 1, 1), D(2016, 4, 27), "year"),
    ("in March", D(2016, 4, 27), "past", D(2016, 3, 1), D(2016, 3, 31), "month"),
    ("in March", D(2016, 4, 27), "future", D(2017, 3, 1), D(2017, 3, 31), "month"),
    ("last Friday", D(2016, 4, 29), "past", D(2016, 4, 22), D(2016, 4, 22), "day"),
    ("next Monday", D(2016, 4, 27), "future", D(2016, 5, 2), D(2016, 5, 2), "day"),
    ("in two weeks", D(2016, 4, 27), "future", D(2016, 5, 11), D(2016, 5, 11), "day"),
    ("the 1990s", D(2016, 4, 27), "past", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("2016-04-27", D(2020, 1, 1), "past", D(2016, 4, 27), D(2016, 4, 27), "day"),
    ("in April 2015", D(2016, 4, 27), "past", D(2015, 4, 1), D(2015, 4, 30), "month"),
    ("the past three weeks", D(2016, 4, 27), "past", D(2016, 4, 6), D(2016, 4, 27), "week"),
]


@pytest.mark.parametrize("text,anchor,tense,first,last,granularity", RESOLVE)
def test_timex_resolve(text, anchor, tense, first, last, granularity):
    resolved = resolve(_one(text), anchor=anchor, tense=tense)
    assert resolved is not None
    assert (resolved.first, resolved.last, resolved.granularity) == (first, last, granularity)


@pytest.mark.parametrize(
    "text",
    [
        "the meeting may take place",
        "they march on",
        "1,000 years of relations",
        "2000 troops were sent",
        "page 2015a",
        "in 12,000 cases",
        "they may 5 times",
    ],
)
def test_timex_not_dates(text):
    assert find_expressions(text) == []


def test_timex_relative_needs_anchor():
    assert resolve(_one("on Tuesday"), anchor=None, tense="past") is None
    assert resolve(_one("in 2009"), anchor=None, tense="past") is not None


def test_timex_february_30_is_no_date():
    assert resolve(_one("on February 30, 2015"), anchor=D(2016, 1, 1), tense="past") is None


@pytest.mark.parametrize(
    "weekday,anchor,tense,expected",
    [
        (2, D(2016, 4, 27), "past", D(2016, 4, 27)),
        (2, D(2016, 4, 27), "future", D(2016, 4, 27)),
        (3, D(2016, 4, 27), "past", D(2016, 4, 21)),
        (3, D(2016, 4, 27), "future", D(2016, 4, 28)),
        (0, D(2016, 4, 27), "present", D(2016, 4, 25)),
        (4, D(2016, 4, 27), "present", D(2016, 4, 29)),
    ],
)
def test_timex_weekday_near(weekday, anchor, tense, expected):
    assert weekday_near(weekday, anchor=anchor, tense=tense) == expected


def test_timex_month_day_present_takes_nearer():
    assert month_day_near(1, 3, anchor=D(2023, 12, 30), tense="present") == D(2024, 1, 3)
    assert month_day_near(12, 20, anchor=D(2024, 1, 2), tense="present") == D(2023, 12, 20)


def test_timex_offsets_point_into_text():
    text = "He left on Monday and returns next week, as in 2009."
    for expression in find_expressions(text):
        assert text[expression.start : expression.end] == expression.text

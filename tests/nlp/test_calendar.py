"""The calendar model: quarters, halves, seasons, spoken years, TimeML values, and the time-word lexicon."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.nlp.calendar import (
    half_span,
    quarter_of,
    quarter_span,
    season_span,
    spelled_number,
    spelled_year,
    time_words,
    timeml_value,
)

D = dt.date


@pytest.mark.parametrize(
    "year,quarter,first,last",
    [(2021, 1, D(2021, 1, 1), D(2021, 3, 31)), (2020, 4, D(2020, 10, 1), D(2020, 12, 31))],
)
def test_calendar_quarter_span(year, quarter, first, last):
    assert quarter_span(year, quarter) == (first, last)
    assert quarter_of(first) == quarter_of(last) == quarter


def test_calendar_half_span():
    assert half_span(2019, 2) == (D(2019, 7, 1), D(2019, 12, 31))


@pytest.mark.parametrize(
    "code,first,last",
    [
        ("SP", D(2022, 3, 1), D(2022, 5, 31)),
        ("SU", D(2022, 6, 1), D(2022, 8, 31)),
        ("FA", D(2022, 9, 1), D(2022, 11, 30)),
        ("WI", D(2022, 12, 1), D(2023, 2, 28)),
    ],
)
def test_calendar_season_span(code, first, last):
    assert season_span(2022, code) == (first, last)


@pytest.mark.parametrize(
    "text,year",
    [
        ("nineteen eighty-four", 1984),
        ("nineteen fifty", 1950),
        ("nineteen twelve", 1912),
        ("two thousand", 2000),
        ("two thousand and eight", 2008),
        ("twenty twenty-one", 2021),
        ("eighteen sixty-one", 1861),
        ("seven hundred", None),
        ("nineteen", None),
        ("twenty five", None),
    ],
)
def test_calendar_spelled_year(text, year):
    assert spelled_year(text) == year


def test_calendar_spelled_number():
    assert (spelled_number("forty-two"), spelled_number("eleven"), spelled_number("forty eleven")) == (
        42,
        11,
        None,
    )


@pytest.mark.parametrize(
    "first,last,granularity,value",
    [
        (D(2021, 5, 3), D(2021, 5, 3), "day", "2021-05-03"),
        (D(2021, 5, 3), D(2021, 5, 9), "week", "2021-W18"),
        (D(2021, 5, 8), D(2021, 5, 9), "weekend", "2021-W18-WE"),
        (D(2021, 5, 1), D(2021, 5, 31), "month", "2021-05"),
        (D(2021, 4, 1), D(2021, 6, 30), "quarter", "2021-Q2"),
        (D(2021, 7, 1), D(2021, 12, 31), "half", "2021-H2"),
        (D(2021, 12, 1), D(2022, 2, 28), "season", "2021-WI"),
        (D(2021, 1, 1), D(2021, 12, 31), "year", "2021"),
        (D(1970, 1, 1), D(1979, 12, 31), "decade", "197"),
        (D(1800, 1, 1), D(1899, 12, 31), "century", "18"),
    ],
)
def test_calendar_timeml_value(first, last, granularity, value):
    assert timeml_value(first, last, granularity) == value


def test_calendar_time_words_lexicon():
    words = time_words()
    assert words.refs["now"] == "PRESENT_REF"
    assert words.refs["the past"] == "PAST_REF"
    assert words.refs["soon"] == "FUTURE_REF"
    assert set(words.seasons.values()) == {"SP", "SU", "FA", "WI"}
    assert words.ordinals["third"] == 3 and words.numbers["ninety"] == 90

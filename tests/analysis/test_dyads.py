"""Dyad series: daily counts summed per day, week, month or year."""

from __future__ import annotations

import pytest

from dateline.analysis.dyads import DayCount, DyadPoint, dyad_series, period_of
from dateline.errors import StoreError


@pytest.mark.parametrize(
    ("day", "freq", "period"),
    [
        ("2016-04-27", "day", "2016-04-27"),
        ("2016-04-27", "week", "2016-04-25"),  # a Wednesday: its week starts on Monday the 25th
        ("2016-04-25", "week", "2016-04-25"),
        ("2016-01-01", "week", "2015-12-28"),
        ("2016-04-27", "month", "2016-04-01"),
        ("2016-04-27", "year", "2016-01-01"),
    ],
)
def test_period_of(day: str, freq: str, period: str) -> None:
    assert period_of(day, freq) == period


COUNTS = [
    DayCount("2016-04-27", 1, 2, 8.0),
    DayCount("2016-04-27", 3, 1, -2.0),
    DayCount("2016-04-28", 4, 1, -10.0),
    DayCount("2016-05-02", 2, 3, None),
    DayCount("2016-05-02", 0, 1, 0.1),  # no QuadClass: counted in events only
]


@pytest.mark.parametrize(
    ("freq", "points"),
    [
        ("day", [DyadPoint("2016-04-27", 3, 2, 0, 1, 0, 6.0), DyadPoint("2016-04-28", 1, 0, 0, 0, 1, -10.0),
                 DyadPoint("2016-05-02", 4, 0, 3, 0, 0, 0.1)]),
        ("week", [DyadPoint("2016-04-25", 4, 2, 0, 1, 1, -4.0), DyadPoint("2016-05-02", 4, 0, 3, 0, 0, 0.1)]),
        ("month", [DyadPoint("2016-04-01", 4, 2, 0, 1, 1, -4.0), DyadPoint("2016-05-01", 4, 0, 3, 0, 0, 0.1)]),
        ("year", [DyadPoint("2016-01-01", 8, 2, 3, 1, 1, -3.9)]),
    ],
)  # fmt: skip
def test_dyad_series(freq: str, points: list[DyadPoint]) -> None:
    assert dyad_series(COUNTS, freq=freq) == points


def test_no_counts_no_points() -> None:
    assert dyad_series([], freq="week") == []


def test_an_unknown_frequency_is_refused() -> None:
    with pytest.raises(StoreError, match="'fortnight': not a frequency"):
        dyad_series(COUNTS, freq="fortnight")

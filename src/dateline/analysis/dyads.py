"""Events between two actors per period: counts by QuadClass and the Goldstein sum (a dyad series).

from dateline.analysis.dyads import dyad_series
points = dyad_series(store.dyad_counts("RUS", "TUR"), freq="week")   # what `store.dyad` returns
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.errors import StoreError

FREQUENCIES = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DyadPoint:
    """Events between two actors in one period (`period` is its first day, YYYY-MM-DD)."""

    period: str
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein: float


@dataclass(frozen=True)
class DayCount:
    """How many events of one QuadClass a day holds, and the sum of their Goldstein scores."""

    day: str
    quad_class: int
    events: int
    goldstein: float | None


def check_frequency(freq: str) -> str:
    """`freq` when it is one of FREQUENCIES, else StoreError."""
    if freq not in FREQUENCIES:
        raise StoreError(f"{freq!r}: not a frequency; give one of {', '.join(FREQUENCIES)}")
    return freq


def period_of(day: str, freq: str) -> str:
    """The first day of the period of `freq` holding `day` (weeks start on Monday)."""
    if freq == "day":
        return day
    if freq == "month":
        return day[:7] + "-01"
    if freq == "year":
        return day[:4] + "-01-01"
    date = dt.date.fromisoformat(day)
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def dyad_series(counts: Iterable[DayCount], *, freq: str = "day") -> list[DyadPoint]:
    """Daily counts summed per period, oldest first; periods without events are left out."""
    check_frequency(freq)
    points: dict[str, list[float]] = {}
    for count in counts:
        point = points.setdefault(period_of(count.day, freq), [0, 0, 0, 0, 0, 0.0])
        point[0] += count.events
        if 1 <= int(count.quad_class) <= 4:
            point[int(count.quad_class)] += count.events
        point[5] += float(count.goldstein or 0.0)
    return [
        DyadPoint(period, int(p[0]), int(p[1]), int(p[2]), int(p[3]), int(p[4]), round(p[5], 6))
        for period, p in sorted(points.items())
    ]

"""One EventFilter for the store, the exports and the web app: its SQL, and what it selects."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.errors import StoreError
from dateline.records import Article
from dateline.store import EventFilter, Store, as_day


@pytest.mark.parametrize(
    ("where", "sql", "params"),
    [
        (EventFilter(), [], []),
        (EventFilter(since="2016-04-01"), ["e.day >= ?"], ["2016-04-01"]),
        (EventFilter(until=dt.date(2016, 4, 30)), ["e.day <= ?"], ["2016-04-30"]),
        (EventFilter(actor="rusgov"), ["(e.source_actor LIKE ? OR e.target_actor LIKE ?)"], ["RUSGOV%"] * 2),
        (
            EventFilter(country="tur"),
            [
                "(substr(e.source_actor, 1, 3) = ? OR substr(e.target_actor, 1, 3) = ? OR e.location_country = ?)"
            ],
            ["TUR"] * 3,
        ),
    ],
)
def test_filter_sql(where: EventFilter, sql: list[str], params: list[str]) -> None:
    assert where.sql("e") == (sql, params)


@pytest.mark.parametrize(
    ("where", "by_actor"),
    [(EventFilter(), False), (EventFilter(since="2016-01-01"), False), (EventFilter(actor="RUS"), True),
     (EventFilter(country="SYR"), True)],
)  # fmt: skip
def test_by_actor(where: EventFilter, by_actor: bool) -> None:
    assert where.by_actor is by_actor


@pytest.mark.parametrize(
    ("value", "day"),
    [(None, None), ("2016-04-27", "2016-04-27"), ("2016-04-27T10:00:00Z", "2016-04-27"),
     (dt.date(2016, 4, 27), "2016-04-27"), (dt.datetime(2016, 4, 27, 23, 59), "2016-04-27")],
)  # fmt: skip
def test_as_day(value: object, day: str | None) -> None:
    assert as_day(value) == day


def test_a_bad_bound_names_itself(store: Store) -> None:
    with pytest.raises(StoreError, match="'April': not a date"):
        list(store.events(EventFilter(since="April")))


@pytest.mark.parametrize(
    ("where", "options", "expected"),
    [
        (EventFilter(), {}, ["wire_b", "wire_a", "other"]),
        (EventFilter(since="2016-04-27"), {}, ["wire_b", "wire_a"]),
        (EventFilter(country="SYR"), {}, ["other"]),
        (EventFilter(actor="RUS"), {}, ["wire_b", "wire_a"]),
        (EventFilter(actor="RUS"), {"source": "Site A"}, ["wire_a"]),
        (EventFilter(actor="RUS"), {"limit": 1, "offset": 1}, ["wire_a"]),
        (EventFilter(actor="RUS", since="2016-04-28"), {}, []),
    ],
)
def test_articles_by_filter(
    store: Store, wire_a: Article, wire_b: Article, other: Article, where: EventFilter, options: dict,
    expected: list[str],
) -> None:  # fmt: skip
    store.add_many([wire_a, wire_b, other])
    names = {wire_a.id: "wire_a", wire_b.id: "wire_b", other.id: "other"}
    assert [names[a.id] for a in store.articles(where, **options)] == expected

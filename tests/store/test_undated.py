"""A date is never invented: events of an undated story have no day; time series count dated, asserted events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from dateline.records import Article, Published
from dateline.store import EventFilter, Store
from dateline.store.schema import MIGRATIONS, UNDATED

TODAY = dt.datetime.now(dt.UTC).date().isoformat()


def undated(article: Article) -> Article:
    """`article` with no publication date and no event date."""
    events = [dataclasses.replace(e, date=None, date_basis="none") for e in article.events]
    return dataclasses.replace(article, published=Published(date=None, basis="none"), events=events)


@pytest.mark.parametrize(
    ("published", "event_date", "day"),
    [
        (None, None, None),  # nothing says when: no day, never the day of the ingest
        ("April 2016", "2016-04", None),  # partial dates are not days
        ("2016-04-26", None, "2016-04-26"),  # the story's date
        (None, "2015-11-24", "2015-11-24"),  # the sentence's date
        ("2016-04-26", "2015-11-24", "2015-11-24"),  # the sentence's date wins
    ],
)
def test_an_event_day_comes_from_the_story_or_the_sentence_only(
    store: Store, other: Article, published: str | None, event_date: str | None, day: str | None
) -> None:
    event = dataclasses.replace(other.events[0], date=event_date)
    store.add(
        dataclasses.replace(other, published=Published(date=published, basis="metadata"), events=[event])
    )
    (row,) = store.events()
    assert row.day == day
    assert row.event.date == event_date


def test_no_stored_event_of_an_undated_story_carries_the_ingest_day(
    store: Store, wire_a: Article, other: Article
) -> None:
    store.add_many([undated(wire_a), undated(other)])
    rows = list(store.mentions())
    assert len(rows) == len(wire_a.events) + len(other.events)
    assert {row.day for row in rows} == {None}
    assert all(TODAY not in str(row.day) for row in rows)
    assert list(store.events(EventFilter(since="1900-01-01"))) == []  # an undated event is in no date range


def test_dyad_series_leave_undated_and_unasserted_events_out_and_count_the_undated(
    store: Store, wire_a: Article
) -> None:
    met, criticised, shot = (
        wire_a.events
    )  # RUSGOV-TURGOV 036 and 111 on 2016-04-27, TURMIL-RUSMIL 190 on 2015-11-24
    events = [
        met,
        dataclasses.replace(criticised, modality="negated"),
        dataclasses.replace(shot, date=None, date_basis="none"),
    ]
    store.add(dataclasses.replace(wire_a, published=Published(date=None, basis="none"), events=events))
    (point,) = store.dyad("RUS", "TUR", freq="year")
    assert (point.period, point.events, point.quad1, point.quad3, point.goldstein) == (
        "2016-01-01",
        1,
        1,
        0,
        4.0,
    )
    assert store.dyad_undated("RUS", "TUR") == 1
    assert store.dyad_undated("RUS", "SYR") == 0
    behind = store.dyad_events("RUS", "TUR", since="2016-01-01", until="2016-12-31", asserted=True)
    assert [row.event.cameo for row in behind] == ["036"]


def test_migration_forgets_the_days_an_older_store_invented(
    tmp_path: Path, wire_a: Article, other: Article
) -> None:
    path = tmp_path / "old.db"
    with Store.open(str(path)) as store:
        store.add_many([undated(other), wire_a])
    # turn it into a store from before UNDATED, as the old code wrote it: `day` NOT NULL, the ingest day for undated events
    old_table = next(s for s in MIGRATIONS[0].sql("sqlite") if s.startswith("CREATE TABLE events ("))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE events SET day = '2026-12-01' WHERE day IS NULL")
        conn.execute(old_table.replace("CREATE TABLE events (", "CREATE TABLE events_old (", 1))
        conn.execute("INSERT INTO events_old SELECT * FROM events")
        conn.execute("DROP TABLE events")
        conn.execute("ALTER TABLE events_old RENAME TO events")
        conn.execute("DELETE FROM schema_version WHERE version = ?", (UNDATED.version,))
    conn.close()
    with Store.open(str(path)) as store:
        days = sorted((row.event.cameo, row.day) for row in store.mentions())
        assert store.schema_version() == MIGRATIONS[-1].version
    assert days == [
        ("036", "2016-04-27"),
        ("111", "2016-04-27"),
        ("112", None),
        ("190", "2015-11-24"),
        ("195", None),
    ]

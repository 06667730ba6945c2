"""The database under a store, on both backends: rows inserted from dicts and read back by column name."""

from __future__ import annotations

import pytest

from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.backend import Backend


def test_insert_returns_the_new_key_and_rows_read_by_name(store: Store) -> None:
    db = store.db
    with db.transaction():
        first = db.insert("sources", {"name": "Site A"}, returning="id")
        second = db.insert("sources", {"name": "Site B"}, returning="id")
    assert first is not None and second is not None and first != second
    rows = db.rows("SELECT id, name FROM sources ORDER BY id")
    assert rows == [{"id": first, "name": "Site A"}, {"id": second, "name": "Site B"}]
    assert db.one("SELECT name FROM sources WHERE id = ?", (second,)) == "Site B"
    assert db.one("SELECT name FROM sources WHERE id = ?", (-1,)) is None


def test_insert_on_conflict(store: Store) -> None:
    db = store.db
    db.insert("sources", {"name": "Site A"})
    assert db.insert("sources", {"name": "Site A"}, conflict="(name) DO NOTHING", returning="id") is None
    assert [row["name"] for row in db.stream("SELECT name FROM sources")] == ["Site A"]


def test_a_failed_transaction_keeps_nothing(store: Store) -> None:
    db = store.db
    with pytest.raises(db.errors), db.transaction():
        db.insert("sources", {"name": "Site A"})
        db.insert("sources", {"name": "Site A"})  # UNIQUE (name)
    assert db.rows("SELECT name FROM sources") == []


def test_a_readonly_store_refuses_to_write(store_url: str) -> None:
    Store.open(store_url).close()
    with Store.open(store_url, readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add_failure("a.txt", "unreadable")
        with pytest.raises(StoreError, match="read-only"):
            store.db.check_writable()


@pytest.mark.parametrize(
    ("dialect", "limit", "offset", "sql", "params"),
    [
        ("sqlite", None, 0, "", []),
        ("sqlite", 5, 0, " LIMIT ?", [5]),
        ("sqlite", 5, 10, " LIMIT ? OFFSET ?", [5, 10]),
        ("sqlite", None, 10, " LIMIT -1 OFFSET ?", [10]),
        ("postgres", None, 10, " OFFSET ?", [10]),
    ],
)
def test_page(dialect: str, limit: int | None, offset: int, sql: str, params: list[int]) -> None:
    db = Backend("test", readonly=True, errors=())
    db.dialect = dialect
    got: list[int] = []
    assert db.page(limit, offset, got) == sql
    assert got == params


@pytest.mark.parametrize("url", ["mysql://host/db", "http://example.org/news.db"])
def test_unknown_store_urls_are_refused(url: str) -> None:
    with pytest.raises(StoreError, match="unknown store"):
        Store.open(url)

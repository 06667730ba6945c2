"""The schema: browsable SQLite tables in WAL mode, versioned migrations, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.records import Article
from dateline.store import Store
from dateline.store.schema import LATEST, MIGRATIONS, pending
from dateline.store.sqlite import sqlite_path

TABLES = {
    "articles", "entities", "mentions", "quotes", "events", "event_groups", "sources", "story_clusters",
    "minhashes", "failures", "schema_version",
}  # fmt: skip


@pytest.mark.parametrize(
    ("url", "path"),
    [("news.db", "news.db"), ("sqlite:///news.db", "news.db"), ("sqlite:////tmp/news.db", "/tmp/news.db"),
     (":memory:", ":memory:")],
)  # fmt: skip
def test_sqlite_path(url: str, path: str) -> None:
    assert sqlite_path(url) == path


def test_sqlite_file_is_browsable_and_in_wal_mode(tmp_path: Path, wire_a: Article) -> None:
    path = tmp_path / "sub" / "news.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.add(wire_a)
    conn = sqlite3.connect(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables >= TABLES
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT headline, published FROM articles").fetchone() == (
            wire_a.headline,
            "2016-04-27",
        )
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 3
        assert conn.execute("SELECT name FROM sources").fetchall() == [("Site A",)]
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [
            (m.version,) for m in MIGRATIONS
        ]
    finally:
        conn.close()


def test_memory_store(wire_a: Article) -> None:
    with Store.open(":memory:") as store:
        assert store.add(wire_a) and store.count() == 1


def test_readonly_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store.open(str(tmp_path / "missing.db"), readonly=True)


def test_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\n" * 100)
    with pytest.raises(StoreError, match="notes.txt"):
        Store.open(str(path))


def test_newer_schema_is_refused(store_url: str) -> None:
    Store.open(store_url).close()
    with Store.open(store_url) as store:
        store.db.insert("schema_version", {"version": LATEST + 1, "name": "future", "applied_at": "now"})
    with pytest.raises(StoreError, match="newer"):
        Store.open(store_url)


def test_pending_migrations() -> None:
    assert pending(0) == list(MIGRATIONS)
    assert pending(LATEST) == []
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))


def test_postgres_connection_error_names_the_server() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="127.0.0.1:1") as info:
        Store.open("postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2")
    assert "secret" not in str(info.value)

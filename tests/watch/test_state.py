"""The watch's state in the store: sources with validators, URLs found once, pages through their states."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.schema import LATEST
from dateline.store.watching import WatchLink, WatchSource

FEED = "https://a.example/rss.xml"
INDEX = "https://b.example/sitemap-index.xml"


def links(*paths: str) -> list[WatchLink]:
    return [WatchLink(f"https://a.example{path}", title=path) for path in paths]


@pytest.fixture
def store(store_url: str):
    with Store.open(store_url) as opened:
        yield opened


def test_a_listing_saves_validators_and_new_links_once(store: Store) -> None:
    state = store.watch_state()
    assert state.source(FEED) is None
    source = WatchSource(FEED, outlet="Alpha", etag='"v1"', status="200")
    assert state.save_listing(source, links("/1", "/2")) == 2
    assert state.save_listing(source, links("/2", "/3")) == 1
    assert state.source(FEED) == source
    assert [(p.url, p.state, p.outlet) for p in state.pages()] == [
        ("https://a.example/1", "pending", "Alpha"),
        ("https://a.example/2", "pending", "Alpha"),
        ("https://a.example/3", "pending", "Alpha"),
    ]


def test_a_url_belongs_to_the_first_source_that_listed_it(store: Store) -> None:
    state = store.watch_state()
    state.save_listing(WatchSource(FEED), links("/1"))
    assert state.save_listing(WatchSource(INDEX), links("/1")) == 0
    assert [p.source_url for p in state.pages()] == [FEED]


def test_sitemap_index_children(store: Store) -> None:
    state = store.watch_state()
    state.save_listing(WatchSource(INDEX, outlet="B", kind="sitemapindex"), [], ["https://b.example/n1.xml"])
    (child,) = state.children(INDEX)
    assert (child.url, child.parent, child.outlet, child.etag) == (
        "https://b.example/n1.xml",
        INDEX,
        "B",
        None,
    )


def test_pages_move_through_their_states(store: Store) -> None:
    state = store.watch_state()
    state.save_listing(WatchSource(FEED), links("/1", "/2", "/3", "/4"))
    now, later = "2026-11-02T10:00:00.000000+00:00", "2026-11-02T11:00:00.000000+00:00"
    assert [p.url[-2:] for p in state.due(now)] == ["/1", "/2", "/3", "/4"]
    state.save_fetched("https://a.example/1", final_url="https://a.example/1", http_status=200,
                       content_type="text/html", body=b"<p>one</p>")  # fmt: skip
    state.fail("https://a.example/2", "answered HTTP 503", retry_at=later, http_status=503)
    state.fail("https://a.example/3", "robots.txt forbids fetching it")
    (fetched,) = state.fetched(limit=10)
    assert (fetched.url, fetched.body, fetched.attempts) == ("https://a.example/1", b"<p>one</p>", 1)
    assert [p.url[-2:] for p in state.due(now)] == ["/4"]
    assert [p.url[-2:] for p in state.due(later)] == ["/2", "/4"]
    assert state.finish("https://a.example/1", "article-1") == "stored"
    state.save_fetched("https://a.example/4", final_url="https://a.example/4", http_status=200,
                       content_type="text/html", body=b"<p>one</p>")  # fmt: skip
    assert state.finish("https://a.example/4", "article-1") == "duplicate"
    assert state.finish("https://a.example/1", "article-1") == "stored"  # finishing again changes nothing
    pages = {p.url[-2:]: p for p in state.pages()}
    assert {k: (p.state, p.attempts, p.body) for k, p in pages.items()} == {
        "/1": ("stored", 1, None), "/2": ("retry", 1, None), "/3": ("failed", 1, None), "/4": ("duplicate", 1, None)
    }  # fmt: skip
    assert {(f.path, f.reason) for f in store.failures()} == {
        ("https://a.example/2", "answered HTTP 503"),
        ("https://a.example/3", "robots.txt forbids fetching it"),
    }
    (status,) = state.sources()
    assert (status.articles, status.waiting, status.failed) == (1, 1, 1)


def test_an_older_store_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(str(path)).close()
    conn = sqlite3.connect(path)  # make it a store of schema version 2, as before the watch
    conn.executescript(
        "DROP TABLE watch_pages; DROP TABLE watch_sources; DELETE FROM schema_version WHERE version >= 3;"
    )
    conn.close()
    with pytest.raises(StoreError, match="open it once for writing"):
        Store.open(str(path), readonly=True)
    with Store.open(str(path)) as store:
        assert store.schema_version() == LATEST >= 3
        assert store.watch_state().sources() == []


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    path = str(tmp_path / "news.db")
    Store.open(path).close()
    with Store.open(path, readonly=True) as store, pytest.raises(StoreError, match="read-only"):
        store.watch_state().save_source(WatchSource(FEED))

"""What `dateline watch` remembers between runs, kept in the store (tables of schema migration 3).

    state = store.watch_state()
    state.source(url)                         # a feed's validators (ETag, Last-Modified) and last fetch
    state.save_listing(source, links, [])     # new validators and the links found, in one transaction
    state.due(now)                            # article URLs still to fetch, in the order they were found
    state.save_fetched(url, ...)              # the fetched page, kept until it is coded
    state.finish(url, article_id)             # the page gave this article: done

A page goes pending -> fetched -> stored (or duplicate: another watched URL gave the same article), or
-> failed, or -> retry (a passing failure: a 5xx or a timeout) until its `retry_at`. Each step is
committed before the next begins and the fetched page is kept until its article is stored, so a watch
killed at any moment and started again fetches no page twice (only the one in flight, whose answer
never arrived) and loses none. Validators are saved in the transaction that records the links of the
listing they describe: a listing answered 304 has nothing unrecorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.store.rows import now

if TYPE_CHECKING:
    from dateline.store import Store

PENDING, FETCHED, RETRY, STORED, DUPLICATE, FAILED = (
    "pending", "fetched", "retry", "stored", "duplicate", "failed"
)  # fmt: skip


@dataclass(frozen=True)
class WatchLink:
    """An article URL found in a listing, with what the listing says about it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None


@dataclass(frozen=True)
class WatchSource:
    """A watched feed or sitemap (or a sitemap listed in a sitemap index: `parent`).

    kind: feed, sitemap or sitemapindex (None until first read).
    etag, last_modified: the validators of the last answer, sent back as If-None-Match / If-Modified-Since.
    checked_at, success_at: when it was last fetched, and last fetched without error (UTC, ISO 8601).
    status: the last answer ("200", "304") or "error"; error: why the last fetch failed.
    """

    url: str
    outlet: str | None = None
    parent: str | None = None
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None
    success_at: str | None = None
    status: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class SourceStatus:
    """A watched source and what came of its links: articles stored, URLs waiting, URLs failed."""

    source: WatchSource
    articles: int
    waiting: int
    failed: int


@dataclass(frozen=True)
class WatchPage:
    """An article URL and where it stands; `body` is the fetched page while it waits to be coded."""

    url: str
    source_url: str
    state: str
    attempts: int
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    final_url: str | None = None
    content_type: str | None = None
    body: bytes | None = None
    article_id: str | None = None
    reason: str | None = None


_SOURCE_COLUMNS = "url, outlet, parent, kind, etag, last_modified, checked_at, success_at, status, error"
_PAGE_COLUMNS = (
    "url, source_url, state, attempts, title, published, outlet, final_url, content_type, {body} AS body, "
    "article_id, reason"
)


_SOURCE_FIELDS = [name.strip() for name in _SOURCE_COLUMNS.split(",")]


class WatchState:
    """The watch tables of one open store (see the module docstring). Get it with `store.watch_state()`."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store.db

    # sources
    def source(self, url: str) -> WatchSource | None:
        """The saved state of the source at `url`, or None when it was never fetched."""
        row = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM watch_sources WHERE url = ?", (url,)
        ).fetchone()
        return WatchSource(**row) if row else None

    def children(self, url: str) -> list[WatchSource]:
        """The sitemaps a sitemap index at `url` listed, in the order they were first found."""
        rows = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM watch_sources WHERE parent = ? ORDER BY added_at, url", (url,)
        ).fetchall()
        return [WatchSource(**row) for row in rows]

    def save_source(self, source: WatchSource) -> None:
        """Save a source's state (validators, last fetch), replacing what was saved."""
        self._db.check_writable()
        with self._db.transaction():
            self._upsert(source)

    def save_listing(
        self, source: WatchSource, links: Iterable[WatchLink], children: Sequence[str] = ()
    ) -> int:
        """Save a source's new state with the links and child sitemaps it lists; returns the new links.

        One transaction: the validators are never kept without the links of the answer they describe.
        A URL already known (from any source) is left as it is. A link's outlet is the source's when it
        has one, else the link's own.
        """
        self._db.check_writable()
        at = now()
        added = 0
        with self._db.transaction():
            self._upsert(source)
            for child in children:
                self._db.execute(
                    "INSERT INTO watch_sources (url, outlet, parent, added_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (url) DO NOTHING",
                    (child, source.outlet, source.url, at),
                )
            for link in links:
                inserted = self._db.execute(
                    "INSERT INTO watch_pages (url, source_url, title, published, outlet, state, attempts, "
                    "discovered_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (url) DO NOTHING RETURNING seq",
                    (
                        link.url,
                        source.url,
                        link.title,
                        link.published,
                        source.outlet or link.outlet,
                        PENDING,
                        at,
                    ),
                ).fetchone()
                added += inserted is not None
        return added

    def _upsert(self, source: WatchSource) -> None:
        self._db.execute(
            f"INSERT INTO watch_sources ({_SOURCE_COLUMNS}, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET outlet = excluded.outlet, parent = excluded.parent, "
            "kind = excluded.kind, etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked_at = excluded.checked_at, success_at = excluded.success_at, status = excluded.status, "
            "error = excluded.error",
            (
                source.url,
                source.outlet,
                source.parent,
                source.kind,
                source.etag,
                source.last_modified,
                source.checked_at,
                source.success_at,
                source.status,
                source.error,
                now(),
            ),
        )

    def sources(self) -> list[SourceStatus]:
        """Every source ever watched (a sitemap index's sitemaps after it), with its pages' counts."""
        rows = self._db.execute(
            f"SELECT {', '.join('s.' + name for name in _SOURCE_FIELDS)}, "
            f"(SELECT COUNT(*) FROM watch_pages p WHERE p.source_url = s.url AND p.state = '{STORED}') AS articles, "
            f"(SELECT COUNT(*) FROM watch_pages p WHERE p.source_url = s.url AND p.state IN "
            f"('{PENDING}', '{FETCHED}', '{RETRY}')) AS waiting, "
            f"(SELECT COUNT(*) FROM watch_pages p WHERE p.source_url = s.url AND p.state = '{FAILED}') AS failed "
            "FROM watch_sources s ORDER BY COALESCE(s.parent, s.url), s.parent IS NOT NULL, s.added_at, s.url"
        ).fetchall()
        return [
            SourceStatus(
                WatchSource(**{name: row[name] for name in _SOURCE_FIELDS}),
                int(row["articles"]),
                int(row["waiting"]),
                int(row["failed"]),
            )
            for row in rows
        ]

    # pages
    def pages(self, *, source_url: str | None = None) -> list[WatchPage]:
        """Every known article URL (without bodies), in the order found; of one source when given."""
        where, params = ("WHERE source_url = ?", [source_url]) if source_url else ("", [])
        sql = f"SELECT {_PAGE_COLUMNS.format(body='NULL')} FROM watch_pages {where} ORDER BY seq"
        return [self._page(row) for row in self._db.execute(sql, params).fetchall()]

    def due(self, at: str, *, limit: int | None = None) -> list[WatchPage]:
        """The URLs to fetch now: pending ones, and those to retry whose time has come (`at`, ISO UTC)."""
        sql = (
            f"SELECT {_PAGE_COLUMNS.format(body='NULL')} FROM watch_pages WHERE state = ? "
            "OR (state = ? AND retry_at <= ?) ORDER BY seq"
        )
        params: list[Any] = [PENDING, RETRY, at]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [self._page(row) for row in self._db.execute(sql, params).fetchall()]

    def fetched(self, *, limit: int) -> list[WatchPage]:
        """Fetched pages waiting to be coded, with their bodies, oldest first."""
        rows = self._db.execute(
            f"SELECT {_PAGE_COLUMNS.format(body='body')} FROM watch_pages WHERE state = ? ORDER BY seq LIMIT ?",
            (FETCHED, int(limit)),
        ).fetchall()
        return [self._page(row) for row in rows]

    def save_fetched(
        self, url: str, *, final_url: str, http_status: int, content_type: str | None, body: bytes
    ) -> None:
        """Keep a fetched page until it is coded (committed at once)."""
        self._db.check_writable()
        with self._db.transaction():
            self._db.execute(
                "UPDATE watch_pages SET state = ?, attempts = attempts + 1, retry_at = NULL, http_status = ?, "
                "final_url = ?, content_type = ?, body = ?, fetched_at = ?, reason = NULL WHERE url = ?",
                (FETCHED, http_status, final_url, content_type, body, now(), url),
            )

    def fail(
        self,
        url: str,
        reason: str,
        *,
        retry_at: str | None = None,
        attempted: bool = True,
        http_status: int | None = None,
    ) -> None:
        """Record why a URL gave no article, in the page and in the store's failures (one transaction).

        retry_at: try it again from then on (a passing failure); None: never again.
        attempted: a fetch was tried (counted in `attempts`); False when the fetched page could not be read.
        """
        self._db.check_writable()
        with self._db.transaction():
            self._db.execute(
                "UPDATE watch_pages SET state = ?, attempts = attempts + ?, retry_at = ?, reason = ?, "
                "http_status = COALESCE(?, http_status), body = NULL, done_at = ? WHERE url = ?",
                (RETRY if retry_at else FAILED, int(attempted), retry_at, reason, http_status, now(), url),
            )
            self._store.add_failure(url, reason)

    def finish(self, url: str, article_id: str) -> str:
        """Mark a page done with the article it gave; returns its state (stored, or duplicate when
        another watched URL already gave that article)."""
        self._db.check_writable()
        with self._db.transaction():
            claimed = self._db.one(
                "SELECT 1 AS found FROM watch_pages WHERE article_id = ? AND state = ? AND url <> ?",
                (article_id, STORED, url),
            )
            state = DUPLICATE if claimed else STORED
            self._db.execute(
                "UPDATE watch_pages SET state = ?, article_id = ?, body = NULL, reason = NULL, retry_at = NULL, "
                "done_at = ? WHERE url = ?",
                (state, article_id, now(), url),
            )
        return state

    @staticmethod
    def _page(row: dict[str, Any]) -> WatchPage:
        body = row["body"]
        return WatchPage(
            **{**row, "attempts": int(row["attempts"]), "body": bytes(body) if body is not None else None}
        )


__all__ = ["SourceStatus", "WatchLink", "WatchPage", "WatchSource", "WatchState"]

"""The store: coded articles kept in SQLite (the embedded default) or PostgreSQL, behind one interface.

    from dateline.store import EventFilter, Store

    with Store.open("news.db") as store:            # or "sqlite:///news.db", "postgresql://user@host/db"
        store.add(article)                          # False when the article is already there
        store.add_many(articles)                    # one transaction: all of them or none
        for row in store.events(EventFilter(country="RUS", since="2016-04-01")):
            ...
        store.dyad("RUS", "TUR")                    # daily counts by QuadClass and the Goldstein sum

The schema (`schema.py`) is plain tables a person can browse with `sqlite3` or Datasette: articles,
sources, entities, mentions, quotes, events, event_groups, story_clusters, minhashes, failures and
schema_version. Every article is also kept whole as JSON, so `store.article(id)` gives back exactly
the record that went in.

Near-duplicates: each added article is linked to a story cluster (`dateline.dedup`); events of the
articles of one cluster that agree on (CAMEO code, source actor, target actor, date) are one event
(`EventRow.event_id`), reported once with GDELT-style counts (`num_mentions`, `num_sources`,
`num_articles`). The near-duplicate index is rebuilt from the stored signatures when a store first
adds; two processes writing at once (PostgreSQL) do not see each other's new articles as duplicates.
A store object is not shared between threads: open one per thread. All SQL lives in this package.

Modules: `backend.py` (the database connection: SQLite in `sqlite.py`, PostgreSQL in `postgres.py`),
`schema.py` (migrations), `rows.py` (records as rows and back), `writing.py` (adding an article),
`filters.py` (`EventFilter`), `search.py` (full-text search and the web app's lookups), `watching.py`
(the state of `dateline watch`), `ingest.py` (inputs read, coded and stored: the one way in for
`dateline ingest`, `dateline watch` and `POST /api/articles`). Series over the events (dyads, actor
profiles) are in `dateline.analysis`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING, Any

from dateline.analysis.dyads import FREQUENCIES, DayCount, DyadPoint, check_frequency, dyad_series
from dateline.dedup import DedupIndex
from dateline.errors import StoreError
from dateline.records import Article
from dateline.store import search as lookups
from dateline.store.backend import Backend, wrap_errors
from dateline.store.filters import ALL_EVENTS, DateLike, EventFilter, as_day
from dateline.store.rows import EVENT_SELECT, EventRow, Failure, event_row, failure, now
from dateline.store.schema import migrate, schema_version
from dateline.store.writing import insert_article

if TYPE_CHECKING:
    from dateline.store.watching import WatchState

_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}

# the distinct events between two actors that a time series counts: asserted ones (not negated,
# hypothetical, possible or intended), in either direction
_DYAD = (
    "e.first_mention = 1 AND e.modality = 'asserted' AND ((e.source_actor LIKE ? AND e.target_actor LIKE ?) "
    "OR (e.source_actor LIKE ? AND e.target_actor LIKE ?))"
)


def _dyad_params(a: str, b: str) -> tuple[str, str, str, str]:
    pa, pb = a.upper() + "%", b.upper() + "%"
    return (pa, pb, pb, pa)


class Store:
    """Where coded articles live. Open one with `Store.open(url)`; use it as a context manager.

    db (Backend): the database connection; `Store(db)` wraps one opened and migrated elsewhere.
    """

    def __init__(self, db: Backend) -> None:
        self.db = db
        self.url = db.url
        self.readonly = db.readonly
        self._dedup: DedupIndex | None = None
        self._closed = False

    @staticmethod
    def open(url: str, *, readonly: bool = False) -> Store:
        """Open (creating and migrating when needed) the store at `url`.

        url: a file path ("news.db"), "sqlite:///path", ":memory:", or "postgresql://..." (psycopg 3).
        readonly: open for reading only; the store must exist and be up to date.
        Raises StoreError naming the url when it cannot be opened or migrated.
        """
        db = _connect(url, readonly=readonly)
        try:
            with wrap_errors(db.url, f"migrate the {_NAMES[db.dialect]} store"):
                migrate(db)
        except BaseException:
            db.close()
            raise
        return Store(db)

    # writing
    def add(self, article: Article) -> bool:
        """Add one article in its own transaction; False when its id is already there."""
        return self.add_many([article]) == 1

    def add_many(self, articles: Iterable[Article]) -> int:
        """Add articles in one transaction (all or none); returns how many were new."""
        self.db.check_writable()
        index = self.dedup()
        added: list[str] = []
        try:
            with self.db.transaction():
                for article in articles:
                    if insert_article(self.db, article, index):
                        added.append(article.id)
        except self.db.errors as e:
            _forget(index, added)
            raise StoreError(f"{self.url}: cannot add articles (nothing of this batch was kept): {e}") from e
        except BaseException:
            _forget(index, added)
            raise
        return len(added)

    def add_failure(self, path: str, reason: str) -> None:
        """Record an input that could not be ingested (committed at once)."""
        self.db.check_writable()
        at = now()
        with self.db.transaction():
            self.db.insert(
                "failures",
                {"path": path, "reason": reason, "first_at": at, "last_at": at, "count": 1},
                conflict="(path, reason) DO UPDATE SET last_at = excluded.last_at, count = failures.count + 1",
            )

    def dedup(self) -> DedupIndex:
        """The near-duplicate index, rebuilt from the stored signatures on first use."""
        if self._dedup is None:
            index = DedupIndex()
            rows = self.db.stream("SELECT article_id, cluster_id, signature, shingles FROM minhashes")
            index.load(tuple(row.values()) for row in rows)
            self._dedup = index
        return self._dedup

    # reading
    def has(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return self.db.one("SELECT 1 AS found FROM articles WHERE id = ?", (article_id,)) is not None

    def article(self, article_id: str) -> Article:
        """The article record as it was added. Raises KeyError when absent."""
        record = self.db.one("SELECT record FROM articles WHERE id = ?", (article_id,))
        if record is None:
            raise KeyError(article_id)
        return Article.from_dict(self.db.json_value(record))

    def articles(
        self,
        where: EventFilter = ALL_EVENTS,
        *,
        source: str | None = None,
        cluster: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Iterator[Article]:
        """Articles newest first (by publication date, then by when added); `limit=None` for all.

        where: with an actor or a country, the articles with a matching event (in its day range), in
            the order of `mentions`; else the articles published (or, undated, added) in its day range.
        source: the outlet's name; cluster: a story cluster's id.
        """
        if where.by_actor:
            seen: dict[str, None] = {}
            for row in self.mentions(where):
                if (source is None or row.source == source) and (
                    cluster is None or row.cluster_id == cluster
                ):
                    seen.setdefault(row.article_id, None)
            end = None if limit is None else offset + limit
            yield from (self.article(article_id) for article_id in islice(seen, offset, end))
            return
        conditions, params = [], []
        for sql, value in (
            ("a.day >= ?", as_day(where.since)),
            ("a.day <= ?", as_day(where.until)),
            ("s.name = ?", source),
            ("a.cluster_id = ?", cluster),
        ):
            if value is not None:
                conditions.append(sql)
                params.append(value)
        sql = "SELECT a.record FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
        sql += (
            " WHERE " + " AND ".join(conditions) if conditions else ""
        ) + " ORDER BY a.day DESC, a.seq DESC"
        sql += self.db.page(limit, offset, params)
        for found in self.db.stream(sql, params):
            yield Article.from_dict(self.db.json_value(found["record"]))

    def count(self) -> int:
        """How many articles are stored."""
        return int(self.db.one("SELECT COUNT(*) AS n FROM articles"))

    def events(self, where: EventFilter = ALL_EVENTS, *, limit: int | None = None) -> Iterator[EventRow]:
        """Distinct events (duplicates folded into their counts) matching `where`, newest day first."""
        return self._events(where, limit, first_only=True)

    def mentions(self, where: EventFilter = ALL_EVENTS, *, limit: int | None = None) -> Iterator[EventRow]:
        """Every coded event of every article (each a mention of `EventRow.event_id`) matching `where`."""
        return self._events(where, limit, first_only=False)

    def _events(self, where: EventFilter, limit: int | None, *, first_only: bool) -> Iterator[EventRow]:
        conditions, params = where.sql("e")
        if first_only:
            conditions.append("e.first_mention = 1")
        sql = EVENT_SELECT + (" WHERE " + " AND ".join(conditions) if conditions else "")
        sql += " ORDER BY e.day DESC NULLS LAST, e.seq DESC" + self.db.page(limit, 0, params)
        for row in self.db.stream(sql, params):
            yield event_row(self.db, row)

    def dyad(self, a: str, b: str, *, freq: str = "day") -> list[DyadPoint]:
        """Events between actors/countries `a` and `b` (either direction, code prefixes) per period.

        Only asserted events count (not negated, hypothetical, possible or intended ones), and only
        dated ones: `dyad_undated` says how many were left out for want of a date.
        freq: day, week (periods start on Monday), month or year. Periods without events are left out.
        See `dateline.analysis.dyads`.
        """
        check_frequency(freq)
        return dyad_series(self.dyad_counts(a, b), freq=freq)

    def dyad_counts(self, a: str, b: str) -> list[DayCount]:
        """The asserted, dated events between `a` and `b` counted by day and QuadClass."""
        rows = self.db.rows(
            "SELECT e.day AS day, e.quad_class AS quad_class, COUNT(*) AS events, SUM(e.goldstein) AS goldstein "
            "FROM events e WHERE " + _DYAD + " AND e.day IS NOT NULL GROUP BY e.day, e.quad_class",
            _dyad_params(a, b),
        )
        return [DayCount(**row) for row in rows]

    def dyad_undated(self, a: str, b: str) -> int:
        """How many asserted events between `a` and `b` have no date (and so are in no period of `dyad`)."""
        sql = "SELECT COUNT(*) AS n FROM events e WHERE " + _DYAD + " AND e.day IS NULL"
        return int(self.db.one(sql, _dyad_params(a, b)))

    def clusters(self, *, min_size: int = 2) -> dict[str, list[str]]:
        """Story clusters with at least `min_size` articles: cluster id -> article ids (oldest first)."""
        rows = self.db.rows(
            "SELECT cluster_id, id FROM articles WHERE cluster_id IN "
            "(SELECT cluster_id FROM articles GROUP BY cluster_id HAVING COUNT(*) >= ?) "
            "ORDER BY cluster_id, seq",
            (min_size,),
        )
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(row["cluster_id"], []).append(row["id"])
        return found

    # full-text search and the web app's lookups (search.py)
    def search(self, query: str | None = None, **filters: Any) -> lookups.SearchPage:
        """Articles newest first matching the words of `query` and the filters; see `search.search`."""
        return lookups.search(self.db, query, **filters)

    def copies(self, article_id: str) -> list[lookups.ArticleSummary]:
        """The other articles of the story cluster of `article_id`, oldest first."""
        return lookups.copies(self.db, article_id)

    def quotes_by(
        self, *, actor: str | None = None, person: str | None = None, limit: int = 50
    ) -> list[lookups.QuoteRow]:
        """Quotes whose speaker has this actor code (or prefix) or is the person named."""
        return lookups.quotes_by(self.db, actor=actor, person=person, limit=limit)

    def dyad_events(self, a: str, b: str, **options: Any) -> list[EventRow]:
        """The distinct events between `a` and `b`, newest first; see `search.dyad_events`."""
        return lookups.dyad_events(self.db, a, b, **options)

    def person_events(self, person: str, *, role: str, limit: int | None = 200) -> list[EventRow]:
        """The distinct events whose source or target (`role`) is the person named."""
        return lookups.person_events(self.db, person, role=role, limit=limit)

    def facets(self) -> lookups.Facets:
        """The countries, actors and CAMEO roots of the stored events, most frequent first."""
        return lookups.facets(self.db)

    def failures(self) -> list[Failure]:
        """Recorded failures, most recent first."""
        rows = self.db.rows(
            "SELECT path, reason, last_at, count FROM failures ORDER BY last_at DESC, id DESC"
        )
        return [failure(row) for row in rows]

    def watch_state(self) -> WatchState:
        """The watched sources and the article URLs found in them; see `watching.WatchState`."""
        from dateline.store.watching import WatchState

        return WatchState(self)

    def schema_version(self) -> int:
        """The schema version of the open store."""
        return schema_version(self.db)

    def close(self) -> None:
        """Close the connection. The store cannot be used afterwards."""
        if not self._closed:
            self._closed = True
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _connect(url: str, *, readonly: bool) -> Backend:
    """The backend of the store at `url`: a file path, "sqlite:///path", ":memory:" or "postgresql://..."."""
    if url.startswith(("postgresql://", "postgres://")):
        from dateline.store.postgres import PostgresBackend

        return PostgresBackend.connect(url, readonly=readonly)
    if "://" in url and not url.startswith("sqlite://"):
        raise StoreError(f"{url}: unknown store; give a file path, sqlite:///path or postgresql://...")
    from dateline.store.sqlite import SQLiteBackend

    return SQLiteBackend.connect(url, readonly=readonly)


def _forget(index: DedupIndex, article_ids: list[str]) -> None:
    """Take the articles of a failed transaction out of the near-duplicate index."""
    for article_id in article_ids:
        index.remove(article_id)


__all__ = [
    "FREQUENCIES",
    "DateLike",
    "DyadPoint",
    "EventFilter",
    "EventRow",
    "Failure",
    "Store",
    "as_day",
]

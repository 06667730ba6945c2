"""The store: coded articles kept in SQLite (the embedded default) or PostgreSQL, behind one interface.

    from dateline.store import Store

    with Store.open("news.db") as store:            # or "sqlite:///news.db", "postgresql://user@host/db"
        store.add(article)                          # False when the article is already there
        store.add_many(articles)                    # one transaction: all of them or none
        for row in store.events(country="RUS", since="2016-04-01"):
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
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from dateline.errors import StoreError
from dateline.records import Article, Event

if TYPE_CHECKING:
    from dateline.store.search import ArticleSummary, Facets, QuoteRow, SearchPage
    from dateline.store.watching import WatchState

DateLike = str | dt.date | None
FREQUENCIES = ("day", "week", "month", "year")


@dataclass(frozen=True)
class EventRow:
    """One event as the store reports it, with the article that first reported it.

    event_id (int): the store's number for the event, shared by its mentions in duplicate articles
        (GDELT's GLOBALEVENTID).
    event (Event): the event as coded in `article_id`.
    day (str | None): the event's date, or when unknown the article's publication date; None when the
        story has no date and its sentence says none (never the day the article was added).
    is_root (bool): the event is in the article's first paragraph (GDELT's IsRootEvent).
    num_mentions, num_sources, num_articles (int): how often the event is reported: every coded
        mention, the distinct outlets and the distinct articles of its story cluster.
    """

    event_id: int
    event: Event
    day: str | None
    is_root: bool
    article_id: str
    cluster_id: str
    url: str | None
    path: str | None
    source: str | None
    headline: str | None
    published: str | None
    added: str
    text_length: int
    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1


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
class Failure:
    """An input that could not be ingested: its path, why, when last seen and how many times."""

    path: str
    reason: str
    at: str
    count: int = 1


class Store(ABC):
    """Where coded articles live. Open one with `Store.open(url)`; use it as a context manager."""

    url: str
    readonly: bool

    @staticmethod
    def open(url: str, *, readonly: bool = False) -> Store:
        """Open (creating and migrating when needed) the store at `url`.

        url: a file path ("news.db"), "sqlite:///path", ":memory:", or "postgresql://..." (psycopg 3).
        readonly: open for reading only; the store must exist and be up to date.
        Raises StoreError naming the url when it cannot be opened or migrated.
        """
        if url.startswith(("postgresql://", "postgres://")):
            from dateline.store.postgres import PostgresStore

            return PostgresStore.connect(url, readonly=readonly)
        if "://" in url and not url.startswith("sqlite://"):
            raise StoreError(f"{url}: unknown store; give a file path, sqlite:///path or postgresql://...")
        from dateline.store.sqlite import SQLiteStore

        return SQLiteStore.connect(url, readonly=readonly)

    # writing
    @abstractmethod
    def add(self, article: Article) -> bool:
        """Add one article in its own transaction; False when its id is already there."""

    @abstractmethod
    def add_many(self, articles: Iterable[Article]) -> int:
        """Add articles in one transaction (all or none); returns how many were new."""

    @abstractmethod
    def add_failure(self, path: str, reason: str) -> None:
        """Record an input that could not be ingested (committed at once)."""

    # reading
    @abstractmethod
    def has(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""

    @abstractmethod
    def article(self, article_id: str) -> Article:
        """The article record as it was added. Raises KeyError when absent."""

    @abstractmethod
    def articles(
        self,
        *,
        since: DateLike = None,
        until: DateLike = None,
        source: str | None = None,
        cluster: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Iterator[Article]:
        """Articles newest first (by publication date, then by when added); `limit=None` for all."""

    @abstractmethod
    def count(self) -> int:
        """How many articles are stored."""

    @abstractmethod
    def events(
        self,
        *,
        since: DateLike = None,
        until: DateLike = None,
        actor: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> Iterator[EventRow]:
        """Distinct events (duplicates folded into their counts), newest day first.

        since, until: inclusive bounds on `EventRow.day`.
        actor: an actor code or its prefix, matched on the source or the target ("RUS" matches RUSGOV).
        country: an ISO alpha-3 code, matched on either actor's country or the event's location.
        """

    @abstractmethod
    def mentions(
        self,
        *,
        since: DateLike = None,
        until: DateLike = None,
        actor: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> Iterator[EventRow]:
        """Every coded event of every article (each a mention of `EventRow.event_id`), same filters."""

    @abstractmethod
    def dyad(self, a: str, b: str, *, freq: str = "day") -> list[DyadPoint]:
        """Events between actors/countries `a` and `b` (either direction, code prefixes) per period.

        Only asserted events count (not negated, hypothetical, possible or intended ones), and only
        dated ones: `dyad_undated` says how many were left out for want of a date.
        freq: day, week (periods start on Monday), month or year. Periods without events are left out.
        """

    @abstractmethod
    def dyad_undated(self, a: str, b: str) -> int:
        """How many asserted events between `a` and `b` have no date (and so are in no period of `dyad`)."""

    @abstractmethod
    def clusters(self, *, min_size: int = 2) -> dict[str, list[str]]:
        """Story clusters with at least `min_size` articles: cluster id -> article ids (oldest first)."""

    # full-text search and the web app's lookups (implemented in search.py)
    @abstractmethod
    def search(self, query: str | None = None, **filters: Any) -> SearchPage:
        """Articles newest first matching the words of `query` and the filters; see `search.search`."""

    @abstractmethod
    def copies(self, article_id: str) -> list[ArticleSummary]:
        """The other articles of the story cluster of `article_id`, oldest first."""

    @abstractmethod
    def quotes_by(
        self, *, actor: str | None = None, person: str | None = None, limit: int = 50
    ) -> list[QuoteRow]:
        """Quotes whose speaker has this actor code (or prefix) or is the person named."""

    @abstractmethod
    def dyad_events(self, a: str, b: str, **options: Any) -> list[EventRow]:
        """The distinct events between `a` and `b`, newest first; see `search.dyad_events`."""

    @abstractmethod
    def person_events(self, person: str, *, role: str, limit: int | None = 200) -> list[EventRow]:
        """The distinct events whose source or target (`role`) is the person named."""

    @abstractmethod
    def facets(self) -> Facets:
        """The countries, actors and CAMEO roots of the stored events, most frequent first."""

    @abstractmethod
    def failures(self) -> list[Failure]:
        """Recorded failures, most recent first."""

    # the state of `dateline watch` (implemented in watching.py)
    @abstractmethod
    def watch_state(self) -> WatchState:
        """The watched sources and the article URLs found in them; see `watching.WatchState`."""

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version of the open store."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection. The store cannot be used afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def as_day(value: Any) -> str | None:
    """A date bound as "YYYY-MM-DD" (accepts str, date, datetime, None)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError as e:
        raise StoreError(f"{value!r}: not a date; give YYYY-MM-DD") from e


__all__ = ["DyadPoint", "EventRow", "Failure", "Store", "FREQUENCIES", "as_day"]

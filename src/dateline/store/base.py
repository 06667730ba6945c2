"""The SQL both backends share: written once with `?` placeholders; a backend supplies the connection.

A backend implements `_run` (execute, return a cursor), `_stream` (iterate a large result without
holding it in memory), `_transaction` (a context manager: commit on success, roll back on error),
`_lock` (serialise migrations) and the JSON conversions.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dateline.dedup import DedupIndex, fingerprint
from dateline.errors import StoreError
from dateline.records import Article, Event
from dateline.store import FREQUENCIES, DateLike, DyadPoint, EventRow, Failure, Store, as_day
from dateline.store import search as lookups
from dateline.store.schema import LATEST, VERSION_TABLE, pending

if TYPE_CHECKING:
    from dateline.store.watching import WatchState

EPOCH_ENV = "SOURCE_DATE_EPOCH"
_EVENT_COLUMNS = """e.group_id, e.record, e.day, e.is_root, a.id, a.cluster_id, a.url, a.path, s.name,
    a.headline, a.published, a.added_at, length(a.text)"""
_COUNTS = """,
    (SELECT SUM(x.mention_count) FROM events x WHERE x.group_id = e.group_id),
    (SELECT COUNT(DISTINCT COALESCE(CAST(y.source_id AS TEXT), y.id))
       FROM events x JOIN articles y ON y.id = x.article_id WHERE x.group_id = e.group_id),
    (SELECT COUNT(DISTINCT x.article_id) FROM events x WHERE x.group_id = e.group_id)"""
_EVENT_FROM = """ FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN sources s ON s.id = a.source_id"""


def now() -> str:
    """The current UTC time, ISO 8601 with microseconds; fixed by SOURCE_DATE_EPOCH when it is set.

    SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) makes two runs over the
    same inputs give identical stores and exports, times of adding included.
    """
    epoch = os.environ.get(EPOCH_ENV, "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).isoformat(timespec="microseconds")
        except (ValueError, OverflowError, OSError) as e:
            raise StoreError(f"{EPOCH_ENV}={epoch!r}: give whole seconds since 1970-01-01 ({e})") from None
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def valid_day(value: str | None) -> str | None:
    """`value` when it is a YYYY-MM-DD date, else None (partial or malformed dates are not days)."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def mention_count(event: Event) -> int:
    """How many times the article mentions the event: its trigger plus any other listed mention."""
    others = {(m.start, m.end) for m in event.mentions} - {(event.trigger.start, event.trigger.end)}
    return 1 + len(others)


def source_name(article: Article) -> str | None:
    """The outlet: the record's source, else the host of its URL."""
    if article.source:
        return article.source
    url = article.origin.get("url")
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


class SQLStore(Store):
    """The shared implementation; see `SQLiteStore` and `PostgresStore`."""

    dialect = "sqlite"
    _errors: tuple[type[Exception], ...] = ()

    def __init__(self, url: str, *, readonly: bool) -> None:
        self.url = url
        self.readonly = readonly
        self._dedup: DedupIndex | None = None
        self._pending: list[str] = []
        self._closed = False

    # backend hooks
    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def _lock(self) -> None: ...

    @abstractmethod
    def _close(self) -> None: ...

    def _json_param(self, value: dict[str, Any]) -> Any:
        return json.dumps(value, ensure_ascii=False)

    def _json_value(self, value: Any) -> dict[str, Any]:
        return json.loads(value) if isinstance(value, str | bytes) else value

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._run(sql, params).fetchone()
        return row[0] if row else None

    # schema
    def _migrate(self) -> None:
        """Apply pending migrations (or, read-only, check that there are none)."""
        if self.readonly:
            version = self.schema_version()
            if version != LATEST:
                raise StoreError(
                    f"{self.url}: schema version {version}, this dateline needs {LATEST}; "
                    "open it once for writing to migrate it"
                )
            return
        with self._transaction():
            self._lock()
            self._run(VERSION_TABLE)
            current = self._one("SELECT MAX(version) FROM schema_version") or 0
            if current > LATEST:
                raise StoreError(
                    f"{self.url}: schema version {current} is newer than this dateline's ({LATEST}); "
                    "upgrade dateline"
                )
            for migration in pending(current):
                for statement in migration.sql(self.dialect):
                    self._run(statement)
                self._run(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, now()),
                )

    def schema_version(self) -> int:
        try:
            return int(self._one("SELECT MAX(version) FROM schema_version") or 0)
        except Exception as e:  # the table is missing: not a dateline store
            raise StoreError(f"{self.url}: not a dateline store ({e})") from e

    # writing
    def add(self, article: Article) -> bool:
        return self.add_many([article]) == 1

    def add_many(self, articles: Iterable[Article]) -> int:
        self._check_writable()
        added = 0
        try:
            with self._transaction():
                for article in articles:
                    added += self._insert(article)
        except self._errors as e:
            self._forget_pending()
            raise StoreError(f"{self.url}: cannot add articles (nothing of this batch was kept): {e}") from e
        except BaseException:
            self._forget_pending()
            raise
        finally:
            self._pending = []
        return added

    def _forget_pending(self) -> None:
        dedup = self._dedup
        for article_id in self._pending:
            if dedup is not None:
                dedup.remove(article_id)

    def add_failure(self, path: str, reason: str) -> None:
        self._check_writable()
        at = now()
        with self._transaction():
            self._run(
                "INSERT INTO failures (path, reason, first_at, last_at, count) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT (path, reason) DO UPDATE SET last_at = excluded.last_at, "
                "count = failures.count + 1",
                (path, reason, at, at),
            )

    def _check_writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.url}: opened read-only; open it without readonly=True to write")

    def dedup(self) -> DedupIndex:
        """The near-duplicate index, rebuilt from the stored signatures on first use."""
        if self._dedup is None:
            index = DedupIndex()
            index.load(self._stream("SELECT article_id, cluster_id, signature, shingles FROM minhashes"))
            self._dedup = index
        return self._dedup

    def _insert(self, article: Article) -> int:
        """Insert one article and everything in it; 0 when it is already stored."""
        if self.has(article.id):
            return 0
        index = self.dedup()
        print_ = fingerprint(article.text, options=index.options)
        cluster_id = index.match(print_) or article.id
        added_at = now()
        published = valid_day(article.published.date)
        day = published or added_at[:10]  # the article's place in the feed only; its events get `published`
        self._run(
            "INSERT INTO story_clusters (id, first_article, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (cluster_id, article.id, added_at),
        )
        inserted = self._run(
            "INSERT INTO articles (id, cluster_id, source_id, url, path, headline, lede, published, "
            "published_basis, dateline, dateline_place, dateline_country, agency, day, added_at, text, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq",
            (
                article.id,
                cluster_id,
                self._source_id(source_name(article)),
                article.origin.get("url"),
                article.origin.get("path"),
                article.headline,
                article.lede,
                article.published.date,
                article.published.basis,
                article.dateline.text if article.dateline else None,
                article.dateline.place if article.dateline else None,
                article.dateline.country if article.dateline else None,
                article.dateline.agency if article.dateline else None,
                day,
                added_at,
                article.text,
                self._json_param(article.to_dict()),
            ),
        ).fetchone()
        if inserted is None:  # another writer got there first
            return 0
        self._run(
            "INSERT INTO minhashes (article_id, cluster_id, signature, shingles) VALUES (?, ?, ?, ?)",
            (article.id, cluster_id, print_.to_bytes() if print_ else b"", print_.size if print_ else 0),
        )
        index.insert(article.id, print_, cluster_id)
        self._pending.append(article.id)
        self._insert_entities(article)
        self._insert_quotes(article)
        for event in article.events:
            self._insert_event(article, event, cluster_id=cluster_id, published=published)
        return 1

    def _source_id(self, name: str | None) -> int | None:
        if not name:
            return None
        found = self._one("SELECT id FROM sources WHERE name = ?", (name,))
        if found is not None:
            return int(found)
        self._run("INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,))
        return int(self._one("SELECT id FROM sources WHERE name = ?", (name,)))

    def _insert_entities(self, article: Article) -> None:
        for ent in article.entities:
            self._run(
                "INSERT INTO entities (article_id, entity_id, name, type, title, country, actor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, entity_id) DO NOTHING",
                (article.id, ent.id, ent.name, ent.type, ent.title, ent.country, ent.actor),
            )
            for m in ent.mentions:
                self._run(
                    "INSERT INTO mentions (article_id, entity_id, start_char, end_char, text) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (article.id, ent.id, m.start, m.end, m.text),
                )

    def _insert_quotes(self, article: Article) -> None:
        for i, quote in enumerate(article.quotes):
            speaker = quote.speaker
            self._run(
                "INSERT INTO quotes (article_id, idx, kind, text, start_char, end_char, cue, "
                "speaker_entity, speaker_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    i,
                    quote.kind,
                    quote.text,
                    quote.start,
                    quote.end,
                    quote.cue,
                    speaker.entity if speaker else None,
                    speaker.name if speaker else None,
                ),
            )

    def _insert_event(
        self, article: Article, event: Event, *, cluster_id: str, published: str | None
    ) -> None:
        source, target, location = event.source, event.target, event.location
        key = (
            cluster_id,
            event.cameo,
            (source.actor if source else None) or "",
            (target.actor if target else None) or "",
            event.date or "",
        )
        group_id = self._one(
            "SELECT id FROM event_groups WHERE cluster_id = ? AND cameo = ? AND source_actor = ? "
            "AND target_actor = ? AND date = ?",
            key,
        )
        first = group_id is None
        if first:
            group_id = self._one(
                "INSERT INTO event_groups (cluster_id, cameo, source_actor, target_actor, date) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                key,
            )
        lede_end = len(article.lede) if article.lede else 0
        self._run(
            "INSERT INTO events (article_id, event_id, group_id, first_mention, cameo, root, plover, "
            "quad_class, goldstein, source_actor, source_entity, source_text, target_actor, target_entity, "
            "target_text, date, date_basis, day, location, location_country, lat, lon, modality, claimed_by, "
            "sentence_index, sentence, trigger_text, trigger_start, confidence, mention_count, is_root, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (article_id, event_id) DO NOTHING",
            (
                article.id,
                event.id,
                group_id,
                int(first),
                event.cameo,
                event.root,
                event.plover,
                event.quad_class,
                event.goldstein,
                source.actor if source else None,
                source.entity if source else None,
                source.text if source else None,
                target.actor if target else None,
                target.entity if target else None,
                target.text if target else None,
                event.date,
                event.date_basis,
                valid_day(event.date) or published,  # never the day it was added: undated stays NULL
                location.name if location else None,
                location.country if location else None,
                location.lat if location else None,
                location.lon if location else None,
                event.modality,
                event.claimed_by.name if event.claimed_by else None,
                event.sentence.index,
                event.sentence.text,
                event.trigger.text,
                event.trigger.start,
                event.confidence,
                mention_count(event),
                int(event.sentence.start < lede_end),
                self._json_param(event.to_dict()),
            ),
        )

    # reading
    def has(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def article(self, article_id: str) -> Article:
        record = self._one("SELECT record FROM articles WHERE id = ?", (article_id,))
        if record is None:
            raise KeyError(article_id)
        return Article.from_dict(self._json_value(record))

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
        where, params = [], []
        for sql, value in (
            ("a.day >= ?", as_day(since)),
            ("a.day <= ?", as_day(until)),
            ("s.name = ?", source),
            ("a.cluster_id = ?", cluster),
        ):
            if value is not None:
                where.append(sql)
                params.append(value)
        sql = "SELECT a.record FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.day DESC, a.seq DESC"
        sql += self._page(limit, offset, params)
        for (record,) in self._stream(sql, params):
            yield Article.from_dict(self._json_value(record))

    def _page(self, limit: int | None, offset: int, params: list[Any]) -> str:
        sql = ""
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        elif offset and self.dialect == "sqlite":
            sql += " LIMIT -1"
        if offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        return sql

    def count(self) -> int:
        return int(self._one("SELECT COUNT(*) FROM articles"))

    def events(
        self,
        *,
        since: DateLike = None,
        until: DateLike = None,
        actor: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> Iterator[EventRow]:
        return self._events(since, until, actor, country, limit, first_only=True)

    def mentions(
        self,
        *,
        since: DateLike = None,
        until: DateLike = None,
        actor: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> Iterator[EventRow]:
        return self._events(since, until, actor, country, limit, first_only=False)

    def _event_filters(
        self, since: DateLike, until: DateLike, actor: str | None, country: str | None
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("e.day >= ?")
            params.append(as_day(since))
        if until is not None:
            where.append("e.day <= ?")
            params.append(as_day(until))
        if actor:
            where.append("(e.source_actor LIKE ? OR e.target_actor LIKE ?)")
            params += [actor.upper() + "%"] * 2
        if country:
            where.append(
                "(substr(e.source_actor, 1, 3) = ? OR substr(e.target_actor, 1, 3) = ? OR e.location_country = ?)"
            )
            params += [country.upper()] * 3
        return where, params

    def _events(
        self,
        since: DateLike,
        until: DateLike,
        actor: str | None,
        country: str | None,
        limit: int | None,
        *,
        first_only: bool,
    ) -> Iterator[EventRow]:
        where, params = self._event_filters(since, until, actor, country)
        if first_only:
            where.append("e.first_mention = 1")
        sql = "SELECT " + _EVENT_COLUMNS + _COUNTS + _EVENT_FROM
        sql += (
            " WHERE " + " AND ".join(where) if where else ""
        ) + " ORDER BY e.day DESC NULLS LAST, e.seq DESC"
        sql += self._page(limit, 0, params)
        for row in self._stream(sql, params):
            yield self._event_row(row)

    def _event_row(self, row: Sequence[Any]) -> EventRow:
        """An EventRow from a row selected with _EVENT_COLUMNS + _COUNTS."""
        return EventRow(
            event_id=int(row[0]),
            event=Event.from_dict(self._json_value(row[1])),
            day=row[2],
            is_root=bool(row[3]),
            article_id=row[4],
            cluster_id=row[5],
            url=row[6],
            path=row[7],
            source=row[8],
            headline=row[9],
            published=row[10],
            added=row[11],
            text_length=int(row[12]),
            num_mentions=int(row[13]),
            num_sources=int(row[14]),
            num_articles=int(row[15]),
        )

    def dyad(self, a: str, b: str, *, freq: str = "day") -> list[DyadPoint]:
        if freq not in FREQUENCIES:
            raise StoreError(f"{freq!r}: not a frequency; give one of {', '.join(FREQUENCIES)}")
        rows = self._run(
            "SELECT e.day, e.quad_class, COUNT(*), SUM(e.goldstein) FROM events e WHERE "
            + _DYAD
            + " AND e.day IS NOT NULL GROUP BY e.day, e.quad_class",
            _dyad_params(a, b),
        ).fetchall()
        points: dict[str, list[float]] = {}
        for day, quad, n, goldstein in rows:
            point = points.setdefault(_period(day, freq), [0, 0, 0, 0, 0, 0.0])
            point[0] += n
            if 1 <= int(quad) <= 4:
                point[int(quad)] += n
            point[5] += float(goldstein or 0.0)
        return [
            DyadPoint(period, int(p[0]), int(p[1]), int(p[2]), int(p[3]), int(p[4]), round(p[5], 6))
            for period, p in sorted(points.items())
        ]

    def dyad_undated(self, a: str, b: str) -> int:
        return int(
            self._one(
                "SELECT COUNT(*) FROM events e WHERE " + _DYAD + " AND e.day IS NULL", _dyad_params(a, b)
            )
        )

    def clusters(self, *, min_size: int = 2) -> dict[str, list[str]]:
        rows = self._run(
            "SELECT cluster_id, id FROM articles WHERE cluster_id IN "
            "(SELECT cluster_id FROM articles GROUP BY cluster_id HAVING COUNT(*) >= ?) "
            "ORDER BY cluster_id, seq",
            (min_size,),
        ).fetchall()
        found: dict[str, list[str]] = {}
        for cluster_id, article_id in rows:
            found.setdefault(cluster_id, []).append(article_id)
        return found

    def search(self, query: str | None = None, **filters: Any) -> lookups.SearchPage:
        return lookups.search(self, query, **filters)

    def copies(self, article_id: str) -> list[lookups.ArticleSummary]:
        return lookups.copies(self, article_id)

    def quotes_by(
        self, *, actor: str | None = None, person: str | None = None, limit: int = 50
    ) -> list[lookups.QuoteRow]:
        return lookups.quotes_by(self, actor=actor, person=person, limit=limit)

    def dyad_events(self, a: str, b: str, **options: Any) -> list[EventRow]:
        return lookups.dyad_events(self, a, b, **options)

    def person_events(self, person: str, *, role: str, limit: int | None = 200) -> list[EventRow]:
        return lookups.person_events(self, person, role=role, limit=limit)

    def facets(self) -> lookups.Facets:
        return lookups.facets(self)

    def failures(self) -> list[Failure]:
        rows = self._run("SELECT path, reason, last_at, count FROM failures ORDER BY last_at DESC, id DESC")
        return [Failure(path, reason, at, int(count)) for path, reason, at, count in rows.fetchall()]

    def watch_state(self) -> WatchState:
        from dateline.store.watching import WatchState

        return WatchState(self)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._close()


# the distinct events between two actors that a time series counts: asserted ones (not negated,
# hypothetical, possible or intended), in either direction
_DYAD = (
    "e.first_mention = 1 AND e.modality = 'asserted' AND ((e.source_actor LIKE ? AND e.target_actor LIKE ?) "
    "OR (e.source_actor LIKE ? AND e.target_actor LIKE ?))"
)


def _dyad_params(a: str, b: str) -> tuple[str, str, str, str]:
    pa, pb = a.upper() + "%", b.upper() + "%"
    return (pa, pb, pb, pa)


def _period(day: str, freq: str) -> str:
    if freq == "day":
        return day
    if freq == "month":
        return day[:7] + "-01"
    if freq == "year":
        return day[:4] + "-01-01"
    date = dt.date.fromisoformat(day)
    return (date - dt.timedelta(days=date.weekday())).isoformat()


@contextmanager
def wrap_errors(url: str, action: str) -> Iterator[None]:
    """Re-raise a database error as StoreError naming the store and the action."""
    try:
        yield
    except StoreError:
        raise
    except Exception as e:
        raise StoreError(f"{url}: cannot {action}: {e}") from e

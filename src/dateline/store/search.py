"""Full-text search and the lookups the web app needs, on both backends.

    page = store.search("gas pipeline", country="RUS", limit=20)   # SearchPage: total + ArticleSummary rows
    store.copies(article_id)                                      # the other outlets' copies of a story
    store.quotes_by(actor="RUSGOV") / store.quotes_by(person="Sergei Lavrov")
    store.dyad_events("RUS", "TUR", since=..., until=...)         # the events behind a point of store.dyad
    store.person_events("Sergei Lavrov", role="source")
    store.facets()                                                # countries, actors and event roots in use

The index: SQLite keeps an FTS5 table (`articles_fts`, porter stemming) over the articles' headline and
text, filled by triggers; PostgreSQL a GIN index over the same text as a tsvector. A query is words, not
syntax: in SQLite each word must occur (stemmed, case and accents folded); PostgreSQL reads it as
`websearch_to_tsquery` does ("quoted phrases", -excluded words, or). Schema migration 2 creates the index.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from dateline.store.backend import Backend, Row
from dateline.store.filters import as_day
from dateline.store.rows import EVENT_SELECT, EventRow, event_row

_PG_DOCUMENT = "to_tsvector('english', coalesce(a.headline, '') || ' ' || a.text)"


MARK_START, MARK_END = "\x02", "\x03"  # around the matched words of a snippet
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ArticleSummary:
    """One line of a list of articles: enough to show it without loading the record."""

    id: str
    headline: str | None
    dateline: str | None
    source: str | None
    published: str | None
    day: str
    url: str | None
    path: str | None
    events: int
    snippet: str | None = None  # with MARK_START/MARK_END around the matched words, when searching
    added: str | None = None  # when the store first saw it (UTC, ISO 8601)


@dataclass(frozen=True)
class SearchPage:
    """A page of articles matching a search, and how many match in all."""

    total: int
    items: list[ArticleSummary]
    limit: int
    offset: int


@dataclass(frozen=True)
class QuoteRow:
    """A quote with its article and speaker."""

    article_id: str
    headline: str | None
    day: str | None  # the article's publication date; None when it has none
    kind: str
    text: str
    start: int
    end: int
    cue: str | None
    speaker: str | None


@dataclass(frozen=True)
class Facets:
    """What the filters can offer, most frequent first: (code, how many events)."""

    countries: list[tuple[str, int]]
    actors: list[tuple[str, int]]
    roots: list[tuple[str, int]]


def fts5_query(text: str) -> str | None:
    """`text` as an FTS5 query in which every word must occur (None when it holds no word)."""
    words = _WORD.findall(text)
    return " ".join(f'"{word}"' for word in words) if words else None


_SUMMARY = """a.id AS id, a.headline AS headline, a.dateline AS dateline, s.name AS source,
    a.published AS published, a.day AS day, a.url AS url, a.path AS path,
    (SELECT COUNT(*) FROM events x WHERE x.article_id = a.id) AS events, a.added_at AS added"""
_ARTICLES = " FROM articles a LEFT JOIN sources s ON s.id = a.source_id"


def search(
    db: Backend,
    query: str | None = None,
    *,
    country: str | None = None,
    actor: str | None = None,
    event: str | None = None,
    source: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> SearchPage:
    """Articles newest first, matching the words of `query` (when given) and every filter given.

    country: ISO alpha-3; the dateline's country, an actor's country or an event's location.
    actor: an actor code or prefix ("RUS", "RUSGOV") of an event's source or target, or of an entity.
    event: a CAMEO code prefix ("19", "036") or a PLOVER category ("ASSAULT") of one of its events.
    source: the outlet's name.
    """
    where: list[str] = []
    params: list[Any] = []
    joins = ""
    snippet = "NULL"
    snippet_params: list[Any] = []
    words = (query or "").strip()
    if words and db.dialect == "sqlite":
        match = fts5_query(words)
        if match is None:
            return SearchPage(0, [], limit, offset)
        joins = " JOIN articles_fts ON articles_fts.rowid = a.seq"
        where.append("articles_fts MATCH ?")
        params.append(match)
        snippet = f"snippet(articles_fts, 1, char({ord(MARK_START)}), char({ord(MARK_END)}), '…', 24)"
    elif words:
        where.append(f"{_PG_DOCUMENT} @@ websearch_to_tsquery('english', ?)")
        params.append(words)
        snippet = "ts_headline('english', a.text, websearch_to_tsquery('english', ?), ?)"
        options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1"
        snippet_params = [words, options]
    if country:
        code = country.upper()[:3]
        where.append(
            "(a.dateline_country = ? OR EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND "
            "(substr(x.source_actor, 1, 3) = ? OR substr(x.target_actor, 1, 3) = ? OR x.location_country = ?)))"
        )
        params += [code] * 4
    if actor:
        pattern = actor.strip() + "%"
        where.append(
            "(EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND "
            "(x.source_actor LIKE ? OR x.target_actor LIKE ?)) OR "
            "EXISTS (SELECT 1 FROM entities n WHERE n.article_id = a.id AND n.actor LIKE ?))"
        )
        params += [pattern] * 3
    if event:
        code = event.strip()
        if code.isdigit():
            where.append("EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND x.cameo LIKE ?)")
            params.append(code + "%")
        else:
            where.append("EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND x.plover = ?)")
            params.append(code.upper())
    if source:
        where.append("s.name = ?")
        params.append(source)
    condition = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(db.one("SELECT COUNT(*) AS n" + _ARTICLES + joins + condition, params))
    sql = f"SELECT {_SUMMARY}, {snippet} AS snippet{_ARTICLES}{joins}{condition} ORDER BY a.day DESC, a.seq DESC"
    sql += " LIMIT ? OFFSET ?"
    rows = db.rows(sql, [*snippet_params, *params, int(limit), int(offset)])
    return SearchPage(total, [_summary(row) for row in rows], limit, offset)


def _summary(row: Row) -> ArticleSummary:
    return ArticleSummary(**{**row, "events": int(row["events"])})


def copies(db: Backend, article_id: str) -> list[ArticleSummary]:
    """The other articles of the story cluster of `article_id` (near-duplicates), oldest first."""
    sql = (
        f"SELECT {_SUMMARY}{_ARTICLES} WHERE a.cluster_id = (SELECT cluster_id FROM articles WHERE id = ?) "
        "AND a.id <> ? ORDER BY a.seq"
    )
    return [_summary(row) for row in db.rows(sql, (article_id, article_id))]


def quotes_by(
    db: Backend, *, actor: str | None = None, person: str | None = None, limit: int = 50
) -> list[QuoteRow]:
    """Quotes whose speaker has the actor code (or prefix) `actor`, or is the person named `person`."""
    sql = (
        "SELECT q.article_id AS article_id, a.headline AS headline, CASE WHEN a.day = a.published THEN a.day END AS day, "
        "q.kind AS kind, q.text AS text, q.start_char AS quote_start, q.end_char AS quote_end, q.cue AS cue, "
        "COALESCE(n.name, q.speaker_name) AS speaker FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities n ON n.article_id = q.article_id AND n.entity_id = q.speaker_entity WHERE "
    )
    if person:
        sql += "(n.name = ? OR q.speaker_name = ?)"
        params: list[Any] = [person, person]
    elif actor:
        sql += "n.actor LIKE ?"
        params = [actor.strip() + "%"]
    else:
        return []
    sql += " ORDER BY a.day DESC, a.seq DESC, q.idx LIMIT ?"
    rows = db.rows(sql, [*params, int(limit)])
    return [
        QuoteRow(
            article_id=row["article_id"],
            headline=row["headline"],
            day=row["day"],
            kind=row["kind"],
            text=row["text"],
            start=int(row["quote_start"]),
            end=int(row["quote_end"]),
            cue=row["cue"],
            speaker=row["speaker"],
        )
        for row in rows
    ]


def dyad_events(
    db: Backend,
    a: str,
    b: str,
    *,
    since: str | None = None,
    until: str | None = None,
    located: bool = False,
    asserted: bool = False,
    limit: int | None = 500,
) -> list[EventRow]:
    """The distinct events between actors/countries `a` and `b` (either direction, code prefixes).

    since, until: inclusive day bounds (a point of `store.dyad` covers its period's days).
    located: only events whose place has coordinates (for a map).
    asserted: only asserted events (those a point of `store.dyad` counts).
    """
    pa, pb = a.strip().upper() + "%", b.strip().upper() + "%"
    where = [
        "((e.source_actor LIKE ? AND e.target_actor LIKE ?) OR (e.source_actor LIKE ? AND e.target_actor LIKE ?))"
    ]
    params: list[Any] = [pa, pb, pb, pa]
    if since:
        where.append("e.day >= ?")
        params.append(as_day(since))
    if until:
        where.append("e.day <= ?")
        params.append(as_day(until))
    if located:
        where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    if asserted:
        where.append("e.modality = 'asserted'")
    return _event_rows(db, where, params, limit)


def person_events(db: Backend, person: str, *, role: str, limit: int | None = 200) -> list[EventRow]:
    """The distinct events whose source (`role="source"`) or target (`"target"`) is the person named."""
    column = {"source": "e.source_entity", "target": "e.target_entity"}[role]
    where = [
        f"EXISTS (SELECT 1 FROM entities n WHERE n.article_id = e.article_id AND n.entity_id = {column} "
        "AND n.name = ?)"
    ]
    return _event_rows(db, where, [person], limit)


def _event_rows(db: Backend, where: list[str], params: list[Any], limit: int | None) -> list[EventRow]:
    sql = EVENT_SELECT + " WHERE e.first_mention = 1 AND "
    sql += " AND ".join(where) + " ORDER BY e.day DESC NULLS LAST, e.seq DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    return [event_row(db, row) for row in db.rows(sql, params)]


def facets(db: Backend, *, limit: int = 40) -> Facets:
    """The countries, actors and CAMEO roots of the stored events, most frequent first."""
    actors: Counter[str] = Counter()
    for row in db.rows(
        "SELECT actor, COUNT(*) AS n FROM (SELECT source_actor AS actor FROM events WHERE first_mention = 1 "
        "UNION ALL SELECT target_actor FROM events WHERE first_mention = 1) t "
        "WHERE actor IS NOT NULL AND actor <> '' GROUP BY actor"
    ):
        actors[row["actor"]] += int(row["n"])
    countries: Counter[str] = Counter()
    for code, n in actors.items():
        if _is_country(code[:3]):
            countries[code[:3]] += n
    roots = db.rows(
        "SELECT root, COUNT(*) AS n FROM events WHERE first_mention = 1 GROUP BY root ORDER BY COUNT(*) DESC, root"
    )
    return Facets(
        countries=countries.most_common(limit),
        actors=actors.most_common(limit),
        roots=[(row["root"], int(row["n"])) for row in roots[:limit]],
    )


def _is_country(code: str) -> bool:
    """Whether `code` is an ISO 3166 alpha-3 country code (not a sector or an organisation type)."""
    import pycountry

    return (
        len(code) == 3
        and code.isalpha()
        and code.isupper()
        and pycountry.countries.get(alpha_3=code) is not None
    )

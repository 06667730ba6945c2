"""Records as table rows and rows as the store's answers: what each column holds, read by name.

`article_row`, `event_row_values` and friends give the {column: value} dicts the store inserts;
`event_row` and `failure` read a selected row back. `EVENT_SELECT` is the SELECT list that
`event_row` reads (an event, its article, and its counts over the story cluster).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from dateline.errors import StoreError
from dateline.records import Article, Entity, Event, Quote
from dateline.store.backend import Backend, Row

EPOCH_ENV = "SOURCE_DATE_EPOCH"


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
class Failure:
    """An input that could not be ingested: its path, why, when last seen and how many times."""

    path: str
    reason: str
    at: str
    count: int = 1


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


def article_row(
    db: Backend, article: Article, *, cluster_id: str, source_id: int | None, added_at: str
) -> Row:
    """The `articles` row of an article."""
    dateline = article.dateline
    return {
        "id": article.id,
        "cluster_id": cluster_id,
        "source_id": source_id,
        "url": article.origin.get("url"),
        "path": article.origin.get("path"),
        "headline": article.headline,
        "lede": article.lede,
        "published": article.published.date,
        "published_basis": article.published.basis,
        "dateline": dateline.text if dateline else None,
        "dateline_place": dateline.place if dateline else None,
        "dateline_country": dateline.country if dateline else None,
        "agency": dateline.agency if dateline else None,
        # the article's place in the feed only; its events get the publication date
        "day": valid_day(article.published.date) or added_at[:10],
        "added_at": added_at,
        "text": article.text,
        "record": db.json_param(article.to_dict()),
    }


def entity_row(article: Article, ent: Entity) -> Row:
    """The `entities` row of an entity of an article."""
    return {
        "article_id": article.id,
        "entity_id": ent.id,
        "name": ent.name,
        "type": ent.type,
        "title": ent.title,
        "country": ent.country,
        "actor": ent.actor,
    }


def quote_row(article: Article, idx: int, quote: Quote) -> Row:
    """The `quotes` row of the `idx`-th quote of an article."""
    speaker = quote.speaker
    return {
        "article_id": article.id,
        "idx": idx,
        "kind": quote.kind,
        "text": quote.text,
        "start_char": quote.start,
        "end_char": quote.end,
        "cue": quote.cue,
        "speaker_entity": speaker.entity if speaker else None,
        "speaker_name": speaker.name if speaker else None,
    }


def event_key(event: Event, *, cluster_id: str) -> Row:
    """The `event_groups` columns that make events of one story cluster one event."""
    source, target = event.source, event.target
    return {
        "cluster_id": cluster_id,
        "cameo": event.cameo,
        "source_actor": (source.actor if source else None) or "",
        "target_actor": (target.actor if target else None) or "",
        "date": event.date or "",
    }


def event_row_values(
    db: Backend, article: Article, event: Event, *, group_id: int, first: bool, published: str | None
) -> Row:
    """The `events` row of an event of an article, in event group `group_id`."""
    source, target, location = event.source, event.target, event.location
    lede_end = len(article.lede) if article.lede else 0
    return {
        "article_id": article.id,
        "event_id": event.id,
        "group_id": group_id,
        "first_mention": int(first),
        "cameo": event.cameo,
        "root": event.root,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source_actor": source.actor if source else None,
        "source_entity": source.entity if source else None,
        "source_text": source.text if source else None,
        "target_actor": target.actor if target else None,
        "target_entity": target.entity if target else None,
        "target_text": target.text if target else None,
        "date": event.date,
        "date_basis": event.date_basis,
        "day": valid_day(event.date) or published,  # never the day it was added: undated stays NULL
        "location": location.name if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "modality": event.modality,
        "claimed_by": event.claimed_by.name if event.claimed_by else None,
        "sentence_index": event.sentence.index,
        "sentence": event.sentence.text,
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "confidence": event.confidence,
        "mention_count": mention_count(event),
        "is_root": int(event.sentence.start < lede_end),
        "record": db.json_param(event.to_dict()),
    }


# the SELECT list `event_row` reads: an event (e), its article (a) and outlet (s), and its counts
EVENT_SELECT = """SELECT e.group_id AS event_id, e.record AS event, e.day AS day, e.is_root AS is_root,
    a.id AS article_id, a.cluster_id AS cluster_id, a.url AS url, a.path AS path, s.name AS source,
    a.headline AS headline, a.published AS published, a.added_at AS added, length(a.text) AS text_length,
    (SELECT SUM(x.mention_count) FROM events x WHERE x.group_id = e.group_id) AS num_mentions,
    (SELECT COUNT(DISTINCT COALESCE(CAST(y.source_id AS TEXT), y.id))
       FROM events x JOIN articles y ON y.id = x.article_id WHERE x.group_id = e.group_id) AS num_sources,
    (SELECT COUNT(DISTINCT x.article_id) FROM events x WHERE x.group_id = e.group_id) AS num_articles
    FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN sources s ON s.id = a.source_id"""

_INTEGERS = ("event_id", "text_length", "num_mentions", "num_sources", "num_articles")


def event_row(db: Backend, row: Row) -> EventRow:
    """An EventRow from a row selected with `EVENT_SELECT`."""
    values: dict[str, Any] = dict(row)
    for name in _INTEGERS:
        values[name] = int(values[name])
    values["event"] = Event.from_dict(db.json_value(values["event"]))
    values["is_root"] = bool(values["is_root"])
    return EventRow(**values)


def failure(row: Row) -> Failure:
    """A Failure from a row of the `failures` table."""
    return Failure(row["path"], row["reason"], row["last_at"], int(row["count"]))

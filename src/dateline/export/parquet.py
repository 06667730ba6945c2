"""Parquet, partitioned by event date: `DIR/date=YYYY-MM-DD/part-N-M.parquet` (hive style).

One row per distinct event (duplicates folded into the counts), flat columns, ready for DuckDB
(`SELECT * FROM read_parquet('DIR/*/*.parquet', hive_partitioning = true)`), pandas or Spark.
Rows are written in chunks, so an export never holds the whole store in memory.

`events_table(articles)` gives the same columns for coded articles that were never stored (the batch
path, `dateline.scale.batch`): one row per coded event, no folding of duplicates, `added` empty.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.errors import SettingsError
from dateline.export.common import split_actor
from dateline.records import Article
from dateline.store import DateLike, EventRow, Store
from dateline.store.base import mention_count, source_name, valid_day

CHUNK_ROWS = 50_000

SCHEMA = pa.schema(
    [
        ("event_id", pa.int64()),
        ("date", pa.string()),
        ("cameo", pa.string()),
        ("base", pa.string()),
        ("root", pa.string()),
        ("plover", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("source_actor", pa.string()),
        ("source_country", pa.string()),
        ("source_text", pa.string()),
        ("target_actor", pa.string()),
        ("target_country", pa.string()),
        ("target_text", pa.string()),
        ("event_date", pa.string()),
        ("date_basis", pa.string()),
        ("location", pa.string()),
        ("location_country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("modality", pa.string()),
        ("confidence", pa.float64()),
        ("is_root", pa.bool_()),
        ("num_mentions", pa.int32()),
        ("num_sources", pa.int32()),
        ("num_articles", pa.int32()),
        ("article_id", pa.string()),
        ("cluster_id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("headline", pa.string()),
        ("published", pa.string()),
        ("added", pa.string()),
        ("sentence", pa.string()),
        ("trigger", pa.string()),
    ]
)


def event_row(row: EventRow) -> dict[str, Any]:
    """One Parquet row of an event."""
    event, place = row.event, row.event.location
    source, target = event.source, event.target
    source_parts = split_actor(source.actor if source else None)
    target_parts = split_actor(target.actor if target else None)
    return {
        "event_id": row.event_id,
        "date": row.day,
        "cameo": event.cameo,
        "base": event.cameo[:3],
        "root": event.root,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": float(event.goldstein),
        "source_actor": source.actor if source else None,
        "source_country": source_parts.country if source_parts else None,
        "source_text": source.text if source else None,
        "target_actor": target.actor if target else None,
        "target_country": target_parts.country if target_parts else None,
        "target_text": target.text if target else None,
        "event_date": event.date,
        "date_basis": event.date_basis,
        "location": place.name if place else None,
        "location_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "modality": event.modality,
        "confidence": float(event.confidence),
        "is_root": row.is_root,
        "num_mentions": row.num_mentions,
        "num_sources": row.num_sources,
        "num_articles": row.num_articles,
        "article_id": row.article_id,
        "cluster_id": row.cluster_id,
        "source": row.source,
        "url": row.url or row.path,
        "headline": row.headline,
        "published": row.published,
        "added": row.added,
        "sentence": event.sentence.text,
        "trigger": event.trigger.text,
    }


def article_rows(article: Article) -> Iterator[dict[str, Any]]:
    """The Parquet rows of one coded article's events, outside any store.

    `date` is the event's date, else the article's publication date, else None (undated); `event_id` is a
    stable 63-bit number from the article and event ids; each event counts once (no duplicate folding).
    """
    lede_end = len(article.lede) if article.lede else 0
    published = valid_day(article.published.date)
    for event in article.events:
        digest = hashlib.sha256(f"{article.id}/{event.id}".encode()).digest()
        day = valid_day(event.date) or published
        row = EventRow(
            event_id=int.from_bytes(digest[:8], "big") >> 1,
            event=event,
            day=day or "",
            is_root=event.sentence.start < lede_end,
            article_id=article.id,
            cluster_id=article.id,
            url=article.origin.get("url"),
            path=article.origin.get("path"),
            source=source_name(article),
            headline=article.headline,
            published=article.published.date,
            added="",
            text_length=len(article.text),
            num_mentions=mention_count(event),
        )
        yield {**event_row(row), "date": day, "added": None}


def events_table(articles: Iterable[Article]) -> pa.Table:
    """One row per event of the given coded articles, in their order, with the export's `SCHEMA`."""
    rows = [row for article in articles for row in article_rows(article)]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def _chunks(rows: Iterator[EventRow], size: int) -> Iterator[list[EventRow]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def write_parquet(
    store: Store,
    directory: Path,
    *,
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> int:
    """Write the events under `directory` (created; must be new or empty); returns the row count."""
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise SettingsError(
            f"{directory}: not an empty directory; give a new or empty one for the Parquet export"
        )
    directory.mkdir(parents=True, exist_ok=True)
    rows = store.events(since=since, until=until, actor=actor, country=country)
    count = 0
    for n, chunk in enumerate(_chunks(iter(rows), chunk_rows)):
        table = pa.Table.from_pylist([event_row(r) for r in chunk], schema=SCHEMA)
        pq.write_to_dataset(
            table,
            root_path=str(directory),
            partition_cols=["date"],
            basename_template=f"part-{n}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
        count += len(chunk)
    return count

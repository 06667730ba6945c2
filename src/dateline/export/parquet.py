"""Parquet, partitioned by event date: `DIR/date=YYYY-MM-DD/part-N-M.parquet` (hive style).

One row per distinct event (duplicates folded into the counts), flat typed columns, ready for DuckDB
(`SELECT * FROM read_parquet('DIR/*/*.parquet', hive_partitioning = true)`), pandas or Spark: dates
(`day`, `event_date`, `published`) are DATE, `added` a UTC timestamp, counts integers, codes strings
(CAMEO codes keep their leading zeros). `date` is the partition: text in pyarrow and pandas, DATE in DuckDB;
`day` holds the same day typed in every reader (null, like the `date=__HIVE_DEFAULT_PARTITION__` folder,
when the event has no date). Only asserted events unless `modality="all"`.
Rows are written in chunks, so an export never holds the whole store in memory.

`events_table(articles)` gives the same columns for coded articles that were never stored (the batch
path, `dateline.scale.batch`): one row per coded event, no folding of duplicates, `added` empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.errors import SettingsError
from dateline.export.common import ArticleCache, event_day, keeps, split_actor
from dateline.export.facts import fips, plover_quad
from dateline.export.gdelt import actor_name
from dateline.export.places import place_of
from dateline.lexicon.codebook import load_codebook
from dateline.records import Article
from dateline.store import EventFilter, EventRow, Store
from dateline.store.filters import ALL_EVENTS
from dateline.store.rows import mention_count, source_name, valid_day

CHUNK_ROWS = 50_000

SCHEMA = pa.schema(
    [
        ("event_id", pa.int64()),
        ("date", pa.string()),  # the partition (folder name); also in `day`, typed, inside every file
        ("day", pa.date32()),
        ("cameo", pa.string()),
        ("base", pa.string()),
        ("root", pa.string()),
        ("plover", pa.string()),
        ("plover_quad", pa.int8()),
        ("plover_mode", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("source_actor", pa.string()),
        ("source_country", pa.string()),
        ("source_name", pa.string()),
        ("source_text", pa.string()),
        ("target_actor", pa.string()),
        ("target_country", pa.string()),
        ("target_name", pa.string()),
        ("target_text", pa.string()),
        ("event_date", pa.date32()),
        ("date_basis", pa.string()),
        ("location", pa.string()),
        ("location_country", pa.string()),
        ("location_fips", pa.string()),
        ("location_admin1", pa.string()),
        ("location_geonameid", pa.int64()),
        ("location_feature", pa.string()),
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
        ("published", pa.date32()),
        ("added", pa.timestamp("ms", tz="UTC")),
        ("sentence", pa.string()),
        ("trigger", pa.string()),
    ]
)


def _date(value: str | None) -> dt.date | None:
    day = valid_day(value[:10] if value else None)
    return dt.date.fromisoformat(day) if day else None


def _moment(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def event_row(row: EventRow, article: Article | None = None) -> dict[str, Any]:
    """One Parquet row of an event (`article`, when given, names the actors by their entities)."""
    event = row.event
    place = place_of(event.location)
    source, target = event.source, event.target
    source_parts = split_actor(source.actor if source else None)
    target_parts = split_actor(target.actor if target else None)
    entry = load_codebook().find(event.cameo)
    day = event_day(row)
    return {
        "event_id": row.event_id,
        "date": day,
        "day": _date(day),
        "cameo": event.cameo,
        "base": event.cameo[:3],
        "root": event.root,
        "plover": event.plover,
        "plover_quad": plover_quad(event.plover),
        "plover_mode": entry.plover_mode if entry else None,
        "quad_class": event.quad_class,
        "goldstein": float(event.goldstein),
        "source_actor": source.actor if source else None,
        "source_country": source_parts.country if source_parts else None,
        "source_name": actor_name(source, article),
        "source_text": source.text if source else None,
        "target_actor": target.actor if target else None,
        "target_country": target_parts.country if target_parts else None,
        "target_name": actor_name(target, article),
        "target_text": target.text if target else None,
        "event_date": _date(event.date),
        "date_basis": event.date_basis,
        "location": event.location.name if event.location else None,
        "location_country": place.country if place else None,
        "location_fips": fips(place.country) if place else None,
        "location_admin1": place.admin1 if place else None,
        "location_geonameid": place.geonameid if place else None,
        "location_feature": place.feature if place else None,
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
        "published": _date(row.published),
        "added": _moment(row.added),
        "sentence": event.sentence.text,
        "trigger": event.trigger.text,
    }


def article_rows(article: Article) -> Iterator[dict[str, Any]]:
    """The Parquet rows of one coded article's events, outside any store.

    `date` is the event's date, else the article's publication date, else None (undated); `event_id` is a
    stable 63-bit number from the article and event ids; each event counts once (no duplicate folding).
    """
    lede_end = len(article.lede) if article.lede else 0
    for event in article.events:
        digest = hashlib.sha256(f"{article.id}/{event.id}".encode()).digest()
        row = EventRow(
            event_id=int.from_bytes(digest[:8], "big") >> 1,
            event=event,
            day="",
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
        yield event_row(row, article)


def events_table(articles: Iterable[Article]) -> pa.Table:
    """One row per event of the given coded articles, in their order, with the export's `SCHEMA`."""
    rows = [row for article in articles for row in article_rows(article)]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def store_table(
    store: Store,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
) -> pa.Table:
    """The store's events (one row per distinct event, as the Parquet export) as one table with `SCHEMA`."""
    rows = store_rows(store, where=where, modality=modality)
    return pa.Table.from_pylist(list(rows), schema=SCHEMA)


def store_rows(
    store: Store,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
) -> Iterator[dict[str, Any]]:
    """The Parquet rows of the store's events that pass the export filters."""
    articles = ArticleCache(store)
    for row in store.events(where):
        if keeps(row.event, modality):
            yield event_row(row, articles.get(row.article_id))


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def write_parquet(
    store: Store,
    directory: Path,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
    chunk_rows: int = CHUNK_ROWS,
) -> int:
    """Write the events under `directory` (created; must be new or empty); returns the row count.

    The files are written into a hidden sibling directory that is renamed to `directory` at the end, so an
    export that fails leaves no partial output (and an existing empty `directory` as it was).
    """
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise SettingsError(
            f"{directory}: not an empty directory; give a new or empty one for the Parquet export"
        )
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".part", dir=directory.parent))
    try:
        rows = store_rows(store, where=where, modality=modality)
        count = 0
        for n, chunk in enumerate(_chunks(rows, chunk_rows)):
            table = pa.Table.from_pylist(chunk, schema=SCHEMA)
            pq.write_to_dataset(
                table,
                root_path=str(staging),
                partition_cols=["date"],
                basename_template=f"part-{n}-{{i}}.parquet",
                existing_data_behavior="overwrite_or_ignore",
            )
            count += len(chunk)
        if directory.exists():
            directory.rmdir()
        staging.rename(directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count

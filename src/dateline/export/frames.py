"""The store as pandas DataFrames, with the filters of `dateline export`.

    import dateline
    events = dateline.events_frame("news.db", since="2016-04-01", country="RUS")
    events.groupby(["source_country", "plover"]).size()
    articles = dateline.articles_frame("news.db")

`events_frame` has the columns of the Parquet export (`dateline.export.parquet.SCHEMA`, without the text
partition column `date`): `day`, `event_date` and `published` are datetime64 (midnight of the day),
`added` a UTC timestamp, counts and codes of integer type pandas' nullable integers, codes strings.
`articles_frame` has one row per article. Both need pandas (`pip install pandas`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dateline.errors import SettingsError
from dateline.export.common import check_modality
from dateline.store import DateLike, EventFilter, Store
from dateline.store.rows import source_name, valid_day

ARTICLE_COLUMNS = (
    "article_id", "headline", "published", "published_basis", "source", "url", "path",
    "dateline_place", "dateline_country", "entities", "quotes", "events",
)  # fmt: skip


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise SettingsError(
            "data frames need pandas, which is not installed: pip install pandas "
            "(or use `dateline export --format parquet` and read the files with another tool)"
        ) from e
    return pandas


@contextmanager
def _opened(db: Store | str | Path) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    with Store.open(str(db), readonly=True) as store:
        yield store


def events_frame(
    db: Store | str | Path,
    *,
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
    modality: str = "asserted",
) -> Any:
    """The store's events as a pandas DataFrame, one row per distinct event (as `export --format parquet`).

    db: an open Store, or a store path/URL (opened read-only for the call).
    """
    pd = _pandas()
    import pyarrow as pa

    from dateline.export.parquet import store_table

    check_modality(modality)
    with _opened(db) as store:
        where = EventFilter(since=since, until=until, actor=actor, country=country)
        table = store_table(store, where=where, modality=modality)
    table = table.drop_columns(["date"])
    integers = {pa.int8(): pd.Int8Dtype(), pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype()}
    return table.to_pandas(date_as_object=False, types_mapper=integers.get)


def articles_frame(
    db: Store | str | Path,
    *,
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
) -> Any:
    """The store's articles as a pandas DataFrame, newest first, with the filters of `export --format jsonl`:
    with `actor` or `country`, only articles with a matching event in the range."""
    pd = _pandas()
    rows: list[dict[str, Any]] = []
    where = EventFilter(since=since, until=until, actor=actor, country=country)
    with _opened(db) as store:
        for article in store.articles(where, limit=None):
            day = valid_day(article.published.date)
            rows.append(
                {
                    "article_id": article.id,
                    "headline": article.headline,
                    "published": pd.Timestamp(day) if day else pd.NaT,
                    "published_basis": article.published.basis,
                    "source": source_name(article),
                    "url": article.origin.get("url"),
                    "path": article.origin.get("path"),
                    "dateline_place": article.dateline.place if article.dateline else None,
                    "dateline_country": article.dateline.country if article.dateline else None,
                    "entities": len(article.entities),
                    "quotes": len(article.quotes),
                    "events": len(article.events),
                }
            )
    frame = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    frame["published"] = pd.to_datetime(frame["published"])
    return frame.astype({"entities": "int64", "quotes": "int64", "events": "int64"})

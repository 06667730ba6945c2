"""Exports: the store's events and articles in the formats analysts already load.

    from dateline.export import write
    with open("events.tsv", "w") as out:
        write(store, "gdelt", out, since="2016-04-01", country="RUS")

Formats (`FORMATS`): gdelt (GDELT 2.0 events, 61 columns), gdelt-mentions (16 columns), polecat
(POLECAT TSV with a header line), plover-json (PLOVER JSON Lines), jsonl (article records, JSON
Lines) and parquet (a directory partitioned by event date). Each writer also exists on its own:
`gdelt.write_events`, `gdelt.write_mentions`, `polecat.write_polecat`, `plover.write_plover`,
`write_jsonl`, `parquet.write_parquet`. All return how many rows they wrote.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from dateline.errors import SettingsError
from dateline.export.common import split_actor
from dateline.records import Article
from dateline.store import DateLike, Store

FORMATS = ("gdelt", "gdelt-mentions", "polecat", "plover-json", "jsonl", "parquet")


def write_jsonl(
    store: Store,
    out: TextIO,
    *,
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
) -> int:
    """Write article records as JSON Lines, newest first.

    With `actor` or `country`, only articles with a matching event (in the `since`..`until` range);
    otherwise every article published (or, undated, added) in the range.
    """
    articles: Iterator[Article]
    if actor or country:
        seen: dict[str, None] = {}
        for row in store.mentions(since=since, until=until, actor=actor, country=country):
            seen.setdefault(row.article_id, None)
        articles = (store.article(article_id) for article_id in seen)
    else:
        articles = store.articles(since=since, until=until, limit=None)
    count = 0
    for article in articles:
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write(
    store: Store,
    fmt: str,
    target: TextIO | Path | str,
    *,
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
) -> int:
    """Write the store in format `fmt` to `target` (a text stream; a directory for parquet)."""
    from dateline.export import gdelt, parquet, plover, polecat

    filters: dict[str, Any] = {"since": since, "until": until, "actor": actor, "country": country}
    if fmt == "parquet":
        if not isinstance(target, str | Path):
            raise SettingsError("parquet: give a directory to write to, not a stream (--output DIR)")
        return parquet.write_parquet(store, Path(target), **filters)
    writers = {
        "gdelt": gdelt.write_events,
        "gdelt-mentions": gdelt.write_mentions,
        "polecat": polecat.write_polecat,
        "plover-json": plover.write_plover,
        "jsonl": write_jsonl,
    }
    if fmt not in writers:
        raise SettingsError(f"{fmt!r}: unknown export format; give one of {', '.join(FORMATS)}")
    if isinstance(target, str | Path):
        with open(target, "w", encoding="utf-8", newline="") as out:
            return writers[fmt](store, out, **filters)
    return writers[fmt](store, target, **filters)


__all__ = ["FORMATS", "split_actor", "write", "write_jsonl"]

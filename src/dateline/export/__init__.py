"""Exports: the store's events and articles in the formats analysts already load.

    from dateline.export import write
    from dateline.store import EventFilter
    with open("events.tsv", "w") as out:
        write(store, "gdelt", out, where=EventFilter(since="2016-04-01", country="RUS"))

Formats (`FORMATS`): gdelt (GDELT 2.0 events, 61 columns), gdelt-mentions (16 columns), polecat
(POLECAT TSV with a header line), plover-json (PLOVER JSON Lines), jsonl (article records, JSON
Lines) and parquet (a directory partitioned by event date). Each writer also exists on its own:
`gdelt.write_events`, `gdelt.write_mentions`, `polecat.write_polecat`, `plover.write_plover`,
`write_jsonl`, `parquet.write_parquet`. All return how many rows they wrote.

Event formats hold only asserted events unless `modality="all"` (or one other modality) is given; GDELT and
POLECAT have no modality column. `write(..., target=PATH)` writes a temporary file beside PATH and renames
it over PATH once complete, so a failed export never truncates an older file nor leaves a partial one.
For data frames, see `dateline.export.frames` (`dateline.events_frame`, `dateline.articles_frame`).
Every writer takes the events to export as one `EventFilter` (`where=`), as `store.events` does.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, TextIO

from dateline.errors import SettingsError
from dateline.export.common import check_modality, split_actor
from dateline.store import EventFilter, Store
from dateline.store.filters import ALL_EVENTS

FORMATS = ("gdelt", "gdelt-mentions", "polecat", "plover-json", "jsonl", "parquet")


def write_jsonl(store: Store, out: TextIO, *, where: EventFilter = ALL_EVENTS) -> int:
    """Write article records as JSON Lines, newest first.

    With an actor or a country in `where`, only articles with a matching event (in its day range);
    otherwise every article published (or, undated, added) in the range (see `Store.articles`).
    """
    count = 0
    for article in store.articles(where, limit=None):
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write(
    store: Store,
    fmt: str,
    target: TextIO | Path | str,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
) -> int:
    """Write the store in format `fmt` to `target` (a text stream, or a file path written atomically; a
    directory for parquet): the events (or, jsonl, the articles) of `where`. `modality` ("asserted",
    "all" or one modality) applies to the event formats."""
    from dateline.export import gdelt, parquet, plover, polecat

    check_modality(modality)
    events: dict[str, Any] = {"where": where, "modality": modality}
    if fmt == "parquet":
        if not isinstance(target, str | Path):
            raise SettingsError("parquet: give a directory to write to, not a stream (--output DIR)")
        return parquet.write_parquet(store, Path(target), **events)
    writers = {
        "gdelt": gdelt.write_events,
        "gdelt-mentions": gdelt.write_mentions,
        "polecat": polecat.write_polecat,
        "plover-json": plover.write_plover,
    }
    if fmt == "jsonl":
        return _to_target(target, lambda out: write_jsonl(store, out, where=where))
    if fmt not in writers:
        raise SettingsError(f"{fmt!r}: unknown export format; give one of {', '.join(FORMATS)}")
    return _to_target(target, lambda out: writers[fmt](store, out, **events))


def _to_target(target: TextIO | Path | str, run: Any) -> int:
    """Run `run(stream)` on a stream, or on a temporary file renamed to the path `target` when it succeeds."""
    if not isinstance(target, str | Path):
        count: int = run(target)
        return count
    path = Path(target)
    if path.is_dir():
        raise SettingsError(f"{path}: is a directory; give a file to write the export to")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as e:
        raise SettingsError(f"{path}: cannot write there ({e.strerror}); check that its folder exists") from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            count = run(out)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


__all__ = ["FORMATS", "split_actor", "write", "write_jsonl"]

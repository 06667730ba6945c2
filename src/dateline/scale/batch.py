"""Batch coding over shards: inputs in, Parquet partitioned by event date out, resumable.

    from dateline.scale.batch import run_batch, compact

    for result in run_batch(["warcs/", "feeds.jsonl.gz"], "events/", workers=2):
        print(result.shard, result.articles, result.events)
    compact("events/")

A shard is one unit of work: a JSONL, WARC or `.gz` file, or a folder's loose text/HTML files (a text
folder). A folder given as input is split into shards: each container file in it is one, each subfolder
is walked the same way, and the folder's other files together are one more. `code_shard()` codes one
shard into `DIR/date=YYYY-MM-DD/part-<shard>.parquet` (hive style, the columns of the Parquet export
`dateline.export.parquet.SCHEMA`, the date in the folder name; events with no date at all go under
`date=__HIVE_DEFAULT_PARTITION__`, which readers take as null). Every file is written under a hidden
temporary name and renamed into place, and the shard is marked done last (`DIR/_done/<shard>.json`, with
its counts), so a re-run skips finished shards and a killed run resumes where it stopped, rewriting only
the shards it had not finished. Readers (pyarrow, DuckDB, Spark) skip the `_` and `.` names.

Without a scheduler, shards run on local processes, each loading the model once (`workers`); with one
(`scheduler="tcp://host:8786"`) they run on a Dask distributed cluster (`dateline.scale.cluster`,
the optional `dask[distributed]` dependency). Both write the same files with the same content.

Events are not folded across articles here (there is no store to find duplicates in): each coded event
is one row, `num_sources` and `num_articles` are 1 and `cluster_id` is the article's id.

`compact()` merges each partition's files into one. Run it when no batch is writing to the same
directory; shards already compacted stay marked done (delete their marker and re-run them only on a
fresh directory, or their rows would be written twice).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dateline.coding import code_documents
from dateline.errors import InputError, ModelError, SettingsError
from dateline.export.parquet import SCHEMA, article_rows
from dateline.ingest import iter_files, read_paths
from dateline.scale.workers import START_METHOD, resolve_workers, warm_model
from dateline.settings import Settings

DONE_DIR = "_done"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
CONTAINER_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines", ".warc", ".arc", ".gz"})
MAX_ERRORS_KEPT = 20
FATAL = (ModelError, SettingsError)  # wrong for every shard alike: stop the batch


@dataclass(frozen=True)
class ShardResult:
    """What coding one shard did.

    shard: the shard's path; shard_id: its name in the output (`part-<shard_id>.parquet`).
    articles, events, failures: articles coded, event rows written, inputs that could not be read.
    files: the Parquet files written, relative to the output directory.
    skipped: the shard was already done (its counts are those recorded then).
    errors: the first messages of the failed inputs; error: why the whole shard failed (not marked done).
    """

    shard: str
    shard_id: str
    articles: int = 0
    events: int = 0
    failures: int = 0
    files: tuple[str, ...] = ()
    seconds: float = 0.0
    skipped: bool = False
    errors: tuple[str, ...] = field(default_factory=tuple)
    error: str | None = None

    @classmethod
    def failed(cls, shard: Path, error: BaseException) -> ShardResult:
        """The result of a shard whose coding raised `error`."""
        return cls(shard=str(shard), shard_id=shard_id(shard), error=f"{type(error).__name__}: {error}")


@dataclass(frozen=True)
class CompactResult:
    """What `compact()` did: partitions merged, Parquet files before and after, rows in the merged files."""

    partitions: int
    files_before: int
    files_after: int
    rows: int


def is_container(path: Path) -> bool:
    """A file holding many articles (JSONL, WARC, gzip), which is a shard of its own."""
    return path.suffix.lower() in CONTAINER_SUFFIXES


def list_shards(inputs: Iterable[str | Path]) -> list[Path]:
    """The shards of the given inputs, in order (see the module docstring for how folders split).

    RAISES: InputError naming an input that does not exist or is neither a file nor a folder.
    """
    shards: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            shards.extend(_folder_shards(path))
        elif path.is_file():
            shards.append(path)
        elif path.exists():
            raise InputError(str(path), "is not a regular file or a folder")
        else:
            raise InputError(str(path), "does not exist", "check the path")
    return list(dict.fromkeys(shards))


def _folder_shards(folder: Path) -> Iterator[Path]:
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    if _loose_files(folder):
        yield folder
    for entry in entries:
        if entry.is_dir():
            yield from _folder_shards(entry)
        elif entry.is_file() and is_container(entry):
            yield entry


def _loose_files(folder: Path) -> list[Path]:
    """A text folder's own files: not in subfolders, not containers (hidden and store files skipped)."""
    return [
        p for p in iter_files([folder])
        if isinstance(p, Path) and p.parent == folder and not is_container(p)
    ]


def shard_id(shard: Path) -> str:
    """The shard's name in the output: its file or folder name and a hash of its absolute path."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", shard.name.split(".")[0]).strip("-_") or "shard"
    digest = hashlib.sha256(str(shard.resolve()).encode()).hexdigest()[:10]
    return f"{name[:40]}-{digest}"


def code_shard(shard: str | Path, output_dir: str | Path, settings: Settings | None = None) -> ShardResult:
    """Code one shard into `output_dir`, partitioned by event date; skip it when already done.

    A pure function of its arguments and the files it reads: the model comes from the per-process cache,
    so it runs as it is in this process, a local worker or a Dask worker.
    """
    shard, output = Path(shard), Path(output_dir)
    settings = settings or Settings()
    ident = shard_id(shard)
    done = read_marker(output, shard)
    if done is not None:
        return done
    started = time.perf_counter()
    inputs = _loose_files(shard) if shard.is_dir() else [shard]
    rows: list[dict[str, Any]] = []
    articles = failures = 0
    errors: list[str] = []
    for coded in code_documents(read_paths(inputs), settings=settings):
        if isinstance(coded, InputError):
            failures += 1
            if len(errors) < MAX_ERRORS_KEPT:
                errors.append(str(coded))
        else:
            articles += 1
            rows.extend(article_rows(coded))
    for stale in output.glob(f"date=*/part-{ident}.parquet"):
        stale.unlink()
    files = write_partitions(pa.Table.from_pylist(rows, schema=SCHEMA), output, name=f"part-{ident}.parquet")
    result = ShardResult(
        shard=str(shard),
        shard_id=ident,
        articles=articles,
        events=len(rows),
        failures=failures,
        files=tuple(files),
        seconds=round(time.perf_counter() - started, 3),
        errors=tuple(errors),
    )
    _write_atomic(output / DONE_DIR / f"{ident}.json", json.dumps(asdict(result), indent=1).encode())
    return result


def read_marker(output_dir: Path, shard: Path) -> ShardResult | None:
    """The recorded result of a shard already done in `output_dir` (skipped=True), or None."""
    marker = Path(output_dir) / DONE_DIR / f"{shard_id(shard)}.json"
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:  # a marker is written whole or not at all; an unreadable one: redo the shard
        return None
    data.update(files=tuple(data.get("files", ())), errors=tuple(data.get("errors", ())), skipped=True)
    return ShardResult(**data)


def write_partitions(table: pa.Table, output_dir: Path, *, name: str) -> list[str]:
    """Write `table` as `output_dir/date=D/<name>` for each date D in its `date` column, atomically.

    The `date` column lives in the folder name only (as in the Parquet export). Returns the paths written,
    relative to `output_dir`, sorted.
    """
    written = []
    dates = table.column("date")
    body = table.drop_columns(["date"])
    for day in sorted(d for d in pc.unique(dates).to_pylist() if d is not None):
        written.append(_write_part(body.filter(pc.equal(dates, day)), output_dir, f"date={day}", name))
    if dates.null_count:
        written.append(_write_part(body.filter(pc.is_null(dates)), output_dir, f"date={NULL_PARTITION}", name))
    return sorted(written)


def _write_part(table: pa.Table, output_dir: Path, partition: str, name: str) -> str:
    target = output_dir / partition / name
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    _write_atomic(target, sink.getvalue().to_pybytes())
    return f"{partition}/{name}"


def _write_atomic(target: Path, data: bytes) -> None:
    """Write under a hidden temporary name beside `target`, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, target)


def run_batch(
    inputs: Iterable[str | Path],
    output_dir: str | Path,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    scheduler: object | None = None,
) -> Iterator[ShardResult]:
    """Code every shard of `inputs` into `output_dir`; yields each shard's result as it finishes.

    Shards already done come first, with skipped=True; anything inside `output_dir` is never a shard. A shard that raises comes back with `error` set
    and is not marked done (a re-run retries it); the batch goes on.
    workers: local processes (None: every core; 1: this process). Ignored with a scheduler.
    scheduler: a Dask scheduler address ("tcp://host:8786") or a `distributed.Client`.
    RAISES: InputError for a missing input; ModelError / SettingsError, which would fail every shard;
    SettingsError when a scheduler is given and Dask is not installed.
    """
    settings = settings or Settings()
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    shards = [s for s in list_shards(inputs) if not s.resolve().is_relative_to(output.resolve())]
    todo: list[Path] = []
    for shard in shards:
        done = read_marker(output, shard)
        if done is None:
            todo.append(shard)
        else:
            yield done
    if not todo:
        return
    if scheduler is not None:
        yield from _on_cluster(todo, output, settings=settings, scheduler=scheduler)
    else:
        yield from _on_processes(todo, output, settings=settings, workers=resolve_workers(workers))


def _on_cluster(shards: Sequence[Path], output: Path, *, settings: Settings, scheduler: object) -> Iterator[ShardResult]:
    try:
        from dateline.scale.cluster import run_on_cluster
    except ImportError as e:
        raise SettingsError(
            f"--scheduler needs Dask: pip install 'dask[distributed]' (or dateline[scale]) ({e})"
        ) from e
    for result in run_on_cluster(shards, output, settings=settings, scheduler=scheduler):  # type: ignore[arg-type]
        assert isinstance(result, ShardResult)
        yield result


def _on_processes(shards: Sequence[Path], output: Path, *, settings: Settings, workers: int) -> Iterator[ShardResult]:
    if workers == 1 or len(shards) == 1:
        for shard in shards:
            yield _run_one(shard, output, settings)
        return
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(
        max_workers=min(workers, len(shards)), mp_context=context, initializer=warm_model, initargs=(settings.model,)
    ) as pool:
        futures = {pool.submit(code_shard, shard, output, settings): shard for shard in shards}
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except FATAL:
                    raise
                except Exception as e:  # one bad shard is reported, the others go on
                    yield ShardResult.failed(futures[future], e)
        finally:
            for future in futures:
                future.cancel()


def _run_one(shard: Path, output: Path, settings: Settings) -> ShardResult:
    try:
        return code_shard(shard, output, settings)
    except FATAL:
        raise
    except Exception as e:  # one bad shard is reported, the others go on
        return ShardResult.failed(shard, e)


def compact(output_dir: str | Path) -> CompactResult:
    """Merge the Parquet files of each date partition of a batch output into one file, atomically.

    Each partition is rebuilt beside itself under a hidden name and swapped in with renames, so readers
    never see a row twice; a compaction killed half-way is finished or undone by the next one.
    RAISES: SettingsError when `output_dir` is not a folder.
    """
    root = Path(output_dir)
    if not root.is_dir():
        raise SettingsError(f"{root}: not a folder; give the --output folder of a batch")
    _recover(root)
    merged = before = after = rows = 0
    for partition in sorted(p for p in root.glob("date=*") if p.is_dir()):
        files = sorted(partition.glob("*.parquet"))
        files = [f for f in files if not f.name.startswith((".", "_"))]
        before += len(files)
        if len(files) <= 1:
            after += len(files)
            continue
        table = pa.concat_tables(pq.read_table(f) for f in files)
        staging, old = _siblings(partition)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        _write_atomic(staging / "part-compact.parquet", sink.getvalue().to_pybytes())
        os.replace(partition, old)
        os.replace(staging, partition)
        shutil.rmtree(old)
        merged += 1
        after += 1
        rows += table.num_rows
    return CompactResult(partitions=merged, files_before=before, files_after=after, rows=rows)


def _siblings(partition: Path) -> tuple[Path, Path]:
    """The hidden staging and old-copy folders used while swapping `partition`."""
    return partition.with_name(f".{partition.name}.new"), partition.with_name(f".{partition.name}.old")


def _recover(root: Path) -> None:
    """Finish or undo a compaction that was killed: staging is complete once the old copy exists."""
    for old in root.glob(".date=*.old"):
        partition = root / old.name[1:].removesuffix(".old")
        staging, _ = _siblings(partition)
        if not partition.exists():
            os.replace(staging if staging.exists() else old, partition)
        shutil.rmtree(old, ignore_errors=True)
    for staging in root.glob(".date=*.new"):
        shutil.rmtree(staging)

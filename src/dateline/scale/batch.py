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

Inside a shard, each input is its own unit: one that cannot be read or coded is a counted failure
(`ShardResult.failures`, its message in `errors`), never a failed shard; only a fault of the whole
shard (its folder vanished, the disk is full) fails it, and a re-run retries it.

`compact()` merges, in each partition, the files of the shards marked done into one
(`part-compact.parquet`); files of shards not done are kept as they are (a resumed shard replaces them).

Crash safety: any kill at any point of `run_batch` and `compact`, in any order, followed by a run to the
end, leaves exactly the rows of a clean run. It rests on three rules.
- The done markers are the manifest: a shard's rows are final once its marker exists, and only final
  rows are ever merged. A shard without a marker is coded again, and its stale files (which are never
  merged) are replaced, so its rows cannot be written twice.
- Every file is written under a hidden name and renamed into place; a partition is compacted beside
  itself (`.date=D.new`, complete before anything moves) and swapped in with two renames, its old copy
  kept as `.date=D.old` until the swap is over. These names are the journal: `.date=D.old` exists only
  once `.date=D.new` is complete.
- Recovery (`recover()`) runs at the start of every `run_batch` and `compact` and is idempotent: a swap
  cut short is finished (files that a batch wrote meanwhile into a new `date=D` are carried over), an
  incomplete staging folder and stray temporary files are removed.
A lock file (`DIR/_lock`, held while a batch or compaction runs and released by the system when the
process dies) keeps two of them from writing to one directory at once.
"""

from __future__ import annotations

import contextlib
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

from dateline.errors import InputError, ModelError, SettingsError
from dateline.export.parquet import SCHEMA, article_rows
from dateline.ingest import iter_files, read_paths
from dateline.ingest.document import Document
from dateline.records import Article
from dateline.scale.workers import START_METHOD, code_safely, init_worker, resolve_workers
from dateline.settings import Settings

DONE_DIR = "_done"
LOCK_FILE = "_lock"
COMPACTED = "part-compact.parquet"
SORT_KEYS = [("article_id", "ascending"), ("event_id", "ascending"), ("url", "ascending")]
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
        p for p in iter_files([folder]) if isinstance(p, Path) and p.parent == folder and not is_container(p)
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
    for coded in _code_each(inputs, settings=settings):
        if isinstance(coded, InputError):
            failures += 1
            if len(errors) < MAX_ERRORS_KEPT:
                errors.append(str(coded))
        else:
            articles += 1
            rows.extend(article_rows(coded))
    for stale in output.glob(f"date=*/part-{ident}.parquet"):  # a killed attempt's (never merged: not done)
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


def _code_each(inputs: Sequence[Path], *, settings: Settings) -> Iterator[Article | InputError]:
    """Code the documents of `inputs`; an input whose reading or coding raises is an InputError naming it
    (`code_safely`), never the shard's failure. Errors that would fail every shard pass through."""
    return code_safely(_read_each(inputs), settings=settings)


def _read_each(inputs: Sequence[Path]) -> Iterator[Document | InputError]:
    """The documents of each input in turn; an input whose reader raises ends as an InputError."""
    for path in inputs:
        try:
            yield from read_paths([path])
        except FATAL:
            raise
        except Exception as e:  # noqa: BLE001 - one input is a counted failure, never the shard's
            yield InputError(str(path), f"could not be read ({type(e).__name__}: {e})")


def _name(item: Document | InputError) -> str:
    if isinstance(item, InputError):
        return item.name
    return item.origin.get("path") or item.origin.get("url") or "<document>"


def is_done(output_dir: Path, ident: str) -> bool:
    """Whether the shard named `ident` is marked done in `output_dir` (its rows are final)."""
    return read_marker_file(Path(output_dir) / DONE_DIR / f"{ident}.json") is not None


def read_marker(output_dir: Path, shard: Path) -> ShardResult | None:
    """The recorded result of a shard already done in `output_dir` (skipped=True), or None."""
    data = read_marker_file(Path(output_dir) / DONE_DIR / f"{shard_id(shard)}.json")
    if data is None:
        return None
    data.update(files=tuple(data.get("files", ())), errors=tuple(data.get("errors", ())), skipped=True)
    return ShardResult(**data)


def read_marker_file(marker: Path) -> dict[str, Any] | None:
    """The content of a done marker, or None when it is absent (or unreadable: then the shard is redone)."""
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:  # a marker is written whole or not at all
        return None
    return data if isinstance(data, dict) else None


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
        written.append(
            _write_part(body.filter(pc.is_null(dates)), output_dir, f"date={NULL_PARTITION}", name)
        )
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
    shards = list_shards(inputs)
    output.mkdir(parents=True, exist_ok=True)
    shards = [s for s in shards if not s.resolve().is_relative_to(output.resolve())]
    with locked(output):
        recover(output)
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


def _on_cluster(
    shards: Sequence[Path], output: Path, *, settings: Settings, scheduler: object
) -> Iterator[ShardResult]:
    try:
        from dateline.scale.cluster import run_on_cluster
    except ImportError as e:
        raise SettingsError(
            f"--scheduler needs Dask: pip install 'dask[distributed]' (or dateline[scale]) ({e})"
        ) from e
    for shard, outcome in run_on_cluster(code_shard, shards, output, settings=settings, scheduler=scheduler):  # type: ignore[arg-type]
        yield outcome if isinstance(outcome, ShardResult) else ShardResult.failed(shard, outcome)


def _on_processes(
    shards: Sequence[Path], output: Path, *, settings: Settings, workers: int
) -> Iterator[ShardResult]:
    if workers == 1 or len(shards) == 1:
        for shard in shards:
            yield _run_one(shard, output, settings)
        return
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(
        max_workers=min(workers, len(shards)),
        mp_context=context,
        initializer=init_worker,
        initargs=(settings.model, os.getpid()),
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
    """Merge, in each date partition of a batch output, the files of the shards marked done into one.

    Each partition is rebuilt beside itself under a hidden name and swapped in with renames, so readers
    never see a row twice; a compaction killed at any point is finished by the next batch or compaction.
    Files of shards not done yet are kept as they are. The merged rows are sorted (article, event), so
    the result does not depend on the order in which shards ran or were compacted.
    RAISES: SettingsError when `output_dir` is not a folder, or a batch or compaction is writing to it.
    """
    root = Path(output_dir)
    if not root.is_dir():
        raise SettingsError(f"{root}: not a folder; give the --output folder of a batch")
    merged = before = after = rows = 0
    with locked(root):
        recover(root)
        for partition in sorted(p for p in root.glob("date=*") if p.is_dir()):
            files = sorted(f for f in partition.glob("*.parquet") if not f.name.startswith((".", "_")))
            final = [f for f in files if f.name == COMPACTED or is_done(root, f.stem.removeprefix("part-"))]
            before += len(files)
            if len(final) <= 1:
                after += len(files)
                continue
            table = pa.concat_tables(pq.read_table(f) for f in final).sort_by(SORT_KEYS)
            staging, old = _siblings(partition)
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir()
            sink = pa.BufferOutputStream()
            pq.write_table(table, sink)
            _write_atomic(staging / COMPACTED, sink.getvalue().to_pybytes())
            for kept in (f for f in files if f not in final):  # a shard not done: its file stays as it is
                _link(kept, staging / kept.name)
            os.replace(partition, old)  # from here on, the staging folder is complete (see `recover`)
            os.replace(staging, partition)
            shutil.rmtree(old)
            merged += 1
            after += 1 + len(files) - len(final)
            rows += table.num_rows
    return CompactResult(partitions=merged, files_before=before, files_after=after, rows=rows)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def _siblings(partition: Path) -> tuple[Path, Path]:
    """The hidden staging and old-copy folders used while swapping `partition`."""
    return partition.with_name(f".{partition.name}.new"), partition.with_name(f".{partition.name}.old")


def recover(root: Path) -> None:
    """Finish what a killed batch or compaction left half done in `root`; idempotent, safe to run always.

    A `.date=D.old` folder means its staging `.date=D.new` was complete: the swap is finished, and files
    written meanwhile into a new `date=D` (by a batch run after the kill) move into it. A staging folder
    without an old copy was never complete and is removed, as are temporary files of killed writes.
    """
    for old in sorted(root.glob(".date=*.old")):
        partition = root / old.name[1:].removesuffix(".old")
        staging, _ = _siblings(partition)
        if staging.is_dir():
            if partition.is_dir():
                for newer in partition.iterdir():
                    if newer.is_file() and not newer.name.startswith("."):
                        os.replace(newer, staging / newer.name)
                shutil.rmtree(partition)
            os.replace(staging, partition)
        elif not partition.exists():  # no staging to swap in: put the old copy back
            os.replace(old, partition)
            continue
        shutil.rmtree(old)
    for staging in root.glob(".date=*.new"):
        shutil.rmtree(staging)
    for temporary in (*root.glob("date=*/.*.tmp"), *root.glob(f"{DONE_DIR}/.*.tmp")):
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold `root/_lock` while a batch or compaction writes to `root` (released when the process dies)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock
        yield
        return
    with open(root / LOCK_FILE, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise SettingsError(
                f"{root}: another dateline batch or compact is writing to this folder; wait for it to end"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

"""Scaling of `dateline batch`: the same shards with 1 and 2 workers, local processes and Dask.

The BBC News stories are written as JSONL shards (`--shards`, default 8) into a temporary folder; each
variant then codes all of them into its own output folder, in a fresh Python process, timed from the
start (worker start-up and model loading included, as a user would see it):
  local-1   one process (`--workers 1`)        local-2   two worker processes (`--workers 2`)
  dask-1    a LocalCluster of 1 worker         dask-2    a LocalCluster of 2 workers
            (processes, one thread each; the cluster is started before the clock, the model loads on it)
Prints each variant's seconds, articles/s and CPU seconds (all its processes), the speed-ups 2 vs 1 workers, and whether every variant
wrote the same Parquet files with the same content. Timings on a shared machine are noisy.

    .venv/bin/python bench/scaling.py [--data DIR] [--limit N] [--shards N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "peer" / "bbc-news-greene2006" / "bbc"
).resolve()
VARIANTS = ("local-1", "local-2", "dask-1", "dask-2")
TODAY = "2006-01-01"  # the corpus is from 2004-2005; a fixed today keeps every variant's dates the same


def write_shards(data: Path, folder: Path, *, shards: int, limit: int | None) -> int:
    """The stories as `shards` JSONL files of about equal size (round robin); returns how many stories."""
    paths = sorted(data.glob("*/*.txt"))[:limit] if limit else sorted(data.glob("*/*.txt"))
    outs = [open(folder / f"shard-{i:03d}.jsonl", "w", encoding="utf-8") for i in range(shards)]  # noqa: SIM115
    try:
        for n, path in enumerate(paths):
            record = {"text": path.read_text(encoding="utf-8"), "url": f"file://{path}"}
            outs[n % shards].write(json.dumps(record) + "\n")
    finally:
        for out in outs:
            out.close()
    return len(paths)


def run_variant(variant: str, shards: Path, output: Path) -> dict[str, float]:
    """Code every shard under `shards` into `output` the variant's way; returns seconds and counts."""
    import datetime as dt

    from dateline.scale.batch import run_batch
    from dateline.settings import Settings

    settings = Settings(today=dt.date.fromisoformat(TODAY))
    kind, workers = variant.split("-")
    inputs = sorted(shards.glob("*.jsonl"))
    if kind == "local":
        started = time.perf_counter()
        results = list(run_batch(inputs, output, settings=settings, workers=int(workers)))
        seconds = time.perf_counter() - started
    else:
        from distributed import LocalCluster

        with LocalCluster(
            n_workers=int(workers),
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster:
            started = time.perf_counter()
            results = list(run_batch(inputs, output, settings=settings, scheduler=cluster.scheduler_address))
            seconds = time.perf_counter() - started
    cpu = sum(
        getattr(resource.getrusage(who), f)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for f in ("ru_utime", "ru_stime")
    )
    failed = [r.error for r in results if r.error]
    if failed:
        raise SystemExit(f"{variant}: {len(failed)} shards failed: {failed[0]}")
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "articles": sum(r.articles for r in results),
        "events": sum(r.events for r in results),
    }


def parquet_content(output: Path) -> dict[str, object]:
    """Each Parquet file under `output` (relative path) with its rows, to compare variants."""
    import pyarrow.parquet as pq

    return {
        str(p.relative_to(output)): pq.read_table(p).to_pylist()
        for p in sorted(output.glob("date=*/*.parquet"))
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC corpus folder (bbc/)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N stories")
    parser.add_argument("--shards", type=int, default=8, help="JSONL shards to split the stories into")
    parser.add_argument(
        "--variants", default=",".join(VARIANTS), help="comma-separated subset of " + ",".join(VARIANTS)
    )
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args.variant, args.data, args.output)))
        return 0
    if not any(args.data.glob("*/*.txt")):
        print(f"no stories under {args.data} (expected <category>/<NNN>.txt)", file=sys.stderr)
        return 1
    variants = [v for v in args.variants.split(",") if v]
    with tempfile.TemporaryDirectory(prefix="dateline-scaling-") as scratch:
        work = args.keep or Path(scratch)
        shards = work / "shards"
        shards.mkdir(parents=True, exist_ok=True)
        stories = write_shards(args.data, shards, shards=args.shards, limit=args.limit)
        load_start = os.getloadavg()[0]
        figures = {}
        for variant in variants:
            output = work / f"out-{variant}"
            command = [
                sys.executable,
                __file__,
                "--variant",
                variant,
                "--data",
                str(shards),
                "--output",
                str(output),
            ]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            figures[variant] = json.loads(out.strip().splitlines()[-1])
            print(f"done {variant}", file=sys.stderr, flush=True)
        contents = {v: parquet_content(work / f"out-{v}") for v in variants}
        load_end = os.getloadavg()[0]
    print(f"{'variant':10} {'seconds':>8} {'articles/s':>11} {'articles':>9} {'events':>7} {'CPU s':>7}")
    for variant, f in figures.items():
        print(
            f"{variant:10} {f['seconds']:8.1f} {f['articles'] / f['seconds']:11.2f} {f['articles']:9.0f} "
            f"{f['events']:7.0f} {f['cpu_seconds']:7.1f}"
        )
    print()
    for kind in ("local", "dask"):
        one, two = figures.get(f"{kind}-1"), figures.get(f"{kind}-2")
        if one and two:
            print(f"{kind}: speed-up at 2 workers = {one['seconds'] / two['seconds']:.2f}x")
    if "local-1" in figures and "dask-2" in figures:
        print(f"dask-2 vs local-1 = {figures['local-1']['seconds'] / figures['dask-2']['seconds']:.2f}x")
    first = next(iter(contents.values()))
    same = all(c == first for c in contents.values())
    print(f"identical Parquet content across {', '.join(contents)}: {'yes' if same else 'NO'}")
    print(
        f"\nNote: {stories} BBC stories in {args.shards} shards; machine with {os.cpu_count()} cores; load average "
        f"{load_start:.1f} at the start and {load_end:.1f} at the end (other work on the machine makes timings "
        f"noisy). Times include worker start-up and model loading; CPU s is the user+system time of the variant's "
        f"processes, workers included (with no other load, 2 workers cannot beat CPU s / 2)."
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

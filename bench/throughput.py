"""Throughput of dateline's coding against spaCy alone, on the BBC News corpus (2,225 stories).

In one run, each in a fresh Python process so that peak memory is its own:
  (a) spaCy alone: the same model's full pipeline with `nlp.pipe` over the same texts (the baseline);
  (b) spaCy's tokenizer alone (the floor no pipeline beats);
  (c1) dateline's full coding of the same texts into article records, in one process;
  (c2) the same on N worker processes (`dateline.scale.code_parallel`, default 2), counted from the
       start, worker start-up and model loading included; "steady" leaves out the time to the first
       results (start-up).
Model loading is left out of (a), (b) and (c1). Prints articles/s, words/s (whitespace-separated words),
peak memory (RSS) of each process and of the largest worker, and the ratios c/a and c/b. Timings on a
shared machine are noisy: compare the ratios within one run.

    .venv/bin/python bench/throughput.py [--data DIR] [--limit N] [--workers N] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "peer" / "bbc-news-greene2006" / "bbc"
).resolve()
PHASES = ("a", "b", "c1", "c2")
LABELS = {
    "a": "(a) spaCy full pipeline, nlp.pipe",
    "b": "(b) spaCy tokenizer alone",
    "c1": "(c) dateline, 1 process",
    "c2": "(c) dateline, {workers} processes",
}


def story_paths(data: Path, limit: int | None) -> list[Path]:
    """The corpus's stories (`<category>/<NNN>.txt`), in sorted order, the first `limit` of them."""
    paths = sorted(data.glob("*/*.txt"))
    return paths[:limit] if limit else paths


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MiB of this process (or of its largest waited-for child)."""
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def run_phase(phase: str, paths: list[Path], *, workers: int, model: str | None) -> dict[str, float]:
    """Run one phase in this process; returns its seconds, counts and peak memory."""
    from dateline.ingest import read_paths
    from dateline.ingest.document import Document
    from dateline.settings import Settings

    settings = Settings(model=model) if model else Settings()
    documents = [d for d in read_paths(paths) if isinstance(d, Document)]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    first = None
    if phase in ("a", "b"):
        import spacy

        nlp = spacy.load(settings.model)
        started = time.perf_counter()
        if phase == "a":
            done = sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size))
        else:
            done = sum(1 for _ in nlp.tokenizer.pipe(texts, batch_size=settings.batch_size))
    elif phase == "c1":
        from dateline.coding import code_documents
        from dateline.nlp.pipeline import load_nlp

        load_nlp(settings.model)
        started = time.perf_counter()
        done = sum(1 for _ in code_documents(documents, settings=settings))
    else:
        from dateline.scale.workers import code_parallel

        started = time.perf_counter()
        done = 0
        for _ in code_parallel(documents, settings=settings, workers=workers):
            if first is None:
                first = time.perf_counter()
            done += 1
    ended = time.perf_counter()
    result = {
        "articles": done,
        "words": words,
        "seconds": ended - started,
        "rss_mib": peak_rss_mib(),
        "worker_rss_mib": peak_rss_mib(resource.RUSAGE_CHILDREN) if phase == "c2" else 0.0,
    }
    if first is not None and done > settings.batch_size:
        result["steady_seconds"] = ended - first
        result["steady_articles"] = done - settings.batch_size
    return result


def spawn_phase(phase: str, args: argparse.Namespace) -> dict[str, float]:
    """Run one phase in a fresh interpreter and read back its figures."""
    command = [
        sys.executable,
        __file__,
        "--phase",
        phase,
        "--data",
        str(args.data),
        "--workers",
        str(args.workers),
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    if args.model:
        command += ["--model", args.model]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def report(figures: dict[str, dict[str, float]], args: argparse.Namespace, loads: tuple[float, float]) -> str:
    """The table, the ratios and the closing note."""
    lines = [
        f"{'phase':40} {'articles/s':>11} {'words/s':>10} {'seconds':>8} {'peak MiB':>9} {'worker MiB':>11}"
    ]
    rates = {}
    for phase, f in figures.items():
        rate = f["articles"] / f["seconds"]
        rates[phase] = rate
        worker = f"{f['worker_rss_mib']:.0f}" if f["worker_rss_mib"] else "-"
        label = LABELS[phase].format(workers=args.workers)
        lines.append(
            f"{label:40} {rate:11.1f} {f['words'] / f['seconds']:10.0f} {f['seconds']:8.1f} "
            f"{f['rss_mib']:9.0f} {worker:>11}"
        )
        if "steady_seconds" in f:
            steady = f["steady_articles"] / f["steady_seconds"]
            rates["c2 steady"] = steady
            lines.append(f"{'    steady (after start-up)':40} {steady:11.1f}")
    lines.append("")
    for c in ("c1", "c2", "c2 steady"):
        if c in rates:
            lines.append(f"{c:10} c/a = {rates[c] / rates['a']:.2f}   c/b = {rates[c] / rates['b']:.3f}")
    n = int(figures["a"]["articles"])
    lines.append("")
    lines.append(
        f"Note: {n} BBC stories, {int(figures['a']['words'])} words; machine with {os.cpu_count()} cores; "
        f"load average {loads[0]:.1f} at the start and {loads[1]:.1f} at the end (other work on the machine "
        f"makes absolute rates noisy; the ratios within this run are the figures to compare). "
        f"(c2) counts worker start-up and model loading; (a), (b), (c1) leave model loading out."
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC corpus folder (bbc/)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N stories")
    parser.add_argument("--workers", type=int, default=2, help="processes for (c2) (default 2)")
    parser.add_argument("--model", default=None, help="spaCy model (default: dateline's default)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    paths = story_paths(args.data, args.limit)
    if not paths:
        print(f"no stories under {args.data} (expected <category>/<NNN>.txt)", file=sys.stderr)
        return 1
    if args.phase:
        print(json.dumps(run_phase(args.phase, paths, workers=args.workers, model=args.model)))
        return 0
    start_load = os.getloadavg()[0]
    figures = {}
    for phase in PHASES:
        figures[phase] = spawn_phase(phase, args)
        print(f"done {LABELS[phase].format(workers=args.workers)}", file=sys.stderr, flush=True)
    print(report(figures, args, (start_load, os.getloadavg()[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())

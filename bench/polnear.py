"""Score dateline's quotes on PolNeAR (quote attribution: source, cue, content) with the shared scorer.

Codes every text of a PolNeAR split (default: dev) with `dateline.code_documents`, writes the article
records as JSON Lines, runs `../shared/eval/polnear_score.py --dateline` over them and prints its whole
table (and, with --show N, N example errors from the scorer on stderr).

    .venv/bin/python bench/polnear.py [--split DIR] [--body] [--show N] [--records FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.coding import code_documents
from dateline.ingest import read_paths
from dateline.records import Article

SHARED = (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()
DEFAULT_SPLIT = SHARED / "data" / "peer" / "polnear" / "data" / "dev"
SCORER = SHARED / "eval" / "polnear_score.py"


def write_records(split: Path, out: Path, *, body_only: bool) -> int:
    """Code every text of a split into `out` (JSON Lines); return how many articles were written."""
    paths = sorted((split / "text").glob("*.txt"))
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for article in code_documents(read_paths(paths, body_only=body_only)):
            if isinstance(article, Article):
                fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
                count += 1
    return count


def score(split: Path, records: Path, *, show: int = 0, as_json: bool = False) -> str:
    """The scorer's output over a records file."""
    command = [sys.executable, str(SCORER), str(split), str(records), "--dateline"]
    if show:
        command += ["--show", str(show)]
    if as_json:
        command.append("--json")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    if show:
        sys.stderr.write(done.stderr)
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split", type=Path, default=DEFAULT_SPLIT, help="PolNeAR split folder (text/, attributions/)"
    )
    parser.add_argument("--body", action="store_true", help="code texts as body only (no headline detection)")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N example errors to stderr")
    parser.add_argument("--records", type=Path, help="also keep the records in this file")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON instead of its table")
    args = parser.parse_args(argv)
    if not SCORER.exists() or not args.split.exists():
        parser.error(f"PolNeAR data or scorer not found under {SHARED}; check that ../shared is present")
    with tempfile.TemporaryDirectory() as tmp:
        records = args.records or Path(tmp) / "records.jsonl"
        began = time.perf_counter()
        count = write_records(args.split, records, body_only=args.body)
        seconds = time.perf_counter() - began
        sys.stdout.write(score(args.split, records, show=args.show, as_json=args.json))
    sys.stderr.write(f"coded {count} articles in {seconds:.1f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

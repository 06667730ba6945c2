"""Write dateline's outputs on fixed inputs into one folder, so that two trees can be compared with `diff -r`.

A refactor must leave behaviour unchanged; this is how that is shown. The folder gets:
  gold.jsonl      the article record of the canonical story (../shared/examples/tass-2016-04-27)
  example.jsonl   the record of the bundled example (examples/kyiv-grain-talks.txt)
  bbc.jsonl       the records of the first N BBC News stories (sorted paths; default 40)
  polnear.jsonl   the records of the PolNeAR dev texts
  plover.txt      the table printed by `dateline eval plover` on PLOVER_GSR_CAMEO.txt
  petrarch.txt    the table printed by `dateline eval petrarch` on the PETRARCH-2 unit-test records
Inputs missing from ../shared are left out and named on stderr. Run it from each tree, then diff:

    .venv/bin/python scripts/snapshot.py /tmp/before
    # ... change the code ...
    .venv/bin/python scripts/snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after && echo identical
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from dateline.coding import code_documents
from dateline.ingest import read_paths
from dateline.records import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
PEER = SHARED / "data" / "peer"


def write_records(paths: list[Path], out: Path, *, body_only: bool = False) -> int:
    """Code `paths` into `out` as JSON Lines (sorted keys); return how many records were written."""
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for article in code_documents(read_paths(paths, body_only=body_only)):
            if isinstance(article, Article):
                fh.write(json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    return count


def write_eval(kind: str, gold: Path, out: Path) -> None:
    """Run `dateline eval KIND GOLD` in a child process and keep what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "eval", kind, str(gold)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "160", "NO_COLOR": "1"},
    )
    out.write_text(done.stdout, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the outputs (created)")
    parser.add_argument("--bbc", type=int, default=40, metavar="N", help="how many BBC stories (default 40)")
    parser.add_argument("--no-eval", action="store_true", help="leave out the PLOVER and PETRARCH tables")
    args = parser.parse_args()
    out: Path = args.folder
    out.mkdir(parents=True, exist_ok=True)

    def missing(what: Path) -> None:
        print(f"snapshot: {what} not found, left out", file=sys.stderr)

    gold = SHARED / "examples" / "tass-2016-04-27" / "article.txt"
    if gold.exists():
        write_records([gold], out / "gold.jsonl")
    else:
        missing(gold)
    write_records([ROOT / "examples" / "kyiv-grain-talks.txt"], out / "example.jsonl")
    bbc = sorted((PEER / "bbc-news-greene2006" / "bbc").glob("*/*.txt"))[: args.bbc]
    if bbc:
        write_records(bbc, out / "bbc.jsonl")
    else:
        missing(PEER / "bbc-news-greene2006")
    polnear = sorted((PEER / "polnear" / "data" / "dev" / "text").glob("*.txt"))
    if polnear:
        write_records(polnear, out / "polnear.jsonl", body_only=True)
    else:
        missing(PEER / "polnear")
    if not args.no_eval:
        plover = PEER / "PLOVER" / "PLOVER_GSR_CAMEO.txt"
        if plover.exists():
            write_eval("plover", plover, out / "plover.txt")
        else:
            missing(plover)
        petrarch = PEER / "petrarch2" / "PETR.UnitTest.records.xml"
        if petrarch.exists():
            write_eval("petrarch", petrarch, out / "petrarch.txt")
        else:
            missing(PEER / "petrarch2")
    print(f"snapshot written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

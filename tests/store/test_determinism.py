"""Determinism: the same inputs give the same store and exports, whatever the hash seed.

Near-duplicate ties (a story that is as much a copy of two stories of different clusters) used to go to
whichever candidate the LSH index's set gave first, which depends on PYTHONHASHSEED.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.dedup import DedupIndex, fingerprint, similarity
from dateline.records import Article

from .conftest import make_article, make_event

REPO = Path(__file__).resolve().parents[2]


def words(prefix: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(f"{prefix}{rng.randrange(10**6)}" for _ in range(n))


def tied_texts() -> tuple[str, str, str]:
    """Texts X and Y (not the same story) and D, wholly inside both, scoring the same against each and
    finding both in the LSH index."""
    core = words("w", 40, 0)
    for seed in range(200):
        x = core + " " + words("p", 25, 2 * seed + 1)
        y = core + " " + words("q", 25, 2 * seed + 2)
        fx, fy, fd = fingerprint(x), fingerprint(y), fingerprint(core)
        assert fx and fy and fd
        index = DedupIndex()
        index.insert("x", fx, "x")
        index.insert("y", fy, "y")
        candidates = set(index._lsh.query(fd.minhash))
        if candidates == {"x", "y"} and similarity(fd, fx) == similarity(fd, fy) >= 1.0 > similarity(fx, fy):
            return x, y, core
    raise AssertionError("no tie found: change the texts")


def tied_articles() -> list[Article]:
    x, y, d = tied_texts()
    trigger = d.split()[0]
    return [
        make_article(text + ".", events=[make_event(text, trigger, cameo="036", quad=1, goldstein=4.0,
                                                    source="RUSGOV", target="TURGOV", date="2016-04-27")],
                     url=f"https://{name}.example/1", source=name, published="2016-04-27")
        for name, text in (("x", x), ("y", y), ("d", d))
    ]  # fmt: skip


def test_a_tie_goes_to_the_smallest_article_id() -> None:
    x, y, d = tied_texts()
    index = DedupIndex()
    assert index.add("b-second", y) == "b-second"
    assert index.add("a-first", x) == "a-first"  # not the same story as y
    assert index.add("c", d) == "a-first"


_CHILD = """
import io, json, sys
from dateline.export import write
from dateline.records import Article
from dateline.store import Store
records, db = sys.argv[1:]
with Store.open(db) as store:
    for line in open(records, encoding="utf-8"):
        store.add(Article.from_dict(json.loads(line)))
with Store.open(db, readonly=True) as store:
    out = {"clusters": store.clusters()}
    for fmt in ("gdelt", "gdelt-mentions", "jsonl", "plover-json"):
        buffer = io.StringIO()
        write(store, fmt, buffer)
        out[fmt] = buffer.getvalue()
import sqlite3
out["tables"] = list(sqlite3.connect(db).iterdump())
print(json.dumps(out))
"""


@pytest.mark.parametrize("seeds", [("0", "1", "2", "3")])
def test_two_runs_with_different_hash_seeds_give_identical_stores_and_exports(
    tmp_path: Path, seeds: tuple[str, ...]
) -> None:
    records = tmp_path / "articles.jsonl"
    records.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in tied_articles()), encoding="utf-8")
    outputs = []
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1461715200",
               "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}  # fmt: skip
        db = tmp_path / f"news-{seed}.db"
        done = subprocess.run([sys.executable, "-c", _CHILD, str(records), str(db)], env=env,
                              capture_output=True, text=True, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(done.stdout))
    first = outputs[0]
    assert len(first["clusters"]) == 1 and len(next(iter(first["clusters"].values()))) == 2
    assert "2016-04-27T00:00:00" in "".join(
        first["tables"]
    )  # the time of adding comes from SOURCE_DATE_EPOCH
    for other in outputs[1:]:
        assert other == first

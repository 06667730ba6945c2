"""Place resolution on the geoparsing gold sets, scored as ../shared/eval/geo_score.py scores them; CI pins these
floors. Each set is scored on its first documents (to keep the test to minutes), with entity coordinates counted
for geocoding: the scorer itself reads coordinates from event locations only.

The sets, how many documents of each, and their floors are in tests/floors.toml ([geo.*]). A floor is raised
when the score rises, never quietly lowered.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from dateline.coding import code_documents
from dateline.ingest.document import Document
from dateline.records import Article

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "data" in metafunc.fixturenames:  # one test per set of floors.toml's [geo] table
        floors = tomllib.loads(
            (Path(__file__).resolve().parents[1] / "floors.toml").read_text(encoding="utf-8")
        )
        metafunc.parametrize("data", sorted(floors["geo"]))


def _geo_score(shared: Path):
    path = shared / "eval" / "geo_score.py"
    spec = importlib.util.spec_from_file_location("geo_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_with_entity_points(gs, docs: list[dict], recs: dict[str, dict]) -> dict:
    """geo_score's metrics, an entity mention carrying its entity's coordinates where no event gave any."""
    preds = gs.dateline_preds(docs, recs)
    for d in docs:
        rec = recs.get(d["id"])
        if rec is None:
            continue
        fmap = gs._mapper(d["text"], rec["text"])
        at = {fmap(m["start"]): e for e in rec["entities"] for m in e["mentions"]}
        for p in preds[d["id"]]:
            entity = at.get(p["start"])
            if entity is not None and p.get("lat") is None and entity.get("lat") is not None:
                p["lat"], p["lon"] = entity["lat"], entity["lon"]
    metrics, rows = gs.score(docs, preds)
    found = sum(1 for r in rows if r["pred"] is not None)
    metrics["geocoded_share"] = metrics["geo"]["n"] / found if found else 0.0
    return metrics


def test_geo_floors(shared: Path, data: str, floors: dict[str, Any]) -> None:
    gs = _geo_score(shared)
    if not (gs.GOLD_DIR / f"{data}.jsonl").is_file():
        pytest.skip(f"../shared has no {data} gold")
    floor = floors["geo"][data]
    limit = floor["documents"]
    docs, _ = gs.gold_docs(data)
    docs = docs[:limit]
    documents = [Document(text=d["text"], origin={"path": f"{d['id']}.txt"}, body_only=True) for d in docs]
    recs = {}
    for article in code_documents(documents):
        assert isinstance(article, Article)
        recs[Path(article.origin["path"]).stem] = article.to_dict()
    metrics = score_with_entity_points(gs, docs, recs)
    figures = {
        "country_acc": metrics["country_acc"],
        "acc161": metrics["geo"]["acc161"],
        "geocoded_share": metrics["geocoded_share"],
    }
    sys.stdout.write(f"{data} first {limit}: {json.dumps(figures)}\n")
    assert metrics["country_acc"] >= floor["country"], (
        f"country-acc {metrics['country_acc']:.3f} < {floor['country']}"
    )
    assert (metrics["geo"]["acc161"] or 0) >= floor["acc161"], (
        f"acc161 {metrics['geo']['acc161']} < {floor['acc161']}"
    )
    assert metrics["geocoded_share"] >= floor["geocoded"], (
        f"geocoded {metrics['geocoded_share']:.3f} < {floor['geocoded']}"
    )

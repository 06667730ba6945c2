"""Place resolution on the geoparsing gold sets, scored as ../shared/eval/geo_score.py scores them; CI pins these
floors. Each set is scored on its first documents (to keep the test to minutes), with entity coordinates counted
for geocoding: the scorer itself reads coordinates from event locations only.

A floor is raised when the score rises, never quietly lowered.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from dateline.coding import code_documents
from dateline.ingest.document import Document
from dateline.records import Article

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# set: (documents, country-acc floor, acc@161 km floor over geocoded toponyms, geocoded share of found floor)
FLOORS = {
    "gwn": (40, 0.69, 0.78, 0.69),
    "lgl": (60, 0.71, 0.76, 0.79),
    "trnews": (30, 0.85, 0.77, 0.86),
    "geovirus": (40, 0.83, 0.71, 0.88),
}


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


@pytest.mark.parametrize("data", sorted(FLOORS))
def test_geo_floors(shared: Path, data: str) -> None:
    gs = _geo_score(shared)
    if not (gs.GOLD_DIR / f"{data}.jsonl").is_file():
        pytest.skip(f"../shared has no {data} gold")
    limit, country_floor, acc161_floor, share_floor = FLOORS[data]
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
    assert metrics["country_acc"] >= country_floor, (
        f"country-acc {metrics['country_acc']:.3f} < {country_floor}"
    )
    assert (metrics["geo"]["acc161"] or 0) >= acc161_floor, (
        f"acc161 {metrics['geo']['acc161']} < {acc161_floor}"
    )
    assert metrics["geocoded_share"] >= share_floor, (
        f"geocoded {metrics['geocoded_share']:.3f} < {share_floor}"
    )

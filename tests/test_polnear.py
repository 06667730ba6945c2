"""Quote attribution on PolNeAR dev, scored by ../shared/eval/polnear_score.py; CI pins these floors.

A floor is raised when the score rises, never quietly lowered.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.shared]

FLOORS = {
    "content_f1_overlap": 0.74,
    "source_f1_overlap": 0.71,
    "attribution_f1": 0.60,
}


def _bench():
    path = Path(__file__).resolve().parents[1] / "bench" / "polnear.py"
    spec = importlib.util.spec_from_file_location("bench_polnear", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_polnear_dev_floors(shared: Path, tmp_path: Path) -> None:
    split = shared / "data" / "peer" / "polnear" / "data" / "dev"
    if not split.is_dir():
        pytest.skip("../shared has no PolNeAR dev split")
    bench = _bench()
    records = tmp_path / "records.jsonl"
    assert bench.write_records(split, records, body_only=False) == 84
    metrics = json.loads(bench.score(split, records, as_json=True))
    sys.stdout.write(json.dumps({k: metrics[k] for k in FLOORS}) + "\n")
    for key, floor in FLOORS.items():
        assert metrics[key] >= floor, f"{key} {metrics[key]} fell below its floor {floor}"

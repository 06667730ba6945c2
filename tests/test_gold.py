"""The gold-annotated stories of ../shared/examples, scored by the project's own scorer.

The floors below are the quality gate: raise one when the score rises, never lower it quietly.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FLOORS = {
    "meta_ok": 5,  # headline, dateline place/country/agency, publication date
    "failed": 0,
}
CEILINGS = {
    "failed": 0,
}


@pytest.fixture(scope="module")
def totals(shared):
    examples = sorted(str(p) for p in (shared / "examples").iterdir() if (p / "expected.json").is_file())
    command = f"{sys.executable} -m dateline code --format json --today 2026-11-29"
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), *examples, "--cmd", command, "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    line = next(line for line in proc.stdout.splitlines() if line.startswith("{"))
    return json.loads(line)


@pytest.mark.parametrize("metric,floor", FLOORS.items())
def test_gold_floor(totals, metric, floor):
    if metric in CEILINGS:
        assert totals[metric] <= CEILINGS[metric]
    else:
        assert totals[metric] >= floor, totals

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
    "ent_ok": 13,  # gold entities found with the right name and type
    "q_found": 12,  # gold quotes found
    "q_spk": 12,  # of those, with the right speaker
    "ev_req": 5,  # required events found
    "ev_date": 3,  # events whose own date is right
}
CEILINGS = {
    "failed": 0,  # articles the scorer could not score
    "q_false": 0,  # quoted text that is not speech, reported as a quote
    "ev_bad": 0,  # events coded as asserted from negated or supposed text
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
    assert totals[metric] >= floor, totals


@pytest.mark.parametrize("metric,ceiling", CEILINGS.items())
def test_gold_ceiling(totals, metric, ceiling):
    assert totals[metric] <= ceiling, totals


def test_gold_event_precision(totals):
    # at least 5 of every 7 events produced match a gold event
    assert totals["ev_used"] * 7 >= totals["ev_out"] * 5, totals

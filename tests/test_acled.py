"""The event coder on ACLED event notes (../shared): the actor-country floor, pinned (raise it, never lower it).

Runs the shared scorer over its development set with this checkout's coder; the notes never leave ../shared.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ACLED_ACTOR_COUNTRY = 0.45

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def test_acled_actor_country_floor(shared: Path) -> None:
    scorer = shared / "eval" / "acled_score.py"
    items = shared / "data" / "peer" / "acled-dev"
    if not scorer.is_file() or not items.is_dir():
        pytest.skip("the ACLED development set or its scorer is not in ../shared")
    command = f"{sys.executable} -m dateline code --format json --body"
    done = subprocess.run(
        [sys.executable, str(scorer), str(items), "--cmd", command],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    found = re.search(r"actor-country ([0-9.]+)", done.stdout.strip().splitlines()[-1])
    assert found is not None, done.stdout[-500:]
    assert float(found.group(1)) >= ACLED_ACTOR_COUNTRY

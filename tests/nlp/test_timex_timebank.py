"""Date expressions on TimeBank + AQUAINT (TempEval-3 training set), scored by ../shared/eval/timex_score.py.

Floors in tests/floors.toml ([timebank]); raise them when scores rise, never lower them quietly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def test_timex_timebank_floors(shared: Path, floors: dict[str, Any]) -> None:
    floor = floors["timebank"]
    scorer = shared / "eval" / "timex_score.py"
    if not (shared / "data" / "peer" / "timebank-aquaint").is_dir() or not scorer.is_file():
        pytest.skip("../shared has no TimeBank + AQUAINT data or no timex scorer")
    command = f"{sys.executable} -m dateline code --format json --body"
    proc = subprocess.run(
        [sys.executable, str(scorer), "--cmd", command], capture_output=True, text=True, check=True
    )
    line = proc.stdout.strip().splitlines()[-1]
    sys.stdout.write(line + "\n")
    match = re.search(r"relaxed F1 ([\d.]+) value acc [\d.]+ value F1 ([\d.]+)", line)
    assert match is not None, proc.stdout[-2000:]
    relaxed, value = float(match.group(1)), float(match.group(2))
    assert relaxed >= floor["relaxed"], f"relaxed F1 {relaxed} fell below its floor {floor['relaxed']}"
    assert value >= floor["value"], f"value F1 {value} fell below its floor {floor['value']}"

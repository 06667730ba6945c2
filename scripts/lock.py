"""Write constraints.txt: the exact versions of every distribution in this environment that CI tested.

Run it from the repository's root with the project's virtual environment after a dependency changes:

    .venv/bin/python scripts/lock.py

The README's set-up command and `.ci/run` both install with `-c constraints.txt`, so a fresh machine gets the
versions that passed, whatever has been released since. The project itself (installed editable) is left out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "constraints.txt"
HEADER = """\
# The tested versions of every dependency, written by `python scripts/lock.py`; do not edit by hand.
# Used as `pip install -c constraints.txt -e ".[dev,scale]"` by the README's set-up and by .ci/run.
"""


def frozen() -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pins = [line.strip() for line in out.splitlines() if "==" in line and not line.startswith("#")]
    return sorted((p for p in pins if not p.lower().startswith("dateline==")), key=str.lower)


def main() -> None:
    pins = frozen()
    LOCK.write_text(HEADER + "\n".join(pins) + "\n", encoding="utf-8")
    print(f"{LOCK.name}: {len(pins)} pinned distributions")


if __name__ == "__main__":
    main()

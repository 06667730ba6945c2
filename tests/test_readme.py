"""The README's command-line reference is the one `--help` prints today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "cli_reference.py"


def test_readme_cli_reference_is_current():
    spec = importlib.util.spec_from_file_location("cli_reference", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = module.README.read_text(encoding="utf-8")
    assert current == module.rendered(current), "run: python scripts/cli_reference.py"

"""The README's set-up installs what CI tested: every declared dependency is pinned in constraints.txt."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement string ("psycopg[binary]>=3.1" -> "psycopg")."""
    head = re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", head).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_name(name)] = version.strip()
    return pins


def _declared() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in ("dev", "scale"):
        requirements += project["optional-dependencies"][extra]
    return requirements


def test_every_declared_dependency_is_pinned():
    pins = _pins()
    missing = [r for r in _declared() if _name(r) not in pins]
    assert not missing, f"not in constraints.txt (run: python scripts/lock.py): {missing}"


def test_pins_are_exact_versions():
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", v) for v in _pins().values())


def _readme_command(marker: str) -> str:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    after = lines[lines.index(f"<!-- {marker} -->") + 1 :]
    return next(line[4:] for line in after if line.startswith("    ") and line[4:5] != " ")


def test_readme_setup_uses_the_lock():
    setup = _readme_command("setup")
    assert setup.startswith("python3 -m venv .venv && ")
    assert "-c constraints.txt" in setup and "upgrade" not in setup


def test_ci_runs_the_readme_commands_as_written():
    """.ci/run reads the set-up and test commands from the README rather than keeping copies of its own."""
    script = REPO / ".ci" / "run"
    function = re.search(r"readme_command\(\) \{.*?\n\}", script.read_text(encoding="utf-8"), re.S)
    assert function, ".ci/run has no readme_command function"
    for marker in ("setup", "tests"):
        found = subprocess.run(
            ["bash", "-c", f"cd {REPO} && {function.group(0)}\nreadme_command {marker}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert found == _readme_command(marker)
    assert "pip install" not in script.read_text(encoding="utf-8").replace("$SETUP", "")

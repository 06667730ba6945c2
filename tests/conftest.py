"""Shared fixtures: the spaCy pipeline loaded once per session, the ../shared evaluation data, and the
quality floors of tests/floors.toml."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
FLOORS = REPO / "tests" / "floors.toml"


def read_floors() -> dict[str, Any]:
    """The quality floors (tests/floors.toml: its header says how a floor is raised)."""
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        default=False,
        help="also run the tests marked slow (long evaluations, kill-and-resume runs); CI runs them",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow") or os.environ.get("DATELINE_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow: give --slow (or DATELINE_SLOW_TESTS=1) to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared evaluation data; tests that need it skip where it is absent (a user's clone)."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (evaluation data) is not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def floors() -> dict[str, Any]:
    """tests/floors.toml, one table per evaluation."""
    return read_floors()


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp.pipeline import load_nlp
    from dateline.settings import DEFAULT_MODEL

    return load_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def example_story() -> Path:
    return REPO / "examples" / "kyiv-grain-talks.txt"

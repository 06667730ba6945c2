"""Shared fixtures: the spaCy pipeline loaded once per session, and the ../shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared evaluation data; tests that need it skip where it is absent (a user's clone)."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (evaluation data) is not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp.pipeline import load_nlp
    from dateline.settings import DEFAULT_MODEL

    return load_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def example_story() -> Path:
    return REPO / "examples" / "kyiv-grain-talks.txt"

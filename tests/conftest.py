"""Shared fixtures: the spaCy pipeline loaded once per session, Docs built by hand (no model), the ../shared
evaluation data, and the quality floors of tests/floors.toml."""

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
def hand_doc():
    """Build a Doc with its parse given, for a stage whose rules are tested and not the parser:
    `hand_doc("Russia/1/nsubj attacked/1/ROOT/attack/VBD Ukraine/1/dobj")`, one "word/head/dep[/lemma[/tag]]"
    item per word (head: the index of the head word; lemma: the lower-cased word when left out)."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab  # English lexeme attributes (`lower_`), no trained model

    def build(parse: str) -> Doc:
        rows = [item.split("/") for item in parse.split()]
        return Doc(
            vocab,
            words=[row[0] for row in rows],
            heads=[int(row[1]) for row in rows],
            deps=[row[2] for row in rows],
            lemmas=[row[3] if len(row) > 3 else row[0].lower() for row in rows],
            tags=[row[4] if len(row) > 4 else "" for row in rows],
        )

    return build


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp.pipeline import load_nlp
    from dateline.settings import DEFAULT_MODEL

    return load_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def example_story() -> Path:
    return REPO / "examples" / "kyiv-grain-talks.txt"

"""The people, roles and actor-lexicon modules use one another through public names only, and stay short."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

NLP = Path(__file__).resolve().parents[2] / "src" / "dateline" / "nlp"
LEXICON = NLP.parent / "lexicon"
ACTOR_MODULES = [
    NLP / "people.py",
    NLP / "persontitles.py",
    NLP / "roles.py",
    NLP / "antecedents.py",
    NLP / "domestic.py",
    LEXICON / "actors.py",
    LEXICON / "actor_codes.py",
    LEXICON / "actor_words.py",
]


def imported_private_names(source: str) -> list[str]:
    """The private names (one leading underscore, not dunder) a module imports from dateline modules."""
    return [
        f"{node.module}.{alias.name}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dateline")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from dateline.nlp.persontitles import Person, title_before\n", []),
        ("from dateline.nlp.people import _place\n", ["dateline.nlp.people._place"]),
        ("from dateline.lexicon.words import CLAIM_VERBS as _SAY\n", []),
        ("def f():\n    from dateline.lexicon.actors import _tokens\n", ["dateline.lexicon.actors._tokens"]),
        ("from collections import _private\n", []),
    ],
)
def test_private_imports_are_found(source, expected):
    assert imported_private_names(source) == expected


@pytest.mark.parametrize("path", ACTOR_MODULES, ids=lambda p: p.name)
def test_actor_modules_import_no_private_names(path):
    assert imported_private_names(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", ACTOR_MODULES, ids=lambda p: p.name)
def test_actor_modules_stay_under_the_guideline(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 550

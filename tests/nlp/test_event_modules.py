"""The event coder's and the actor coder's modules use one another through public names only, and stay short
enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

NLP = Path(__file__).resolve().parents[2] / "src" / "dateline" / "nlp"
LEXICON = NLP.parent / "lexicon"
EVENT_MODULES = [
    NLP / "events.py",
    NLP / "triggers.py",
    NLP / "eventrecord.py",
    NLP / "merging.py",
    NLP / "confidence.py",
    NLP / "modality.py",
    NLP / "eventdates.py",
    NLP / "candidate.py",
    LEXICON / "verbs.py",
    LEXICON / "codebook.py",
]
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


def private_imports(source: str) -> list[str]:
    """The private names (one leading underscore, not dunder) a module imports from dateline modules."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dateline"):
            found += [
                f"{node.module}.{alias.name}"
                for alias in node.names
                if alias.name.startswith("_") and not alias.name.startswith("__")
            ]
    return found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from dateline.nlp.roles import subject_of\n", []),
        ("from dateline.nlp.roles import _quote_at, subject_of\n", ["dateline.nlp.roles._quote_at"]),
        ("from dateline.nlp.candidate import Candidate as _Found\n", []),
        ("from dateline import __version__\n", []),
        ("def f():\n    from dateline.nlp.modality import _hidden\n", ["dateline.nlp.modality._hidden"]),
        ("def f():\n    from dateline.lexicon.actors import _tokens\n", ["dateline.lexicon.actors._tokens"]),
        ("from collections import _private\n", []),
    ],
)
def test_private_imports_are_found(source, expected):
    assert private_imports(source) == expected


@pytest.mark.parametrize("path", EVENT_MODULES, ids=lambda p: p.name)
def test_event_modules_import_no_private_names(path):
    assert private_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", EVENT_MODULES, ids=lambda p: p.name)
def test_event_modules_stay_short(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 450


@pytest.mark.parametrize("path", ACTOR_MODULES, ids=lambda p: p.name)
def test_actor_modules_import_no_private_names(path):
    assert private_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", ACTOR_MODULES, ids=lambda p: p.name)
def test_actor_modules_stay_under_the_guideline(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 550

"""The prefix-tree alternation matches what the flat alternation (longest first) matches."""

from __future__ import annotations

import re

import pytest

from dateline.lexicon.titles import load_titles
from dateline.nlp.alternation import alternation

SPACE = r"[ \t\u00a0]+"
WORDS = ["minister", "prime minister", "minister of state", "mayor", "m", "émir", "vice-president", "vice"]
TEXTS = [
    "The Prime Minister met the Minister of State and the mayor.",
    "MINISTER  OF\tSTATE; vice-president Vice President; Émir and emir; m. M",
    "ministers, administer, prime  minister, minister of states",
]


def _flat(words: list[str]) -> str:
    escaped = (re.escape(w).replace(r"\ ", SPACE) for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("boundary", ["", r"(?![\w'’])"])
def test_tree_matches_as_flat(text: str, boundary: str) -> None:
    flat = re.compile(rf"(?i:(?:{_flat(WORDS)})){boundary}")
    tree = re.compile(rf"(?i:{alternation(WORDS, space=SPACE)}){boundary}")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert list(tree.finditer(text)), "the texts should contain words of the list"


def test_shipped_titles_match_as_flat() -> None:
    titles = [t.title for t in load_titles()]
    flat = re.compile(rf"(?<!\w)(?i:(?:{_flat(titles)}))(?![\w'’])")
    tree = re.compile(rf"(?<!\w)(?i:{alternation(titles, space=SPACE)})(?![\w'’])")
    text = " ".join(titles) + ". " + " ".join(t.upper() for t in titles) + ", " + ", ".join(titles[::-1])
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]

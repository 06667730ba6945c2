"""The verb lexicon's per-code knowledge read from data: conversion fallbacks and symmetric roots."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import LexiconError
from dateline.lexicon.verbs import from_petrarch, load_verb_lexicon, read_verb_lexicon

SMALL = """
version = "small"

[[pattern]]
words = ["meet"]
code = "040"

[intent]
"04" = "036"

[modality]
cooperative = ["04", "05"]
fallback = { intent = "030", reject = "120" }

[symmetric]
roots = ["04"]
"""


def small(tmp_path: Path, text: str = SMALL) -> Path:
    path = tmp_path / "verbs.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("control", "code", "expected"),
    [
        ("intent", "040", "036"),  # the table names the root
        ("intent", "051", "030"),  # it does not: the fallback
        ("reject", "040", "120"),  # no [reject] table at all: the fallback
        ("threat", "190", None),  # neither table nor fallback: no conversion
    ],
)
def test_settle_reads_the_table_then_the_fallback(tmp_path, control, code, expected):
    assert read_verb_lexicon(small(tmp_path)).settle(control, code) == expected


def test_symmetric_roots_are_read(tmp_path):
    assert read_verb_lexicon(small(tmp_path)).symmetric_roots == {"04"}
    assert (
        read_verb_lexicon(small(tmp_path, SMALL.replace('roots = ["04"]', "roots = []"))).symmetric_roots
        == set()
    )


@pytest.mark.parametrize(
    ("fallback", "message"),
    [
        ('{ intent = "999" }', "unknown code"),
        ('{ demand = "100" }', "other than reject, intent, threat"),
    ],
)
def test_a_bad_fallback_names_the_file(tmp_path, fallback, message):
    text = SMALL.replace('fallback = { intent = "030", reject = "120" }', f"fallback = {fallback}")
    with pytest.raises(LexiconError, match=message) as caught:
        read_verb_lexicon(small(tmp_path, text))
    assert "verbs.toml" in str(caught.value)


def test_dateline_lexicon_has_a_fallback_for_every_conversion():
    verbs = load_verb_lexicon()
    assert verbs.fallbacks == {"reject": "120", "intent": "030", "threat": "130"}
    assert verbs.symmetric_roots == {"03", "04", "06"}


def test_an_imported_lexicon_keeps_the_base_fallbacks_and_roots(tmp_path):
    base = read_verb_lexicon(small(tmp_path))
    imported = from_petrarch([], base=base)
    assert (imported.fallbacks, imported.symmetric_roots, imported.tables) == (base.fallbacks, {"04"}, {})
    assert imported.settle("intent", "040") == "030"  # no tables of its own: the fallback

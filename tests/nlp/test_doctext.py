"""Where plain text's sentences start, abbreviations' dots left alone."""

from __future__ import annotations

import pytest

from dateline.nlp.doctext import sentence_start


@pytest.mark.parametrize(
    ("text", "word", "start_word"),
    [
        ("Peace with Israel. Syrian President Assad", "Assad", "Syrian"),
        ("He left. Lt. Gen. John Smith", "John", "Lt."),  # "Lt." and "Gen." end no sentence
        ("Talks ended. U.S. President Joe Biden", "Joe", "U.S."),
        ("Did it end? Yes, said Smith", "Smith", "Yes,"),
        ("No full stop here at all", "all", "No"),
    ],
)
def test_sentence_start(text: str, word: str, start_word: str) -> None:
    at = sentence_start(text, 0, text.index(word))
    assert text[at:].split()[0] == start_word

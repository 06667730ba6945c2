"""Events of sentences whose parse is given: what the coder does when the parser hangs a party elsewhere."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dateline.nlp.events import find_events

# "In Lima, 200 teachers staged a protest." with the crowd parsed as an apposition of the place, as the small
# model does with long place names before the subject
WORDS = ["In", "Lima", ",", "200", "teachers", "staged", "a", "protest", "."]
HEADS = [5, 0, 1, 4, 1, 5, 7, 5, 5]
DEPS = ["prep", "pobj", "punct", "nummod", "appos", "ROOT", "det", "dobj", "punct"]
POS = ["ADP", "PROPN", "PUNCT", "NUM", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
LEMMAS = ["in", "Lima", ",", "200", "teacher", "stage", "a", "protest", "."]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("VBD", ["141"]),  # "staged a protest": told as done, whoever staged it
        ("VBG", []),  # "staging a protest": no telling of its own without a party
    ],
)
def test_a_protest_carried_by_a_light_verb_is_told_without_its_party(tag, expected):
    tags = ["IN", "NNP", ",", "CD", "NNS", tag, "DT", "NN", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=WORDS,
        heads=HEADS,
        deps=DEPS,
        tags=tags,
        pos=POS,
        lemmas=LEMMAS,
        sent_starts=[True] + [False] * (len(WORDS) - 1),
    )
    assert [e.cameo for e in find_events(doc)] == expected

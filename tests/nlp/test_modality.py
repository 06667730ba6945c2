"""Modality of an event from its clause, on hand-built Docs: the parse is given, so only the rules are tested."""

from __future__ import annotations

import pytest

from dateline.lexicon.verbs import Pattern
from dateline.nlp.candidate import Candidate
from dateline.nlp.modality import modality_of


@pytest.mark.parametrize(
    ("parse", "modality"),
    [
        ("Russia/1/nsubj attacked/1/ROOT/attack Ukraine/1/dobj", "asserted"),
        ("Russia/2/nsubj will/2/aux attack/2/ROOT Ukraine/2/dobj", "intended"),
        ("Russia/2/nsubj may/2/aux attack/2/ROOT Ukraine/2/dobj", "possible"),
        ("Russia/3/nsubj did/3/aux/do not/3/neg attack/3/ROOT Ukraine/3/dobj", "negated"),
        # "if talks fail, Russia would attack": the main clause of a condition
        (
            "If/2/mark talks/2/nsubj fail/6/advcl/fail ,/6/punct Russia/6/nsubj would/6/aux attack/6/ROOT",
            "hypothetical",
        ),
        # "this does not mean that we attack": a negated verb above the event's clause
        ("This/3/nsubj does/3/aux/do not/3/neg mean/3/ROOT that/6/mark we/6/nsubj attack/3/ccomp", "negated"),
        # ... but a negated verb of saying only reports the claim: "officials did not say that Russia attacked"
        (
            "Officials/3/nsubj did/3/aux/do not/3/neg say/3/ROOT that/6/mark Russia/6/nsubj attacked/3/ccomp/attack",
            "asserted",
        ),
        # "Russia is going to attack": an intention
        ("Russia/2/nsubj is/2/aux/be going/2/ROOT/go/VBG to/4/aux attack/2/xcomp", "intended"),
    ],
)
def test_modality_of(hand_doc, parse: str, modality: str) -> None:
    token = next(t for t in hand_doc(parse) if t.lemma_ == "attack")
    pattern = Pattern(words=("attack",), code="190")
    item = Candidate(trigger=token, pattern=pattern, code="190", obj=None, head=token, chain=[token])
    assert modality_of(item) == modality

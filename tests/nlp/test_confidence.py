"""Event confidence follows the table of `dateline.nlp.confidence`."""

from __future__ import annotations

import pytest

from dateline.coding import code_text
from dateline.nlp.confidence import merged_confidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # base 0.40 + specific pattern 0.10 + named source with a country 0.20 + coded target 0.15
        ("Russia imposed sanctions on Turkey.", [0.85]),
        # base + named source + coded target; the pattern sets no constraint
        ("Russia attacked Turkey.", [0.75]),
        # a pronoun with nothing to stand for: no source country; base + coded target
        ("It attacked Iraq.", [0.55]),
        # told twice: the higher telling + 0.05
        ("Russia met Turkey. Turkey met Russia.", [0.8]),
    ],
)
def test_event_confidence_follows_the_table(text, expected):
    events = code_text(text, body_only=True, published="2016-04-27").events
    assert [e.confidence for e in events] == expected


@pytest.mark.parametrize(
    ("kept", "told", "expected"),
    [(0.5, 0.7, 0.75), (0.7, 0.5, 0.75), (0.93, 0.2, 0.95), (0.95, 0.95, 0.95)],
)
def test_a_merged_telling_raises_confidence_up_to_the_ceiling(kept, told, expected):
    assert merged_confidence(kept, told) == expected

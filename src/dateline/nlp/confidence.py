"""How sure the coder is of an event: the `confidence` (0..1) of an event record, and where its figures come from.

An event's confidence is a sum of what its telling shows, clipped to [FLOOR, CEILING] and rounded to two places;
each further telling merged into it raises the highest of the two by MERGED, up to CEILING:

    what the telling shows                                          figure
    ------------------------------------------------------------   ------
    every event (BASE)                                               0.40
    its pattern sets a constraint: particle, preposition, object,   +0.10
      modifier, complement or object words (SPECIFIC)
    its source has a country, named (SOURCE_NAMED)                  +0.20
    ... or only through a pronoun ("it", "they": SOURCE_PRONOUN)    +0.10
    its target has an actor code (TARGET)                           +0.15
    a bare noun, carried by no verb ("the meeting": BARE_NOUN)      -0.10
    clipped to                                                  FLOOR 0.05, CEILING 0.95
    each further telling merged into it (MERGED)                    +0.05

The figures are judgements, not estimates fitted to data: they order events from the barely told to the well
told, so that a threshold keeps the better ones.
"""

from __future__ import annotations

from dateline.nlp.candidate import Candidate

BASE = 0.4
SPECIFIC = 0.1
SOURCE_NAMED = 0.2
SOURCE_PRONOUN = 0.1
TARGET = 0.15
BARE_NOUN = 0.1
FLOOR = 0.05
CEILING = 0.95
MERGED = 0.05


def event_confidence(item: Candidate) -> float:
    """The confidence of one telling of an event, by the table above."""
    confidence = BASE + SPECIFIC * min(item.pattern.specificity, 1)
    if item.source and item.source.country:
        confidence += SOURCE_NAMED if not item.source.pronoun else SOURCE_PRONOUN
    if item.target and item.target.code:
        confidence += TARGET
    if item.pattern.pos == "noun" and item.head is item.trigger:
        confidence -= BARE_NOUN
    return round(max(FLOOR, min(confidence, CEILING)), 2)


def merged_confidence(kept: float, told: float) -> float:
    """The confidence of an event told again: the higher of the two, raised by MERGED, up to CEILING."""
    return round(min(CEILING, max(kept, told) + MERGED), 2)

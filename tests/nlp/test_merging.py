"""Merging the tellings of one happening: which telling leads, and which parties the merged event keeps."""

from __future__ import annotations

import pytest

from dateline.nlp.merging import merge_events
from dateline.records import ActorRef, Coder, Event, Mention, Sentence


def _event(number: int, source: str | None, target: str | None, *, cameo: str = "036") -> Event:
    start = number * 20
    trigger = Mention(text="met", start=start + 5, end=start + 8)
    return Event(
        id=f"V{number}",
        cameo=cameo,
        root=cameo[:2],
        plover=None,
        quad_class=1,
        goldstein=4.0,
        source=ActorRef(actor=source, text=source) if source else None,
        target=ActorRef(actor=target, text=target) if target else None,
        date="2024-05-06",
        date_basis="clause",
        location=None,
        modality="asserted",
        claimed_by=None,
        sentence=Sentence(index=number, start=start, end=start + 19, text="x" * 19),
        trigger=trigger,
        confidence=0.8,
        coder=Coder(version="0", lexicon="cameo"),
        mentions=[trigger],
    )


@pytest.mark.parametrize(
    ("tellings", "expected", "told"),
    [
        # the retelling names the first one's source as its target: the merged event takes the other party
        ([("AAA", None), ("BBBGOV", "AAA")], ("AAA", "BBBGOV"), 2),
        ([("AAAGOV", None), ("BBB", "AAAGOV")], ("AAAGOV", "BBB"), 2),
        ([("AAAGOV", None), ("BBB", "AAAMIL")], ("AAAGOV", "AAAMIL"), 2),  # a domestic pair stays as told
        ([("AAA", None), (None, "AAA")], ("AAA", None), 2),  # no other party to take
        # the retelling names a new target: it is taken as it is
        ([("AAA", None), ("AAA", "BBB")], ("AAA", "BBB"), 2),
        ([("AAA", None), ("CCC", "BBB")], ("AAA", None), 1),  # other parties: another happening
    ],
)
def test_a_merged_event_never_meets_itself(tellings, expected, told) -> None:
    events = [_event(i, source, target) for i, (source, target) in enumerate(tellings)]
    first = merge_events(events)[0]
    assert (
        first.source.actor if first.source else None,
        first.target.actor if first.target else None,
    ) == expected
    assert len(first.mentions) == told

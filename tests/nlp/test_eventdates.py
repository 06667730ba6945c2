"""The date of an event from the date expressions around it, on hand-built Docs: the parse and the dates are
given, so only the choice among them is tested."""

from __future__ import annotations

import pytest

from dateline.lexicon.verbs import Pattern
from dateline.nlp.candidate import Candidate
from dateline.nlp.eventdates import anchors_of, event_clause, event_date
from dateline.records import DateRef, Published

PUBLISHED = Published(date="2020-05-06", basis="dateline")
EPISODE = DateRef(text="1 May", start=0, end=5, value="2020-05-01")


def _attack(doc) -> Candidate:  # type: ignore[no-untyped-def]
    """An attack (190) triggered by the Doc's word "attack", alone in its chain."""
    token = next(t for t in doc if t.lemma_ == "attack")
    return Candidate(
        trigger=token,
        pattern=Pattern(words=("attack",), code="190"),
        code="190",
        obj=None,
        head=token,
        chain=[token],
    )


@pytest.mark.parametrize(
    ("parse", "dates", "episode", "expected"),
    [
        # a day in the event's own clause
        (
            "Police/1/nsubj said/1/ROOT/say rebels/3/nsubj attacked/1/ccomp/attack/VBD the/5/det town/3/dobj "
            "on/3/prep Monday/6/pobj",
            {"Monday": ("2020-05-04", "day")},
            None,
            ("2020-05-04", "clause"),
        ),
        # a day in the clause above: "On Monday police said rebels attacked the town"
        (
            "On/3/prep Monday/0/pobj police/3/nsubj said/3/ROOT/say rebels/5/nsubj attacked/3/ccomp/attack/VBD "
            "the/7/det town/5/dobj",
            {"Monday": ("2020-05-04", "day")},
            None,
            ("2020-05-04", "sentence"),
        ),
        # a coarser date in the clause
        (
            "Rebels/1/nsubj attacked/1/ROOT/attack/VBD the/3/det town/1/dobj last/5/amod month/1/npadvmod",
            {"last month": ("2020-04-01", "month")},
            None,
            ("2020-04-01", "clause-month"),
        ),
        # no date in the sentence: a past event continues the episode of an earlier sentence ...
        (
            "Rebels/1/nsubj attacked/1/ROOT/attack/VBD the/3/det town/1/dobj",
            {},
            EPISODE,
            ("2020-05-01", "episode"),
        ),
        # ... a present one does not, and takes the publication date
        (
            "Rebels/1/nsubj attack/1/ROOT/attack/VBP the/3/det town/1/dobj",
            {},
            EPISODE,
            ("2020-05-06", "published"),
        ),
    ],
)
def test_event_date(hand_doc, parse: str, dates: dict, episode: DateRef | None, expected: tuple) -> None:
    doc = hand_doc(parse)
    refs = []
    for text, (value, granularity) in dates.items():
        start = doc.text.index(text)
        refs.append(
            DateRef(text=text, start=start, end=start + len(text), value=value, granularity=granularity)
        )
    item = _attack(doc)
    found = event_date(item, event_clause(item), anchors_of(doc, refs, PUBLISHED), episode, PUBLISHED)
    assert found == expected


def test_no_date_at_all(hand_doc) -> None:
    item = _attack(hand_doc("Rebels/1/nsubj attack/1/ROOT/attack/VBP"))
    assert event_date(item, event_clause(item), [], None, Published()) == (None, "none")

"""One event per happening: the tellings of an event in a story merged into one record.

Step 5 of `dateline.nlp.events` (see that module for the process).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from dateline.lexicon.verbs import load_verb_lexicon
from dateline.nlp.confidence import merged_confidence
from dateline.nlp.eventdates import DATE_RANK
from dateline.records import ActorRef, Event

__all__ = ["iter_codes", "merge_events"]


def _key(event: Event, symmetric: Collection[str]) -> tuple[str, frozenset[str]] | None:
    """Root and parties; the parties of a one-sided act are kept in order ("<" marks the source)."""
    source = (event.source.actor or "")[:3] if event.source else ""
    target = (event.target.actor or "")[:3] if event.target else ""
    if not source:
        return None
    if event.root in symmetric:
        return event.root, frozenset({source, target} - {""})
    return event.root, frozenset({"<" + source} | ({target} if target else set()))


def merge_events(
    events: list[Event],
    *,
    require_actor: bool = True,
    keep: Collection[str] = (),
    retold: Collection[str] = (),
    symmetric: Collection[str] | None = None,
) -> list[Event]:
    """One event per happening: the same root with the same parties (or a subset of them: a retelling
    that names fewer), or a nominal retelling that names none ("the meeting"). Events whose ids are in
    `keep` (an act whose party has no actor code, a happening told with no party: "an explosion took place")
    stand alone when nothing absorbs them; events whose ids are in `retold` (a reference in a phrase of time
    or circumstance: "after violent protests by the opposition") never do. The parties of an act of a `symmetric` root are not ordered
    (default: the [symmetric] roots of dateline's verb lexicon): "X met Y" retells "Y met X"."""
    roots = load_verb_lexicon().symmetric_roots if symmetric is None else symmetric
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (_key(e, roots) is None, e.id in retold)):
        key = _key(event, roots)
        same = None
        for kept in merged:
            kept_key = _key(kept, roots)
            if kept_key is None or kept.root != event.root:
                continue
            if key is not None and kept.cameo[:3] != event.cameo[:3]:
                continue
            if kept.trigger == event.trigger:
                continue  # the pairs of one compound are events of their own ("Egypt and Israel signed")
            if key is None or key[1] <= kept_key[1] or kept_key[1] <= key[1]:
                same = kept
                break
        if same is None:
            if require_actor and (event.id in retold or (key is None and event.id not in keep)):
                continue
            merged.append(event)
            continue
        _absorb(same, event)
    return sorted(merged, key=lambda e: min(m.start for m in e.mentions))


def _absorb(kept: Event, event: Event) -> None:
    kept.mentions.append(event.trigger)
    kept.mentions.sort(key=lambda m: m.start)
    kept.confidence = merged_confidence(kept.confidence, event.confidence)
    if DATE_RANK.get(event.date_basis, 2) < DATE_RANK.get(kept.date_basis, 2):
        kept.date, kept.date_basis = event.date, event.date_basis
    if kept.location is None:
        kept.location = event.location
    if kept.claimed_by is None:
        kept.claimed_by = event.claimed_by
    if kept.target is None or (event.target and event.target.actor and not kept.target.actor):
        kept.target = _other_party(kept, event)


def _other_party(kept: Event, event: Event) -> ActorRef | None:
    """The party of `event` that `kept` lacks: its target, or its source when that target is `kept`'s own
    source: "A agrees to talks", retold as "B's minister will travel to A's capital", is met by B, not by A."""
    own = kept.source.actor if kept.source else None
    if own and event.target and event.target.actor == own:
        other = event.source if event.source and event.source.actor not in (None, own) else None
        return other
    return event.target


def iter_codes(events: Iterable[Event]) -> Iterator[str]:
    """The CAMEO codes of events, in order (for quick looks and tests)."""
    return (event.cameo for event in events)

"""An actor code or a person across a store: events as source and as target, top partners, quotes.

from dateline.analysis.actors import actor_profile
profile = actor_profile(store, "RUSGOV", kind="actor")       # or ("Sergei Lavrov", kind="person")
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.records import Event
from dateline.store.filters import EventFilter
from dateline.store.rows import EventRow

if TYPE_CHECKING:
    from dateline.store import Store

PARTNERS = 15  # the partners a profile lists


@dataclass
class ActorProfile:
    """An actor code or a person: events as source and as target, top partners, quotes by them."""

    key: str
    kind: str  # "actor" or "person"
    as_source: list[EventRow] = field(default_factory=list)
    as_target: list[EventRow] = field(default_factory=list)
    partners: list[tuple[str, int]] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)


def actor_profile(store: Store, key: str, *, kind: str, limit: int = 200) -> ActorProfile:
    """Events of an actor (`kind="actor"`, a code prefix) or a person (`"person"`, a name) as source
    and as target (at most `limit` of each, newest first), their most frequent partners and quotes."""
    profile = ActorProfile(key=key, kind=kind)
    if kind == "actor":
        for row in store.events(EventFilter(actor=key), limit=limit * 2):
            if _actor(row.event, "source").startswith(key):
                profile.as_source.append(row)
            if _actor(row.event, "target").startswith(key):
                profile.as_target.append(row)
        profile.quotes = store.quotes_by(actor=key)
    else:
        profile.as_source = store.person_events(key, role="source", limit=limit)
        profile.as_target = store.person_events(key, role="target", limit=limit)
        profile.quotes = store.quotes_by(person=key)
    partners: Counter[str] = Counter()
    for row in profile.as_source:
        partners[_actor(row.event, "target")] += 1
    for row in profile.as_target:
        partners[_actor(row.event, "source")] += 1
    partners.pop("", None)
    profile.partners = partners.most_common(PARTNERS)
    profile.as_source = profile.as_source[:limit]
    profile.as_target = profile.as_target[:limit]
    return profile


def _actor(event: Event, side: str) -> str:
    ref = event.source if side == "source" else event.target
    return (ref.actor or "") if ref else ""

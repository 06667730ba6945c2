"""Domestic actors placed in a country: an agent with no country of its own ("President X", "the rebels",
"he") takes the country the sentence is about, as CAMEO codes domestic actors by their country.

`needs_home` tells which actors want a country; `place_domestic` places an event's source and target where
`dateline.nlp.homes` finds the sentence's country. Used by `dateline.nlp.roles`, which re-exports
`place_domestic`.
"""

from __future__ import annotations

from spacy.tokens import Span

from dateline.nlp.actors import ActorCoder, CodedActor
from dateline.nlp.candidate import Candidate

#: The sectors of actors CAMEO codes by their country when they stand alone (GOV -> RUSGOV).
DOMESTIC_SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "REB",
    "PTY",
    "ELI",
    "BUS",
    "MED",
    "CVL",
    "LAB",
    "CRM",
    "EDU",
    "REL",
    "SPY",
    "UAF",
    "REF",
    "HLH",
    "AGR",
    "DEV",
    "IGO",
    "ENV",
    "HRI",
    "INS",
    "SEP",
    "NGM",
}


def needs_home(actor: CodedActor | None) -> bool:
    """Whether an actor is a bare domestic agent (GOV, MIL, REB, ...) that names no country."""
    return bool(
        actor is not None
        and actor.code
        and not actor.country
        and len(actor.code) == 3
        and actor.code in DOMESTIC_SECTORS
    )


def _domestic(actor: CodedActor | None, home: str, basis: str = "sentence") -> CodedActor | None:
    """An agent with no country of its own ("President X", "the rebels", "he") is placed in the country the
    sentence is about: CAMEO codes domestic actors by their country."""
    if actor is None or not needs_home(actor):
        return actor
    return actor.placed(home, basis)


def place_domestic(item: Candidate, sent: Span, coder: ActorCoder) -> None:
    """Place the event's domestic actors that name no country (see `dateline.nlp.homes`)."""
    if not (needs_home(item.source) or needs_home(item.target)):
        return
    owners = [item.trigger, *item.chain] + ([item.obj] if item.obj is not None else [])
    found = coder.homes.home(sent, owners)
    if found is not None:
        item.source, item.target = _domestic(item.source, *found), _domestic(item.target, *found)

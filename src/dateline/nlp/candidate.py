"""The event being built from one trigger, and the few pieces that matching, roles, modality and records share.

Split out of `dateline.nlp.events` (which re-exports the public names); see that module for the process.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dateline.lexicon.verbs import Pattern
from dateline.nlp.actors import CodedActor
from dateline.nlp.doctext import doc_text
from dateline.records import Quote, Speaker

#: dependency labels of a verb's object
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
#: nouns of quantity ("a number of", "a shipment of"): the noun after their "of" is the one meant
QUANTITY_NOUNS = frozenset(
    {
        "number",
        "series",
        "set",
        "part",
        "lot",
        "package",
        "range",
        "wave",
        "couple",
        "dozen",
        "host",
        "ton",
        "tonne",
        "kg",
        "kilogram",
        "worth",
        "amount",
        "shipment",
        "batch",
        "dollar",
        "million",
        "billion",
    }
)


@dataclass
class Candidate:
    """An event being built from one trigger."""

    trigger: Token
    pattern: Pattern
    code: str
    obj: Token | None
    head: Token  # the outermost word of the chain (control or light verb); governs modality and claims
    chain: list[Token] = field(default_factory=list)
    control: str | None = None
    embedder: Token | None = None  # a control verb whose object/clause holds this event
    source: CodedActor | None = None
    target: CodedActor | None = None
    modality: str = "asserted"
    consumed: bool = False
    addressee: Token | None = None  # the one a demand is made of
    happening: bool = False  # a noun reported as happening ("clashes took place"): an event of its own
    cause: bool = False  # done for a cause (a protest, a riot): what it is for is its aim, not another event
    # the further (source, target) pairs of a compound ("Israel and Egypt signed ... with Jordan"): each becomes
    # an event of its own on the same words; `party` numbers them (0 for this first pair)
    parties: list[tuple[CodedActor | None, CodedActor | None]] = field(default_factory=list)
    party: int = 0

    purpose: bool = False  # an infinitive of purpose with no act to serve: intended, not done


def speaker_at(char: int, quotes: list[Quote]) -> Speaker | None:
    """The speaker of the quote that holds a character offset, if one does and names its speaker."""
    for quote in quotes:
        if quote.start <= char < quote.end and quote.speaker is not None:
            return quote.speaker
    return None


def same_line(a: Token, b: Token) -> bool:
    """True when no line break separates two tokens."""
    low, high = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[low:high]

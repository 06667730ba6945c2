"""The event being built from one trigger, and the few pieces that matching, roles, modality and records share.

Split out of `dateline.nlp.events` (which re-exports the public names); see that module for the process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from dateline.lexicon.codebook import data_path, read_table
from dateline.lexicon.verbs import Pattern
from dateline.nlp.actors import CodedActor
from dateline.nlp.doctext import doc_text
from dateline.records import Quote, Speaker

_SUBJECTS = {"nsubj", "csubj"}
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


@cache
def _stative_participles() -> dict[str, frozenset[str]]:
    """Participle -> the prepositions after which it tells its subject's state (data/stative_participles.tsv)."""
    rows = read_table(data_path("stative_participles.tsv"), ("participle", "prepositions"))
    return {row["participle"].lower(): frozenset(row["prepositions"].lower().split()) for row in rows}


def stative(token: Token) -> bool:
    """Whether a verb the parser reads as passive tells its subject's state, the subject being the one who
    acts: "Serb forces were engaged in ethnic cleansing", "Vietnam is committed to opening up" (not "were
    engaged by rebels")."""
    preps = _stative_participles().get(token.lower_)
    if not preps or token.tag_ != "VBN" or any(c.dep_ == "agent" for c in token.children):
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ in preps)
        or (
            c.dep_ == "xcomp"
            and "to" in preps
            and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        )
        for c in token.children
    )


def subject_of(token: Token, *, depth: int = 0) -> Token | None:
    """The subject of a word's clause, inherited through xcomp, conj, participles and relative clauses."""
    for child in token.children:
        if child.dep_ in _SUBJECTS or (child.dep_ == "nsubjpass" and stative(token)):
            return child if same_line(child, token) else None
    if any(c.dep_ == "nsubjpass" for c in token.children) or depth > 4:
        return None
    if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return token.head
    if (
        token.dep_ == "pcomp"
        and token.head.dep_ == "prep"
        and token.head.lower_ not in _NOT_DONE
        and _subject_control(token.head.head)
    ):
        return subject_of(token.head.head, depth=depth + 1)  # "youths resorted to throwing stones"
    if token.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acomp"} and token.head.i != token.i:
        return subject_of(token.head, depth=depth + 1)
    return None


#: prepositions whose gerund the subject does not do: "refrained from attacking", "steered clear of criticizing"
_NOT_DONE = {"from", "of", "without", "instead", "against"}


def _subject_control(verb: Token) -> bool:
    """Whether a verb's subject does what its prepositional gerund says: an active verb with no object
    ("resorted to throwing", "succeeded in taking"); not "accused Iran of arming", "was barred from voting"."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "dative", "iobj"} for c in verb.children):
        return False
    return stative(verb) or not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parser attached to a fronted phrase ("With the signing of a memorandum, the government
    and the rebels have agreed ...": "government" read as a conjunct of "memorandum"): the noun right before
    a subjectless main verb and its auxiliaries, inside the phrase that opens the sentence, taken from the
    first of its conjuncts (or the apposition) after the comma that closes that phrase."""
    if verb.dep_ != "ROOT" or any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children):
        return None
    opener = verb.doc[verb.sent.start]
    if opener.dep_ != "prep" or opener.head != verb:
        return None
    first = min(
        [verb, *(c for c in verb.children if c.dep_ in {"aux", "neg"} and c.i < verb.i)], key=lambda t: t.i
    )
    word = verb.doc[first.i - 1] if first.i > verb.sent.start else None
    if word is None or word.pos_ not in {"NOUN", "PROPN"} or word not in set(opener.subtree):
        return None
    while word.dep_ in {"conj", "appos"} and word.head.pos_ in {"NOUN", "PROPN"}:
        before = word.left_edge.i - 1
        if before >= verb.sent.start and verb.doc[before].text == ",":
            return word  # the conjunct or apposition that starts after the opener's comma
        word = word.head
    return None

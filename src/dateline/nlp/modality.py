"""Modality of an event (asserted, possible, intended, negated, hypothetical) from negation, "if/unless"
clauses, modals and plans, and the code conversions it implies: announced acts become intents (03) or threats
(13), refused ones rejections (12).

Split out of `dateline.nlp.events` (which re-exports `modality_of`); see that module for the process.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.lexicon.verbs import VerbLexicon
from dateline.lexicon.words import CLAIM_VERBS as _SAY
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.candidate import same_line

_POSSIBLE = {"may", "might", "can", "could"}
_WILL = {"will", "shall", "'ll", "would", "wo"}
_CONDITIONS = {"if", "unless", "whether"}


def modality_of(item: _Found) -> str:
    """asserted, possible, intended, negated or hypothetical, from the words of the event's chain."""
    chain = item.chain
    negated = any(
        c.dep_ == "neg" or c.lower_ in {"never", "no"} and c.dep_ in {"neg", "det", "advmod"}
        for t in chain
        for c in t.children
    )
    if negated or _negated_above(item.head):
        return "negated"
    if any(_conditional(t) for t in chain):
        return "hypothetical"
    if item.purpose:
        return "intended"
    auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & _POSSIBLE:
        return "possible"
    if auxes & _WILL or item.control == "plan":
        return "intended"
    if any(t.lemma_ == "go" and t.tag_ == "VBG" for t in chain) or (
        "to" in auxes and item.head.dep_ in {"xcomp", "advcl"} and item.head.head.lemma_ == "go"
    ):
        return "intended"
    return "asserted"


def _negated_above(token: Token) -> bool:
    """ "this does not mean that we ignore ...": a negated verb whose clause holds the event."""
    for ancestor in list(token.ancestors)[:3]:
        if not same_line(ancestor, token) or ancestor.lemma_.lower() in _SAY:
            return False
        if any(c.dep_ == "neg" for c in ancestor.children):
            return True
    return False


def _refused_above(token: Token, verbs: VerbLexicon) -> bool:
    """Below a refusal's infinitive, through the clauses it embeds: "refused to allow the planes to land and
    evacuate the observers" tells an evacuation that did not happen (the refusal itself is coded on its own);
    "denied that ..." and "had he denied the charge" refuse no act below them."""
    step = token
    for _ in range(4):
        if step.dep_ not in {"xcomp", "ccomp", "conj"} or step.head is step:
            return False
        below, step = step, step.head
        if not same_line(step, token):
            return False
        if below.dep_ == "xcomp" and step.pos_ == "VERB" and _refusal(step, verbs):
            return True
    return False


def _refusal(token: Token, verbs: VerbLexicon) -> bool:
    """A word of the lexicon that refuses or fails the act it embeds ("refuse", "decline", "fail")."""
    return any(p.control in {"reject", "negate"} for p in verbs.candidates(token.lemma_.lower(), "verb"))


def _conditional(token: Token) -> bool:
    """Inside an "if/unless" clause or an indirect question ("asked whether ..."), or the main clause of a
    condition ("if talks fail, X would ...")."""
    if any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONDITIONS for g in c.children)
        for c in token.children
    ):
        return True
    return _in_condition(token)


def _in_condition(token: Token) -> bool:
    """Inside the condition itself ("unless the president agrees", "if it is attacked") or an indirect question
    ("asked whether Russia would attack"): what it tells is neither done nor promised."""
    for t in [token, *list(token.ancestors)[:3]]:
        if t.dep_ in {"advcl", "ccomp"} and any(
            c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children
        ):
            return True
        if t.dep_ in {"ccomp", "ROOT"} and t is not token:
            break
    return False


def settle_code(item: _Found, verbs: VerbLexicon) -> None:
    """Announced or threatened acts are intents and threats (CAMEO 03 and 13); refusals are rejections. Which
    roots are cooperation and which threats, and the code of a conversion whose table has none for the root, is
    the lexicon's [modality]. What a condition or a question tells ("if it is attacked", "asked whether X would
    attack") is converted into nothing: it stays hypothetical."""
    item.modality = modality_of(item)
    if item.modality not in {"negated", "hypothetical"} and _refused_above(item.head, verbs):
        item.modality = "negated"
    root = item.code[:2]
    cooperative, threat, refusable = verbs.cooperative_roots, verbs.threat_roots, verbs.refusable_roots
    will = bool({c.lower_ for t in item.chain for c in t.children if c.dep_ == "aux"} & _WILL)
    condition = any(_in_condition(t) for t in item.chain)
    if item.modality == "negated" and will and root in refusable:
        _convert(item, verbs, "reject")
    elif item.modality == "intended" and (will or item.control == "plan"):
        if root in cooperative:
            _convert(item, verbs, "intent")
        elif root in threat:
            _convert(item, verbs, "threat")
    elif (
        item.modality in {"possible", "hypothetical"}
        and root in threat
        and item.control != "threat"
        and not condition
        and not _perfect(item)
    ):
        _convert(item, verbs, "threat")  # "could strike", "would attack if ...", not "if it is attacked"
    elif item.modality == "hypothetical" and will and not condition and _ultimatum(item):
        _convert(item, verbs, "threat")  # "will withdraw unless ...": an ultimatum, whatever the act


def _perfect(item: _Found) -> bool:
    """ "may have been sabotaged", "could have attacked": a guess about the past, not a threat."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for t in item.chain for c in t.children)


def _ultimatum(item: _Found) -> bool:
    """A promised act with an "unless" clause of its own: what happens if a demand is not met."""
    return any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
        for t in item.chain
        for c in t.children
    )


def _convert(item: _Found, verbs: VerbLexicon, control: str) -> None:
    """Recode an act by a conversion of the lexicon: an asserted act of its new kind (a lexicon with neither a
    table code nor a [modality] fallback for the conversion leaves it as it is)."""
    code = verbs.settle(control, item.code)
    if code is not None:
        item.code, item.modality = code, "asserted"

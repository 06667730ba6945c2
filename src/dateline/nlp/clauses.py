"""What the parse tells of an event's parties beyond its subject and objects: passives (shared by coordinated
verbs), the two sides of "clashes between X and Y", what relative and possessive words stand for, the party
an event noun's modifier names ("Iraqi airstrikes"), and the unnamed doers of attacks and protests.

Helpers of `dateline.nlp.roles`, which decides the roles; each is a pure function of tokens.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.lexicon.verbs import VerbLexicon
from dateline.nlp.actors import ActorCoder, CodedActor
from dateline.nlp.candidate import Candidate

_FORCE_ROOTS = {"18", "19", "20"}


def passive(token: Token) -> tuple[bool, Token | None]:
    """Whether a verb is passive, and its passive subject, both shared with the verb it is coordinated with
    ("was shot and killed by two gunmen": "killed" is passive, its subject the one shot)."""
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        return True, subject
    if any(c.dep_ in {"nsubj", "csubj"} for c in token.children) or token.tag_ != "VBN":
        return False, None
    if any(c.dep_ in {"auxpass", "agent"} for c in token.children):
        return True, None
    head = token.head
    if token.dep_ == "conj" and head.tag_ == "VBN" and head.i != token.i:
        shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if shared is not None or any(c.dep_ in {"auxpass", "agent"} for c in head.children):
            return True, shared
    return False, None


def between(trigger: Token) -> tuple[Token | None, Token | None]:
    """The parties of "clashes between the army and rebels": the first is the source, the next the target."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            first = next((g for g in child.children if g.dep_ == "pobj"), None)
            if first is not None:
                return first, next((c for c in first.children if c.dep_ == "conj"), None)
    return None, None


def antecedent(token: Token | None, coder: ActorCoder) -> Token | None:
    """The noun a relative pronoun stands for ("students who staged a protest" -> students), else the token;
    "which" and "that" stand for a party only when a name or an agent noun ("the group, which ...") heads
    it, not for a thing ("a resolution that aims to ...", "a general strike that shut down ...")."""
    if token is None or token.tag_ not in {"WP", "WDT"} or token.head.dep_ not in {"relcl", "acl"}:
        return token
    noun = token.head.head
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return token
    if token.tag_ == "WP" or noun.pos_ == "PROPN" or coder.lexicon.lookup_agent(noun.text) is not None:
        return noun
    return token


def noun_owner(noun: Token) -> Token | None:
    """Whose a noun of demand or appeal is: its possessor ("its demand that ..."), else the subject of the
    verb it is the object of ("renewed a call for ...")."""
    if noun.pos_ != "NOUN":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB":
        owner = next((c for c in noun.head.children if c.dep_ in {"nsubj", "agent"}), None)
    return owner


def quoted_subject(verb: Token) -> Token | None:
    """The one a passive verb of reporting says a verb of saying is by: "King X was quoted as saying ..."."""
    for word in [verb, *list(verb.ancestors)[:2]]:
        subject = next((c for c in word.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return subject
    return None


def modifier_agent(noun: Token, coder: ActorCoder, verbs: VerbLexicon) -> Token | None:
    """The party a modifier of an event noun names: "Iraqi airstrikes", "Palestinian riots", "Hamas attacks",
    "US strikes"; a town is where ("Gaza protests", "Kyiv attacks"), not who. A noun for people ("UN
    inspectors", "peacekeepers") is an actor, not an act."""
    if noun.lemma_.lower() not in verbs.instruments and coder.lexicon.lookup_agent(noun.text) is not None:
        return None
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in {"amod", "compound", "nmod"}:
            continue
        if child.ent_type_ in {"NORP", "ORG"} or (
            child.ent_type_ == "GPE" and coder.lexicon.lookup_country(child.text) is not None
        ):
            if any(c.dep_ in {"amod", "compound"} and c.i < child.i for c in child.children):
                continue  # "the anti-Israeli riots" and the like are told by what they are against
            return child
    return None


def protesters(item: Candidate, source: CodedActor, token: Token, verbs: VerbLexicon) -> CodedActor:
    """Those who protest, named by no word the lexicon knows ("the local branch of the ANDCM held a sit-in"),
    are civilians, placed like any domestic actor: a protest is the act of a public. An act or a thing is no
    one ("strikes have demonstrated the displeasure")."""
    if item.code[:2] != "14" or source.pronoun or token.pos_ not in {"NOUN", "PROPN"}:
        return source
    lemma = token.lemma_.lower()
    if lemma in verbs.instruments or (token.pos_ == "NOUN" and verbs.candidates(lemma, "noun")):
        return source
    if token.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL"}:
        return source
    return replace(source, code="CVL", country=None)


def unnamed_attacker(
    item: Candidate, source: CodedActor, token: Token, verbs: VerbLexicon
) -> CodedActor | None:
    """An attack whose doer is a weapon or an act ("a roadside bomb killed ...", "were killed by an explosive
    device") is by an unidentified armed actor (UAF), placed like any domestic actor."""
    if item.code[:2] not in _FORCE_ROOTS:
        return None
    lemma = token.lemma_.lower()
    force = token.pos_ == "NOUN" and any(p.code[:2] in _FORCE_ROOTS for p in verbs.candidates(lemma, "noun"))
    if lemma in verbs.instruments or force:  # "a bomb", "the bombing"; not "talks aimed at ending a war"
        return replace(source, code="UAF", country=None)
    return None

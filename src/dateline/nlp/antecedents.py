"""Pronouns in an event's roles resolved to the actor they stand for.

A first-person pronoun takes the speaker of its quote ("we" in a minister's words is the minister's
government), a pronoun under a verb of saying takes that verb's subject ("Syria says it is willing"), a
possessive takes the subject of its own clause ("Israel mounted its invasion"), and any other the last actor
named ("he" only a person). Used by `dateline.nlp.roles`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.lexicon.words import CLAIM_VERBS as _SAY
from dateline.lexicon.words import PERSON_PRONOUNS as _PERSONAL
from dateline.lexicon.words import REFERRING_PRONOUNS as _REFERRING
from dateline.lexicon.words import SUBJECT_PRONOUNS as _PRONOUN_SKIP
from dateline.nlp import clauses
from dateline.nlp.actors import ActorCoder, CodedActor, is_first_person
from dateline.nlp.candidate import same_line, speaker_at, subject_of
from dateline.records import Entity, Quote, Speaker


def resolve_pronoun(
    coded: CodedActor,
    token: Token,
    coder: ActorCoder,
    quotes: list[Quote],
    entities: list[Entity],
    last: CodedActor | None,
) -> CodedActor:
    """A pronoun takes the speaker of its quote (we), the subject of the verb of saying above it
    ("Syria says it is willing"), or the last actor named."""
    if not coded.pronoun or coded.code:
        return coded
    if is_first_person(token):
        speaker = speaker_at(token.idx, quotes)
        actor = _speaker_actor(speaker, entities) if speaker else None
        if actor:
            entity = next((e for e in entities if speaker and e.id == speaker.entity), None)
            return replace(
                coded,
                code=actor,
                country=actor[:3],
                entity=speaker.entity if speaker else None,
                pronoun=True,
                name=entity.name if entity else None,
                basis="phrase",
            )
    for ancestor in token.ancestors:
        if not same_line(ancestor, token):
            break
        if ancestor.lemma_.lower() in _SAY:
            subject = subject_of(ancestor) or clauses.quoted_subject(ancestor)
            if subject is not None and subject != token and subject.lower_ not in _PRONOUN_SKIP:
                found = coder.code(subject)
                if found.code:
                    return coded.as_pronoun(found)
            break
    owner = _owner(token, coder)
    if owner is not None:
        return coded.as_pronoun(owner)
    if (
        last is not None
        and token.lower_ not in {"i", "we", "us", "me"}
        and (token.lower_ not in _PERSONAL or _is_person(last, entities))
    ):  # "he" stands for a person, not for the last country or group named
        return coded.as_pronoun(last)
    if token.lower_ in _PERSONAL and token.dep_ == "nsubj":  # else the person named last, though no event
        return coder.person_before(token) or coded  # of theirs was coded ("Lavrov arrived ... he summoned")
    return coded


def _is_person(actor: CodedActor, entities: list[Entity]) -> bool:
    """Whether an actor is a person the story names (not a country, city or body, which "he" cannot be)."""
    if actor.entity is None:
        return False
    entity = next((e for e in entities if e.id == actor.entity), None)
    return entity is None or entity.type == "PERSON"


def _owner(token: Token, coder: ActorCoder) -> CodedActor | None:
    """The actor a possessive pronoun stands for when the subject of its own clause names one: "Israel
    mounted its invasion", "the group continued their hunger strike" ("his" and "her" only for a person)."""
    if token.dep_ != "poss":
        return None
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    subject = subject_of(verb) if verb is not None else None
    if subject is None or subject.lower_ in _REFERRING or not same_line(subject, token):
        return None
    found = coder.code(subject)
    if not found.code or found.pronoun:
        return None
    if token.lower_ in _PERSONAL and found.entity is None and subject.ent_type_ != "PERSON":
        return None
    return found


def _speaker_actor(speaker: Speaker | None, entities: list[Entity]) -> str | None:
    if speaker is None or speaker.entity is None:
        return None
    return next((e.actor for e in entities if e.id == speaker.entity and e.actor), None)

"""Roles of an event: its source and target (subjects, objects, passive agents, the one a demand is made of),
the second party of a symmetric act, pronouns resolved to their speaker or the last actor named, and domestic
actors placed in the country the sentence is about.

Split out of `dateline.nlp.events` (which re-exports `subject_of`); see that module for the process.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.lexicon.verbs import VerbLexicon
from dateline.lexicon.words import CLAIM_VERBS as _SAY
from dateline.lexicon.words import PERSON_PRONOUNS as _PERSONAL
from dateline.lexicon.words import REFERRING_PRONOUNS as PRONOUNS_SKIP
from dateline.lexicon.words import SUBJECT_PRONOUNS as _PRONOUN_SKIP
from dateline.nlp.actors import ActorCoder, CodedActor, conjuncts, is_first_person, noun_phrase
from dateline.nlp.candidate import OBJECT_DEPS as _OBJECTS
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.candidate import same_line
from dateline.records import Entity, Quote, Speaker

_SUBJECTS = {"nsubj", "csubj"}
_DEFAULT_TARGETS = (
    "dobj",
    "iobj",
    "with",
    "against",
    "to",
    "on",
    "from",
    "into",
    "at",
    "toward",
    "towards",
    "between",
    "for",
    "regard",
)


def subject_of(token: Token, *, depth: int = 0) -> Token | None:
    """The subject of a word's clause, inherited through xcomp, conj, participles and relative clauses."""
    for child in token.children:
        if child.dep_ in _SUBJECTS:
            return child if same_line(child, token) else None
    if any(c.dep_ == "nsubjpass" for c in token.children) or depth > 4:
        return None
    if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return token.head
    if token.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acomp"} and token.head is not token:
        return subject_of(token.head, depth=depth + 1)
    return None


def _passive_agent(token: Token) -> Token | None:
    """The agent of a passive verb, shared by coordinated verbs ("were shot and injured by armed men")."""
    for verb in [token, *token.conjuncts]:
        for child in verb.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _role_tokens(item: _Found, role: str) -> list[Token]:
    owners = [t for t in [item.trigger, *item.chain] if t.pos_ in {"VERB", "AUX", "ADJ", "NOUN"}]
    if item.obj is not None:
        owners.append(item.obj)
    tokens: list[Token] = []
    for owner in owners:
        if role == "dobj":
            tokens += [
                c
                for c in owner.children
                if c.dep_ in _OBJECTS and c is not item.obj and c is not item.trigger
            ]
        elif role == "iobj":
            tokens += [c for c in owner.children if c.dep_ in {"iobj", "dative"} and c.pos_ != "ADP"]
        elif role == "poss":
            tokens += [c for c in owner.children if c.dep_ == "poss"]
        else:
            for child in owner.children:
                if child.dep_ in {"prep", "dative"} and (child.lower_ == role or child.lemma_ == role):
                    tokens += [g for g in child.children if g.dep_ == "pobj"]
    return tokens


def _assign_roles(
    item: _Found,
    coder: ActorCoder,
    verbs: VerbLexicon,
    quotes: list[Quote],
    entities: list[Entity],
    last: CodedActor | None,
) -> None:
    trigger = item.trigger
    passive_subject = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    source_token: Token | None = None
    target_token: Token | None = None
    if passive_subject is not None and item.pattern.pos != "noun":
        source_token = _passive_agent(trigger)
        target_token = passive_subject
    elif item.pattern.pos == "noun":
        poss = next((c for c in trigger.children if c.dep_ == "poss"), None)
        agent = next(iter(_role_tokens(item, "by")), None)
        source_token = poss or agent or (subject_of(item.head) if item.head is not trigger else None)
        if source_token is trigger:
            source_token = None
    else:
        source_token = subject_of(item.head) or subject_of(trigger)
    if item.control in {"demand", "appeal"} and item.embedder is not None:
        # "urged the EC to support", "demanded that the US cancel": the one urged is the target
        urged = [c for c in item.embedder.children if c.dep_ in {"dobj", "iobj"}]
        embedded_subject = subject_of(trigger) if trigger is not item.embedder else None
        target_token = urged[0] if urged else embedded_subject
        source_token = subject_of(item.embedder)
    if item.addressee is not None:
        target_token = item.addressee
        source_token = subject_of(item.head)
    if source_token is not None:
        item.source = _resolve(coder.code(source_token), source_token, coder, quotes, entities, last)
    if item.pattern.symmetric and source_token is not None and target_token is None:
        item.target = _partner(source_token, item.source, coder)
        if item.target is not None:
            return
    if target_token is None:
        for role in item.pattern.target or _DEFAULT_TARGETS:
            for token in _role_tokens(item, role):
                coded = coder.code(token)
                if coded.code and not _same(coded, item.source):
                    target_token = token
                    break
            if target_token is not None:
                break
    if target_token is not None:
        item.target = _resolve(coder.code(target_token), target_token, coder, quotes, entities, last)
    if (
        source_token is not None
        and item.source is not None
        and item.source.country
        and (item.target is None or item.target.country == item.source.country)
    ):
        # "Ukraine and Poland agreed to resume talks": the other party of a coordinated subject, rather
        # than no target or one of the source's own ("talks on Ukrainian grain")
        partner = next(
            (
                p
                for p in (coder.code(t) for t in conjuncts(source_token)[1:])
                if p.code and p.country and p.country != item.source.country
            ),
            None,
        )
        if partner is not None:
            item.target = partner
            return
    if (
        item.target is None and item.code[:2] == "01" and item.source is not None
    ):  # "voiced confidence that ... with Russia ..."
        item.target = coder.first_actor(item.trigger.subtree, other_than=item.source.country)
    if item.target is None or not item.target.code:
        item.target = _clause_target(item, coder, source_token) or item.target


_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "over", "around"}


def _clause_target(item: _Found, coder: ActorCoder, source_token: Token | None) -> CodedActor | None:
    """The party an event is aimed at when no object names one: the subject of a demanded clause ("demanded
    that the US cancel"), else the first actor further on in the event's clause ("threatened further action
    against Russia", "protest President Assad's failure"), else the place it happens in ("lifted a curfew in
    Montenegro")."""
    owners = [item.trigger, *item.chain] + ([item.obj] if item.obj is not None else [])
    for owner in owners:
        for clause in (
            c for c in owner.children if c.dep_ == "ccomp" or (c.dep_ == "acl" and owner.pos_ == "NOUN")
        ):
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.lower_ not in PRONOUNS_SKIP:
                coded = coder.code(subject)
                if coded.code:
                    return coded
    skip: set[int] = set()
    if source_token is not None:
        skip |= {t.i for t in noun_phrase(source_token)} | {t.i for t in source_token.subtree}
    tokens: dict[int, Token] = {}
    for owner in owners:
        for token in owner.subtree:
            tokens[token.i] = token
    for child in [c for owner in owners for c in owner.children]:
        if child.lemma_.lower() in _SAY or child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            skip |= {t.i for t in child.subtree}  # "..., officials said"; the source's side
    start = min(t.i for t in owners)
    places: list[Token] = []
    for i in sorted(tokens):
        token = tokens[i]
        if (
            i <= start
            or i in skip
            or token.pos_ not in {"PROPN", "NOUN"}
            or token.dep_ in {"compound", "nmod"}
        ):
            continue
        if token.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}:
            continue
        if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
            places.append(token)
            continue
        coded = coder.code(token)
        if (
            coded.code
            and not coded.pronoun
            and not _same(coded, item.source)
            and (coded.country or coded.code[:3] in _DOMESTIC)
        ):
            return coded
    for token in places if not item.pattern.symmetric else ():  # a meeting's place is not a party to it
        country = coder.homes.token_place(token)
        if country:
            span = noun_phrase(token)
            return CodedActor(
                code=country,
                country=country,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                name=span.text,
                basis="phrase",
            )
    return None


_DOMESTIC = {
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


def _needs_home(actor: CodedActor | None) -> bool:
    return bool(
        actor is not None
        and actor.code
        and not actor.country
        and len(actor.code) == 3
        and actor.code in _DOMESTIC
    )


def _domestic(actor: CodedActor | None, home: str, basis: str = "sentence") -> CodedActor | None:
    """An agent with no country of its own ("President X", "the rebels", "he") is placed in the country the
    sentence is about: CAMEO codes domestic actors by their country."""
    if actor is None or not _needs_home(actor):
        return actor
    return actor.placed(home, basis)


def place_domestic(item: _Found, sent: Span, coder: ActorCoder) -> None:
    """Place the event's domestic actors that name no country (see `dateline.nlp.homes`)."""
    if not (_needs_home(item.source) or _needs_home(item.target)):
        return
    owners = [item.trigger, *item.chain] + ([item.obj] if item.obj is not None else [])
    found = coder.homes.home(sent, owners)
    if found is not None:
        item.source, item.target = _domestic(item.source, *found), _domestic(item.target, *found)


def _same(a: CodedActor, b: CodedActor | None) -> bool:
    return b is not None and a.start == b.start and a.end == b.end


def _partner(subject: Token, source: CodedActor | None, coder: ActorCoder) -> CodedActor | None:
    """The second party of a symmetric act: "Russia and Turkey", "Russian, Turkish ministers"."""
    for other in conjuncts(subject)[1:]:
        coded = coder.code(other)
        if coded.code:
            return coded
    span = noun_phrase(subject)
    countries = coder.countries_in(span)
    if source is not None and source.country in countries:
        countries.remove(source.country)
    if countries and source is not None:
        sector = source.code[3:6] if source.code and len(source.code) >= 6 else ""
        return CodedActor(
            code=countries[0] + sector,
            country=countries[0],
            text=span.text,
            start=span.start_char,
            end=span.end_char,
        )
    return None


def _resolve(
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
        speaker = _quote_at(token.idx, quotes)
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
            subject = subject_of(ancestor)
            if subject is not None and subject is not token and subject.lower_ not in _PRONOUN_SKIP:
                found = coder.code(subject)
                if found.code:
                    return coded.as_pronoun(found)
            break
    if (
        last is not None
        and token.lower_ not in {"i", "we", "us", "me"}
        and (last.entity is not None or token.lower_ not in _PERSONAL)
    ):  # "he" stands for a person, not for the last country or group named
        return coded.as_pronoun(last)
    return coded


def _quote_at(char: int, quotes: list[Quote]) -> Speaker | None:
    for quote in quotes:
        if quote.start <= char < quote.end and quote.speaker is not None:
            return quote.speaker
    return None


def _speaker_actor(speaker: Speaker | None, entities: list[Entity]) -> str | None:
    if speaker is None or speaker.entity is None:
        return None
    return next((e.actor for e in entities if e.id == speaker.entity and e.actor), None)

"""Roles of an event: its source and target (subjects, objects, passive agents, the one a demand is made of),
the second party of a symmetric act, pronouns resolved to their speaker or the last actor named (by
`dateline.nlp.antecedents`), and domestic actors placed in the country the sentence is about.

A role may name several actors: coordinated words ("Israel and Egypt", "Mordor, Rohan and Bree", a list with
an apposition in it), a modifier that coordinates countries ("the ambassadors of Arnor and Gondor", "Russian
and Chinese officials"), or a multiple code of the actor lexicon ("FRO/BIL/SAM"). The event then gets one
(source, target) pair per source and target ("Israel and Egypt signed ... with Jordan": ISR-JOR, EGY-JOR);
an act the parties do with each other (a symmetric pattern, or a root of the lexicon's [mutual]) with no one
else named pairs each party with each one after it. `compound_parts` makes one event of each pair, all on
the same words; merging keeps them apart (they are different happenings), a later retelling merges into the
pair it names.

Split out of `dateline.nlp.events` (which re-exports `subject_of`); see that module for the process.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.actor_codes import decode_actor_code
from dateline.lexicon.verbs import VerbLexicon
from dateline.lexicon.words import CLAIM_VERBS as _SAY
from dateline.lexicon.words import REFERRING_PRONOUNS as PRONOUNS_SKIP
from dateline.nlp import clauses
from dateline.nlp.actors import ActorCoder, CodedActor, noun_phrase
from dateline.nlp.antecedents import resolve_pronoun
from dateline.nlp.candidate import OBJECT_DEPS as _OBJECTS
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.candidate import stative, stranded_subject, subject_of
from dateline.nlp.domestic import DOMESTIC_SECTORS, needs_home, place_domestic
from dateline.records import Entity, Quote

__all__ = ["assign_roles", "compound_parts", "place_domestic", "subject_of"]

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


def _passive_agent(token: Token) -> Token | None:
    """The agent of a passive verb, shared by coordinated verbs ("were shot and injured by armed men")."""
    verbs = [token, *token.conjuncts]
    if token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
        verbs.append(token.head)
    for verb in verbs:
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


def assign_roles(
    item: _Found,
    coder: ActorCoder,
    verbs: VerbLexicon,
    quotes: list[Quote],
    entities: list[Entity],
    last: CodedActor | None,
) -> None:
    """Set the event's source and target, and the further (source, target) pairs of a compound
    (`item.parties`): one pair per source and target when a role names several actors, and one only per
    pair of codes ("the staff and the union protested" is one act of labour, not two)."""
    pairs: dict[tuple[str | None, str | None], _Pair] = {}
    for source, target in _pairs(item, coder, verbs, quotes, entities, last):
        key = (source.code if source else None, target.code if target else None)
        pairs.setdefault(key, (source, target))
    first, *more = pairs.values()
    (item.source, item.target), item.parties = first, more


def compound_parts(item: _Found, sent: Span, coder: ActorCoder) -> list[_Found]:
    """The event and one copy of it per further pair of its compound, on the same words ("Israel and Egypt
    signed ... with Jordan": Israel-Jordan, Egypt-Jordan), each copy's domestic actors placed."""
    parts = [item]
    for number, (source, target) in enumerate(item.parties, start=1):
        if source is not None and source.start <= item.trigger.idx < source.end:
            source = None
        part = replace(item, source=source, target=target, parties=[], party=number, chain=list(item.chain))
        place_domestic(part, sent, coder)
        parts.append(part)
    return parts


_Pair = tuple[CodedActor | None, CodedActor | None]


def _role_heads(item: _Found, coder: ActorCoder, verbs: VerbLexicon) -> tuple[Token | None, Token | None]:
    """The words that name the source and the target, where the parse says so directly."""
    trigger = item.trigger
    passive, passive_subject = clauses.passive(trigger)
    source_token: Token | None = None
    target_token: Token | None = None
    if passive and item.pattern.pos != "noun" and not stative(trigger):
        source_token = _passive_agent(trigger)
        target_token = passive_subject
    elif item.pattern.pos == "noun":
        poss = next((c for c in trigger.children if c.dep_ == "poss"), None)
        agent = next(iter(_role_tokens(item, "by")), None)
        source_token = poss or agent or (subject_of(item.head) if item.head != trigger else None)
        outer = _answerer(item, poss)
        if outer is not None and poss is not None:  # "South Korea rejected North Korea's demand"
            source_token, target_token = outer, (poss if poss.lower_ not in _OWNERS else None)
        if source_token is not None and source_token.i == trigger.i:
            source_token = None
        if source_token is None and item.happening:  # "clashes between the army and rebels continued"
            source_token, target_token = clauses.between(trigger)
            if source_token is None and item.head != trigger:  # "clashes took place between ..."
                source_token, target_token = clauses.between(item.head)
        if source_token is None and (item.happening or trigger.dep_ in {"nsubj", "nsubjpass", "ROOT"}):
            source_token = clauses.modifier_agent(
                trigger, coder, verbs
            )  # an act told as what happened, not a mention
    else:
        source_token = subject_of(item.head) or subject_of(trigger) or stranded_subject(item.head)
    if item.control in {"demand", "appeal"} and item.embedder is not None:
        # "urged the EC to support", "demanded that the US cancel": the one urged is the target
        urged = [c for c in item.embedder.children if c.dep_ in {"dobj", "iobj"}]
        embedded_subject = subject_of(trigger) if trigger != item.embedder else None
        target_token = urged[0] if urged else embedded_subject
        source_token = subject_of(item.embedder) or clauses.noun_owner(item.embedder)
    if item.addressee is not None:
        target_token = item.addressee
        source_token = subject_of(item.head)
    return source_token, target_token


def _answerer(item: _Found, owner: Token | None) -> Token | None:
    """The subject of the verb that rejects another's act named by its object ("rejected North Korea's
    demand", "turned down Iran's offer"): the one rejecting is the source, the noun's owner its target."""
    embedder = item.embedder
    if embedder is None or owner is None or embedder.pos_ != "VERB" or item.control != "reject":
        return None
    if item.trigger.head != embedder or item.trigger.dep_ not in _OBJECTS:
        return None
    subject = subject_of(embedder)
    return subject if subject is not None and subject.i != owner.i else None


def _owned(token: Token, coded: CodedActor) -> bool:
    """Whether a phrase names the source's own people with no country of their own: "its troops", "their
    supporters" (but "its neighbour Syria" names a party)."""
    return needs_home(coded) and any(c.dep_ == "poss" and c.lower_ in _OWNERS for c in token.children)


_OWNERS = {"its", "their", "his", "her", "our", "my"}


def _pairs(
    item: _Found,
    coder: ActorCoder,
    verbs: VerbLexicon,
    quotes: list[Quote],
    entities: list[Entity],
    last: CodedActor | None,
) -> list[_Pair]:
    source_token, target_token = _role_heads(item, coder, verbs)
    source_token, target_token = (
        clauses.antecedent(source_token, coder),
        clauses.antecedent(target_token, coder),
    )
    source: CodedActor | None = None
    if source_token is not None:
        source = resolve_pronoun(coder.code(source_token), source_token, coder, quotes, entities, last)
    if source is not None and source_token is not None and not source.code:
        source = clauses.unnamed_attacker(item, source, source_token, verbs) or clauses.protesters(
            item, source, source_token, verbs
        )
    sources = _parties(source_token, source, coder)
    if sources:
        source = sources[0]  # a coded conjunct stands in for an uncoded first one ("the crowd and the army")
    target: CodedActor | None = None
    symmetric = item.pattern.symmetric and source_token is not None and target_token is None
    named_only = symmetric and len(sources) > 1  # a third party of a joint act is one named ("with Jordan")
    if target_token is None:
        for role in item.pattern.target or _DEFAULT_TARGETS:
            for token in _role_tokens(item, role):
                coded = coder.code(token)
                if _owned(token, coded):
                    continue  # "Egypt offered its troops to Sudan": its own are not whom it acts on
                if coded.code and not _same(coded, source) and (coded.country or not named_only):
                    target_token = token
                    break
            if target_token is not None:
                break
    if symmetric and source_token is not None and (target_token is None or len(sources) == 1):
        # "Russia and Turkey met": each with the other; but "Israel and Egypt signed ... with Jordan"
        pairs = _mutual(sources, same_country=True)
        if pairs:
            return pairs
        partner = _partner(source_token, source, coder)  # "Russian, Turkish ministers"
        if partner is not None:
            return [(source, partner)]
    if target_token is not None:
        target = resolve_pronoun(coder.code(target_token), target_token, coder, quotes, entities, last)
    mutual = item.pattern.symmetric or item.code[:2] in verbs.mutual_roots
    if target is None and item.code[:2] in verbs.topic_roots and source is not None:
        # "voiced confidence that ... with Russia ..."
        target = coder.first_actor(item.trigger.subtree, other_than=source.country)
        target_token = _head_of(item.trigger.doc, target)
    if target is None or not target.code:
        found = _clause_target(item, coder, source_token, source, places=not mutual)
        if found is not None:
            target, target_token = found
    if (
        mutual
        and source is not None
        and source.country
        and (target is None or not target.code or target.country == source.country)
    ):
        # "Ukraine and Poland agreed to resume talks": each party of a coordinated subject with the others,
        # rather than with no one or with one of the source's own ("talks on Ukrainian grain")
        pairs = _mutual(sources, same_country=False)
        if pairs:
            return pairs
    named: list[CodedActor | None] = [*sources] or [source]
    targets: list[CodedActor | None] = [
        t for t in _parties(target_token, target, coder) if not any(_same(t, s) for s in sources)
    ] or [target]
    pairs = [(s, t) for s in named for t in targets if s is None or t is None or not _same(s, t)]
    return pairs or [(source, target)]


def _mutual(sources: list[CodedActor], *, same_country: bool) -> list[_Pair]:
    """Each party of a coordinated subject with each one after it (one event per pair: a meeting of two is one
    happening, whoever is named first); of different countries unless `same_country`."""
    return [
        (a, b)
        for i, a in enumerate(sources)
        for b in sources[i + 1 :]
        if not _same(a, b) and (same_country or (b.country and b.country != a.country))
    ]


def _parties(token: Token | None, first: CodedActor | None, coder: ActorCoder) -> list[CodedActor]:
    """The actors one role names: the phrase's own (each actor of a multiple code, "FRO/BIL/SAM"), those
    coordinated with it ("Israel and Egypt", "Mordor, Rohan, Fornost and Bree", "Evil Mordor, the awful
    Fornost, and good Gondor"), and those a shared word makes of the countries a modifier coordinates ("the
    ambassadors of Arnor and Gondor", "Russian and Chinese officials"). Uncoded phrases are left out; one
    that only an apposition names takes its code ("its ally, Syria")."""
    found: list[CodedActor] = []
    if first is not None and first.code:
        found.append(first)
    if token is not None and first is not None:
        found += _distributed(token, first, coder)
        shared = _modifier_country(token, first, coder)
        for word in _coordinated(token):
            coded = _named(word, coder)
            if coded is None:
                continue
            if shared and needs_home(coded):
                coded = coded.placed(shared, "phrase")  # "Danish media and government"
            found.append(coded)
            found += _distributed(word, coded, coder)
        if not found:
            found += [c for c in [_named(token, coder)] if c is not None]
        if first.code is None:  # in for an uncoded first word, only an actor of a country of its own
            found = [c for c in found if c.country]  # ("the lions and Gondor", not "gunfire and a member")
    parties: list[CodedActor] = []
    for actor in found:
        for code in (actor.code or "").split("/"):
            part = actor if code == actor.code else _recoded(actor, code)
            if code and not any(_same(part, p) and part.code == p.code for p in parties):
                parties.append(part)
    return parties


def _named(word: Token, coder: ActorCoder) -> CodedActor | None:
    """The actor a word names, itself or by an apposition of a name ("Ban Ki-moon, the secretary general of
    the United Nations", "its ally, Syria"); None for a pronoun or no actor."""
    appositions = [c for c in word.children if c.dep_ == "appos" and "PROPN" in {c.pos_, word.pos_}]
    for candidate in [word, *appositions]:
        coded = coder.code(candidate)
        if coded.code and not coded.pronoun:
            return coded
    return None


def _modifier_country(token: Token, actor: CodedActor, coder: ActorCoder) -> str | None:
    """The country a modifier before a coordination gives its first word, shared by the words after it that
    name no country of their own ("Danish media and government", "Russian troops and police")."""
    if not actor.country:
        return None
    before = [c for c in token.children if c.i < token.i and c.dep_ in {"amod", "compound", "nmod"}]
    return actor.country if any(_country_of(c, coder) == actor.country for c in before) else None


def _recoded(actor: CodedActor, code: str) -> CodedActor:
    country = actor.country if actor.country and code.startswith(actor.country) else None
    return replace(actor, code=code, country=country or decode_actor_code(code).country)


def _coordinated(token: Token) -> list[Token]:
    """The words coordinated with a noun, in order: its conjuncts, the appositions of a list ("X, the Y, and
    Z": an apposition in a coordination is one more item, not another name for X), and the other
    subjects before its verb (a coordination the parser split: "Old foes Gondor and Osgiliath")."""
    heads = [token]
    if token.dep_ in {"nsubj", "nsubjpass"} and token.i < token.head.i:
        heads += [
            c
            for c in token.head.children
            if c.dep_ == token.dep_ and c != token and c.i < token.head.i and not _verb_between(c, token)
        ]
    others: dict[int, Token] = {}
    for head in heads:
        last = max((c.i for c in head.children if c.dep_ == "conj"), default=-1)
        others.update({t.i: t for t in [head, *head.conjuncts]})
        for appos in (c for c in head.children if c.dep_ == "appos"):
            if appos.i < last or any(c.dep_ == "conj" for c in appos.children):
                others.update({t.i: t for t in [appos, *appos.conjuncts]})
    others.pop(token.i, None)
    return [others[i] for i in sorted(others)]


def _verb_between(a: Token, b: Token) -> bool:
    """Whether a verb stands between two words: two subjects of one verb with a clause between them are not a
    split coordination ("youths resorted to throwing stones ..., officials said")."""
    low, high = sorted((a.i, b.i))
    return any(t.pos_ in {"VERB", "AUX"} for t in a.doc[low + 1 : high])


def _distributed(token: Token, actor: CodedActor, coder: ActorCoder) -> list[CodedActor]:
    """The actors a phrase makes of the further countries its modifier coordinates: "lawmakers in Fornost
    and Gondor" are lawmakers of each (FORLEG, GONLEG), "ties with Mordor and Rohan" ties with each."""
    country = actor.country
    if not (actor.code and country and actor.code.startswith(country)):
        return []
    sector = actor.code[len(country) :]
    for word in noun_phrase(token):
        if word.i == token.i or not word.conjuncts or _country_of(word, coder) != country:
            continue
        found = []
        for other in sorted(word.conjuncts, key=lambda t: t.i):
            home = _country_of(other, coder)
            if other.i > word.i and home and home != country:
                span = noun_phrase(other)
                found.append(
                    CodedActor(
                        code=home + sector,
                        country=home,
                        text=span.text,
                        start=span.start_char,
                        end=span.end_char,
                        basis="phrase",
                    )
                )
        return found
    return []


def _country_of(token: Token, coder: ActorCoder) -> str | None:
    if token.pos_ not in {"PROPN", "ADJ", "NOUN"}:
        return None
    return coder.lexicon.lookup_country(token.text) or coder.code(token).country


def _head_of(doc: Doc, actor: CodedActor | None) -> Token | None:
    """The word that heads an actor's phrase."""
    span = doc.char_span(actor.start, actor.end) if actor is not None else None
    return span.root if span is not None else None


_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "over", "around"}


def _clause_target(
    item: _Found, coder: ActorCoder, source_token: Token | None, source: CodedActor | None, *, places: bool
) -> tuple[CodedActor, Token] | None:
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
                    return coded, subject
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
    where: list[Token] = []
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
            where.append(token)
            continue
        coded = coder.code(token)
        if (
            coded.code
            and not coded.pronoun
            and not _owned(token, coded)
            and not _same(coded, source)
            and (coded.country or coded.code[:3] in DOMESTIC_SECTORS)
        ):
            return coded, token
    for token in where if places else ():  # a meeting's place is not a party to it
        country = coder.homes.token_place(token)
        if country:
            span = noun_phrase(token)
            place = CodedActor(
                code=country,
                country=country,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                name=span.text,
                basis="phrase",
            )
            return place, token
    return None


def _same(a: CodedActor, b: CodedActor | None) -> bool:
    return b is not None and a.start == b.start and a.end == b.end


def _partner(subject: Token, source: CodedActor | None, coder: ActorCoder) -> CodedActor | None:
    """The second party of a symmetric act named in the first one's phrase: "Russian, Turkish ministers"."""
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

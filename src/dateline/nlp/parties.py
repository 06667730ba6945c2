"""Who may make an event, and what a protest is for.

*Parties.* An event whose source or target has no actor code is kept when one of them is a person or group
of politics and conflict ("unidentified gunmen", "residents", an organisation or nation), outside sentences
of sports, arts and business news; its source, if named, must be such a party, a pronoun, or a weapon or
event noun that names no agent ("a roadside bomb killed ..."). Object kinds ("released the hostages", "went
to Paris") use the same tests.

*Causes.* A protest's aims are not events of their own: what it is "to demand", "demanding", "against" or
"in solidarity with" is taken into it, and so is the aim its party tells in the sentences after it ("They
condemned ..."). Force by a crowd for a cause is a riot. Word lists are the verb lexicon's ([parties],
[persons], [crowds], [domains], [instruments], [aims]).

Split out of `dateline.nlp.events`; see that module for the process.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.lexicon.gazetteer import load_gazetteer
from dateline.lexicon.verbs import VerbLexicon
from dateline.lexicon.words import PEOPLE_PRONOUNS as _PERSONAL
from dateline.nlp.actors import CodedActor
from dateline.nlp.candidate import QUANTITY_NOUNS, Candidate
from dateline.nlp.roles import subject_of


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def restates_aim(item: Candidate, party: CodedActor | None, verbs: VerbLexicon) -> bool:
    """Whether an event of a sentence after a protest tells that protest's aim: a statement, appeal, demand,
    support or disapproval by the protest's party ("They condemned ...", "The group demanded ...")."""
    if item.pattern.aims or item.code[:2] not in verbs.aim_roots or item.source is None:
        return False
    source = item.source
    if source.pronoun and not (
        source.code and party is not None and party.code and source.code != party.code
    ):
        return True
    if party is not None and source.code and source.code == party.code:
        return True
    words = source.text.lower().split()
    if words and words[-1].rstrip("s") in verbs.crowds:
        return True  # "Protesters said ...", "the demonstrators demanded ..."
    return len(words) == 2 and words[0] == "the" and words[1].rstrip("s") in verbs.parties


def has_party(item: Candidate, doc: Doc, verbs: VerbLexicon, *, source: bool = False) -> bool:
    """Whether the event's source or target (or its source alone) is a person or group, coded or not
    ("unidentified gunmen"), in a sentence that is not of sports, arts or business news (the lexicon's
    [domains])."""
    sent = item.trigger.sent
    if any(t.lemma_.lower() in verbs.domains or t.lower_ in verbs.domains for t in sent if t.pos_ == "NOUN"):
        return False
    for actor in (item.source,) if source else (item.source, item.target):
        if actor is None:
            continue
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if is_party(root, verbs, political=True):
            return True
        if source and (actor.pronoun or root.lower_ in _PERSONAL | {"it", "its"}):
            return True  # a pronoun the coder could not resolve stands for the one named before
        lemma = root.lemma_.lower()
        if source and (lemma in verbs.instruments or verbs.candidates(lemma, "noun")):
            return True  # "a roadside bomb killed ...", "the attack wounded ...": no agent named
    return False


_PARTY_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


_POLITICAL_ENTS = {"ORG", "NORP", "GPE", "PERSON"}


_PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP"}


_CROWD_NUMBERS = frozenset({"hundreds", "thousands", "dozens", "scores", "millions"})


def is_party(token: Token, verbs: VerbLexicon, *, political: bool = False) -> bool:
    """A person, group or actor: a named person, organisation or country, a personal pronoun, or a noun of
    the lexicon's [parties] or [persons] ("gunmen", "residents", "a group of students", "his son").
    political: only groups and roles of politics and conflict ([parties], organisations, nations), not
    private persons, pronouns or names of people the actor lexicon does not know."""
    ents = _POLITICAL_ENTS if political else _PARTY_ENTS
    if token.ent_type_ in ents or (not political and token.lower_ in _PERSONAL):
        return True
    nouns = verbs.parties if political else verbs.people
    words = [token, *(c for c in token.children if c.dep_ in {"compound", "amod"})]
    if any(w.lemma_.lower() in nouns or w.lower_ in nouns for w in words):
        return True
    if token.pos_ == "NOUN" and len(token.lemma_) > 6 and token.lemma_.lower().endswith("ist"):
        return True  # "nationalists", "Islamists", "journalists": people by what they hold or do
    if token.lower_ in _CROWD_NUMBERS and not any(c.lower_ == "of" for c in token.children):
        return True  # "Hundreds protested": people, as a number alone a subject or object is
    if (
        token.lemma_.lower() in QUANTITY_NOUNS
        or token.pos_ == "NUM"
        or token.lower_ in {"some", "many", "several"}
    ):
        return any(
            is_party(g, verbs, political=political)
            for c in token.children
            if c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        )
    return False


def is_place(token: Token, verbs: VerbLexicon) -> bool:
    """A named place or actor ("Paris", "the White House", "Syria"), not a common noun ("bed", "power")."""
    if token.ent_type_ in _PLACE_ENTS or token.pos_ == "PROPN":
        return True
    return load_gazetteer().lookup(token.text) is not None if token.pos_ != "NOUN" else False


def describes(item: Candidate) -> bool:
    """A present-tense relative clause describes its noun, it does not report an act: "policies which
    prevent prisoners from ...", "a group that controls the area"."""
    word = item.trigger
    return (
        word.dep_ == "relcl"
        and word.tag_ in {"VBZ", "VBP"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in word.children)
    )


def crowd_acts(found: dict[int, Candidate], verbs: VerbLexicon) -> None:
    """Force by a crowd for a cause is a riot: "demonstrators clashed with police", "blocked the road and
    clashed with the gendarmerie", "rioters set cars on fire"."""
    causes = {f.trigger.i for f in found.values() if f.pattern.aims and f.pattern.pos == "verb"}
    for item in found.values():
        if not item.pattern.by_crowd or item.consumed:
            continue
        subject = subject_of(item.head)
        crowd = subject is not None and subject.lemma_.lower() in verbs.crowds
        joined = (
            item.trigger.dep_ == "conj"
            and item.trigger.head.i in causes
            or any(c.i in causes for c in item.trigger.children if c.dep_ == "conj")
        )
        if crowd or joined:
            item.code, item.cause = item.pattern.by_crowd, True


_NOT_AIMS = {
    "after",
    "before",
    "when",
    "while",
    "as",
    "because",
    "since",
    "until",
    "following",
    "despite",
    "although",
    "though",
    "if",
    "unless",
    "once",
    "during",
}


_AIM_PREPS = {"against", "over", "for", "about", "in", "on", "to", "with"}


def _aim_region(item: Candidate) -> set[int]:
    """Where an act done for a cause says its aim: a purpose clause of its own subject ("to demand",
    "demanding"), or "against ...", "over ...", "in solidarity with ..."."""
    region: set[int] = set()
    owners = {item.trigger.i: item.trigger, item.head.i: item.head}
    for verb in list(owners.values()):  # "rallied, occupied the hall and held a vigil to ..."
        owners.update(
            {
                c.i: c
                for c in verb.conjuncts
                if c.pos_ == "VERB"
                and not _own_subject(c)
                and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            }
        )
    for owner in owners.values():
        for child in owner.children:
            if child.dep_ in {"advcl", "xcomp", "acl", "conj"}:
                if child.i in owners or _own_subject(child):
                    continue  # a clause with its own subject is an event of its own
                if child.dep_ == "conj" and not any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children
                ):
                    continue
                if any(
                    c.dep_ in {"mark", "advmod", "prep"} and c.lower_ in _NOT_AIMS and c.i < child.i
                    for c in child.children
                ):
                    continue  # "after ...", "while ...": when, not what for
                region |= _subtree_of_own(child)
            elif child.dep_ == "prep" and child.lower_ in _AIM_PREPS:
                region |= _subtree_of_own(child)
    return region


def _own_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)


def _subtree_of_own(token: Token) -> set[int]:
    """A phrase's words without the clauses inside it that have a subject of their own ("the man who
    killed ..." tells another event)."""
    found: set[int] = set()
    stack = [token]
    while stack:
        word = stack.pop()
        found.add(word.i)
        stack += [c for c in word.children if not (c.dep_ in {"relcl", "ccomp", "advcl"} and _own_subject(c))]
    return found


def take_aims(found: dict[int, Candidate]) -> None:
    """A protest's aims are not events of their own: "rallied to demand ...", "protested against the war"."""
    for item in sorted(found.values(), key=lambda f: _depth(f.trigger)):
        if not item.cause or item.consumed:
            continue
        region = _aim_region(item)
        aims = [f for f in found.values() if f is not item and not f.consumed and f.trigger.i in region]
        for other in aims:
            other.consumed = True
        if (
            item.pattern.needs_aim
            and not aims
            and not any(item.trigger.doc[i].lower_ in {"against", "solidarity"} for i in region)
        ):
            item.consumed = True

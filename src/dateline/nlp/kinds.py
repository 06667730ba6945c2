"""Whether a matched act is the kind of political event its code names, and what of a sentence only serves
another act: the story's domain (sports, arts, business), acts of two parties told with one, journeys of no
actor, participles used as nouns, purposes, charges and scene-setting passives.

Split out of `dateline.nlp.events` (see that module for the process); the per-code behaviour is the verb
lexicon's (its patterns' `pair`, `civil` and `location` flags, [domains] and [official]).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.lexicon.verbs import VerbLexicon
from dateline.nlp.actors import CodedActor
from dateline.nlp.candidate import OBJECT_DEPS as _OBJECTS
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.parties import has_party

_NOMINAL = {"dobj", "pobj", "nsubj"}
_WHERE = {"in", "at", "near", "inside", "outside", "across", "throughout"}


def domain_story(doc: Doc, verbs: VerbLexicon) -> bool:
    """A story of sports, arts or business news: one with `story` different words of the lexicon's [domains]."""
    if not verbs.domain_story:
        return False
    words = {w for t in doc if t.pos_ in {"NOUN", "PROPN"} for w in (t.lower_, t.lemma_.lower())}
    words &= verbs.domains
    return len(words) >= verbs.domain_story


def political(item: _Found, verbs: VerbLexicon) -> bool:
    """Whether a party of the event is coded with a political sector ([domains] sectors: GOV, MIL, REB ...)."""
    return any(sectors_of(actor) & verbs.political_sectors for actor in (item.source, item.target))


def sectors_of(actor: CodedActor | None) -> set[str]:
    """The sector codes of an actor's code ("GBRGOV" -> {"GOV"}, "IGOUNO" -> {"IGO", "UNO"})."""
    if actor is None or not actor.code:
        return set()
    code = actor.code
    rest = code[len(actor.country) :] if actor.country and code.startswith(actor.country) else code
    return {rest[i : i + 3] for i in range(0, len(rest), 3)}


def lacks_pair(item: _Found) -> bool:
    """An act of two parties (a pattern's `pair`: meetings, talks) told by its source with no other party
    ("Labour's conference", "the cabinet met"); a control verb that recoded it ("agreed to meet") needs none."""
    if not item.pattern.pair or item.source is None or item.code[:2] != item.pattern.code[:2]:
        return False
    target = item.target
    if target is None or (target.code and target.code == item.source.code):
        return True
    span = item.trigger.doc.char_span(target.start, target.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is None:
        return False
    if root.dep_ == "pobj" and root.head.lower_ in _WHERE:
        return True  # "in Manchester"
    # "the cabinet met and decided to approve a plan that bars Hamas candidates": a party of the act it is
    # coordinated with, not of the meeting
    return any(
        c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and root in c.subtree for c in item.trigger.children
    )


def unplaced(item: _Found, doc: Doc, verbs: VerbLexicon) -> bool:
    """A journey (a pattern's `location`) whose traveller is no actor: its place makes it no political act
    ("was arrested when travelling to London")."""
    if not item.pattern.location:
        return False
    source = item.source
    return source is None or not (source.code or has_party(item, doc, verbs, source=True))


def nominal_participle(token: Token) -> bool:
    """A participle used as a noun: the object or subject of a word, or a conjunct of a noun."""
    if token.dep_ == "conj":
        return token.head.pos_ in {"NOUN", "PROPN", "NUM"}
    return token.dep_ in _NOMINAL and token.head.pos_ != "AUX"


def take_charges(found: dict[int, _Found]) -> None:
    """What an act is about, told by a gerund after "of", "for" or "with", belongs to that act: "accused X of
    attacking ...", "arrested for collaborating with ...", "charged with supporting ..." tell a charge, not an
    event of their own."""
    acts = {t.i for f in found.values() if not f.consumed for t in [f.trigger, *f.chain]}
    for item in found.values():
        word = item.head
        if item.consumed or word.dep_ != "pcomp" or word.tag_ != "VBG":
            continue
        prep = word.head
        owner = prep.head
        if owner.dep_ in _OBJECTS | {"nsubjpass"} and owner.head.i in acts:
            owner = owner.head  # "accused the minister of attacking ..."
        if prep.lower_ in {"of", "for", "with"} and owner.i in acts and owner.i != item.trigger.i:
            item.consumed = True
    _take_listed_charges(found)


def _take_listed_charges(found: dict[int, _Found]) -> None:
    """The further charges of a list ("accused X of violating rights, ignoring the law and sending ..."): a
    gerund with no subject coordinated with a charge, or hung on the act after one."""
    acts = [t for f in found.values() if not f.consumed for t in [f.trigger, *f.chain]]
    owners = acts + [c for t in acts for c in t.children if c.dep_ in _OBJECTS | {"nsubjpass"}]
    charges = {
        g.i
        for owner in owners
        for c in owner.children
        if c.dep_ == "prep" and c.lower_ in {"of", "for", "with"}
        for g in c.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
    }
    for item in sorted(found.values(), key=lambda f: f.head.i):
        word = item.head
        if item.consumed or not charges or word.tag_ != "VBG":
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in word.children):
            continue
        coordinated = word.dep_ == "conj" and word.head.i in charges
        after = word.dep_ == "advcl" and any(
            g.i in charges and g.i < word.i
            for c in word.head.children
            if c.dep_ == "prep"
            for g in c.children
        )
        if coordinated or after:
            item.consumed = True
            charges.add(word.i)


_PRIOR = {"before", "until"}
_MUST = {"must", "should"}


def take_conditions(found: dict[int, _Found]) -> None:
    """What an act is made to depend on, told in an "if/unless" clause of it, belongs to that act: "will boycott
    the elections unless the president agrees to step down", "threatened to break relations unless Moscow
    closed its base" tell a threat and its condition, not a second act (as a protest's aim is its own)."""
    acts = {t.i for f in found.values() if not f.consumed for t in [f.trigger, *f.chain]}
    for item in found.values():
        if item.consumed:
            continue
        clause = next(
            (t for t in [item.head, *list(item.head.ancestors)[:2]] if t.dep_ == "advcl" and _conditioned(t)),
            None,
        )
        if clause is not None and clause.head.i in acts and clause.head.i not in {t.i for t in item.chain}:
            item.consumed = True
            continue
        if _before_required(item, found):
            item.consumed = True


def _conditioned(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children)


def _before_required(item: _Found, found: dict[int, _Found]) -> bool:
    """An act told in a "before/until" clause of what is demanded or must be done, or in the present tense of
    what is still to come: "must agree to changes before they demobilize", "demanded a truce before allowing
    aid convoys in", "opposed the force until their demands are met" tell an act and what waits on it, not a
    second act ("fought until the army withdrew" tells two)."""
    chain = {t.i for t in item.chain}
    acts = {t.i for f in found.values() if f is not item and not f.consumed for t in [f.trigger, *f.chain]}
    demands = {t.i for f in found.values() if f.code[:2] == "10" for t in [f.trigger, *f.chain]}
    for word in [item.head, *list(item.head.ancestors)[:3]]:
        if word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _PRIOR for c in word.children):
            governor = word.head
        elif word.dep_ == "pcomp" and word.head.lower_ in _PRIOR:
            governor = word.head.head
        else:
            continue
        for step in [governor, *list(governor.ancestors)[:2]]:
            if step.i in chain:
                return False
            if step.i in demands or any(c.dep_ == "aux" and c.lower_ in _MUST for c in step.children):
                return True
            if step.i in acts and _present(word):
                return True
        return False
    return False


def _present(verb: Token) -> bool:
    """A verb in the present tense ("are met", "disarm", "is reached"), not the past ("withdrew", "had left")."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return bool(auxes) and all(a.tag_ in {"VBZ", "VBP"} for a in auxes)


def _aimed(word: Token) -> Token | None:
    """The word an "aimed at doing" phrase says the aim of ("a meeting aimed at establishing ..."), or None."""
    prep = word.head
    if word.dep_ != "pcomp" or word.tag_ != "VBG" or prep.lower_ not in {"at", "toward", "towards"}:
        return None
    verb = prep.head
    if verb.lemma_.lower() != "aim":
        return None
    return verb.head if verb.dep_ in {"acl", "relcl"} else verb


def background(item: _Found, verbs: VerbLexicon) -> bool:
    """A passive act with no agent in a relative clause sets the scene of another act: "Serbia lifted a curfew
    in Montenegro, where 28 people have been killed", "observers who were taken hostage"."""
    word = item.trigger
    if word.dep_ == "ccomp" and word.head.lemma_.lower() in verbs.speech:
        word = word.head  # "raids in which it said 20 people were killed"
    passive = any(c.dep_ == "auxpass" for c in item.trigger.children)
    agent = any(c.dep_ == "agent" for c in item.trigger.children)
    return word.dep_ == "relcl" and passive and not agent


def take_purposes(found: dict[int, _Found]) -> None:
    """An infinitive of purpose tells what an act is for, not what happened: it belongs to the act it serves
    ("resigned to allow elections", "met to discuss the crisis"), and with no act to serve it is only intended
    ("boost pay to allow women to stay at home", "a plan to attack")."""
    acts = {t.i for f in found.values() if not f.consumed for t in [f.trigger, *f.chain]}
    for item in found.values():
        head = item.head
        if item.consumed:
            continue
        if head.dep_ == "xcomp" and head.head.pos_ == "ADJ":
            item.purpose = True  # "happy to meet", "keen to talk": a disposition, not an act
            continue
        aim = _aimed(item.trigger) or _aimed(head)
        if aim is not None:  # "a meeting aimed at establishing relations": what the meeting is for
            if aim.i in acts:
                item.consumed = True
            else:
                item.purpose = True
            continue
        if head.dep_ not in {"advcl", "acl"}:
            continue
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in head.children):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            continue
        if head.head.i in acts:
            item.consumed = True
        elif item.control not in {"demand", "appeal"}:
            item.purpose = True  # "gathered to demand ...": the demand is voiced all the same

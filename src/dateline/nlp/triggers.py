"""Triggers and chains: the words of a sentence that fit a verb pattern, and how they combine.

`match_sentence(sent, verbs)` is steps 1 and 2 of `dateline.nlp.events` (see that module for the process):

1. *Triggers.* A verb, noun or adjective whose lemma and dependents fit a pattern of the lexicon
   (`match_token`): its particle, preposition, object words, modifiers and the kind of object it needs.
2. *Chains.* A noun carried by a light verb ("held talks") takes the light verb as the head of its chain; a
   control verb ("agreed to", "refused to", "threatened to", "demanded that") colours the event it embeds by
   the lexicon's control tables, innermost first; "X said that Y must ..." is a demand on Y.

The events found are `Candidate`s with no roles yet; parties, aims, purposes and charges are then taken from
`dateline.nlp.parties` and `dateline.nlp.kinds`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Span, Token

from dateline.lexicon.verbs import Pattern, VerbLexicon
from dateline.nlp.candidate import OBJECT_DEPS as _OBJECTS
from dateline.nlp.candidate import QUANTITY_NOUNS as _QUANTITY
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.kinds import background, nominal_participle, take_charges, take_conditions, take_purposes
from dateline.nlp.parties import crowd_acts, describes, is_party, is_place, take_aims
from dateline.nlp.roles import subject_of

__all__ = ["depth", "match_sentence", "match_token", "objects_of", "verb_forms"]

_EMBED = {"xcomp", "ccomp", "dobj", "prep", "pobj", "acl", "pcomp", "conj", "advcl", "acomp"}
_CONVERTING = {"intent", "reject", "threat", "demand", "appeal"}
_QUESTION_MARKS = {"if", "whether"}
_ADJUNCT_MARKS = {"before", "after", "until", "when", "while", "because", "since", "although", "though"}
_PARTAKE = {"participate", "partake", "part"}  # a verb whose "in" names the event its subject is of


def _kind(token: Token) -> str | None:
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in {"ROOT", "ccomp", "xcomp"}):
        return "verb"
    if token.pos_ == "NOUN":
        return "noun"
    if token.pos_ == "ADJ":
        return "adj"
    return None


def objects_of(token: Token, preps: Iterable[str] = ()) -> list[Token]:
    """The objects of a word: direct objects (passive subjects), objects of the given prepositions, their
    conjuncts, and what quantity words are "of" ("a number of restrictive measures")."""
    wanted = set(preps)
    found = [c for c in token.children if c.dep_ in _OBJECTS or c.dep_ == "nsubjpass"]
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and (child.lower_ in wanted or child.lemma_ in wanted):
            found += [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
    if token.dep_ == "amod" and token.head.pos_ == "NOUN" and not found:
        found.append(token.head)
    more = []
    for obj in found:
        more += [c for c in obj.conjuncts]
        if obj.lemma_.lower() in _QUANTITY or obj.pos_ == "NUM":
            more += [g for c in obj.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        more += [
            g
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and obj.lemma_.lower() in {"state", "mission", "offer"}
        ]
    return found + more


def match_token(token: Token, verbs: VerbLexicon) -> tuple[Pattern, Token | None] | None:
    """The most specific pattern a word fits, with the object it consumes, or None."""
    kind = _kind(token)
    if kind is None:
        return None
    candidates = verbs.candidates(token.lemma_.lower(), kind) or verbs.candidates(token.lower_, kind)
    if not candidates:  # most words: no pattern, so no need for the tests below
        return None
    if kind == "verb" and token.tag_ == "VBN" and nominal_participle(token):
        return None  # "evacuated the wounded", "sustained two injured": people, not an act
    if (
        kind == "verb"
        and token.tag_ == "VBG"
        and token.dep_ in {"csubj", "csubjpass"}
        and not _after_comma(token)
    ):
        return None  # "removing the sanctions is out of the question": a course of action, not an act
    for pattern in candidates:
        if pattern.particle and not _has_particle(token, pattern.particle):
            continue
        if pattern.bare and any(c.dep_ in {"prt", "oprd"} for c in token.children):
            continue  # "called off the visit", "calling them an occupying army"
        if pattern.complement and not any(
            c.dep_ == "xcomp" and c.lemma_.lower() in pattern.complement for c in token.children
        ):
            continue
        if not pattern.questions and _asks(token):
            continue  # "asked whether the deal was legal" is a question, not an appeal
        if pattern.prep and not _has_prep(token, pattern.prep):
            continue
        obj = None
        if pattern.objects:
            heads = objects_of(token, pattern.prep)
            heads += [  # "mediation efforts"; not "the refugee agency", which is an agency
                c
                for o in heads
                for c in o.children
                if c.dep_ == "compound" and c.lemma_.lower() not in verbs.people
            ]
            objs = [o for o in heads if o.lemma_.lower() in pattern.objects or o.lower_ in pattern.objects]
            objs = [o for o in objs if _preceded_by(o, pattern.object_words)]
            if not objs:
                continue
            obj = objs[0]
        if pattern.modifiers and not any(
            c.dep_ in {"amod", "compound", "nmod", "npadvmod", "nummod"}
            and (c.lemma_.lower() in pattern.modifiers or c.lower_ in pattern.modifiers)
            for c in token.children
        ):
            continue
        if not _fits_objects(token, pattern, verbs):
            continue
        if _describes_people(token, pattern, verbs):
            continue  # "inspectors probing the sites", "rebels fighting the government": who they are
        if not pattern.attributive and token.dep_ in {"acl", "amod"} and token.tag_ == "VBN":
            continue  # "forces backed by Iran", "men accused of theft": a description, not an event
        return pattern, obj
    return None


def _has_particle(token: Token, particle: str) -> bool:
    """A verb's particle, or the same word parsed as a preposition heading one of its own after the object:
    "forced the agency out of the country" as "forced out"."""
    return any(
        c.lower_ == particle
        and (c.dep_ == "prt" or (c.dep_ == "prep" and any(g.dep_ == "prep" for g in c.children)))
        for c in token.children
    )


def _after_comma(token: Token) -> bool:
    return token.i > token.sent.start and token.doc[token.i - 1].is_punct


def _describes_people(token: Token, pattern: Pattern, verbs: VerbLexicon) -> bool:
    """A present participle that says who people are, not what happened: "inspectors probing the sites",
    "rebels fighting the government". Not a protest's ("demonstrators protesting the results"), and not a
    control word, which colours the act it embeds ("businesses demanding that the government ...")."""
    if token.dep_ != "acl" or token.tag_ != "VBG" or pattern.aims or pattern.control:
        return False
    return token.head.pos_ == "NOUN" and token.head.lemma_.lower() in verbs.people


def _asks(token: Token) -> bool:
    """Whether a word's clausal complement is an indirect question: "asked whether/if ...", "asked what ..."."""
    for child in token.children:
        if child.dep_ not in {"ccomp", "advcl", "xcomp"}:
            continue
        if any(g.dep_ == "mark" and g.lower_ in _QUESTION_MARKS for g in child.children):
            return True
        first = child.doc[child.left_edge.i]
        if first.tag_ in {"WDT", "WP", "WP$", "WRB"} and first.i < child.i:
            return True
    return False


def _preceded_by(obj: Token, words: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the words right before an object are, in order, one of each slot's ("diplomatic ties")."""
    start = obj.i - len(words)
    return start >= obj.sent.start and all(
        obj.doc[start + k].lower_ in slot or obj.doc[start + k].lemma_.lower() in slot
        for k, slot in enumerate(words)
    )


def _has_prep(token: Token, preps: Collection[str]) -> bool:
    """A preposition of the word ("agree on"), or one that marks its clause ("called for X to be lifted")."""
    if any(c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps for c in token.children):
        return True
    return any(
        g.dep_ == "mark" and g.lower_ in preps
        for c in token.children
        if c.dep_ == "advcl"
        for g in c.children
    )


def _fits_objects(token: Token, pattern: Pattern, verbs: VerbLexicon) -> bool:
    """The pattern's transitivity and the kind of object it needs ("released the hostages", not "released a
    statement"; "went to Paris", not "went to bed")."""
    direct = [c for c in token.children if c.dep_ in _OBJECTS or c.dep_ == "nsubjpass"]
    if pattern.transitive and not direct and token.dep_ not in {"relcl", "acl"}:
        return False
    if pattern.intransitive and any(c.dep_ in _OBJECTS for c in token.children):
        return False
    if pattern.if_object and any(
        not (is_party if pattern.if_object == "party" else is_place)(c, verbs)
        for c in token.children
        if c.dep_ in _OBJECTS
    ):
        return False  # "fought the rebels", not "fight crime"
    if pattern.object_kind and not pattern.objects:
        heads = objects_of(token, pattern.prep) if pattern.prep else direct
        if pattern.prep:
            heads = [h for h in heads if h.dep_ in {"pobj", "pcomp"}]
        test = is_party if pattern.object_kind == "party" else is_place
        if not any(test(h, verbs) for h in heads):
            return False
    return True


def match_sentence(sent: Span, verbs: VerbLexicon) -> list[_Found]:
    """The events of a sentence after chains are resolved (one `_Found` per event)."""
    found: dict[int, _Found] = {}
    consumed: set[int] = set()
    for token in sent:
        hit = match_token(token, verbs)
        if hit is None:
            continue
        pattern, obj = hit
        found[token.i] = _Found(
            trigger=token,
            pattern=pattern,
            code=pattern.code,
            obj=obj,
            head=token,
            chain=[token],
            control=pattern.control,
        )
        if obj is not None:
            consumed.add(obj.i)
    for i in consumed:  # "imposed sanctions": the noun belongs to the verb's event
        if i in found and found[i].pattern.pos == "noun":
            del found[i]
    for item in list(found.values()):
        if item.pattern.pos == "noun" and _names_people(item.trigger, verbs):
            del found[item.trigger.i]  # "truce monitors", "protest leaders": a kind of people, not an event
            continue
        if item.pattern.pos == "noun":
            _carry(item, verbs)
            item.happening = _happening(item.trigger, verbs)
            if item.pattern.carriers and not (
                item.head.i != item.trigger.i and verb_forms(item.head) & set(item.pattern.carriers)
            ):
                del found[item.trigger.i]  # "launched a strike" is not a labour strike
    # control verbs, innermost first, colour the event they embed
    for item in sorted(found.values(), key=lambda f: -depth(f.trigger)):
        if item.control is None or item.consumed:
            continue
        inner = _embedded(item, found)
        if inner is None:
            continue
        _apply_control(item, inner, verbs)
    _must_demands(sent, verbs, found)
    for item in found.values():
        item.cause = item.pattern.aims
    crowd_acts(found, verbs)
    take_aims(found)
    take_purposes(found)
    take_charges(found)
    take_conditions(found)
    kept = [
        f
        for f in found.values()
        if not f.consumed
        and not (f.control == "plan" and f.embedder is None and f.chain == [f.trigger])
        and not (not f.pattern.alone and f.code == f.pattern.code)
        and not describes(f)
    ]
    told = [f for f in kept if not background(f, verbs)]
    return told if told else kept


def _must_demands(sent: Span, verbs: VerbLexicon, found: dict[int, _Found]) -> None:
    """ "X said that Y must ...": a demand on Y (10x), whatever Y must do; Y is a party ("the government
    should resign"), or the clause holds an event of its own."""
    for token in sent:
        if token.lemma_.lower() not in verbs.speech or token.i in found:
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            if not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children):
                continue
            speaker = _Found(
                trigger=token,
                pattern=Pattern(words=(token.lemma_,), code="100", control="demand"),
                code="100",
                obj=None,
                head=token,
                chain=[token],
                control="demand",
            )
            inner = found.get(clause.i) or _first_event([clause], found, speaker)
            if inner is not None and not inner.consumed:
                _apply_control(speaker, inner, verbs)
                inner.addressee = subject_of(clause)
            else:
                addressee = subject_of(clause)
                if addressee is None or not is_party(addressee, verbs, political=True):
                    continue  # "plans should be prominent", "these actions should lift earnings"
                speaker.addressee = addressee
                found[token.i] = speaker


def _names_people(noun: Token, verbs: VerbLexicon) -> bool:
    """A noun that only classifies the people it modifies: "truce monitors", "protest leaders"."""
    head = noun.head
    return noun.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in verbs.people


def verb_forms(token: Token) -> set[str]:
    """The lemma of a verb and the base forms its inflection suggests, for a lemmatiser that stumbles
    ("staged" -> "stag"): staged -> stage, held -> held, marching -> march."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    for suffix, repl in (
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return forms


def _happening(noun: Token, verbs: VerbLexicon) -> bool:
    """A noun reported as happening: "clashes took place", "fighting erupted", "there was an explosion"."""
    if noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"} or lemma not in verbs.occurrence:
        return False
    if lemma == "be":
        return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if lemma == "take":
        return any(c.dep_ in _OBJECTS and c.lower_ == "place" for c in verb.children)
    if lemma == "break":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return True


def depth(token: Token) -> int:
    """How many words a word hangs below (0 for a sentence's root)."""
    return sum(1 for _ in token.ancestors)


def _carry(item: _Found, verbs: VerbLexicon) -> None:
    """A nominal event takes the light verb that carries it: "took measures", "the meeting may take place"."""
    noun = item.trigger
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "a mediation effort", "a hunger strike"
        noun = noun.head
    up = noun.head
    if noun.dep_ == "pobj" and up.lower_ == "of" and up.head.lemma_.lower() in _QUANTITY:
        noun = up.head
        up = noun.head
    if noun.dep_ == "pobj" and up.lower_ == "in" and _partakes(up.head):
        up = up.head.head if up.head.lower_ == "part" else up.head  # "took part in a protest"
        if up.pos_ in {"VERB", "AUX"}:  # "participated in a protest" is the protest's
            item.head = up
            item.chain.append(up)
        return
    if noun.dep_ in _OBJECTS | {"nsubj", "nsubjpass"} and up.pos_ in {"VERB", "AUX"}:
        if noun.dep_ in _OBJECTS and not verb_forms(up) & verbs.light:
            return
        item.head = up
        item.chain.append(up)


def _partakes(verb: Token) -> bool:
    """Whether a word is one of taking part, whose "in" names the event its subject is of."""
    if verb.lemma_.lower() == "take":
        return any(c.lower_ == "part" and c.dep_ in _OBJECTS for c in verb.children)
    return verb.lemma_.lower() in _PARTAKE


def _embedded(item: _Found, found: dict[int, _Found]) -> _Found | None:
    """The nearest event below a control verb, through its clause, object or prepositional phrase."""
    queue = [c for c in item.trigger.children if c.dep_ in _EMBED and c.dep_ != "conj" and not _adjunct(c)]
    if item.pattern.pos == "noun" and item.head.i != item.trigger.i:  # "reiterated its demand that ..."
        queue += [c for c in item.head.children if c.dep_ == "ccomp"]
    return _first_event(queue, found, item)


def _first_event(queue: list[Token], found: dict[int, _Found], item: _Found) -> _Found | None:
    """The nearest event other than `item` at or below the words of `queue`, breadth first, through the
    dependencies that embed an event (not into what is said: "say", "tell")."""
    seen: set[int] = set()
    while queue:
        token = queue.pop(0)
        if token.i in seen:
            continue
        seen.add(token.i)
        for candidate in found.values():
            if candidate is item or candidate.consumed:
                continue
            if token.i == candidate.trigger.i or (
                token.i == candidate.head.i and candidate.pattern.pos == "noun"
            ):
                return candidate
        if token.lemma_.lower() not in {"say", "tell"}:
            queue += [c for c in token.children if c.dep_ in _EMBED | {"acl", "relcl"} and not _adjunct(c)]
    return None


def _adjunct(token: Token) -> bool:
    """A clause of time or cause, never what a control word embeds: "must agree to changes before they
    demobilize", "threatened to strike after talks failed"."""
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _ADJUNCT_MARKS for c in token.children)
    return (
        token.dep_ == "prep"
        and token.lower_ in _ADJUNCT_MARKS
        and any(c.dep_ == "pcomp" for c in token.children)
    )


def _apply_control(item: _Found, inner: _Found, verbs: VerbLexicon) -> None:
    control = item.control or ""
    if control in _CONVERTING:
        inner.code = verbs.convert(control, inner.code) or item.code
    inner.chain += [t for t in item.chain if t not in inner.chain]
    inner.head = item.head
    inner.control = control if control in _CONVERTING else inner.control
    if control in {"plan", "negate"}:
        inner.control = control
    inner.embedder = item.trigger
    item.consumed = True

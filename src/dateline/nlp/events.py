"""Events: who did what to whom, where, when, how surely and on whose word, read off the dependency parse.

`find_events(doc)` walks each sentence and matches its words against the verb-pattern lexicon
(`lexicon/data/verbs.toml`):

1. *Triggers.* A verb, noun or adjective whose lemma and dependents fit a pattern ("shot" + particle
   "down" -> 190; "imposed" + object "sanctions" -> 163; the noun "meeting" -> 040).
2. *Chains.* A noun carried by a light verb ("held talks", "has taken restrictive measures") takes the
   light verb's subject and tense. A control verb colours the event it embeds: "agreed to resume talks"
   is an intent to negotiate (036), "refused to meet" a rejection (125), "threatened to break relations" a
   threat (131), "demanded that X withdraw" a demand (105); "plans to" and "will" make a material act an
   intention (cooperation -> 03, force -> 13, as CAMEO codes announced acts).
3. *Roles.* The subject (or the "by" agent of a passive: "was shot down by") is the source; the object or
   the pattern's preposition gives the target; "Russia and Turkey could exchange" makes the second
   conjunct the target of a symmetric act.
4. *Attributes.* Modality from negation, "if/unless", modals and plans; `claimed_by` from a speech verb
   above the event ("Yardim said ...") or a quote around it; the date from a day-precise date expression in
   the event's own clause (else the publication date); the place from "in China" / "over Syria".
5. *One event per happening.* The same event told again (headline, lede, quote, nominal "the meeting") is
   merged into one event with several mentions.

Roles (step 3) live in `dateline.nlp.roles`, modality and the code conversions it implies in
`dateline.nlp.modality`, the event under construction (`_Found`) in `dateline.nlp.candidate`; this module
keeps matching, statements, records and merging, and re-exports the public names of the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline import __version__
from dateline.lexicon.actors import ActorLexicon
from dateline.lexicon.codebook import load_codebook
from dateline.lexicon.gazetteer import load_gazetteer
from dateline.lexicon.verbs import Pattern, VerbLexicon, load_verb_lexicon
from dateline.lexicon.words import CLAIM_VERBS as _SAY
from dateline.nlp.actors import ActorCoder, CodedActor
from dateline.nlp.candidate import OBJECT_DEPS as _OBJECTS
from dateline.nlp.candidate import QUANTITY_NOUNS as _QUANTITY
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.candidate import same_line
from dateline.nlp.doctext import doc_text
from dateline.nlp.eventdates import DATE_RANK, anchors_of, episode_of, event_clause, event_date
from dateline.nlp.kinds import (
    background,
    domain_story,
    lacks_pair,
    nominal_participle,
    political,
    sectors_of,
    take_charges,
    take_purposes,
    unplaced,
)
from dateline.nlp.modality import _settle_code, modality_of
from dateline.nlp.parties import crowd_acts, describes, has_party, is_party, is_place, restates_aim, take_aims
from dateline.nlp.roles import _assign_roles, _quote_at, compound_parts, place_domestic, subject_of
from dateline.records import Coder, DateRef, Entity, Event, Location, Mention, Quote, Sentence, Speaker

__all__ = [
    "EventOptions",
    "find_events",
    "iter_codes",
    "match_sentence",
    "match_token",
    "merge_events",
    "modality_of",
    "objects_of",
    "same_line",
    "segments",
    "subject_of",
]

_EMBED = {"xcomp", "ccomp", "dobj", "prep", "pobj", "acl", "pcomp", "conj", "advcl", "acomp"}
_PLACE_PREPS = {"in", "over", "at", "near", "inside", "outside", "across", "into", "to"}
_CONVERTING = {"intent", "reject", "threat", "demand", "appeal"}


@dataclass(frozen=True)
class EventOptions:
    """How events are coded.

    verbs: the verb-pattern lexicon (default: dateline's own).
    actors: the actor lexicon (default: dateline's own; PETRARCH dictionaries can be imported into one).
    require_actor: drop events whose source has no actor code (they cannot be told apart from noise).
    statements: code "X said that ... Y ..." as a statement (010) when the clause holds no other event.
    """

    verbs: VerbLexicon | None = None
    actors: ActorLexicon | None = None
    require_actor: bool = True
    statements: bool = True


def find_events(doc: Doc, *, options: EventOptions | None = None) -> list[Event]:
    """Every event of a parsed Doc, merged across its tellings, in order of first mention."""
    options = options or EventOptions()
    verbs = options.verbs or load_verb_lexicon()
    entities: list[Entity] = _extension(doc, "entities") or []
    quotes: list[Quote] = _extension(doc, "quotes") or []
    dates: list[DateRef] = _extension(doc, "dates") or []
    published = _extension(doc, "published")
    coder = ActorCoder(doc, lexicon=options.actors, entities=entities)
    tag = Coder(version=__version__, lexicon=verbs.version)
    events: list[Event] = []
    keep: set[str] = set()
    last: CodedActor | None = None
    anchors = anchors_of(doc, dates, published)
    episode: DateRef | None = None
    cause: tuple[int, Event, CodedActor | None] | None = None  # the last act done for a cause, for its aims
    domain = domain_story(doc, verbs)
    for index, sent in enumerate(segments(doc)):
        found = match_sentence(sent, verbs)
        for item in found:
            _assign_roles(item, coder, verbs, quotes, entities, last)
            if item.source is not None and item.source.start <= item.trigger.idx < item.source.end:
                item.source = None  # a noun is not its own source ("fighting erupted")
            place_domestic(item, sent, coder)
        if options.statements:
            found += _statements(
                sent, verbs, coder, [f for f in found if (f.source and f.source.code) or _nominal(f)]
            )
        for item in found:
            if item.source is not None and item.source.code and item.source.country:
                last = item.source
        found = [part for item in found for part in compound_parts(item, sent, coder)]
        told: list[set[int]] = []
        for item in sorted(found, key=lambda f: _depth(f.trigger)):
            if item.pattern.official and _is_state(item.source, verbs):
                item.code = item.pattern.official
            coded = bool(item.source and item.source.code) or bool(item.target and item.target.code)
            if options.require_actor and not _nominal(item) and not item.happening:
                source_ok = (
                    item.source is None or bool(item.source.code) or has_party(item, doc, verbs, source=True)
                )
                if not source_ok or not (coded or has_party(item, doc, verbs)):
                    continue  # "High fuel prices hit BA's profits", "she beat Canada's champion"
            if domain and not political(item, verbs):
                continue  # a story of sports, arts or business: "UK Athletics agrees new kit deal"
            if any(item.trigger.i in region for region in told):
                continue  # a part of an aim told again ("condemned Israel's genocide")
            if cause is not None and index - cause[0] <= 2 and restates_aim(item, cause[2], verbs):
                mention = _trigger_span(item)
                cause[1].mentions.append(
                    Mention(text=mention.text, start=mention.start_char, end=mention.end_char)
                )
                told.append({t.i for t in item.trigger.subtree})
                continue  # "They demanded ...": the protest's aim told again
            if options.require_actor and unplaced(item, doc, verbs):
                continue
            if item.pattern.civil and sectors_of(item.source) & verbs.armed_sectors:
                continue  # troops who arrive are deployed, they do not visit
            if lacks_pair(item):
                continue  # a meeting needs two parties; a retelling naming none is merged below
            event = _record(
                item,
                index,
                sent,
                coder=coder,
                verbs=verbs,
                quotes=quotes,
                anchors=anchors,
                episode=episode,
                published=published,
                tag=tag,
            )
            events.append(event)
            if item.happening or not _nominal(item):
                keep.add(event.id)  # a nominal retelling that names no party only merges into its event
            if item.cause and (item.source is not None or cause is None):
                cause = (index, event, item.source)
        episode = episode_of(sent, anchors) or episode
    return merge_events(events, require_actor=options.require_actor, keep=keep)


def _is_state(actor: CodedActor | None, verbs: VerbLexicon) -> bool:
    """A government or a state itself ("RUS", "RUSGOV"), by the sectors of the lexicon's [official]."""
    if actor is None or not actor.code or not actor.country or not actor.code.startswith(actor.country):
        return False
    return actor.code[len(actor.country) :][:3] in verbs.state_sectors


def segments(doc: Doc) -> Iterator[Span]:
    """The sentences of a Doc, split again at line breaks (a headline is never part of the lede)."""
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space or "\n" in token.whitespace_:
                end = token.i if token.is_space else token.i + 1
                if end > start:
                    yield doc[start:end]
                start = token.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def _extension(doc: Doc, name: str):  # type: ignore[no-untyped-def]
    """What an earlier dateline component set on the Doc (`doc._.dateline_<name>`), None when unset."""
    return getattr(doc._, "dateline_" + name) if Doc.has_extension("dateline_" + name) else None


# ------------------------------------------------------------------------------------------ matching


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
    if kind == "verb" and token.tag_ == "VBN" and nominal_participle(token):
        return None  # "evacuated the wounded", "sustained two injured": people, not an act
    candidates = verbs.candidates(token.lemma_.lower(), kind) or verbs.candidates(token.lower_, kind)
    if kind == "adj" and not candidates:
        candidates = verbs.candidates(token.lower_, "adj")
    for pattern in candidates:
        if pattern.particle and not any(
            c.dep_ == "prt" and c.lower_ == pattern.particle for c in token.children
        ):
            continue
        if pattern.bare and any(c.dep_ == "prt" for c in token.children):
            continue
        if pattern.prep and not _has_prep(token, pattern.prep):
            continue
        obj = None
        if pattern.objects:
            heads = objects_of(token, pattern.prep)
            heads += [c for o in heads for c in o.children if c.dep_ == "compound"]  # "mediation efforts"
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
        if not pattern.attributive and token.dep_ in {"acl", "amod"} and token.tag_ == "VBN":
            continue  # "forces backed by Iran", "men accused of theft": a description, not an event
        return pattern, obj
    return None


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
        if item.pattern.pos == "noun":
            _carry(item, verbs)
            item.happening = _happening(item.trigger, verbs)
            if item.pattern.carriers and not (
                item.head.i != item.trigger.i and verb_forms(item.head) & set(item.pattern.carriers)
            ):
                del found[item.trigger.i]  # "launched a strike" is not a labour strike
    # control verbs, innermost first, colour the event they embed
    for item in sorted(found.values(), key=lambda f: -_depth(f.trigger)):
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
            inner = found.get(clause.i)
            if inner is not None and not inner.consumed:
                _apply_control(speaker, inner, verbs)
                inner.addressee = subject_of(clause)
            else:
                addressee = subject_of(clause)
                if addressee is None or not is_party(addressee, verbs, political=True):
                    continue  # "plans should be prominent", "these actions should lift earnings"
                speaker.addressee = addressee
                found[token.i] = speaker


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


def _depth(token: Token) -> int:
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
    if noun.dep_ in _OBJECTS | {"nsubj", "nsubjpass"} and up.pos_ in {"VERB", "AUX"}:
        if noun.dep_ in _OBJECTS and not verb_forms(up) & verbs.light:
            return
        item.head = up
        item.chain.append(up)


def _embedded(item: _Found, found: dict[int, _Found]) -> _Found | None:
    """The nearest event below a control verb, through its clause, object or prepositional phrase."""
    queue = [c for c in item.trigger.children if c.dep_ in _EMBED and c.dep_ != "conj"]
    if item.pattern.pos == "noun" and item.head.i != item.trigger.i:  # "reiterated its demand that ..."
        queue += [c for c in item.head.children if c.dep_ == "ccomp"]
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
            queue += [c for c in token.children if c.dep_ in _EMBED | {"acl", "relcl"}]
    return None


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


# ------------------------------------------------------------------------------------------ statements


def _statements(sent: Span, verbs: VerbLexicon, coder: ActorCoder, found: list[_Found]) -> list[_Found]:
    """ "X said (that) ... Y ..." with no other event in the clause: a statement (010) by X about Y."""
    taken = {t.i for f in found for t in [f.trigger, *f.chain]}
    statements = []
    for token in sent:
        if token.lemma_.lower() not in verbs.speech or token.pos_ != "VERB":
            continue
        content = [c for c in token.children if c.dep_ in {"ccomp", "parataxis"}]
        if not content:
            continue
        region = {t.i for c in content for t in c.subtree}
        if region & taken:
            continue
        subject = subject_of(token)
        if subject is None:
            continue
        source = coder.code(subject)
        if not (source.code and source.country):
            continue
        about = coder.first_actor((t for c in content for t in c.subtree), other_than=source.country)
        if about is None:  # a flat parse may hang part of what was said elsewhere: read on to the end
            about = coder.first_actor(
                (t for t in sent if t.i > token.i and t.i not in region), other_than=source.country
            )
        if about is None:
            continue
        pattern = Pattern(words=(token.lemma_,), code="010")
        statements.append(
            _Found(
                trigger=token,
                pattern=pattern,
                code="010",
                obj=None,
                head=token,
                chain=[token],
                source=source,
                target=about,
            )
        )
    return statements


# ------------------------------------------------------------------------------------------ attributes


def _location(item: _Found, target: CodedActor | None) -> Location | None:
    owners = [item.trigger, *item.chain] + ([item.obj] if item.obj is not None else [])
    owners += [c for c in item.trigger.children if c.dep_ in _OBJECTS]
    for owner in owners:
        for child in owner.children:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
                continue
            if child.lower_ in {"to", "into"} and not item.pattern.location:
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                    continue
                resolved = _resolved(pobj)
                if resolved is not None:
                    return resolved
    return None


def _resolved(token: Token) -> Location | None:
    """The place the places stage resolved for this token's mention, if any."""
    places = token.doc._.dateline_places if Doc.has_extension("dateline_places") else None
    return places.at(token.idx, token.idx + len(token.text)) if places is not None else None


def _claim(item: _Found, coder: ActorCoder, quotes: list[Quote]) -> Speaker | None:
    speaker = _quote_at(item.trigger.idx, quotes)
    if speaker is not None:
        return speaker
    for ancestor in item.head.ancestors:
        if not same_line(ancestor, item.head):
            break
        if ancestor.lemma_.lower() in _SAY or ancestor.lemma_.lower() == "accord":
            subject = subject_of(ancestor)
            if ancestor.lemma_.lower() == "accord":
                subject = next((g for c in ancestor.children for g in c.children if g.dep_ == "pobj"), None)
            if subject is None or subject.i in {t.i for t in item.head.subtree}:
                continue
            coded = coder.code(subject)
            return Speaker(entity=coded.entity, name=coded.text)
    sent = item.head.sent
    for token in sent:
        if token.lower_ == "according" and sent.start <= token.head.i < sent.end:
            pobj = next((g for c in token.children for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                coded = coder.code(pobj)
                return Speaker(entity=coded.entity, name=coded.text)
    return None


_BACKGROUND = {"after", "following", "despite", "amid", "since", "before", "until", "of"}


def _nominal(item: _Found) -> bool:
    """A noun that only names an event told elsewhere: no party of its own ("the meeting"), or a reference
    in a phrase of time or circumstance ("after the attack", "despite warnings by ...")."""
    if item.pattern.pos != "noun" or item.happening:
        return False
    word = item.trigger
    background = word.dep_ == "pobj" and word.head.lower_ in _BACKGROUND and item.head.i == word.i
    return item.source is None or background


def _record(
    item: _Found,
    index: int,
    sent: Span,
    *,
    coder: ActorCoder,
    verbs: VerbLexicon,
    quotes: list[Quote],
    anchors: list[tuple[DateRef, Token]],
    episode: DateRef | None,
    published,
    tag: Coder,
) -> Event:  # type: ignore[no-untyped-def]
    _settle_code(item, verbs)
    codebook = load_codebook()
    entry = codebook.find(item.code) or codebook.find(item.code[:3]) or codebook.find(item.code[:2])
    doc = sent.doc
    date, basis = event_date(item, event_clause(item), anchors, episode, published)
    trigger = _trigger_span(item)
    location = _location(item, item.target)
    if location is None and item.pattern.location and item.target is not None and item.target.country:
        place = load_gazetteer().lookup(item.target.text)
        if place is not None:
            location = Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
    if location is None and Doc.has_extension("dateline_places") and doc._.dateline_places is not None:
        location = doc._.dateline_places.where(sent.start_char, sent.end_char, anchor=trigger.start_char)
    confidence = 0.4 + 0.1 * min(item.pattern.specificity, 1)
    if item.source and item.source.country:
        confidence += 0.2 if not item.source.pronoun else 0.1
    if item.target and item.target.code:
        confidence += 0.15
    if item.pattern.pos == "noun" and item.head is item.trigger:
        confidence -= 0.1
    part = f"|{item.party}" if item.party else ""  # the further pairs of a compound, on the same words
    ident = hashlib.sha256(
        f"{doc_text(doc)[:500]}|{trigger.start_char}|{item.code}{part}".encode()
    ).hexdigest()[:16]
    mention = Mention(text=trigger.text, start=trigger.start_char, end=trigger.end_char)
    return Event(
        id=ident,
        cameo=item.code,
        root=item.code[:2],
        plover=entry.plover if entry else None,
        quad_class=entry.quad_class if entry else 0,
        goldstein=entry.goldstein if entry else 0.0,
        source=item.source.ref() if item.source else None,
        target=item.target.ref() if item.target else None,
        date=date,
        date_basis=basis,
        location=location,
        modality=item.modality,
        claimed_by=_claim(item, coder, quotes),
        sentence=Sentence(index=index, start=sent.start_char, end=sent.end_char, text=sent.text),
        trigger=mention,
        confidence=round(max(0.05, min(confidence, 0.95)), 2),
        coder=tag,
        mentions=[mention],
    )


def _trigger_span(item: _Found) -> Span:
    doc = item.trigger.doc
    words = [item.trigger] + [c for c in item.trigger.children if c.dep_ == "prt"]
    if item.obj is not None and abs(item.obj.i - item.trigger.i) <= 4:
        words.append(item.obj)
    return doc[min(t.i for t in words) : max(t.i for t in words) + 1]


# ------------------------------------------------------------------------------------------ merging

_SYMMETRIC_ROOTS = {"03", "04", "06"}


def _key(event: Event) -> tuple[str, frozenset[str]] | None:
    """Root and parties; the parties of a one-sided act are kept in order ("<" marks the source)."""
    source = (event.source.actor or "")[:3] if event.source else ""
    target = (event.target.actor or "")[:3] if event.target else ""
    if not source:
        return None
    if event.root in _SYMMETRIC_ROOTS:
        return event.root, frozenset({source, target} - {""})
    return event.root, frozenset({"<" + source} | ({target} if target else set()))


def merge_events(
    events: list[Event], *, require_actor: bool = True, keep: Collection[str] = ()
) -> list[Event]:
    """One event per happening: the same root with the same parties (or a subset of them: a retelling
    that names fewer), or a nominal retelling that names none ("the meeting"). Events whose ids are in
    `keep` (an act whose party has no actor code, a happening told with no party: "an explosion took place")
    stand alone when nothing absorbs them."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: _key(e) is None):
        key = _key(event)
        same = None
        for kept in merged:
            kept_key = _key(kept)
            if kept_key is None or kept.root != event.root:
                continue
            if key is not None and kept.cameo[:3] != event.cameo[:3]:
                continue
            if kept.trigger == event.trigger:
                continue  # the pairs of one compound are events of their own ("Egypt and Israel signed")
            if key is None or key[1] <= kept_key[1] or kept_key[1] <= key[1]:
                same = kept
                break
        if same is None:
            if key is None and require_actor and event.id not in keep:
                continue
            merged.append(event)
            continue
        _absorb(same, event)
    return sorted(merged, key=lambda e: min(m.start for m in e.mentions))


def _absorb(kept: Event, event: Event) -> None:
    kept.mentions.append(event.trigger)
    kept.mentions.sort(key=lambda m: m.start)
    kept.confidence = round(min(0.95, max(kept.confidence, event.confidence) + 0.05), 2)
    if DATE_RANK.get(event.date_basis, 2) < DATE_RANK.get(kept.date_basis, 2):
        kept.date, kept.date_basis = event.date, event.date_basis
    if kept.location is None:
        kept.location = event.location
    if kept.claimed_by is None:
        kept.claimed_by = event.claimed_by
    if kept.target is None or (event.target and event.target.actor and not kept.target.actor):
        kept.target = event.target


def iter_codes(events: Iterable[Event]) -> Iterator[str]:
    """The CAMEO codes of events, in order (for quick looks and tests)."""
    return (event.cameo for event in events)

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

Steps 1 and 2 live in `dateline.nlp.triggers`, roles (step 3) in `dateline.nlp.roles`, the record and its
attributes (step 4) in `dateline.nlp.eventrecord` (modality and the code conversions it implies in
`dateline.nlp.modality`, dates in `dateline.nlp.eventdates`), merging (step 5) in `dateline.nlp.merging`,
the event under construction (`_Found`) in `dateline.nlp.candidate`; this module runs the steps, codes
statements, and re-exports the public names of the others.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dateline import __version__
from dateline.lexicon.actors import ActorLexicon
from dateline.lexicon.verbs import Pattern, VerbLexicon, load_verb_lexicon
from dateline.nlp.actors import ActorCoder, CodedActor
from dateline.nlp.candidate import OBJECT_DEPS, same_line
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.eventdates import anchors_of, episode_of
from dateline.nlp.eventrecord import ahead, event_record, nominal, trigger_span
from dateline.nlp.kinds import domain_story, lacks_pair, political, sectors_of, unplaced
from dateline.nlp.merging import iter_codes, merge_events
from dateline.nlp.modality import modality_of
from dateline.nlp.parties import has_party, restates_aim
from dateline.nlp.roles import assign_roles, compound_parts, place_domestic, subject_of
from dateline.nlp.triggers import depth, match_sentence, match_token, objects_of, verb_forms
from dateline.records import Coder, DateRef, Entity, Event, Mention, Quote

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
    retold: set[str] = set()
    last: CodedActor | None = None
    anchors = anchors_of(doc, dates, published)
    episode: DateRef | None = None
    cause: tuple[int, Event, CodedActor | None] | None = None  # the last act done for a cause, for its aims
    domain = domain_story(doc, verbs)
    for index, sent in enumerate(segments(doc)):
        found = match_sentence(sent, verbs)
        for item in found:
            assign_roles(item, coder, verbs, quotes, entities, last)
            if item.source is not None and item.source.start <= item.trigger.idx < item.source.end:
                item.source = None  # a noun is not its own source ("fighting erupted")
            place_domestic(item, sent, coder)
        if options.statements:
            found += _statements(
                sent, verbs, coder, [f for f in found if (f.source and f.source.code) or nominal(f)]
            )
        for item in found:
            if item.source is not None and item.source.code and item.source.country:
                last = item.source
        found = [part for item in found for part in compound_parts(item, sent, coder)]
        told: list[set[int]] = []
        for item in sorted(found, key=lambda f: depth(f.trigger)):
            if item.pattern.official and _is_state(item.source, verbs):
                item.code = item.pattern.official
            coded = bool(item.source and item.source.code) or bool(item.target and item.target.code)
            if options.require_actor and not nominal(item) and not item.happening:
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
                mention = trigger_span(item)
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
            event = event_record(
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
            if item.happening or not nominal(item) or _staged(item, verbs):
                keep.add(event.id)  # a nominal retelling that names no party only merges into its event
            elif ahead(item):
                retold.add(event.id)  # "on the eve of a visit by X": merged into the visit if told
            if item.cause and (item.source is not None or cause is None):
                cause = (index, event, item.source)
        episode = episode_of(sent, anchors) or episode
    return merge_events(
        events, require_actor=options.require_actor, keep=keep, retold=retold, symmetric=verbs.symmetric_roots
    )


def _staged(item: _Found, verbs: VerbLexicon) -> bool:
    """A protest that a finite light verb carries as its object ("staged a protest", "held a rally"): told as
    done, whether or not the parse found who did it ("an agreement on carrying out a protest" tells none)."""
    noun, verb = item.trigger, item.head
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"} or (
        verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    )
    return (
        item.cause
        and verb.i != noun.i
        and noun.dep_ in OBJECT_DEPS
        and finite
        and bool(verb_forms(verb) & verbs.light)
    )


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


# ------------------------------------------------------------------------------------------ statements


def _statements(sent: Span, verbs: VerbLexicon, coder: ActorCoder, found: list[_Found]) -> list[_Found]:
    """ "X said (that) ... Y ..." with no other event in the clause: a statement (010) by X about Y."""
    taken = {t.i for f in found for t in [f.trigger, *f.chain]}
    statements = []
    for token in sent:
        if token.lemma_.lower() not in verbs.speech or token.pos_ != "VERB" or token.i in taken:
            continue  # a speech verb that is an event's own word ("insisted that X stop") is no statement
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
        acting = {  # "said border guards had stopped 2,000 trucks": an account of their act, not words to them
            s.i
            for c in content
            if c.pos_ == "VERB" and c.tag_ in {"VBD", "VBN"} and any(g.dep_ == "dobj" for g in c.children)
            for s in c.children
            if s.dep_ == "nsubj"
        }
        about = coder.first_actor(
            (t for c in content for t in c.subtree if t.i not in acting), other_than=source.country
        )
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

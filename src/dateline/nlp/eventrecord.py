"""The record of an event: its code settled by modality, its date, place, claim, confidence and identity.

`event_record(item, ...)` is step 4 of `dateline.nlp.events` (see that module for the process): it turns a
`Candidate` whose roles are set into an `Event`, reading modality and the code conversions it implies from
`dateline.nlp.modality`, the date from `dateline.nlp.eventdates`, the place from the words of the event or
the places stage, who claims it from a quote or a speech verb above it, and its confidence from
`dateline.nlp.confidence`.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.codebook import load_codebook
from dateline.lexicon.gazetteer import load_gazetteer
from dateline.lexicon.verbs import VerbLexicon
from dateline.lexicon.words import CLAIM_VERBS as _SAY
from dateline.nlp.actors import ActorCoder, CodedActor
from dateline.nlp.candidate import OBJECT_DEPS as _OBJECTS
from dateline.nlp.candidate import Candidate as _Found
from dateline.nlp.candidate import same_line, speaker_at
from dateline.nlp.confidence import event_confidence
from dateline.nlp.doctext import doc_text
from dateline.nlp.eventdates import event_clause, event_date
from dateline.nlp.modality import settle_code
from dateline.nlp.roles import subject_of
from dateline.records import Coder, DateRef, Event, Location, Mention, Quote, Sentence, Speaker

__all__ = ["event_record", "nominal", "trigger_span"]

_PLACE_PREPS = {"in", "over", "at", "near", "inside", "outside", "across", "into", "to"}


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
    speaker = speaker_at(item.trigger.idx, quotes)
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
#: phrases of time that point to what is still to come: "before", "until", "pending", "on the eve of", "ahead
#: of", "prior to" (the word of the phrase, and the word that holds its "of"/"to")
_AHEAD = {"before", "until", "pending"}
_AHEAD_HOLDERS = {"eve", "ahead", "prior", "run-up"}


def nominal(item: _Found) -> bool:
    """A noun that only names an event told elsewhere: no party of its own ("the meeting"), or a reference
    in a phrase of time or circumstance ("after the attack", "despite warnings by ...")."""
    if item.pattern.pos != "noun" or item.happening:
        return False
    word = item.trigger
    background = word.dep_ == "pobj" and word.head.lower_ in _BACKGROUND and item.head.i == word.i
    return item.source is None or background


def ahead(item: _Found) -> bool:
    """A noun naming an event still to come in a phrase of time ("on the eve of a visit by X", "ahead of talks
    with Y", "before the vote"): a reference, not a happening of its own."""
    word = item.trigger
    if item.pattern.pos != "noun" or item.happening or word.dep_ != "pobj" or item.head.i != word.i:
        return False
    prep = word.head
    return prep.lower_ in _AHEAD or (prep.lower_ in {"of", "to"} and prep.head.lower_ in _AHEAD_HOLDERS)


def event_record(
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
    settle_code(item, verbs)
    codebook = load_codebook()
    entry = codebook.find(item.code) or codebook.find(item.code[:3]) or codebook.find(item.code[:2])
    doc = sent.doc
    date, basis = event_date(item, event_clause(item), anchors, episode, published)
    trigger = trigger_span(item)
    location = _location(item, item.target)
    if location is None and item.pattern.location and item.target is not None and item.target.country:
        place = load_gazetteer().lookup(item.target.text)
        if place is not None:
            location = Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
    if location is None and Doc.has_extension("dateline_places") and doc._.dateline_places is not None:
        location = doc._.dateline_places.where(sent.start_char, sent.end_char, anchor=trigger.start_char)
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
        confidence=event_confidence(item),
        coder=tag,
        mentions=[mention],
    )


def trigger_span(item: _Found) -> Span:
    doc = item.trigger.doc
    words = [item.trigger] + [c for c in item.trigger.children if c.dep_ == "prt"]
    if item.obj is not None and abs(item.obj.i - item.trigger.i) <= 4:
        words.append(item.obj)
    return doc[min(t.i for t in words) : max(t.i for t in words) + 1]

"""Where a domestic actor belongs when its own words name no country.

CAMEO codes the police, troops, protesters, workers, the court or the opposition by their country. When the
phrase does not say it ("Police fired tear gas at protesters"), `Homes(doc, ...)` gives the country, and how it
knows (`BASES`): the place where the event happens ("in Paris"), else the most precise place of the sentence,
else the first of the paragraph, else the dateline's country, else the story's dominant country.

Places are the place resolver's (`doc._.dateline_places`) when that stage ran: its verdict on "Sale" or
"Police" (towns of Morocco and Poland) weighs the story's other places, which a name alone cannot. A place named
only by a demonym ("in solidarity with the Palestinian people") is never where an actor is. Without the
resolver, every place name goes through `place_country`, which prefers the country the entity stage gave a GPE
or LOC entity, then the country lexicon, then the gazetteer.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.actors import ActorLexicon, normalise
from dateline.lexicon.codebook import data_path, read_table
from dateline.lexicon.gazetteer import load_gazetteer
from dateline.records import Entity

#: How an actor's country is known: its own words, else the context, from the closest to the widest.
BASES = ("phrase", "event-place", "sentence", "paragraph", "dateline", "story")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "from"}
_NESTED_PREPS = _PLACE_PREPS - {"from"} | {"of"}
_LOOSE_POPULATION = 20_000  # a town under another spelling, when no label says it is a place
_RANK = {"city": 0, "district": 1, "region": 2, "country": 3, "continent": 4}


class _Mention(NamedTuple):
    start: int
    end: int
    country: str
    rank: int


def place_country(text: str, *, lexicon: ActorLexicon, entity: Entity | None = None) -> str | None:
    """The ISO alpha-3 country of a place name: the entity's own country when the entity stage resolved it,
    else a country name, demonym or seat of government, else the gazetteer's most likely place."""
    if entity is not None and entity.type in _PLACE_LABELS and entity.country:
        return entity.country
    country = lexicon.lookup_country(text)
    if country:
        return country
    place = load_gazetteer().lookup(text)
    return place.country if place is not None else None


@functools.cache
def _aim_nouns() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in read_table(data_path("aims.tsv"), ("word",)))


def _aim(noun: Token) -> bool:
    """Whether a noun after a preposition tells what an act is for ("in support of Palestine", "in solidarity
    with ..."; `aims.tsv`), not a site holding a place ("in front of the embassy in Tokyo")."""
    return noun.lemma_.lower() in _aim_nouns() or noun.lower_ in _aim_nouns()


def _aims(sent: Span) -> list[tuple[int, int]]:
    """The character ranges of what a sentence's acts are for, whose places are not where its actors are:
    "in solidarity with the people of Gaza", "in support of Palestine" (see `_aim`). Purpose clauses are not
    left out: "held a rally to block the railway in Montreal" tells where."""
    ranges = []
    for token in sent:
        if token.dep_ == "prep" and any(c.dep_ == "pobj" and _aim(c) for c in token.children):
            words = list(token.subtree)
            ranges.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return ranges


class Homes:
    """Context countries of one Doc; build one per Doc."""

    def __init__(self, doc: Doc, *, lexicon: ActorLexicon, entities: list[Entity] | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self._by_start: dict[int, Entity] = {}
        for entity in entities or ():
            if entity.type in _PLACE_LABELS:
                for mention in entity.mentions:
                    self._by_start[mention.start] = entity
        self._ents: list[tuple[int, str, str]] = []  # (start char, label, country) of each place or people
        self._ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in _PLACE_LABELS:
                for i in range(ent.start, ent.end):
                    self._ent_at[i] = ent
                country = self.span_country(ent)
            elif ent.label_ == "NORP":
                country = lexicon.lookup_country(ent.text)
            elif ent.label_ == "ORG":  # "the Kenya Anti-Corruption Commission", "Nigerian Interior Ministry"
                code = lexicon.code_phrase(ent.text)
                country = code.country if code is not None else None
            else:
                continue
            if country:
                self._ents.append((ent.start_char, ent.label_, country))
        resolved = doc._.dateline_places if Doc.has_extension("dateline_places") else None
        #: the resolver's place mentions (None when that stage did not run), demonyms left out
        self._resolved: list[_Mention] | None = None
        if resolved is not None:
            self._resolved = [
                _Mention(m.start, m.end, m.place.country, _RANK.get(m.place.kind, 4))
                for m in resolved.mentions
                if not m.demonym and m.place.country
            ]
        home_place = getattr(resolved, "home", None)
        context = doc._.dateline_context if Doc.has_extension("dateline_context") else None
        layout = getattr(context, "layout", None)
        self._paragraphs: list[tuple[int, int]] = list(getattr(layout, "paragraphs", None) or [])
        found = getattr(layout, "dateline", None)
        self.dateline: str | None = getattr(found, "country", None) or getattr(home_place, "country", None)
        counts = Counter(country for _, _, country in self._ents)
        self.story: str | None = counts.most_common(1)[0][0] if counts else None

    def span_country(self, span: Span) -> str | None:
        """The country of a place named by a span of the Doc."""
        return place_country(span.text, lexicon=self.lexicon, entity=self._by_start.get(span.start_char))

    def token_place(self, token: Token) -> str | None:
        """The country of the place a token names, when it is part of a place entity (or names a country)."""
        ent = self._ent_at.get(token.i)
        if ent is not None:
            return self.span_country(ent)
        if token.pos_ == "PROPN":
            words = [t for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i]
            name = " ".join(t.text for t in words) if words else token.text
            return place_country(name, lexicon=self.lexicon) or place_country(
                token.text, lexicon=self.lexicon
            )
        return None

    def _resolved_at(self, token: Token) -> str | None:
        """The country of the resolved place mention holding a token, if any."""
        start, end = token.idx, token.idx + len(token.text)
        return next((m.country for m in self._resolved or () if m.start < end and start < m.end), None)

    def _resolved_in(
        self, start: int, end: int, skip: Sequence[tuple[int, int]] = (), *, precise: bool = True
    ) -> str | None:
        """The country of the most precise resolved place mentioned in [start, end) outside `skip`, the first
        of equals (precise=False: the first)."""
        inside = [
            m
            for m in self._resolved or ()
            if start <= m.start < end and not any(a <= m.start < b for a, b in skip)
        ]
        if not inside:
            return None
        return min(inside, key=lambda m: (m.rank if precise else 0, m.start)).country

    def event_place(self, owners: list[Token]) -> str | None:
        """The country of the place an event happens in: "in Paris", "at a market in Kaduna"."""
        place = self.token_place if self._resolved is None else self._resolved_at
        for owner in owners:
            for child in owner.children:
                if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    nested = [
                        g
                        for c in pobj.children
                        if c.dep_ == "prep" and c.lower_ in _NESTED_PREPS and not _aim(pobj)
                        for g in c.children
                        if g.dep_ == "pobj"
                    ]
                    named = [c for c in pobj.children if c.dep_ in {"compound", "nmod", "poss", "appos"}]
                    for token in [pobj, *named, *nested]:
                        country = place(token)
                        if country:
                            return country
        return None

    def _first(
        self, start: int, end: int, skip: Sequence[tuple[int, int]] = (), *, precise: bool = True
    ) -> str | None:
        if self._resolved is not None:
            return self._resolved_in(start, end, skip, precise=precise)
        return next(
            (
                c
                for s, label, c in self._ents
                if start <= s < end and label in _PLACE_LABELS and not any(a <= s < b for a, b in skip)
            ),
            None,
        )

    def _loose(self, sent: Span, skip: Sequence[tuple[int, int]] = ()) -> str | None:
        """A place name the model did not label as one: a whole run of proper nouns the gazetteer knows
        ("(Gopalganj, Dhaka)"), outside people's and organisations' names; never a word of a longer name."""
        run: list[Token] = []
        for token in [*sent, None]:
            if (
                token is not None
                and token.pos_ == "PROPN"
                and token.is_title
                and token.ent_type_ in {"", *_PLACE_LABELS}  # not a person, group, day ("Thursday")
                and not any(a <= token.idx < b for a, b in skip)
            ):
                run.append(token)
                continue
            glued = token is not None and token.text == "-" and run and not run[-1].whitespace_
            name = " ".join(t.text for t in run)
            if (
                run
                and not glued
                and (len(run) > 1 or len(run[0].text) > 3)  # not "Port" of Port-au-Prince
                and self.lexicon.lookup_agent(run[-1].text) is None  # "Labour Minister": a title, no town
            ):
                country = self.lexicon.lookup_country(name)
                place = load_gazetteer().lookup(name) if country is None else None
                if place is not None and (
                    normalise(place.name) == normalise(name)
                    or place.kind != "city"
                    or place.population >= _LOOSE_POPULATION
                ):  # "Basrah" is Basra, but "Minister" is no village called Minster
                    country = place.country
                if country:
                    return country
            run = []
        return None

    def home(self, sent: Span, owners: list[Token]) -> tuple[str, str] | None:
        """The country a domestic actor of an event in `sent` belongs to, and the basis (see BASES)."""
        country = self.event_place(owners)
        if country:
            return country, "event-place"
        aims = _aims(sent)
        country = self._first(sent.start_char, sent.end_char, aims) or self._loose(sent, aims)
        if country:
            return country, "sentence"
        for start, end in self._paragraphs:
            if start <= sent.start_char < end:
                country = self._first(start, end, precise=False)  # a paragraph's places: its first
                if country:
                    return country, "paragraph"
                break
        if self.dateline:
            return self.dateline, "dateline"
        people = next((c for s, _, c in self._ents if sent.start_char <= s < sent.end_char), None)
        if people:  # no place anywhere near: the sentence's people ("Egyptian police ... demonstrators")
            return people, "sentence"
        if self.story:
            return self.story, "story"
        return None

"""Places: every place a story names, resolved to one GeoNames place with the story's own context.

`resolve_places(doc, entities)` takes the entities of the entity stage and
- finds the place mentions: GPE/LOC/FAC entities; the model's place and NORP spans the entity stage dropped
  ("U.S.", "Russian", "Syrians": a demonym stands for its country); ORG and PERSON entities whose name is a
  well-known place and nothing else ("Tamil Nadu");
- scores each candidate place of a name (`Gazetteer.candidates`) with its prior (population, kind, capital,
  own or alternate name), the containing place written next to it ("Paris, Texas", "Vienna, Va.", "Kikara
  (Douentza, Mopti)"), the dateline's country and place, the country words of the actor lexicon ("the
  Kremlin"), and, in a second round, the countries and divisions of the story's other places (spatial
  coherence and the story's dominant country);
- writes the winner on the entity (`country`, `admin1`, `admin1_code`, `geonameid`, `lat`, `lon`, `feature`,
  `place_confidence`) and returns every resolved mention, for event locations (`dateline.nlp.placement`).
A lower-case span is never a place ("in march"); metonymy ("Moscow said") is the actor stage's: a GPE keeps
its actor code, moved only when the country it stood for is resolved to another.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.lexicon.actors import ActorLexicon, load_actor_lexicon
from dateline.lexicon.gazetteer import Gazetteer, Place, load_gazetteer
from dateline.nlp.doctext import doc_text
from dateline.nlp.place_mentions import (
    PLACE_TYPES,
    add_model_spans,
    clean_brackets,
    extend_names,
    make_target,
)
from dateline.nlp.place_scoring import Target, choose, context_evidence, list_evidence
from dateline.nlp.place_story import (
    drop_misfits,
    fill_from_story,
    from_story_names,
    place_by_neighbour,
    write_inner,
    write_place,
)
from dateline.nlp.placement import PlaceMention, StoryPlaces
from dateline.records import Entity

__all__ = ["PLACE_TYPES", "resolve_places"]

_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$")
APPROXIMATE = 0.6  # confidence factor of a name put at its written container


def resolve_places(
    doc: Doc,
    entities: list[Entity],
    *,
    dateline_place: str | None = None,
    dateline_country: str | None = None,
    gazetteer: Gazetteer | None = None,
    actors: ActorLexicon | None = None,
) -> tuple[list[Entity], StoryPlaces]:
    """The story's entities with their places resolved (new place and demonym entities added, ids renumbered
    in order of first mention), and the story's resolved place mentions."""
    gazetteer = gazetteer or load_gazetteer()
    actors = actors or load_actor_lexicon()
    text = doc_text(doc)
    entities = list(entities)
    clean_brackets(entities)
    extend_names(entities, text, gazetteer, actors)
    add_model_spans(doc, entities, actors, gazetteer)
    targets: list[Target] = []
    for entity in entities:
        target = make_target(entity, text, gazetteer, actors)
        if target is not None:
            targets.append(target)
    home: Place | None = None
    if dateline_place:
        found = gazetteer.candidates(dateline_place)
        if dateline_country:
            found = tuple(c for c in found if c.place.country == dateline_country) or found
        home = found[0].place if found else None
    for target in targets:
        context_evidence(
            target, dateline_country=dateline_country or (home.country if home else None), home=home
        )
    choose(targets, coherence=False)
    list_evidence(targets, text)
    choose(targets, coherence=True)
    drop_misfits(targets)
    from_story_names(entities, targets)
    place_by_neighbour(entities, targets, text)
    fill_from_story(entities, targets, text, gazetteer, actors)
    mentions: list[PlaceMention] = []
    for target in targets:
        if target.choice is None:
            continue
        place = target.choice.place
        if place in target.approximate:
            target.confidence *= APPROXIMATE
        if target.inner:
            write_inner(target.entity, place, round(target.confidence, 2))
            if target.entity.type not in PLACE_TYPES:  # an organisation is of the place, not a mention of it
                continue
        else:
            write_place(target.entity, place, round(target.confidence, 2))
        for m in target.entity.mentions:
            mentions.append(
                PlaceMention(
                    m.start,
                    m.end,
                    m.text,
                    place,
                    round(target.confidence, 2),
                    target.entity.id,
                    target.demonym,
                    _ORIGIN.search(text, max(0, m.start - 12), m.start) is not None,
                )
            )
    entities.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    renumber = {}
    for number, entity in enumerate(entities, start=1):
        renumber[entity.id] = f"E{number}"
        entity.id = f"E{number}"
    mentions = [
        PlaceMention(
            m.start,
            m.end,
            m.text,
            m.place,
            m.confidence,
            renumber.get(m.entity, m.entity),
            m.demonym,
            m.origin,
        )
        for m in mentions
    ]
    return entities, StoryPlaces(sorted(mentions, key=lambda m: m.start), home)

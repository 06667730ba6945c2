"""POLECAT TSV: one line per event, with a header line naming the 40 public POLECAT columns.

Filled from the record: event id and date, PLOVER type with its PLOVER quad code, mode and contexts (from
the CAMEO-to-PLOVER columns of the codebook), both actors (canonical name, ISO alpha-3 country, numeric COW
code, primary sector, all sectors, title, raw text), the place (name, city when it is a populated place,
country, coordinates, GeoNames id, feature code), the outlet and publication date, and the story's people,
organisations and places. Empty: Intensity (PLOVER's score table is not transcribed), Wikipedia ids,
District and Province names.

Events of the CAMEO roots 01 and 02 have no PLOVER type (the PLOVER manual drops them) and are left out, as
are non-asserted events unless `modality="all"`. Cells are cleaned as `common.clean` says (no tabs, line
breaks or double quotes), so that R's read.delim and pandas read every line.
"""

from __future__ import annotations

from typing import TextIO

from dateline.export.common import ArticleCache, clean, entity_of, event_day, keeps, split_actor
from dateline.export.facts import columns, cow, groups, plover_quad
from dateline.export.gdelt import actor_name
from dateline.export.places import place_of
from dateline.lexicon.codebook import load_codebook
from dateline.records import ActorRef, Article
from dateline.store import EventFilter, EventRow, Store
from dateline.store.filters import ALL_EVENTS

COLUMNS: tuple[str, ...] = tuple(name for name, _ in columns("polecat_columns"))

LANGUAGE = "en"
STORY_TYPES = {"people": ("PERSON",), "organizations": ("ORG", "NORP"), "locations": ("GPE", "LOC", "FAC")}


def actor_cells(ref: ActorRef | None, article: Article) -> list[str]:
    """The eight cells of an actor or recipient: name, country, COW, sector, sectors, title, raw, wiki."""
    if ref is None:
        return [""] * 8
    entity = entity_of(ref, article)
    parts = split_actor(ref.actor)
    country = (parts.country if parts else None) or (entity.country if entity else None)
    sectors = [t for t in parts.types if t not in groups().names] if parts else []  # roles, not group codes
    code = cow(country)
    return [
        clean(actor_name(ref, article)),
        clean(country),
        str(code) if code is not None else "",
        sectors[0] if sectors else "",
        ";".join(sectors),
        clean(entity.title if entity else None),
        clean(ref.text),
        "",
    ]


def story_names(article: Article, kind: str) -> str:
    """The distinct names of the article's entities of one kind (people, organizations, locations)."""
    types = STORY_TYPES[kind]
    names = dict.fromkeys(e.name for e in article.entities if e.type in types)
    return clean(";".join(names))


def event_cells(row: EventRow, article: Article) -> list[str]:
    """One POLECAT line, as its 40 cells."""
    event = row.event
    place = place_of(event.location)
    entry = load_codebook().find(event.cameo)
    quad = plover_quad(event.plover)
    city = place.name if place and place.feature and place.feature.upper().startswith("PPL") else None
    return [
        str(row.event_id),
        event_day(row) or "",
        clean(event.plover),
        clean(entry.plover_mode if entry else None),
        "",
        str(quad) if quad is not None else "",
        clean(";".join(entry.context) if entry else None),
        *actor_cells(event.source, article),
        *actor_cells(event.target, article),
        clean(place.name if place else None),
        clean(city),
        "",
        "",
        clean(place.country if place else None),
        clean(place.lat if place else None),
        clean(place.lon if place else None),
        str(place.geonameid) if place and place.geonameid is not None else "",
        clean(event.location.name if event.location else None),
        clean(place.feature if place else None),
        clean(row.source),
        clean(row.published),
        story_names(article, "people"),
        story_names(article, "organizations"),
        story_names(article, "locations"),
        LANGUAGE,
        clean(event.coder.version),
    ]


def write_polecat(
    store: Store,
    out: TextIO,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
) -> int:
    """Write the header line, then one line per event with a PLOVER type; returns the number of events."""
    out.write("\t".join(COLUMNS) + "\n")
    articles = ArticleCache(store)
    count = 0
    for row in store.events(where):
        if not row.event.plover or not keeps(row.event, modality):
            continue
        out.write("\t".join(event_cells(row, articles.get(row.article_id))) + "\n")
        count += 1
    return count

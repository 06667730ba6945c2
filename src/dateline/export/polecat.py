"""POLECAT-style TSV: one line per event, with a header line naming the 40 public POLECAT columns.

Filled from the record: event id and date, PLOVER type, quad code, both actors (name, country,
primary sector, all sectors, title, raw text), the place, the outlet and publication date, and the
story's people, organisations and places. Empty: mode, intensity, contexts, COW codes, Wikipedia
ids, the place's administrative parts and GeoNames id (dateline does not code them yet).
"""

from __future__ import annotations

from typing import TextIO

from dateline.export.common import ArticleCache, clean, split_actor
from dateline.records import ActorRef, Article
from dateline.store import DateLike, EventRow, Store

COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)  # fmt: skip

LANGUAGE = "en"
STORY_TYPES = {"people": ("PERSON",), "organizations": ("ORG", "NORP"), "locations": ("GPE", "LOC", "FAC")}


def actor_cells(ref: ActorRef | None, article: Article) -> list[str]:
    """The eight cells of an actor or recipient: name, country, COW, sector, sectors, title, raw, wiki."""
    if ref is None:
        return [""] * 8
    entity = next((e for e in article.entities if ref.entity and e.id == ref.entity), None)
    parts = split_actor(ref.actor)
    country = (parts.country if parts else None) or (entity.country if entity else None)
    sectors = list(parts.types) if parts else []
    return [
        clean(entity.name if entity else ref.text),
        clean(country),
        "",
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
    event, place = row.event, row.event.location
    return [
        str(row.event_id),
        clean(row.day),
        clean(event.plover),
        "",
        "",
        str(event.quad_class),
        "",
        *actor_cells(event.source, article),
        *actor_cells(event.target, article),
        clean(place.name if place else None),
        "",
        "",
        "",
        clean(place.country if place else None),
        clean(place.lat if place else None),
        clean(place.lon if place else None),
        "",
        clean(place.name if place else None),
        "",
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
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
) -> int:
    """Write the header line, then one line per event; returns the number of events written."""
    out.write("\t".join(COLUMNS) + "\n")
    articles = ArticleCache(store)
    count = 0
    for row in store.events(since=since, until=until, actor=actor, country=country):
        out.write("\t".join(event_cells(row, articles.get(row.article_id))) + "\n")
        count += 1
    return count

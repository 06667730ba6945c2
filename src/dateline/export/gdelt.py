"""GDELT 2.0 exports: the events table (61 tab-separated columns) and the mentions table (16).

No header line, as GDELT's own files; `EVENT_COLUMNS` and `MENTION_COLUMNS` name the columns, and
`data/gdelt_events.tsv` / `data/gdelt_mentions.tsv` give each column's type (INTEGER, FLOAT, STRING).
What dateline writes where GDELT's own coder would write something else:
    - GLOBALEVENTID is the store's event number: the same event reported by near-duplicate
      articles is one row, NumMentions/NumSources/NumArticles counting its reports;
    - SQLDATE is the day the event happened when the story says it, else the story's publication
      date; an event with neither has empty SQLDATE, MonthYear, Year and FractionDate (never the day
      the story was stored). FractionDate is YYYY + ((month - 1) * 30 + day) / 365, to 4 decimals, the
      values GDELT's files carry (its codebook writes the formula with MONTH * 30);
    - ActorName is the actor's canonical name in capitals as GDELT writes them (the entity's name,
      not the pronoun of the sentence; else the known group's or country's name);
    - KnownGroupCode and EthnicCode come from the CAMEO group codes inside the actor code;
      religion codes are empty;
    - the geography blocks follow `dateline.export.places` (FIPS 10-4 country codes; the action's
      place is the event's location; an actor's place is its entity when the entity is a place, else
      its country); ADM2Code is empty; AvgTone and MentionDocTone are empty (dateline measures no tone);
    - only asserted events by default (GDELT has no modality column); with `modality="all"` the
      others too, the mentions' Confidence lowered by `data/modality.tsv`'s weight;
    - DATEADDED is when the article entered the store (UTC).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TextIO

from dateline.export.common import (
    ArticleCache,
    clean,
    entity_of,
    event_day,
    keeps,
    split_actor,
    timestamp,
)
from dateline.export.facts import columns, country_name, groups, modalities
from dateline.export.places import Place, country_place, gdelt_geo, place_of
from dateline.lexicon.codebook import load_codebook
from dateline.records import ActorRef, Article, Event
from dateline.store import EventFilter, EventRow, Store
from dateline.store.filters import ALL_EVENTS

EVENT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in columns("gdelt_events"))
MENTION_COLUMNS: tuple[str, ...] = tuple(name for name, _ in columns("gdelt_mentions"))
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

MENTION_TYPE_WEB = 1


def fraction_date(day: dt.date) -> str:
    """GDELT's FractionDate: YYYY.FFFF with FFFF = ((month - 1) * 30 + day) / 365."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def actor_name(ref: ActorRef | None, article: Article | None) -> str | None:
    """The actor's canonical name: its entity's, else its known group's or country's, else (a bare sector
    such as COP) the sector's name ("Police", as GDELT names the root class); None for an actor with
    neither entity nor code ("she")."""
    if ref is None:
        return None
    entity = entity_of(ref, article)
    if entity is not None:
        return entity.name
    parts = split_actor(ref.actor)
    if parts is None:
        return None  # neither an entity nor a code: GDELT leaves an unidentified actor blank
    known = groups()
    group = next((t for t in parts.types if t in known.known), None)
    if group is not None:
        return known.names.get(group)
    if parts.country:
        return country_name(parts.country)
    sector = load_codebook().sectors.get(parts.types[0]) if parts.types else None
    return sector.name if sector is not None else ref.text


def actor_place(ref: ActorRef | None, article: Article | None) -> Place | None:
    """Where an actor is: its entity when that is a place, else its country."""
    if ref is None:
        return None
    entity = entity_of(ref, article)
    if entity is not None and entity.type in PLACE_TYPES:
        place = place_of(entity)
        if place is not None:
            return place
    parts = split_actor(ref.actor)
    code = (parts.country if parts else None) or (entity.country if entity else None)
    return country_place(code)


def actor_cells(ref: ActorRef | None, article: Article | None = None) -> list[str]:
    """The ten Actor columns for an event's source or target."""
    if ref is None:
        return [""] * 10
    name = actor_name(ref, article)
    parts = split_actor(ref.actor)
    if parts is None:
        return ["", clean(name.upper() if name else None)] + [""] * 8
    known = groups()
    group = next((t for t in parts.types if t in known.known), "")
    ethnic = next((t for t in parts.types if t in known.ethnic), "")
    types = [t for t in parts.types if t not in (group, ethnic)][:3]
    types += [""] * (3 - len(types))
    return [
        clean(ref.actor),
        clean(name.upper() if name else None),
        parts.country or "",
        group,
        ethnic.lower(),
        "",
        "",
        *types,
    ]


def event_cells(row: EventRow, article: Article | None = None) -> list[str]:
    """One GDELT 2.0 events line, as its 61 cells."""
    event = row.event
    day_text = event_day(row)
    day = dt.date.fromisoformat(day_text) if day_text else None
    cameo = event.cameo
    return [
        str(row.event_id),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        fraction_date(day) if day else "",
        *actor_cells(event.source, article),
        *actor_cells(event.target, article),
        "1" if row.is_root else "0",
        cameo,
        cameo[:3],
        event.root or cameo[:2],
        str(event.quad_class),
        clean(float(event.goldstein)),
        str(row.num_mentions),
        str(row.num_sources),
        str(row.num_articles),
        "",
        *gdelt_geo(actor_place(event.source, article)),
        *gdelt_geo(actor_place(event.target, article)),
        *gdelt_geo(place_of(event.location)),
        timestamp(row.added),
        clean(row.url or row.path),
    ]


def confidence(event: Event) -> int:
    """GDELT's mentions Confidence (10-100, in tens): the event's confidence times its modality's weight."""
    facts = modalities().get(event.modality)
    weight = facts.weight if facts else 1.0
    return max(10, min(100, 10 * round(10 * event.confidence * weight)))


def mention_cells(row: EventRow, event_added: str) -> list[str]:
    """One GDELT 2.0 mentions line (16 cells): this article's report of event `row.event_id`."""
    event = row.event

    def offset(ref: ActorRef | None) -> str:
        return str(ref.start) if ref is not None and ref.start is not None else "-1"

    return [
        str(row.event_id),
        timestamp(event_added),
        timestamp(row.added),
        str(MENTION_TYPE_WEB),
        clean(row.source),
        clean(row.url or row.path or row.article_id),
        str(event.sentence.index + 1),
        offset(event.source),
        offset(event.target),
        str(event.trigger.start),
        "1",
        str(confidence(event)),
        str(row.text_length),
        "",
        "",
        "",
    ]


def _write_lines(out: TextIO, lines: Iterable[list[str]]) -> int:
    count = 0
    for cells in lines:
        out.write("\t".join(cells) + "\n")
        count += 1
    return count


def write_events(
    store: Store,
    out: TextIO,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
) -> int:
    """Write the GDELT 2.0 events table (no header); returns the number of lines."""
    articles = ArticleCache(store)
    rows = store.events(where)
    lines = (event_cells(row, articles.get(row.article_id)) for row in rows if keeps(row.event, modality))
    return _write_lines(out, lines)


def write_mentions(
    store: Store,
    out: TextIO,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
) -> int:
    """Write the GDELT 2.0 mentions table (no header): one line per article reporting an exported event."""
    first_added: dict[int, str] = {}
    for row in store.events(where):
        if keeps(row.event, modality):
            first_added[row.event_id] = row.added
    rows = store.mentions(where)
    lines = (mention_cells(row, first_added[row.event_id]) for row in rows if row.event_id in first_added)
    return _write_lines(out, lines)


__all__ = ["EVENT_COLUMNS", "MENTION_COLUMNS", "write_events", "write_mentions"]

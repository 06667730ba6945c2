"""PLOVER JSON records, one per line (JSON Lines), with the field names and types of the current PLOVER manual.

    {"id", "date", "event": [TYPE], "mode": [...] | null, "context": [...] | null, "quad_code",
     "actor": [{"code", "sector", "actor_text", "identifier_text"}], "recipient": [...] | null,
     "event_text": [trigger], "event_loc": {GeoNames fields} | null, "text", "text_info", "cite_info",
     "coder", "coded_date", ...}

`data/plover.schema.json` is the JSON Schema of these records. Lists where the manual has lists, null where
a value is unknown (never ""). `code` is the actor's country (ISO alpha-3) or, for an organisation, the code
PLOVER uses (IGO, NGO, UNO, EUR, IMG...); `sector` its first sector. `mode` is the CAMEO code's PLOVER mode,
plus the auxiliary mode of a non-asserted event (negation, hypothetical, future); `context` its contexts.
dateline adds `cameo`, `goldstein`, `modality`, `confidence`, `num_mentions`, `num_sources`,
`num_articles` and `article_id` (the manual invites providers to add fields).
Events of the CAMEO roots 01 and 02, which PLOVER drops, have no PLOVER type and are left out, as are
non-asserted events unless `modality="all"`.
"""

from __future__ import annotations

import functools
import json
from typing import Any, TextIO

from dateline.export.common import ArticleCache, entity_of, event_day, keeps, split_actor
from dateline.export.facts import groups, modalities, plover_quad
from dateline.export.places import place_of, plover_location
from dateline.lexicon.codebook import load_codebook
from dateline.records import ActorRef, Article
from dateline.store import EventFilter, EventRow, Store
from dateline.store.filters import ALL_EVENTS

LANGUAGE = "en"
CODER = "dateline"
CODEBOOK = "plover-0.8 (CAMEO-to-PLOVER table 2021)"
_ORG_PREFIXES = frozenset({"IGO", "NGO", "IMG"})


@functools.cache
def _org_codes() -> dict[str, str]:
    from dateline.lexicon.actors import load_actor_lexicon

    return {
        code.upper(): org.plover for code, org in load_actor_lexicon().organisations.items() if org.plover
    }


def _plover_code(parts_types: tuple[str, ...]) -> str | None:
    """The PLOVER code of an organisation's actor code: UNO/EUR for the UN system and the EU, else its type."""
    for part in parts_types:
        plover = _org_codes().get(part)
        if plover:
            return plover
    return parts_types[0] if parts_types and parts_types[0] in _ORG_PREFIXES else None


def actor_list(ref: ActorRef | None, article: Article | None = None) -> list[dict[str, Any]] | None:
    """An actor as PLOVER's list of actor objects (None when there is none)."""
    if ref is None:
        return None
    parts = split_actor(ref.actor)
    entity = entity_of(ref, article)
    code: str | None = None
    sector: str | None = None
    if parts is not None:
        if parts.country:
            code = parts.country
            sector = next((t for t in parts.types if t not in groups().names), None)
        else:
            code = _plover_code(parts.types)
            rest = [t for t in parts.types if t not in _ORG_PREFIXES and t not in groups().names]
            sector = rest[0] if rest else None
    item: dict[str, Any] = {
        "code": code,
        "sector": sector,
        "actor_text": ref.text,
        "identifier_text": entity.name if entity else None,
    }
    return [item]


def _modes(row: EventRow) -> list[str] | None:
    entry = load_codebook().find(row.event.cameo)
    modes = [entry.plover_mode] if entry and entry.plover_mode else []
    facts = modalities().get(row.event.modality)
    if facts and facts.plover_mode and facts.plover_mode not in modes:
        modes.append(facts.plover_mode)
    return modes or None


def plover_record(row: EventRow, article: Article | None = None) -> dict[str, Any]:
    """The PLOVER JSON record of one event (its `event.plover` must be set)."""
    event = row.event
    entry = load_codebook().find(event.cameo)
    sentence = event.sentence
    return {
        "id": f"dateline-{row.event_id}",
        "date": event_day(row),
        "event": [event.plover],
        "mode": _modes(row),
        "context": list(entry.context) if entry and entry.context else None,
        "quad_code": plover_quad(event.plover),
        "actor": actor_list(event.source, article) or [],
        "recipient": actor_list(event.target, article),
        "event_text": [event.trigger.text],
        "event_loc": plover_location(place_of(event.location)),
        "text": sentence.text,
        "text_info": {"sequence": sentence.index, "start": sentence.start, "end": sentence.end},
        "cite_info": {
            "url": row.url,
            "citation": None if row.url else row.path,
            "title": row.headline,
            "language": LANGUAGE,
            "publication": row.source,
            "coder": f"{CODER} {event.coder.version}",
            "codebook": CODEBOOK,
        },
        "coder": CODER,
        "coded_date": row.added[:10] or None,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "confidence": event.confidence,
        "num_mentions": row.num_mentions,
        "num_sources": row.num_sources,
        "num_articles": row.num_articles,
        "article_id": row.article_id,
    }


def write_plover(
    store: Store,
    out: TextIO,
    *,
    where: EventFilter = ALL_EVENTS,
    modality: str = "asserted",
) -> int:
    """Write one PLOVER JSON record per line; returns the number written."""
    articles = ArticleCache(store)
    count = 0
    for row in store.events(where):
        if not row.event.plover or not keeps(row.event, modality):
            continue
        record = plover_record(row, articles.get(row.article_id))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count

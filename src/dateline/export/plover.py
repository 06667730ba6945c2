"""PLOVER JSON records, one per line (JSON Lines), with the field names of the PLOVER manual.

    {"id", "date", "event", "mode", "context", "actor": [{"actorText", "code", "sector"}],
     "recipient": [...], "eventText", "text", "eventLoc", "language", "publication", "coder",
     "version", "dateCoded", ...}

`code` is the actor's country (ISO alpha-3) or its leading non-country code (IGO, NGO...), `sector`
its first sector; `eventText` is the trigger and `text` the sentence. dateline adds `modality`,
`confidence`, `cameo`, `goldstein`, `num_mentions`, `num_sources`, `num_articles`, `article` and `url`.
Events of the CAMEO roots 01 and 02, which PLOVER drops, have no PLOVER type and are left out.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from dateline.export.common import split_actor
from dateline.records import ActorRef
from dateline.store import DateLike, EventRow, Store

LANGUAGE = "en"
MODES_OF_MODALITY = {"negated": "negation", "hypothetical": "hypothetical", "intended": "future"}


def actor_list(ref: ActorRef | None) -> list[dict[str, str]]:
    """An actor as PLOVER's list of {actorText, code, sector} (empty when there is none)."""
    if ref is None:
        return []
    parts = split_actor(ref.actor)
    item = {"actorText": ref.text or ""}
    if parts is not None:
        if parts.country:
            item["code"] = parts.country
            if parts.types:
                item["sector"] = parts.types[0]
        elif parts.types:
            item["code"] = parts.types[0]
            if len(parts.types) > 1:
                item["sector"] = parts.types[1]
    return [item]


def plover_record(row: EventRow) -> dict[str, Any]:
    """The PLOVER JSON record of one event."""
    event = row.event
    record: dict[str, Any] = {
        "id": f"dateline-{row.event_id}",
        "date": row.day,
        "event": event.plover,
        "mode": MODES_OF_MODALITY.get(event.modality, ""),
        "context": "",
        "actor": actor_list(event.source),
        "recipient": actor_list(event.target),
        "eventText": event.trigger.text,
        "text": event.sentence.text,
        "language": LANGUAGE,
        "publication": row.source or "",
        "coder": "dateline",
        "version": event.coder.version,
        "dateCoded": row.added[:10],
        "modality": event.modality,
        "confidence": event.confidence,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "num_mentions": row.num_mentions,
        "num_sources": row.num_sources,
        "num_articles": row.num_articles,
        "article": row.article_id,
        "url": row.url or row.path,
    }
    if event.location is not None:
        record["eventLoc"] = {
            "text": event.location.name,
            "country": event.location.country,
            "lat": event.location.lat,
            "lon": event.location.lon,
        }
    return record


def write_plover(
    store: Store,
    out: TextIO,
    *,
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
) -> int:
    """Write one PLOVER JSON record per line; returns the number written."""
    count = 0
    for row in store.events(since=since, until=until, actor=actor, country=country):
        if not row.event.plover:
            continue
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        count += 1
    return count

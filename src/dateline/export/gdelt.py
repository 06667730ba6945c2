"""GDELT 2.0 exports: the events table (61 tab-separated columns) and the mentions table (16).

No header line, as GDELT's own files; `EVENT_COLUMNS` and `MENTION_COLUMNS` name the columns.
Cells we do not know are empty (AvgTone, the actors' geography, ADM codes, feature ids, known
group, ethnic and religion codes). Where dateline differs from GDELT:
    - GLOBALEVENTID is the store's event number: the same event reported by near-duplicate
      articles is one row, NumMentions/NumSources/NumArticles counting its reports;
    - SQLDATE is the day the event happened when the coder resolved it (else the publication date);
    - the Geo_CountryCode cells hold ISO 3166 alpha-3 codes (GDELT uses FIPS 10-4);
    - ActionGeo_Type is 1 (country) when the place is a country's own name or has no coordinates,
      else 4 (a place in the world); DATEADDED is when the article entered the store (UTC).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import TextIO

from dateline.export.common import clean, split_actor, timestamp
from dateline.records import ActorRef, Location
from dateline.store import DateLike, EventRow, Store

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

EVENT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    + ("NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

MENTION_TYPE_WEB = 1


def fraction_date(day: dt.date) -> str:
    """YYYY.FFFF: the year plus the part of it completed by that day."""
    days = 366 if calendar.isleap(day.year) else 365
    return f"{day.year + day.timetuple().tm_yday / days:.4f}"


def actor_cells(ref: ActorRef | None) -> list[str]:
    """The ten Actor columns for an event's source or target."""
    parts = split_actor(ref.actor if ref else None)
    if ref is None or parts is None:
        return ["", clean(ref.text if ref else None)] + [""] * 8
    types = list(parts.types[:3]) + [""] * (3 - len(parts.types[:3]))
    return [parts.code, clean(ref.text), parts.country or "", "", "", "", "", *types]


def geo_cells(location: Location | None) -> list[str]:
    """The eight Geo columns for a place."""
    if location is None:
        return [""] * 8
    has_point = location.lat is not None and location.lon is not None
    geo_type = "4" if has_point else ("1" if location.country else "")
    return [
        geo_type,
        clean(location.name),
        clean(location.country),
        "",
        "",
        clean(location.lat),
        clean(location.lon),
        "",
    ]


def event_cells(row: EventRow) -> list[str]:
    """One GDELT 2.0 events line, as its 61 cells."""
    event = row.event
    day = dt.date.fromisoformat(row.day) if row.day else None  # undated: empty date cells
    cameo = event.cameo
    cells = [
        str(row.event_id),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        fraction_date(day) if day else "",
        *actor_cells(event.source),
        *actor_cells(event.target),
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
        *geo_cells(None),
        *geo_cells(None),
        *geo_cells(event.location),
        timestamp(row.added),
        clean(row.url or row.path),
    ]
    return cells


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
        str(round(event.confidence * 100)),
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
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
) -> int:
    """Write the GDELT 2.0 events table (no header); returns the number of lines."""
    rows = store.events(since=since, until=until, actor=actor, country=country)
    return _write_lines(out, (event_cells(row) for row in rows))


def write_mentions(
    store: Store,
    out: TextIO,
    *,
    since: DateLike = None,
    until: DateLike = None,
    actor: str | None = None,
    country: str | None = None,
) -> int:
    """Write the GDELT 2.0 mentions table (no header): one line per article reporting an event."""
    first_added: dict[int, str] = {}
    for row in store.events(since=since, until=until, actor=actor, country=country):
        first_added[row.event_id] = row.added
    rows = store.mentions(since=since, until=until, actor=actor, country=country)
    return _write_lines(out, (mention_cells(row, first_added.get(row.event_id, row.added)) for row in rows))


__all__ = ["EVENT_COLUMNS", "MENTION_COLUMNS", "write_events", "write_mentions"]

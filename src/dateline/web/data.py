"""What the pages and the API show, assembled from store calls: no SQL and no HTML here.

Both the HTML views (`pages.py`) and the JSON API (`api.py`) call these functions with a store opened
for the request, so a page and its API route always agree.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from dateline.analysis.actors import ActorProfile
from dateline.analysis.actors import actor_profile as profile_of
from dateline.store import FREQUENCIES, EventFilter, EventRow, Store
from dateline.store.search import SearchPage

ACTOR_CODE = re.compile(r"^[A-Z]{3}[A-Za-z0-9]{0,12}$")
PAGE_SIZE = 50


class BadRequest(ValueError):
    """A query parameter or path part the app cannot use; the message says which and why."""


MAX_KEY = 200  # characters of an actor code, a person's name or a filter


def short(value: str | None, name: str, *, most: int = MAX_KEY) -> str | None:
    """A text parameter stripped (None when blank); BadRequest when longer than `most` characters."""
    value = (value or "").strip()
    if len(value) > most:
        raise BadRequest(f"{name}: at most {most} characters, not {len(value):,}")
    return value or None


def actor_kind(key: str, kind: str | None = None) -> str:
    """Whether `key` names an actor code ("RUSGOV") or a person ("Sergei Lavrov")."""
    short(key, "actor")
    if kind in ("actor", "person"):
        if kind == "actor" and not ACTOR_CODE.match(key):
            raise BadRequest(f"{key!r} is not an actor code (three capitals, then letters or digits)")
        return kind
    if kind:
        raise BadRequest(f"kind={kind!r}: give actor or person")
    return "actor" if ACTOR_CODE.match(key) else "person"


def actor_profile(store: Store, key: str, *, kind: str | None = None, limit: int = 200) -> ActorProfile:
    """Events of an actor (code prefix) or a person as source and as target, partners and quotes."""
    return profile_of(store, key, kind=actor_kind(key, kind), limit=limit)


def check_dyad(a: str, b: str) -> tuple[str, str]:
    """The two codes of a dyad, upper-cased; BadRequest unless both look like actor codes."""
    a, b = (short(a, "actor") or "").upper(), (short(b, "actor") or "").upper()
    for code in (a, b):
        if not ACTOR_CODE.match(code):
            raise BadRequest(f"{code!r} is not a country or actor code (e.g. RUS, TURGOV)")
    return a, b


def check_freq(freq: str | None) -> str:
    """A dyad frequency: day, week, month or year."""
    freq = freq or "week"
    if freq not in FREQUENCIES:
        raise BadRequest(f"freq={freq!r}: give one of {', '.join(FREQUENCIES)}")
    return freq


def period_range(period: str, freq: str) -> tuple[str, str]:
    """The first and last day of the period of `freq` that starts on `period` (YYYY-MM-DD)."""
    try:
        first = dt.date.fromisoformat(short(period, "period") or "")
    except (TypeError, ValueError):
        raise BadRequest(f"period={period!r}: give the first day of a period as YYYY-MM-DD") from None
    starts = {
        "week": first.weekday() == 0,
        "month": first.day == 1,
        "year": (first.month, first.day) == (1, 1),
    }
    if not starts.get(freq, True):
        first_days = {"week": "a Monday", "month": "the 1st of a month", "year": "1 January"}
        raise BadRequest(f"period={period!r}: a {freq} starts on {first_days[freq]}; give its first day")
    if freq == "day":
        last = first
    elif freq == "week":
        last = first + dt.timedelta(
            days=min(6, (dt.date.max - first).days)
        )  # the calendar's last week is short
    elif freq == "month":
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    else:
        last = first.replace(month=12, day=31)
    return first.isoformat(), last.isoformat()


def check_day(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD day from a query string (None when blank)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadRequest(f"{name}={value!r}: give a date as YYYY-MM-DD") from None


def page_number(value: str | None) -> int:
    """A 1-based page number from a query string."""
    try:
        number = int(value or 1)
    except ValueError:
        raise BadRequest(f"page={value!r}: give a whole number") from None
    if not 1 <= number <= 100_000:
        raise BadRequest(f"page={number}: give a page from 1")
    return number


def bounded(value: str | None, *, default: int, most: int, name: str) -> int:
    """A whole number from a query string between 0 and `most`."""
    try:
        number = int(value) if value not in (None, "") else default
    except ValueError:
        raise BadRequest(f"{name}={value!r}: give a whole number") from None
    if not 0 <= number <= most:
        raise BadRequest(f"{name}={number}: give a number from 0 to {most}")
    return number


def event_filter(params: Any) -> EventFilter:
    """The event filter of query parameters since, until (YYYY-MM-DD), actor and country."""
    actor, country = short(params.get("actor"), "actor"), short(params.get("country"), "country")
    since, until = check_day(params.get("since"), "since"), check_day(params.get("until"), "until")
    return EventFilter(since=since, until=until, actor=actor, country=country)


def search_filters(params: Any) -> dict[str, str | None]:
    """The filters of the All news list from query parameters (blank means absent)."""
    found: dict[str, str | None] = {}
    for name in ("q", "country", "actor", "event", "source"):
        value = (params.get(name) or "").strip()
        if len(value) > 200:
            raise BadRequest(f"{name}: at most 200 characters")
        found[name] = value or None
    return found


def search(store: Store, filters: dict[str, str | None], *, limit: int, offset: int) -> SearchPage:
    """One page of the articles the filters of `search_filters` select ("q" is the words searched for)."""
    narrowing = {name: value for name, value in filters.items() if name != "q"}
    return store.search(filters["q"], **narrowing, limit=limit, offset=offset)


def located(rows: list[EventRow], *, place: str | None = None) -> dict[str, tuple[float, float, int]]:
    """Places with coordinates among the events' locations: name -> (lat, lon, events)."""
    places: dict[str, tuple[float, float, int]] = {}
    for row in rows:
        location = row.event.location
        if location is None or location.lat is None or location.lon is None:
            continue
        if place is not None and location.name != place:
            continue
        lat, lon, n = places.get(location.name, (location.lat, location.lon, 0))
        places[location.name] = (lat, lon, n + 1)
    return places


def event_dict(row: EventRow) -> dict[str, Any]:
    """An EventRow as JSON-ready data."""
    return {
        "event_id": row.event_id,
        "day": row.day,
        "is_root": row.is_root,
        "article_id": row.article_id,
        "cluster_id": row.cluster_id,
        "headline": row.headline,
        "source": row.source,
        "url": row.url,
        "published": row.published,
        "num_mentions": row.num_mentions,
        "num_sources": row.num_sources,
        "num_articles": row.num_articles,
        "event": row.event.to_dict(),
    }

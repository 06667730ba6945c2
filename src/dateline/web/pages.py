"""The HTML views: each reads the store (read-only) through `data.py` and renders one template.

Views are plain functions (Starlette runs them in a worker thread, each with its own store).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from dateline.store.search import MARK_END, MARK_START
from dateline.web import charts, data, render
from dateline.web.context import page, reading


def news(request: Request) -> Response:
    """All news: newest first, with search, filters and paging."""
    filters = data.search_filters(request.query_params)
    number = data.page_number(request.query_params.get("page"))
    size = data.PAGE_SIZE
    with reading(request) as store:
        found = data.search(store, filters, limit=size, offset=(number - 1) * size)
        facets = store.facets()
    kept = {name: value for name, value in filters.items() if value}

    def page_link(n: int) -> str:
        return "/?" + urlencode({**kept, "page": n})

    items = [(item, render.highlight_snippet(item.snippet, MARK_START, MARK_END)) for item in found.items]
    return page(
        request,
        "news.html",
        {
            "found": found,
            "items": items,
            "filters": filters,
            "facets": facets,
            "number": number,
            "pages": max(1, -(-found.total // size)),
            "page_link": page_link,
        },
    )


def story(request: Request) -> Response:
    """A story: its marked-up text, its events, people, quotes and copies from other outlets."""
    article_id = request.path_params["article_id"]
    with reading(request) as store:
        try:
            article = store.article(article_id)
        except KeyError:
            raise HTTPException(404) from None
        copies = store.copies(article_id)
    people = [ent for ent in article.entities if ent.type == "PERSON"]
    origin_url = article.origin.get("url")
    safe_url = origin_url if origin_url and origin_url.startswith(("http://", "https://")) else None
    return page(
        request,
        "story.html",
        {
            "article": article,
            "text_html": render.article_html(article),
            "people": people,
            "copies": copies,
            "origin_url": safe_url,
        },
    )


def actor(request: Request) -> Response:
    """An actor code or a person: events as source and target, top partners, quotes by them."""
    key = request.path_params["key"].strip()
    if not key:
        raise HTTPException(404)
    data.short(key, "actor")  # a key too long is a bad request
    with reading(request) as store:
        profile = data.actor_profile(store, key, kind=request.query_params.get("kind"))
    country = key[:3] if profile.kind == "actor" else None
    return page(request, "actor.html", {"profile": profile, "country": country})


def dyad(request: Request) -> Response:
    """Two actors over time: the chart, the table of periods, the map and the latest events."""
    a, b = data.check_dyad(request.path_params["a"], request.path_params["b"])
    freq = data.check_freq(request.query_params.get("freq"))
    with reading(request) as store:
        points = store.dyad(a, b, freq=freq)
        undated = store.dyad_undated(a, b)
        rows = store.dyad_events(a, b, limit=500)
    base = f"/dyad/{quote(a)}/{quote(b)}/events"

    def link(point):  # type: ignore[no-untyped-def]
        return base + "?" + urlencode({"period": point.period, "freq": freq})

    places = [
        charts.MapPoint(name, lat, lon, n, base + "?" + urlencode({"place": name}))
        for name, (lat, lon, n) in data.located(rows).items()
    ]
    return page(
        request,
        "dyad.html",
        {
            "a": a,
            "b": b,
            "freq": freq,
            "freqs": ("day", "week", "month", "year"),
            "points": points,
            "link": link,
            "chart": charts.dyad_chart(points, freq=freq, link=link, undated=undated),
            "map": charts.event_map(places),
            "located": sum(p.events for p in places),
            "rows": rows[:50],
            "total": len(rows),
        },
    )


def dyad_events(request: Request) -> Response:
    """The events behind a point of the dyad chart (a period) or a place of its map."""
    a, b = data.check_dyad(request.path_params["a"], request.path_params["b"])
    params = request.query_params
    period, place = params.get("period"), params.get("place")
    since = until = None
    freq = data.check_freq(params.get("freq"))
    if period:
        since, until = data.period_range(period, freq)
    with reading(request) as store:
        rows = store.dyad_events(a, b, since=since, until=until, asserted=bool(period), limit=1000)
    if place:
        rows = [r for r in rows if r.event.location and r.event.location.name == place]
    return page(
        request,
        "events.html",
        {"a": a, "b": b, "rows": rows, "since": since, "until": until, "freq": freq, "place": place},
    )

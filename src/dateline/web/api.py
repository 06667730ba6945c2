"""The JSON API under /api/, described by /api/openapi.json (the file `static/openapi.json`).

Reading routes open the store read-only. `POST /api/articles` codes a story and stores it; it needs the
server's token (`Authorization: Bearer TOKEN`) and otherwise answers 401 and writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import json
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dateline.records import Article
from dateline.store import Store
from dateline.web import data
from dateline.web.context import reading

OPENAPI = Path(__file__).parent / "static" / "openapi.json"


def _json(value: Any, *, status: int = 200) -> JSONResponse:
    return JSONResponse(value, status_code=status)


def openapi(request: Request) -> Response:
    """The OpenAPI 3.1 description of this API, the record types' schemas generated from the dataclasses."""
    from dateline.web.schemas import record_schemas

    spec = json.loads(OPENAPI.read_text(encoding="utf-8"))
    spec["components"]["schemas"].update(record_schemas())
    return _json(spec)


def list_articles(request: Request) -> Response:
    """Articles newest first, with search and filters: {total, limit, offset, items}."""
    filters = data.search_filters(request.query_params)
    limit = data.bounded(request.query_params.get("limit"), default=50, most=200, name="limit")
    offset = data.bounded(request.query_params.get("offset"), default=0, most=10_000_000, name="offset")
    with reading(request) as store:
        found = data.search(store, filters, limit=limit, offset=offset)
    return _json(
        {
            "total": found.total,
            "limit": found.limit,
            "offset": found.offset,
            "items": [_summary(item) for item in found.items],
        }
    )


def _summary(item: Any) -> dict[str, Any]:
    found = dataclasses.asdict(item)
    if found.get("snippet"):
        found["snippet"] = found["snippet"].replace("\x02", "").replace("\x03", "")
    return found


def get_article(request: Request) -> Response:
    """One article record, as `dateline code --format json` prints it."""
    with reading(request) as store:
        try:
            article = store.article(request.path_params["article_id"])
        except KeyError:
            raise HTTPException(404) from None
    return _json(article.to_dict())


def get_copies(request: Request) -> Response:
    """The other outlets' copies of a story (its near-duplicate cluster)."""
    article_id = request.path_params["article_id"]
    with reading(request) as store:
        if not store.has(article_id):
            raise HTTPException(404)
        copies = store.copies(article_id)
    return _json({"article_id": article_id, "copies": [_summary(item) for item in copies]})


def list_events(request: Request) -> Response:
    """Distinct events newest first, by actor, country and day range."""
    params = request.query_params
    limit = data.bounded(params.get("limit"), default=100, most=1000, name="limit")
    where = data.event_filter(params)
    with reading(request) as store:
        rows = store.events(where, limit=limit)
        events = [data.event_dict(row) for row in rows]
    return _json({"events": events})


def get_actor(request: Request) -> Response:
    """An actor code or a person: events as source and as target, top partners, quotes."""
    key = request.path_params["key"]
    with reading(request) as store:
        profile = data.actor_profile(store, key, kind=request.query_params.get("kind"))
    return _json(
        {
            "key": profile.key,
            "kind": profile.kind,
            "as_source": [data.event_dict(row) for row in profile.as_source],
            "as_target": [data.event_dict(row) for row in profile.as_target],
            "partners": [{"actor": code, "events": n} for code, n in profile.partners],
            "quotes": [dataclasses.asdict(quote) for quote in profile.quotes],
        }
    )


def get_dyad(request: Request) -> Response:
    """Events between two actors per period: counts by QuadClass and the Goldstein sum."""
    a, b = data.check_dyad(request.path_params["a"], request.path_params["b"])
    freq = data.check_freq(request.query_params.get("freq"))
    with reading(request) as store:
        points = store.dyad(a, b, freq=freq)
        undated = store.dyad_undated(a, b)
    return _json(
        {"a": a, "b": b, "freq": freq, "points": [dataclasses.asdict(p) for p in points], "undated": undated}
    )


def get_dyad_events(request: Request) -> Response:
    """The events behind one point of a dyad (period and freq), or all of them."""
    a, b = data.check_dyad(request.path_params["a"], request.path_params["b"])
    freq = data.check_freq(request.query_params.get("freq"))
    period = request.query_params.get("period")
    since, until = data.period_range(period, freq) if period else (None, None)
    with reading(request) as store:
        rows = store.dyad_events(a, b, since=since, until=until, asserted=bool(period), limit=1000)
    return _json(
        {"a": a, "b": b, "since": since, "until": until, "events": [data.event_dict(r) for r in rows]}
    )


def get_facets(request: Request) -> Response:
    """The countries, actors and CAMEO roots in use, most frequent first."""
    with reading(request) as store:
        facets = store.facets()
    return _json(
        {
            "countries": [{"code": c, "events": n} for c, n in facets.countries],
            "actors": [{"code": c, "events": n} for c, n in facets.actors],
            "roots": [{"code": c, "events": n} for c, n in facets.roots],
        }
    )


async def post_article(request: Request) -> Response:
    """Code a story and store it: JSON {text, url?, title?, published?} or text/plain. Needs the token."""
    config = request.app.state.config
    guard = request.app.state.guard
    client = request.client.host if request.client else "?"
    wait = guard.locked_for(client)
    if wait:
        response = _json({"error": "too many wrong tokens: try again later", "status": 429}, status=429)
        response.headers["retry-after"] = str(int(wait) + 1)
        return response
    if not _authorised(request, config.token):
        detail = (
            "ingest is disabled: start the server with --token or DATELINE_TOKEN"
            if not config.token
            else "give the server's token as 'Authorization: Bearer TOKEN'"
        )
        if config.token:
            await guard.wrong(client)
        response = _json({"error": detail, "status": 401}, status=401)
        response.headers["www-authenticate"] = "Bearer"
        return response
    fields = _story_fields(request.headers.get("content-type", ""), await request.body())
    article, added = await run_in_threadpool(ingest, config.db, **fields)
    body = {"id": article.id, "added": added, "events": len(article.events), "url": f"/story/{article.id}"}
    return _json(body, status=201 if added else 200)


def _authorised(request: Request, token: str | None) -> bool:
    if not token:
        return False
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


def _story_fields(content_type: str, body: bytes) -> dict[str, Any]:
    """The story of a request body, checked: text, and url, title, published when given."""
    media = content_type.split(";")[0].strip().lower()
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise data.BadRequest("the body is not UTF-8 text") from None
    if media == "text/plain":
        fields: dict[str, Any] = {"text": raw}
    elif media == "application/json":
        try:
            fields = json.loads(raw)
        except json.JSONDecodeError as e:
            raise data.BadRequest(f"the body is not JSON: {e}") from None
        if not isinstance(fields, dict):
            raise data.BadRequest("give a JSON object {text, url?, title?, published?}")
    else:
        raise HTTPException(415, "send application/json {text, url?, title?, published?} or text/plain")
    unknown = set(fields) - {"text", "url", "title", "published"}
    if unknown:
        raise data.BadRequest(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise data.BadRequest(f"{name} must be a string")
    if not (fields.get("text") or "").strip():
        raise data.BadRequest("text is empty: give the story's text")
    published = fields.get("published")
    if published:
        try:
            fields["published"] = dt.date.fromisoformat(published).isoformat()
        except ValueError:
            raise data.BadRequest(f"published={published!r}: give a date as YYYY-MM-DD") from None
    url = fields.get("url")
    if url and not url.startswith(("http://", "https://")):
        raise data.BadRequest("url must start with http:// or https://")
    return fields


def ingest(
    db: str, *, text: str, url: str | None = None, title: str | None = None, published: str | None = None
) -> tuple[Article, bool]:
    """Code one story and add it to the store at `db` as `dateline ingest` does (a story already stored
    is not coded again; one that cannot be coded is recorded in the store's failures); returns the
    record and whether it was new."""
    from dateline.errors import InputError
    from dateline.ingest.document import Document
    from dateline.store.ingest import ingest_story

    document = Document(text=text, origin={"url": url} if url else {}, title=title, published=published)
    with Store.open(db) as store:
        try:
            return ingest_story(document, store, published=published)
        except InputError as e:
            raise data.BadRequest(str(e)) from None


routes = [
    Route("/openapi.json", openapi, methods=["GET"]),
    Route("/articles", list_articles, methods=["GET"]),
    Route("/articles", post_article, methods=["POST"]),
    Route("/articles/{article_id}", get_article, methods=["GET"]),
    Route("/articles/{article_id}/copies", get_copies, methods=["GET"]),
    Route("/events", list_events, methods=["GET"]),
    Route("/actors/{key:path}", get_actor, methods=["GET"]),
    Route("/dyads/{a}/{b}", get_dyad, methods=["GET"]),
    Route("/dyads/{a}/{b}/events", get_dyad_events, methods=["GET"]),
    Route("/facets", get_facets, methods=["GET"]),
]

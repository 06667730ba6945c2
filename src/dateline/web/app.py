"""The web app: an ASGI application (Starlette) over a store, with server-side templates.

    from dateline.web.app import create_app, serve

    app = create_app("news.db", token="s3cret")     # any ASGI server can run it
    serve("news.db", host="127.0.0.1", port=8000)    # or run it with uvicorn

Pages: `/` (All news), `/story/{id}`, `/actor/{code or name}`, `/dyad/{a}/{b}` and
`/dyad/{a}/{b}/events`; JSON under `/api/` (see `api.py`); assets under `/static/`. Each request opens
the store for itself (read-only, except to ingest through the API), in a worker thread. Request bodies
are limited in size; errors come back as plain pages (or JSON under /api/) without tracebacks; every
response forbids scripts and styles from anywhere but the app itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import StoreError
from dateline.store import Store
from dateline.web import render
from dateline.web.data import BadRequest

HERE = Path(__file__).parent
MAX_BODY_BYTES = 2 * 1024 * 1024
TOKEN_ENV = "DATELINE_TOKEN"
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}
log = logging.getLogger("dateline.web")


@dataclass(frozen=True)
class Config:
    """What the app serves: the store's URL, the ingest token (None: ingest refused), the body limit."""

    db: str
    token: str | None
    max_body: int


def create_app(db: str, *, token: str | None = None, max_body: int = MAX_BODY_BYTES) -> Starlette:
    """The app over the store at `db` (created when missing). `token` guards POST /api/articles;
    when None, the environment variable DATELINE_TOKEN is used; without either, ingest answers 401."""
    from dateline.web import api, pages

    prepare_store(db)
    config = Config(db=db, token=token or os.environ.get(TOKEN_ENV) or None, max_body=max_body)
    routes = [
        Route("/", pages.news, name="news"),
        Route("/story/{article_id}", pages.story, name="story"),
        Route("/actor/{key:path}", pages.actor, name="actor"),
        Route("/dyad/{a}/{b}", pages.dyad, name="dyad"),
        Route("/dyad/{a}/{b}/events", pages.dyad_events, name="dyad_events"),
        Mount("/api", routes=api.routes, name="api"),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _http_error, BadRequest: _bad_request, StoreError: _store_error,
                            Exception: _server_error},
    )  # fmt: skip
    app.state.config = config
    app.state.templates = templates()
    app.add_middleware(SecurityHeaders)
    app.add_middleware(LimitBody, max_body=max_body)
    return app


def prepare_store(db: str) -> None:
    """Make sure the store exists at the current schema (creating or migrating it once, here)."""
    try:
        Store.open(db, readonly=True).close()
    except StoreError:
        Store.open(db).close()


def templates() -> Environment:
    """The Jinja environment: autoescaping on, undefined names an error, our filters."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        cameo_name=render.cameo_name,
        country_name=render.country_name,
        actor_label=render.actor_label,
        actor_url=render.actor_url,
        person_url=render.person_url,
        quad_classes=render.QUAD_CLASSES,
        event_title=render.event_title,
    )
    return env


def page(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    """Render template `name` into an HTML response."""
    env: Environment = request.app.state.templates
    html = env.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


@contextmanager
def reading(request: Request) -> Iterator[Store]:
    """The store, opened read-only for this request."""
    store = Store.open(request.app.state.config.db, readonly=True)
    try:
        yield store
    finally:
        store.close()


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, title: str, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return page(request, "error.html", {"status": status, "title": title, "message": message}, status=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    titles = {404: "Not found", 405: "Method not allowed", 413: "Too large"}
    message = exc.detail if exc.status_code != 404 else "There is nothing at this address."
    response = _error(request, exc.status_code, titles.get(exc.status_code, "Error"), str(message))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _bad_request(request: Request, exc: Exception) -> Response:
    return _error(request, 400, "Bad request", str(exc))


async def _store_error(request: Request, exc: Exception) -> Response:
    log.error("store error on %s: %s", request.url.path, exc)
    return _error(request, 503, "Store unavailable", "The store cannot be read just now; try again later.")


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("error on %s", request.url.path, exc_info=exc)
    return _error(
        request, 500, "Something went wrong", "The page could not be made. The error has been logged."
    )


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    """A request body went past the limit while it was being read."""


class LimitBody:
    """Answers 413 to a request whose body is (or, read, turns out) larger than `max_body` bytes."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = f'{{"error": "request body larger than {self.max_body} bytes", "status": 413}}'.encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info", proxy_headers=False)

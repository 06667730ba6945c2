"""The web app: an ASGI application (Starlette) over a store, with server-side templates.

    from dateline.web.app import create_app, serve

    app = create_app("news.db", token="s3cret")     # any ASGI server can run it
    serve("news.db", host="127.0.0.1", port=8000)    # or run it with uvicorn

Pages: `/` (All news), `/story/{id}`, `/actor/{code or name}`, `/dyad/{a}/{b}` and
`/dyad/{a}/{b}/events`; JSON under `/api/` (see `api.py`); assets under `/static/`. Each request opens
the store for itself (read-only, except to ingest through the API), in a worker thread. Request bodies
are limited in size; errors come back as plain pages (or JSON under /api/) without tracebacks; every
response forbids scripts and styles from anywhere but the app itself. The views (`pages.py`, `api.py`)
never import this module: what they share with it is in `context.py`.

Only the Host names in `allowed_hosts` are served (default: localhost and its addresses; `serve` adds
the address it listens on), so a page on another site cannot read the API through DNS rebinding. The
ingest token must be at least MIN_TOKEN characters long; wrong tokens are answered slowly, and a client
that keeps sending them is refused for a while (`TokenGuard`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections import deque
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import SettingsError, StoreError
from dateline.store import Store
from dateline.web import api, pages
from dateline.web.context import HERE, Config, page, templates
from dateline.web.data import BadRequest

MAX_BODY_BYTES = 2 * 1024 * 1024
TOKEN_ENV = "DATELINE_TOKEN"
MIN_TOKEN = 16
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
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


class TokenGuard:
    """Wrong ingest tokens per client: each answered after `delay` s; `most` within `window` s lock it out.

    A locked-out client is refused (429) until its oldest wrong try leaves the window, even with the
    right token, so guessing the token costs `window / most` seconds a try at best.
    """

    def __init__(
        self, *, most: int = 5, window: float = 60.0, delay: float = 0.5, clock=time.monotonic
    ) -> None:  # type: ignore[no-untyped-def]
        self.most, self.window, self.delay, self.clock = most, window, delay, clock
        self._wrong: dict[str, deque[float]] = {}

    def _recent(self, client: str) -> deque[float]:
        now = self.clock()
        tries = self._wrong.get(client, deque())
        while tries and now - tries[0] >= self.window:
            tries.popleft()
        if not tries:
            self._wrong.pop(client, None)
        return tries

    def locked_for(self, client: str) -> float:
        """Seconds until `client` may try again (0: it may now)."""
        tries = self._recent(client)
        if len(tries) < self.most:
            return 0.0
        return max(self.window - (self.clock() - tries[0]), 0.0)

    async def wrong(self, client: str) -> None:
        """Record a wrong token from `client`, after the delay."""
        if len(self._wrong) > 10_000:  # forget clients whose tries are all old
            for known in list(self._wrong):
                self._recent(known)
        self._wrong.setdefault(client, deque()).append(self.clock())
        if self.delay:
            await asyncio.sleep(self.delay)


def check_token(token: str | None) -> str | None:
    """`token` when long enough (None stays None: ingest refused); SettingsError when too short."""
    if token is None or token == "":
        return None
    if len(token) < MIN_TOKEN:
        raise SettingsError(
            f"the ingest token has {len(token)} characters; give at least {MIN_TOKEN} "
            "(python -c 'import secrets; print(secrets.token_urlsafe(24))' makes one)"
        )
    return token


def create_app(
    db: str,
    *,
    token: str | None = None,
    max_body: int = MAX_BODY_BYTES,
    allowed_hosts: tuple[str, ...] | list[str] | None = None,
    guard: TokenGuard | None = None,
) -> Starlette:
    """The app over the store at `db` (created when missing). `token` guards POST /api/articles;
    when None, the environment variable DATELINE_TOKEN is used; without either, ingest answers 401.

    allowed_hosts: the Host names served (others get 400); default LOCAL_HOSTS; "*" allows any.
    guard: how wrong tokens are slowed down and locked out (default: `TokenGuard()`).
    RAISES: SettingsError when the token is shorter than MIN_TOKEN characters.
    """
    token = check_token(token or os.environ.get(TOKEN_ENV) or None)
    prepare_store(db)
    config = Config(db=db, token=token, max_body=max_body)
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
    app.state.guard = guard or TokenGuard()
    app.add_middleware(SecurityHeaders)
    app.add_middleware(LimitBody, max_body=max_body)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))
    return app


def prepare_store(db: str) -> None:
    """Make sure the store exists at the current schema (creating or migrating it once, here)."""
    try:
        Store.open(db, readonly=True).close()
    except StoreError:
        Store.open(db).close()


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


def serving_hosts(host: str, extra: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The Host names a server listening on `host` answers: that address, localhost and `extra`."""
    names = [*LOCAL_HOSTS, *extra]
    if host not in ("0.0.0.0", "::", ""):
        names.append(host)
        names.append(f"[{host}]" if ":" in host else host)
    return list(dict.fromkeys(names))


def listen(host: str, port: int) -> Any:
    """A socket bound to host:port, ready for the server; SettingsError in one line when it cannot be."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        reason = (
            "is in use by another program; stop it or give --port"
            if e.errno == errno.EADDRINUSE
            else (e.strerror or str(e))
        )
        raise SettingsError(f"cannot listen on {host}:{port}: the address {reason}") from None
    sock.set_inheritable(True)
    return sock


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    allowed_hosts: tuple[str, ...] | list[str] = (),
    ready: Any = None,
) -> None:
    """Run the app with uvicorn until interrupted.

    allowed_hosts: Host names served besides the listening address and localhost ("*": any).
    ready: called with the URL once the port is bound, before serving.
    RAISES: SettingsError (one line) when the token is too short or the port cannot be bound.
    """
    import uvicorn

    app = create_app(db, token=token, allowed_hosts=serving_hosts(host, allowed_hosts))
    sock = listen(host, port)
    if ready is not None:
        ready(f"http://{host}:{port}/")
    config = uvicorn.Config(app, log_level="info", proxy_headers=False)
    uvicorn.Server(config).run(sockets=[sock])

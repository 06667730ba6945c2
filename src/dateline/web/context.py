"""What every view of the web app shares: its settings, the store opened for a request, a page rendered.

The layers, each importing only those below it:

    app.py           builds the application: routes, middleware, error pages, `serve`
    pages.py api.py  the views (HTML and JSON), which reach the app only through this module and
                     `request.app.state` (config, templates, guard), never by importing app.py
    context.py       this module
    data.py charts.py render.py worldmap.py schemas.py   what the views assemble and draw
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from dateline.store import Store
from dateline.web import render

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Config:
    """What the app serves: the store's URL, the ingest token (None: ingest refused), the body limit."""

    db: str
    token: str | None
    max_body: int


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

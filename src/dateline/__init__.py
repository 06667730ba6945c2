"""dateline: news articles in, dated and sourced political event data out.

    import dateline
    article = dateline.code_text(open("story.txt").read())
    for event in article.events:
        print(event.date, event.source.actor, event.cameo, event.target and event.target.actor)

    events = dateline.events_frame("news.db", country="RUS")   # a store's events as a pandas DataFrame

The names below load on first use, so `import dateline` stays cheap until the model is needed.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "code_text": "dateline.coding",
    "code_documents": "dateline.coding",
    "code_parallel": "dateline.scale.workers",
    "read_paths": "dateline.ingest",
    "Document": "dateline.ingest.document",
    "Article": "dateline.records",
    "Settings": "dateline.settings",
    "Store": "dateline.store",
    "events_frame": "dateline.export.frames",
    "articles_frame": "dateline.export.frames",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")

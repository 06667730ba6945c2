"""Watch: keep a store current from news feeds and sitemaps (`dateline watch`).

    from dateline.store import Store
    from dateline.watch import read_sources, watch

    with Store.open("news.db") as store:
        watch(store, read_sources(["sources.txt"]), every=900, progress=lambda r: print(r.line()))

`urls` normalises URLs, `fetch` is the HTTP client (robots.txt, politeness, limits, retries),
`listings` reads the sources file, feeds and sitemaps, and `cycle` runs a cycle. What a watch
remembers between runs (validators, the URLs seen, the pages fetched) is in the store
(`dateline.store.watching`), so a watch stopped at any moment starts again where it was.
"""

from __future__ import annotations

from dateline.watch.cycle import CycleReport, WatchOptions, run_cycle, watch
from dateline.watch.fetch import DEFAULT_USER_AGENT, Fetcher, FetchOptions, Response
from dateline.watch.listings import Listing, Source, read_listing, read_sources
from dateline.watch.urls import normalise_url

__all__ = [
    "DEFAULT_USER_AGENT",
    "CycleReport",
    "FetchOptions",
    "Fetcher",
    "Listing",
    "Response",
    "Source",
    "WatchOptions",
    "normalise_url",
    "read_listing",
    "read_sources",
    "run_cycle",
    "watch",
]

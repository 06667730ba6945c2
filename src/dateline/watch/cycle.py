"""A watch cycle: every source checked, every new article URL fetched once, coded and stored.

    report = run_cycle(store, sources, fetcher=fetcher)     # one cycle; CycleReport
    watch(store, sources, every=900, progress=print_line)    # a cycle every 15 minutes, for ever

A cycle (1) fetches each source conditionally (its saved ETag / Last-Modified), reads the feed or
sitemap, and records the new article URLs with the source's new validators in one transaction (a
sitemap index records its sitemaps, which are checked in turn); (2) codes any page a killed run left
fetched but not coded; (3) fetches the article URLs due, hosts taken in turn, keeping each page in the
store as soon as it arrives; (4) every `batch_size` pages, reads them with the HTML reader and codes
and stores them through `store.ingest.ingest_documents`, as `dateline ingest` does (articles already
stored are skipped, failures recorded with the URL and why). A URL whose fetch failed for a passing
reason (5xx, timeout) is tried again in a cycle `retry_after` seconds later, up to `max_attempts`.

The outlet of an article is the one the sources file names, else the sitemap's publication name,
else the page's site name, else (in the store) the host of its URL.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from dateline.errors import FetchError, InputError
from dateline.ingest import html
from dateline.ingest.document import Document
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.ingest import document_id, ingest_documents
from dateline.store.watching import DUPLICATE, WatchPage, WatchSource, WatchState
from dateline.watch.fetch import Fetcher, FetchOptions, Response
from dateline.watch.listings import Source, read_listing
from dateline.watch.urls import host_of, normalise_url

__all__ = ["CycleReport", "WatchOptions", "run_cycle", "watch"]

_MAX_DEPTH = 2  # a sitemap index of sitemap indexes, no deeper


@dataclass(frozen=True)
class WatchOptions:
    """How a cycle goes. Times in seconds.

    batch_size: pages fetched between two codings (and articles per transaction).
    workers: coding processes (1: this process; None: every core).
    retry_after, max_attempts: when to try again a URL that failed for a passing reason, and how often.
    max_children: sitemaps of a sitemap index checked per cycle (the most recently changed first).
    """

    batch_size: int = 20
    workers: int | None = 1
    retry_after: float = 3600.0
    max_attempts: int = 3
    max_children: int = 50


@dataclass
class CycleReport:
    """What one cycle did.

    sources: feeds and sitemaps fetched (a sitemap index's sitemaps included); not_modified: of them
    answered 304; source_failures: of them that failed. found: new article URLs. fetched: pages
    fetched. added: new articles stored (with `events`); duplicates: pages whose article was already
    stored; failed: URLs that gave no article (see `dateline failures`).
    """

    number: int = 1
    sources: int = 0
    not_modified: int = 0
    source_failures: int = 0
    found: int = 0
    fetched: int = 0
    added: int = 0
    events: int = 0
    duplicates: int = 0
    failed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        """The cycle as one progress line."""
        return (
            f"cycle {self.number}: {self.sources} sources checked ({self.not_modified} not modified, "
            f"{self.source_failures} failed), {self.found} new links, {self.fetched} pages fetched, "
            f"{self.added} new articles ({self.events} events), {self.duplicates} duplicates, "
            f"{self.failed} failures, {self.seconds:.1f} s"
        )


Progress = Callable[[CycleReport], None]
Clock = Callable[[], dt.datetime]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def run_cycle(
    store: Store,
    sources: Sequence[Source],
    *,
    fetcher: Fetcher,
    settings: Settings | None = None,
    options: WatchOptions | None = None,
    number: int = 1,
    clock: Clock = _utcnow,
) -> CycleReport:
    """Check every source and store the articles of every new URL; see the module docstring.

    RAISES: StoreError when the store cannot be written; ModelError when the model cannot be loaded.
    Sources and pages that fail are recorded and counted, never raised.
    """
    return _Cycle(store, fetcher, settings or Settings(), options or WatchOptions(), number, clock).run(
        sources
    )


def watch(
    store: Store,
    sources: Sequence[Source],
    *,
    every: float = 900.0,
    cycles: int | None = None,
    settings: Settings | None = None,
    options: WatchOptions | None = None,
    fetch_options: FetchOptions | None = None,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> CycleReport | None:
    """Run a cycle every `every` seconds (from the start of one to the start of the next), `cycles`
    times or for ever (None); returns the last cycle's report. progress: called after each cycle."""
    own = fetcher is None
    client = fetcher or Fetcher(fetch_options)
    last: CycleReport | None = None
    try:
        number = 0
        while cycles is None or number < cycles:
            number += 1
            started = monotonic()
            last = run_cycle(
                store, sources, fetcher=client, settings=settings, options=options, number=number
            )
            if progress is not None:
                progress(last)
            if cycles is not None and number >= cycles:
                break
            wait = every - (monotonic() - started)
            if wait > 0:
                sleep(wait)
    finally:
        if own:
            client.close()
    return last


class _Cycle:
    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        settings: Settings,
        options: WatchOptions,
        number: int,
        clock: Clock,
    ) -> None:
        self.store = store
        self.state: WatchState = store.watch_state()
        self.fetcher = fetcher
        self.settings = settings
        self.options = options
        self.clock = clock
        self.report = CycleReport(number=number)
        self.checked: set[str] = set()
        self.unread = 0  # pages fetched since the last coding

    def run(self, sources: Sequence[Source]) -> CycleReport:
        started = time.monotonic()
        for source in sources:
            self._check(source.url, outlet=source.outlet, parent=None, depth=0)
        self._code_fetched()  # pages a killed run fetched but did not code
        for page in _by_host_in_turn(self.state.due(_iso(self.clock()))):
            self._fetch(page)
            if self.unread >= self.options.batch_size:
                self._code_fetched()
        self._code_fetched()
        self.report.seconds = time.monotonic() - started
        return self.report

    # sources
    def _check(self, url: str, *, outlet: str | None, parent: str | None, depth: int) -> None:
        if url in self.checked:
            return
        self.checked.add(url)
        saved = self.state.source(url) or WatchSource(url)
        base = replace(saved, outlet=outlet, parent=parent)
        at = _iso(self.clock())
        self.report.sources += 1
        children: list[str] = []
        try:
            response = self.fetcher.get(url, etag=base.etag, last_modified=base.last_modified)
        except FetchError as e:
            self._source_failed(base, e, at=at)
            children = [child.url for child in self.state.children(url)]
        else:
            if response.status == 304:
                self.report.not_modified += 1
                self.state.save_source(replace(base, checked_at=at, success_at=at, status="304", error=None))
                children = [child.url for child in self.state.children(url)]
            else:
                children = self._read(base, response, at=at)
        for child in children[: self.options.max_children] if depth < _MAX_DEPTH else ():
            self._check(child, outlet=outlet, parent=url, depth=depth + 1)

    def _read(self, base: WatchSource, response: Response, *, at: str) -> list[str]:
        """Record what a listing holds; its sitemaps, for a sitemap index."""
        try:
            listing = read_listing(response.content, url=base.url)
        except InputError as e:
            self._source_failed(base, e, at=at)
            return []
        children = listing.children[: self.options.max_children]
        updated = replace(
            base,
            kind=listing.kind,
            etag=response.etag,
            last_modified=response.last_modified,
            checked_at=at,
            success_at=at,
            status=str(response.status),
            error=None,
        )
        self.report.found += self.state.save_listing(updated, listing.links, children)
        return children

    def _source_failed(self, base: WatchSource, error: InputError, *, at: str) -> None:
        reason = _reason(error)
        self.report.source_failures += 1
        self.state.save_source(replace(base, checked_at=at, status="error", error=reason))
        self.store.add_failure(base.url, reason)

    # pages
    def _fetch(self, page: WatchPage) -> None:
        try:
            response = self.fetcher.get(page.url)
        except FetchError as e:
            again = e.transient and page.attempts + 1 < self.options.max_attempts
            retry_at = _iso(self.clock() + dt.timedelta(seconds=self.options.retry_after)) if again else None
            self.state.fail(page.url, _reason(e), retry_at=retry_at, http_status=e.status)
            self.report.failed += 1
            return
        content_type = response.content_type
        if not _is_html(content_type, response.content, page.url):
            reason = f"is not an HTML page (Content-Type: {content_type or 'none'})"
            self.state.fail(page.url, reason, http_status=response.status)
            self.report.failed += 1
            return
        self.state.save_fetched(
            page.url,
            final_url=normalise_url(response.final_url) or response.final_url,
            http_status=response.status,
            content_type=content_type,
            body=response.content,
        )
        self.report.fetched += 1
        self.unread += 1

    def _code_fetched(self) -> None:
        """Read, code and store the fetched pages, a batch at a time."""
        self.unread = 0
        while pages := self.state.fetched(limit=self.options.batch_size):
            ready: list[tuple[WatchPage, Document]] = []
            for page in pages:
                try:
                    ready.append((page, _document(page)))
                except InputError as e:
                    self.state.fail(page.url, _reason(e), attempted=False)
                    self.report.failed += 1
            if ready:
                result = ingest_documents(
                    [document for _, document in ready],
                    self.store,
                    settings=self.settings,
                    batch_size=self.options.batch_size,
                    workers=self.options.workers,
                )
                self.report.added += result.added
                self.report.events += result.events
            for page, document in ready:
                article = document_id(document, settings=self.settings)
                if not self.store.has(article):
                    self.state.fail(page.url, "was read but its article was not stored", attempted=False)
                    self.report.failed += 1
                elif self.state.finish(page.url, article) == DUPLICATE:
                    self.report.duplicates += 1


def _document(page: WatchPage) -> Document:
    """The Document of a fetched page: the outlet its listing names, and the listing's publication date
    when the page states none (the listing's title is not used: a title set as metadata would keep the
    page's own headline line out of the layout's headline detection)."""
    url = page.final_url or page.url
    document = html.read_html(page.body or b"", origin={"url": url}, name=page.url, url=url)
    document.source = page.outlet or document.source
    document.published = document.published or page.published
    return document


def _is_html(content_type: str | None, data: bytes, url: str) -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    if "html" in kind:
        return True
    return kind in ("", "text/plain", "application/octet-stream") and html.sniff(data, url)


def _by_host_in_turn(pages: Iterable[WatchPage]) -> list[WatchPage]:
    """The pages ordered so that hosts take turns (each host's pages in their own order)."""
    queues: dict[str, list[WatchPage]] = {}
    for page in pages:
        queues.setdefault(host_of(page.url), []).append(page)
    ordered: list[WatchPage] = []
    depth = max((len(queue) for queue in queues.values()), default=0)
    for i in range(depth):
        ordered.extend(queue[i] for queue in queues.values() if i < len(queue))
    return ordered


def _reason(error: InputError) -> str:
    return f"{error.reason} ({error.hint})" if error.hint else error.reason

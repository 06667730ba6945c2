"""Ingest: files and folders in, coded articles in a store, resumable and without doubles.

    from dateline.store import Store
    from dateline.store.ingest import ingest

    with Store.open("news.db") as store:
        report = ingest(["pages/", "feeds/rss.xml"], store, progress=print)
        article, added = ingest_story(document, store)      # one story (the web app's POST /api/articles)

What `ingest()` promises:
    - batches: coded articles are added `batch_size` at a time, each batch in one transaction, so a
      process killed at any moment leaves whole batches only;
    - cheap re-runs: a document whose article id (the hash of its laid-out text, known before the
      model runs) is already stored is skipped without coding, so a run started again after a crash,
      or over the same input, codes only what is missing and adds nothing twice;
    - one bad input never stops the run: each input is its own transaction, and whatever goes wrong
      with it (it cannot be read, passes a limit of the settings, breaks a parser or the model, cannot
      be stored) is an `InputError` recorded in the store's failures (path and reason,
      `Store.failures()`) and counted in the report; a story cut to max_story_chars is stored and
      its cut recorded there too. Only errors that would fail every input (the model, the settings,
      a store that cannot be written) stop the run.
Inputs are read again on a re-run (the store keeps no file sizes or times); only coding is skipped.
`ingest` (paths), `ingest_documents` (documents read elsewhere: `dateline watch`) and `ingest_story`
(one document: the web API) are one path: every way into a store skips, batches and fails alike.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.errors import DatelineError, InputError, StoreError
from dateline.ingest import display_name, iter_files, read_file, read_stdin
from dateline.ingest.document import Document
from dateline.nlp.layout import lay_out
from dateline.records import Article, article_id
from dateline.scale.workers import code_parallel
from dateline.settings import Settings
from dateline.store import Store

DEFAULT_BATCH_SIZE = 50


@dataclass
class IngestReport:
    """What an ingest did, counted as it goes (a progress callback receives a copy after each step).

    inputs: files (or standard input) opened.
    read: documents read (articles found in the inputs, whether new or not).
    coded: documents run through the model (those not already stored).
    added: articles committed to the store.
    duplicates: documents skipped or refused because their article was already stored.
    failed: inputs or items that could not be read (recorded in the store's failures).
    events: events of the added articles.
    seconds: time since the ingest started.
    """

    inputs: int = 0
    read: int = 0
    coded: int = 0
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def rate(self) -> float:
        """Articles coded per second so far."""
        return self.coded / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[IngestReport], None]
OnFailure = Callable[[InputError], None]


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    settings: Settings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    body_only: bool = False,
    progress: Progress | None = None,
    workers: int | None = 1,
    published: str | None = None,
) -> IngestReport:
    """Read, code and store every article under `paths` ("-" is standard input); return the counts.

    settings: the coding settings (model, spaCy batch size, today, boilerplate).
    batch_size: articles per transaction.
    body_only: treat each input as body text only (no headline or dateline detection).
    progress: called with a copy of the report after every document, failure and commit.
    workers: coding processes, each loading the model once (None: one per core; 1: this process).
    published: a publication date (YYYY-MM-DD) for every input, overriding metadata and dateline.
    Raises StoreError when the store cannot be written (the batch being added is then not kept).
    """
    report = IngestReport()
    settings = settings or Settings()
    return ingest_documents(
        _read(paths, report, body_only=body_only, settings=settings),
        store,
        settings=settings,
        batch_size=batch_size,
        progress=progress,
        workers=workers,
        report=report,
        published=published,
    )


def ingest_documents(
    items: Iterable[Document | InputError],
    store: Store,
    *,
    settings: Settings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    workers: int | None = 1,
    report: IngestReport | None = None,
    published: str | None = None,
    on_failure: OnFailure | None = None,
) -> IngestReport:
    """Code and store documents already read (an `InputError` among them is recorded as a failure).

    What `ingest()` does after reading, for callers with documents of their own (`dateline watch`):
    the same skipping of stored articles, batches, de-duplication and failures. The options are
    those of `ingest()`; report: the report to count into (a new one by default); on_failure: called
    with each failure once it is recorded.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    settings = settings or Settings()
    report = report if report is not None else IngestReport()

    def tell() -> None:
        if progress is not None:
            report.seconds = time.monotonic() - report.started
            progress(replace(report))

    documents = _unknown(items, store, report, settings=settings, tell=tell)
    batch: list[Article] = []
    failures: list[InputError] = []
    for result in code_parallel(documents, settings=settings, workers=workers, published=published):
        if isinstance(result, InputError):
            report.failed += 1
            failures.append(result)
        else:
            report.coded += 1
            batch.append(result)
            if len(batch) >= batch_size:
                _commit(store, batch, failures, report, on_failure=on_failure)
                batch, failures = [], []
        tell()
    _commit(store, batch, failures, report, on_failure=on_failure)
    tell()
    report.seconds = time.monotonic() - report.started
    return report


def ingest_story(
    document: Document, store: Store, *, settings: Settings | None = None, published: str | None = None
) -> tuple[Article, bool]:
    """Code one document into the store as `ingest_documents` does; returns its record and whether it
    was added (False: it was already stored, and is not coded again).

    Raises the document's InputError (also recorded in the store's failures) when it cannot be coded
    or stored.
    """
    settings = settings or Settings()
    failed: list[InputError] = []
    report = ingest_documents(
        [document], store, settings=settings, published=published, on_failure=failed.append
    )
    if failed:
        raise failed[0]
    article = store.article(document_id(document, settings=settings))
    return article, report.added == 1


def _read(
    paths: Iterable[str | Path], report: IngestReport, *, body_only: bool, settings: Settings
) -> Iterator[Document | InputError]:
    """The documents of every input, one file at a time, counting the files opened."""
    for raw in paths:
        if str(raw) == "-":
            report.inputs += 1
            yield from read_stdin(sys.stdin.buffer, body_only=body_only, settings=settings)
            continue
        for item in iter_files([raw]):
            if isinstance(item, InputError):
                yield item
                continue
            report.inputs += 1
            yield from read_file(item, body_only=body_only, settings=settings)


def _unknown(
    items: Iterable[Document | InputError],
    store: Store,
    report: IngestReport,
    *,
    settings: Settings,
    tell: Callable[[], None],
) -> Iterator[Document | InputError]:
    """The items whose article is not stored yet; errors pass through."""
    for item in items:
        if isinstance(item, Document):
            report.read += 1
            try:
                known = store.has(document_id(item, settings=settings))
            except DatelineError as e:
                if not isinstance(e, InputError):
                    raise
                yield e
                continue
            except Exception as e:  # laying one document out failed: that document's failure only
                yield InputError(item.name, f"cannot be laid out: {type(e).__name__}: {e}")
                continue
            if known:
                report.duplicates += 1
                tell()
                continue
        yield item


def document_id(document: Document, *, settings: Settings) -> str:
    """The id the article coded from `document` will have (the hash of its laid-out text)."""
    return article_id(lay_out(document, boilerplate=settings.boilerplate).text)


def _commit(
    store: Store,
    batch: list[Article],
    failures: list[InputError],
    report: IngestReport,
    *,
    on_failure: OnFailure | None = None,
) -> None:
    """Add a batch in one transaction, then record the failures met while coding it."""
    unique: dict[str, Article] = {}
    for article in batch:
        if article.id not in unique and not store.has(article.id):
            unique[article.id] = article
    known_failures = len(failures)
    added = _add(store, list(unique.values()), failures)
    not_stored = len(failures) - known_failures
    report.added += added
    report.failed += not_stored
    report.duplicates += len(batch) - added - not_stored
    report.events += sum(len(article.events) for article in unique.values())
    for error in failures:
        store.add_failure(_storable(display_name(error.name)), _storable(_reason(error)))
        if on_failure is not None:
            on_failure(error)


def _add(store: Store, articles: list[Article], failures: list[InputError]) -> int:
    """Add the articles in one transaction; when one of them cannot be stored (but the store can be
    written), add them one at a time and turn each that cannot into a failure."""
    if not articles:
        return 0
    try:
        return store.add_many(articles)
    except StoreError:
        raise
    except Exception:
        pass
    added = 0
    for article in articles:
        try:
            added += store.add_many([article])
        except StoreError:
            raise
        except Exception as e:
            name = display_name(article.origin.get("path") or article.origin.get("url") or article.id)
            failures.append(InputError(name, f"cannot be stored: {type(e).__name__}: {e}"))
    return added


def _storable(text: str) -> str:
    """Text that any store can hold: a lone surrogate is written as its escape (\\ud800)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="backslashreplace").decode("utf-8")
    return text


def _reason(error: InputError) -> str:
    return f"{error.reason} ({error.hint})" if error.hint else error.reason


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "IngestReport",
    "OnFailure",
    "Progress",
    "document_id",
    "ingest",
    "ingest_documents",
    "ingest_story",
]

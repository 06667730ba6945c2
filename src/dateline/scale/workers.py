"""Coding on every core: a process pool whose workers each load the spaCy model once.

    from dateline.scale.workers import code_parallel

    for result in code_parallel(read_paths(["news/"]), settings=Settings(), workers=4):
        ...                                    # Article or InputError, in input order

Documents travel to the workers in chunks (`chunk_size`, by default the settings' batch size) so that
each worker runs `nlp.pipe` over whole batches; at most two chunks per worker are in flight, so a large
input streams through in bounded memory. An input that fits in one chunk is coded in this process:
starting workers and loading the model in each costs seconds, more than one small batch takes.

Workers are started with the "spawn" method (safe whatever threads the caller runs, and the same on
every platform); `warm_model` is their initializer and loads the model into the per-process cache
(`dateline.nlp.pipeline.load_nlp`), so the first chunk does not pay for it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from dateline.coding import code_documents
from dateline.errors import DatelineError, InputError, SettingsError
from dateline.ingest.document import Document
from dateline.records import Article
from dateline.settings import Settings

START_METHOD = "spawn"
IN_FLIGHT_PER_WORKER = 2

Item = Document | InputError


def default_workers() -> int:
    """How many workers `workers=None` means: every core of the machine."""
    return os.cpu_count() or 1


def resolve_workers(workers: int | None) -> int:
    """`workers` checked (at least 1), or every core when None."""
    if workers is None:
        return default_workers()
    if workers < 1:
        raise SettingsError(f"workers must be at least 1, not {workers}; give 1 to code in this process")
    return workers


def warm_model(model: str) -> None:
    """Worker initializer: load `model` into this process's cache.

    A model that cannot be loaded is left for the first chunk to report (as a ModelError), rather than
    killing the worker at start, which would leave the pool without workers and no message.
    """
    from dateline.nlp.pipeline import load_nlp

    with contextlib.suppress(DatelineError):
        load_nlp(model)


def code_chunk(documents: list[Document], *, settings: Settings, published: str | None = None) -> list[Article]:
    """Code one chunk of documents in this process (what a worker runs)."""
    articles: list[Article] = []
    for result in code_documents(documents, settings=settings, published=published):
        assert isinstance(result, Article)  # only Documents are sent, so only Articles come back
        articles.append(result)
    return articles


def code_parallel(
    documents: Iterable[Item],
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    published: str | None = None,
    chunk_size: int | None = None,
) -> Iterator[Article | InputError]:
    """Code documents on `workers` processes; yields an `Article` or the `InputError` for each, in order.

    settings: as for `code_documents` (the model, the batch size, today...).
    workers: processes to use; None: every core; 1: this process only (no pool).
    published (str | None): a publication date (YYYY-MM-DD) that overrides every other source.
    chunk_size: documents sent to a worker at once; default the settings' batch size.
    RAISES: SettingsError for workers or chunk_size below 1; whatever coding raises (ModelError...).
    """
    settings = settings or Settings()
    count = resolve_workers(workers)
    size = chunk_size or settings.batch_size
    if size < 1:
        raise SettingsError(f"chunk_size must be at least 1, not {size}")
    items = iter(documents)
    first = list(islice(items, size))
    second = list(islice(items, size))
    if count == 1 or not second:
        rest = items if second else iter(())
        yield from code_documents(_chain(first, second, rest), settings=settings, published=published)
        return
    yield from _code_in_pool(_chunks(_chain(first, second, items), size), settings=settings,
                             workers=count, published=published)


def _code_in_pool(
    chunks: Iterator[list[Item]], *, settings: Settings, workers: int, published: str | None
) -> Iterator[Article | InputError]:
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=warm_model, initargs=(settings.model,)
    ) as pool:
        pending: deque[tuple[list[Item], Future[list[Article]]]] = deque()
        try:
            for chunk in chunks:
                documents = [item for item in chunk if isinstance(item, Document)]
                pending.append((chunk, pool.submit(code_chunk, documents, settings=settings, published=published)))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from _merge(*pending.popleft())
            while pending:
                yield from _merge(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _merge(chunk: list[Item], future: Future[list[Article]]) -> Iterator[Article | InputError]:
    """The chunk's items in order: its InputErrors where they were, the coded Articles in between."""
    articles = iter(future.result())
    for item in chunk:
        yield item if isinstance(item, InputError) else next(articles)


def _chain(*parts: Iterable[Item]) -> Iterator[Item]:
    for part in parts:
        yield from part


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk

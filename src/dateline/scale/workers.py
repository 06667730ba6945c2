"""Coding on every core: a process pool whose workers each load the spaCy model once.

    from dateline.scale.workers import code_parallel

    for result in code_parallel(read_paths(["news/"]), settings=Settings(), workers=4):
        ...                                    # Article or InputError, in input order

Documents travel to the workers in chunks (`chunk_size`, by default the settings' batch size) so that
each worker runs `nlp.pipe` over whole batches; at most two chunks per worker are in flight, so a large
input streams through in bounded memory. An input that fits in one chunk is coded in this process:
starting workers and loading the model in each costs seconds, more than one small batch takes.

Workers are started with the "spawn" method (safe whatever threads the caller runs, and the same on
every platform); `init_worker` is their initializer: it ties the worker's life to its parent's
(`die_with_parent`: a parent killed with SIGKILL leaves no worker holding a model's memory) and loads
the model into the per-process cache (`dateline.nlp.pipeline.load_nlp`), so the first chunk does not
pay for it.

Every document is its own transaction: when coding a batch raises, its documents are coded one at a
time, and the one that fails comes out as an `InputError` naming it (`code_safely`); the others are
coded as usual. Only errors that would fail every document (the model, the settings) are raised.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
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
PARENT_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

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


def init_worker(model: str, parent: int) -> None:
    """Worker initializer: die with the parent process `parent` (its pid), then load `model`."""
    die_with_parent(parent)
    warm_model(model)


def die_with_parent(parent: int) -> None:
    """Make this process end when its parent (pid `parent`) does, even when the parent is killed -9.

    On Linux the kernel sends SIGKILL at the parent's death (prctl PR_SET_PDEATHSIG; it fires when the
    parent thread that started this process ends, which for a pool is the thread that submitted the
    work); everywhere, a daemon thread also watches the parent pid and exits the process when this
    process is handed to another parent. A parent already gone ends this process at once.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="dateline-watch-parent", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def code_chunk(
    documents: list[Document], *, settings: Settings, published: str | None = None
) -> list[Article | InputError]:
    """Code one chunk of documents in this process (what a worker runs); a document that cannot be
    coded is an `InputError` in its place."""
    return list(code_safely(documents, settings=settings, published=published))


def code_safely(
    items: Iterable[Item], *, settings: Settings, published: str | None = None
) -> Iterator[Article | InputError]:
    """As `code_documents`, but a document whose coding raises is an `InputError` naming it, in its place.

    A batch (settings.batch_size documents) that raises is coded again one document at a time, so only
    the documents that fail are lost, and only a failing batch pays for it.
    RAISES: ModelError, SettingsError, LexiconError (they would fail every document).
    """
    stream = iter(items)
    while batch := list(islice(stream, settings.batch_size)):
        try:
            results = list(code_documents(batch, settings=settings, published=published))
        except Exception as e:
            _reraise_general(e)
            results = [_code_one(item, settings=settings, published=published) for item in batch]
        yield from results


def _code_one(item: Item, *, settings: Settings, published: str | None) -> Article | InputError:
    if isinstance(item, InputError):
        return item
    try:
        (result,) = code_documents([item], settings=settings, published=published)
    except Exception as e:
        _reraise_general(e)
        return InputError(
            item.name,
            f"cannot be coded: {type(e).__name__}: {e}",
            "the other inputs were coded; report this input",
        )
    return result


def _reraise_general(error: Exception) -> None:
    """Raise again an error that is not one document's (the model, the settings, a lexicon)."""
    if isinstance(error, DatelineError) and not isinstance(error, InputError):
        raise error


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
        yield from code_safely(_chain(first, second, rest), settings=settings, published=published)
        return
    yield from _code_in_pool(
        _chunks(_chain(first, second, items), size), settings=settings, workers=count, published=published
    )


def _code_in_pool(
    chunks: Iterator[list[Item]], *, settings: Settings, workers: int, published: str | None
) -> Iterator[Article | InputError]:
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(settings.model, os.getpid()),
    ) as pool:
        pending: deque[tuple[list[Item], Future[list[Article | InputError]]]] = deque()
        try:
            for chunk in chunks:
                documents = [item for item in chunk if isinstance(item, Document)]
                pending.append(
                    (chunk, pool.submit(code_chunk, documents, settings=settings, published=published))
                )
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from _merge(*pending.popleft())
            while pending:
                yield from _merge(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _merge(chunk: list[Item], future: Future[list[Article | InputError]]) -> Iterator[Article | InputError]:
    """The chunk's items in order: its InputErrors where they were, the coded results in between."""
    articles = iter(future.result())
    for item in chunk:
        yield item if isinstance(item, InputError) else next(articles)


def _chain(*parts: Iterable[Item]) -> Iterator[Item]:
    for part in parts:
        yield from part


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk

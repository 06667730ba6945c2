"""code_parallel: the same records as in-process coding, in input order, on a pool of worker processes."""

from __future__ import annotations

import os

import pytest

from dateline.coding import code_documents
from dateline.errors import EmptyInputError, InputError, ModelError, SettingsError
from dateline.ingest.document import Document
from dateline.records import Article
from dateline.scale import workers
from dateline.scale.workers import code_parallel, resolve_workers
from dateline.settings import Settings


def _inputs(stories: list[str], n: int) -> list[Document | InputError]:
    items: list[Document | InputError] = [
        Document(text=stories[i], origin={"path": f"{i}.txt"}) for i in range(n)
    ]
    items.insert(3, EmptyInputError("bad-3.txt"))
    items.append(InputError("bad-last.bin", "is not text"))
    return items


def _plain(results: list[Article | InputError]) -> list[object]:
    return [r.to_dict() if isinstance(r, Article) else ("error", str(r)) for r in results]


@pytest.mark.parametrize(
    ("given", "expected"),
    [(None, os.cpu_count() or 1), (1, 1), (3, 3)],
)
def test_resolve_workers(given: int | None, expected: int) -> None:
    assert resolve_workers(given) == expected


@pytest.mark.parametrize("given", [0, -2])
def test_resolve_workers_rejects_below_one(given: int) -> None:
    with pytest.raises(SettingsError, match="at least 1"):
        resolve_workers(given)


@pytest.mark.parametrize(("n", "chunk_size", "workers_given"), [(5, 8, 4), (12, 4, 1), (0, 4, 2)])
def test_small_or_single_worker_inputs_stay_in_process(
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
    stories: list[str],
    n: int,
    chunk_size: int,
    workers_given: int,
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(workers, "_code_in_pool", no_pool)
    items = _inputs(stories, n) if n else []
    got = list(code_parallel(items, settings=settings, workers=workers_given, chunk_size=chunk_size))
    assert _plain(got) == _plain(list(code_documents(items, settings=settings)))


@pytest.mark.slow
def test_two_workers_give_the_in_process_records_in_order(settings: Settings, stories: list[str]) -> None:
    items = _inputs(stories, 20)
    expected = list(code_documents(items, settings=settings))
    got = list(code_parallel(items, settings=settings, workers=2, chunk_size=3))
    assert [type(r) for r in got] == [type(r) for r in expected]
    assert _plain(got) == _plain(expected)
    assert str(got[3]) == "bad-3.txt: holds no text (nothing to code; check the file)"


@pytest.mark.slow
def test_a_model_that_cannot_load_is_reported_not_hung(stories: list[str]) -> None:
    settings = Settings(model="no_such_model_xyz")
    items = [Document(text=text) for text in stories[:6]]
    with pytest.raises(ModelError, match="no_such_model_xyz"):
        list(code_parallel(items, settings=settings, workers=2, chunk_size=2))


def test_chunk_size_below_one_is_refused(settings: Settings) -> None:
    with pytest.raises(SettingsError, match="chunk_size"):
        list(code_parallel([], settings=settings, workers=2, chunk_size=-1))


def test_a_document_that_breaks_coding_is_its_own_failure(settings: Settings, stories: list[str]) -> None:
    too_long = Document(text="Word. " * 200_000, origin={"path": "huge.txt"})  # over spaCy's max_length
    items: list[Document | InputError] = [
        Document(text=text, origin={"path": f"{i}.txt"}) for i, text in enumerate(stories[:5])
    ]
    items.insert(2, too_long)
    got = list(code_parallel(items, settings=settings, workers=1))
    assert [type(r).__name__ for r in got] == [
        "Article",
        "Article",
        "InputError",
        "Article",
        "Article",
        "Article",
    ]
    assert str(got[2]).startswith("huge.txt: cannot be coded: ValueError: [E088]")
    expected = list(code_documents([i for i in items if i is not too_long], settings=settings))
    assert _plain([r for r in got if isinstance(r, Article)]) == _plain(expected)


@pytest.mark.slow
def test_a_failure_inside_a_worker_comes_back_in_order(settings: Settings, stories: list[str]) -> None:
    items: list[Document | InputError] = [
        Document(text=text, origin={"path": f"{i}.txt"}) for i, text in enumerate(stories[:8])
    ]
    items.insert(5, Document(text="Word. " * 200_000, origin={"path": "huge.txt"}))
    got = list(code_parallel(items, settings=settings, workers=2, chunk_size=3))
    assert [type(r).__name__ for r in got] == ["Article"] * 5 + ["InputError"] + ["Article"] * 3
    assert got[5].name == "huge.txt"  # type: ignore[union-attr]

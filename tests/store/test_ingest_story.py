"""`ingest_story`, the web API's way in: the same skipping, storing and failures as `dateline ingest`.

The coder is replaced by a function returning a hand-built record, so no model is loaded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import pytest

from dateline.errors import InputError
from dateline.ingest.document import Document
from dateline.records import Article
from dateline.settings import Settings
from dateline.store import Store
from dateline.store import ingest as ingesting
from dateline.store.ingest import document_id, ingest_story

TEXT = "Ministers meet in Sochi\n\nThe foreign minister of Russia met his Turkish counterpart on Wednesday."


class Coder:
    """Stands in for `code_parallel`: codes each document into `article`, or fails it; counts the documents."""

    def __init__(self, article: Article | None) -> None:
        self.article = article
        self.coded = 0

    def __call__(self, documents: Iterable[Document | InputError], **options: object) -> Iterator[object]:
        for item in documents:
            if isinstance(item, InputError):
                yield item
                continue
            self.coded += 1
            yield self.article if self.article is not None else InputError(item.name, "breaks the parser")


@pytest.fixture
def document() -> Document:
    return Document(text=TEXT, origin={"url": "https://example.org/talks"})


@pytest.fixture
def record(wire_a: Article, document: Document) -> Article:
    return dataclasses.replace(wire_a, id=document_id(document, settings=Settings()))


def test_a_new_story_is_coded_and_added_then_skipped(
    store: Store, document: Document, record: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    coder = Coder(record)
    monkeypatch.setattr(ingesting, "code_parallel", coder)
    assert ingest_story(document, store) == (record, True)
    assert ingest_story(document, store) == (record, False)
    assert coder.coded == 1  # the second time it was known before coding
    assert store.count() == 1


def test_a_story_that_cannot_be_coded_raises_and_is_recorded(
    store: Store, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingesting, "code_parallel", Coder(None))
    with pytest.raises(InputError, match="breaks the parser"):
        ingest_story(document, store)
    assert store.count() == 0
    (failure,) = store.failures()
    assert failure.path == "https://example.org/talks" and "breaks the parser" in failure.reason

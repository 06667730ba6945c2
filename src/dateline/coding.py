"""Coding: documents in, article records out.

`code_documents()` is the one place where raw documents meet the model: it lays each out, runs the
spaCy pipeline over them in batches, and builds the `Article` record from what the components found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from dateline.errors import InputError
from dateline.ingest.document import Document
from dateline.nlp.layout import lay_out
from dateline.nlp.pipeline import Context, load_nlp
from dateline.records import Article, Dateline, Published, article_id
from dateline.settings import Settings


def code_documents(
    documents: Iterable[Document | InputError],
    *,
    settings: Settings | None = None,
    published: str | None = None,
) -> Iterator[Article | InputError]:
    """Code each document into an `Article`, in order; `InputError`s pass through in their place.

    published (str | None): a publication date (YYYY-MM-DD) that overrides every other source.
    """
    settings = settings or Settings()
    nlp = load_nlp(settings.model)
    items = iter(documents)
    while batch := list(islice(items, settings.batch_size)):
        docs: list[Doc] = []
        for item in batch:
            if isinstance(item, Document):
                docs.append(_prepare(nlp.make_doc, item, settings=settings, published=published))
        coded = iter(nlp.pipe(docs, batch_size=settings.batch_size))
        for item in batch:
            if isinstance(item, InputError):
                yield item
            else:
                yield build_article(next(coded), item)


def code_text(
    text: str,
    *,
    published: str | None = None,
    body_only: bool = False,
    settings: Settings | None = None,
    origin: dict[str, str] | None = None,
) -> Article:
    """Code one story given as a string."""
    document = Document(text=text, origin=origin or {}, body_only=body_only)
    (article,) = code_documents([document], settings=settings, published=published)
    assert isinstance(article, Article)
    return article


def _prepare(make_doc, document: Document, *, settings: Settings, published: str | None) -> Doc:  # type: ignore[no-untyped-def]
    layout = lay_out(document, boilerplate=settings.boilerplate)
    doc = make_doc(layout.text)
    doc._.dateline_context = Context(
        layout=layout, given=published, metadata=document.published, today=settings.reference_date
    )
    return doc


def build_article(doc: Doc, document: Document) -> Article:
    """The article record of a coded Doc."""
    context: Context = doc._.dateline_context
    layout = context.layout
    found = layout.dateline
    dateline = None
    if found is not None:
        dateline = Dateline(
            text=found.text,
            place=found.place,
            country=found.country,
            agency=found.agency,
            month=found.month,
            day=found.day,
            year=found.year,
        )
    return Article(
        id=article_id(layout.text),
        origin=dict(document.origin),
        text=layout.text,
        headline=layout.headline_text,
        lede=layout.lede_text,
        dateline=dateline,
        published=doc._.dateline_published or Published(),
        source=document.source or (found.agency if found else None),
        dates=doc._.dateline_dates or [],
        entities=doc._.dateline_entities or [],
        quotes=doc._.dateline_quotes or [],
        events=doc._.dateline_events or [],
    )


def today() -> dt.date:
    return dt.date.today()

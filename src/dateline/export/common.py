"""What the exporters share: CAMEO actor codes split into parts, article look-ups."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from dateline.records import Article
from dateline.store import Store


@lru_cache(maxsize=1024)
def is_country(code: str) -> bool:
    """Whether a three-letter code is an ISO 3166 alpha-3 country code."""
    return len(code) == 3 and pycountry.countries.get(alpha_3=code.upper()) is not None


@dataclass(frozen=True)
class ActorParts:
    """A CAMEO actor code in parts: "RUSGOVMIL" -> country RUS, types [GOV, MIL]."""

    code: str
    country: str | None
    types: tuple[str, ...]


def split_actor(code: str | None) -> ActorParts | None:
    """Cut an actor code into its country (when it starts with an ISO alpha-3 code) and 3-letter types.

    Codes that start with something else ("IGOUNO", "GOV") have no country; all their parts are types.
    """
    if not code:
        return None
    code = code.upper()
    chunks = tuple(code[i : i + 3] for i in range(0, len(code), 3))
    if chunks and is_country(chunks[0]):
        return ActorParts(code, chunks[0], chunks[1:])
    return ActorParts(code, None, chunks)


class ArticleCache:
    """Articles fetched from a store, the most recent few kept (exports visit them in runs)."""

    def __init__(self, store: Store, *, size: int = 64) -> None:
        self._store = store
        self._size = size
        self._cache: OrderedDict[str, Article] = OrderedDict()

    def get(self, article_id: str) -> Article:
        article = self._cache.get(article_id)
        if article is None:
            article = self._store.article(article_id)
            self._cache[article_id] = article
            if len(self._cache) > self._size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(article_id)
        return article


def timestamp(iso: str) -> str:
    """An ISO timestamp as GDELT's YYYYMMDDHHMMSS (UTC)."""
    moment = dt.datetime.fromisoformat(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y%m%d%H%M%S")


def clean(value: object) -> str:
    """A value for a TSV cell: empty for None, tabs and line breaks turned into spaces."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).replace("\t", " ").splitlines())

"""What the exporters share: CAMEO actor codes split into parts, article look-ups, dates, modality, TSV cells."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from dateline.errors import SettingsError
from dateline.records import ActorRef, Article, Entity, Event
from dateline.store import EventRow, Store
from dateline.store.rows import valid_day

MODALITY_CHOICES = ("asserted", "all", "possible", "intended", "negated", "hypothetical")


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


_CELL = str.maketrans({"\t": " ", '"': "'", "\x00": None})


def clean(value: object) -> str:
    """A value for a TSV cell: empty for None; tabs and line breaks turned into spaces, double quotes into
    single ones (R's read.delim and pandas read a lone " as the start of a quoted cell), NULs dropped."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return " ".join(str(value).translate(_CELL).splitlines())


def event_day(row: EventRow) -> str | None:
    """The day an event happened as the exports give it: its own date, else its story's publication date,
    else None. Never the day the story was added to the store."""
    return valid_day(row.event.date) or valid_day(row.published)


def check_modality(modality: str) -> str:
    """`modality` when it is one the exports accept (asserted, all, or one modality), else SettingsError."""
    if modality not in MODALITY_CHOICES:
        raise SettingsError(f"{modality!r}: not a modality; give one of {', '.join(MODALITY_CHOICES)}")
    return modality


def keeps(event: Event, modality: str) -> bool:
    """Whether an export restricted to `modality` ("all", or one modality such as "asserted") keeps `event`."""
    return modality == "all" or event.modality == modality


def entity_of(ref: ActorRef | None, article: Article | None) -> Entity | None:
    """The article entity an actor reference points at, else None."""
    if ref is None or article is None or not ref.entity:
        return None
    return next((e for e in article.entities if e.id == ref.entity), None)

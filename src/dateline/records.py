"""The article record: the contract every stage, store and export agrees on.

`dateline code FILE --format json` prints one `Article.to_dict()` per input. Fields may be added; the
meaning of the fields below never changes. All character offsets (`start`, `end`) refer to
`Article.text`, the clean body text.

    Article
      dateline   Dateline | None
      published  Published
      dates      [DateRef]        every date expression, resolved against the publication date
      entities   [Entity]  -> mentions [Mention]
      quotes     [Quote]   -> speaker Speaker
      events     [Event]   -> source/target ActorRef, location Location, sentence Sentence, trigger Mention
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar, get_type_hints

T = TypeVar("T", bound="Record")

PUBLISHED_BASES = ("given", "metadata", "dateline+weekday", "dateline", "none")
MODALITIES = ("asserted", "possible", "intended", "negated", "hypothetical")


class Record:
    """Mixin for the plain dataclasses of the contract: `to_dict()` and `from_dict()`."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = _hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is type(None):
                continue
            return _load(arg, value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_load(item, v) for v in value]
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    return value


@dataclass
class Mention(Record):
    """A stretch of the text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass
class Dateline(Record):
    """The wire dateline, e.g. "MOSCOW, April 27. /TASS/." -> Moscow, RUS, TASS, month 4, day 27."""

    text: str
    place: str | None = None
    country: str | None = None
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None


@dataclass
class Published(Record):
    """When the story was published, and how we know (one of PUBLISHED_BASES)."""

    date: str | None = None
    basis: str = "none"
    why: str | None = None


@dataclass
class DateRef(Record):
    """A date expression in the text ("on Tuesday", "last month") resolved to a calendar range.

    `value` is the first day, `last` the last (equal for a single day); `granularity` is day, week,
    weekend, month, quarter, half, season, year, decade or century; `tense` is the tense of the clause that
    holds it (past, present, future). `type` is its TimeML type (DATE, TIME, DURATION, SET) and `timex` its
    TimeML value ("2016-04-27", "2016-W17", "2016-Q3", "1998-SU", "199", "PRESENT_REF", "P3W").

    A reference word ("now", "recently", "soon") names no calendar range: its `timex` is PRESENT_REF,
    PAST_REF or FUTURE_REF, its granularity "present", "past" or "future", and `value`/`last` a stand-in
    day (the publication date, the day before it, the day after it) that is on the right side of it.
    """

    text: str
    start: int
    end: int
    value: str | None = None
    last: str | None = None
    granularity: str = "day"
    tense: str = "present"
    type: str = "DATE"
    timex: str | None = None


@dataclass
class Entity(Record):
    """A person, organisation, place or people. A place (and a demonym, NORP: its country) also carries where
    it is, from the gazetteer: `admin1` (name of the first-level division), `admin1_code` (GeoNames, "US.TX"),
    `geonameid`, `lat`/`lon`, `feature` (GeoNames feature code: PPL, PPLC, ADM1, PCLI, CONT) and
    `place_confidence` (0..1, how sure the resolution among same-named places is)."""

    id: str
    name: str
    type: str
    title: str | None = None
    country: str | None = None
    actor: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    admin1: str | None = None
    admin1_code: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    place_confidence: float | None = None


@dataclass
class Speaker(Record):
    entity: str | None = None
    name: str | None = None


@dataclass
class Quote(Record):
    """A quote: `kind` direct or indirect; `cue` the words that mark it as speech ("said", "according to"),
    with their place in `cue_span`; `speaker` the entity who said it; `source` the words naming the speaker
    for this quote ("Yardim", "the diplomat", "he")."""

    kind: str
    text: str
    start: int
    end: int
    cue: str | None = None
    speaker: Speaker | None = None
    cue_span: Mention | None = None
    source: Mention | None = None


@dataclass
class ActorRef(Record):
    """One party of an event. `actor` is its CAMEO-style code (RUSGOV, FRACOP, IMGALQ); `text` the words
    that name it here ("he", "the police"); `name` its canonical name (the entity's full name, else the
    phrase); `actor_basis` how its country is known: "phrase" (its own words, its entity or the people
    lexicon), else from context: "event-place" (where the event happens), "sentence", "paragraph",
    "dateline" or "story" (the story's dominant country); `group` the CAMEO known-group code (TAL, HMS)."""

    actor: str | None = None
    entity: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    name: str | None = None
    actor_basis: str | None = None
    group: str | None = None


@dataclass
class Location(Record):
    """Where an event happened: the fields of a place entity (see `Entity`); `confidence` (0..1) of the
    resolution, lower when the place comes from the story rather than the event's own sentence."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    geonameid: int | None = None
    feature: str | None = None
    confidence: float | None = None


@dataclass
class Sentence(Record):
    index: int
    start: int
    end: int
    text: str


@dataclass
class Coder(Record):
    version: str
    lexicon: str


@dataclass
class Event(Record):
    """A coded event with its evidence. `date` is when it happened; `date_basis` says how that is known:
    "clause" (a day named in its clause), "clause-week", "clause-month", "clause-year", "clause-decade" (a
    coarser expression there: `date` is the first day of that range), "published" (nothing said, so the
    publication date) or "none". `mentions` are the triggers of every telling in the story."""

    id: str
    cameo: str
    root: str
    plover: str | None
    quad_class: int
    goldstein: float
    source: ActorRef | None
    target: ActorRef | None
    date: str | None
    date_basis: str
    location: Location | None
    modality: str
    claimed_by: Speaker | None
    sentence: Sentence
    trigger: Mention
    confidence: float
    coder: Coder
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Article(Record):
    id: str
    origin: dict[str, str]
    text: str
    headline: str | None = None
    lede: str | None = None
    dateline: Dateline | None = None
    published: Published = field(default_factory=Published)
    source: str | None = None
    dates: list[DateRef] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def article_id(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of the SHA-256 of its normalised form.

    Normalising folds case, whitespace and quote/dash styles, so the same story saved twice with
    different line breaks gets the same id.
    """
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "})


def normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip().lower()

"""Where events happened: the story's resolved place mentions (from `dateline.nlp.places`) as event locations.

`StoryPlaces.at(start, end)` is the place a mention in an event's clause names; `StoryPlaces.where(start, end)`
the fallback when the clause names none: the place of the event's sentence nearest its trigger (a town
before a country, never where the event came from when another is named), else the dateline's place, else
the story's most named place. A place named only by a demonym ("Israeli artillery")
is never where something happened.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.lexicon.gazetteer import Place
from dateline.records import Location

_LOCAL = ("city", "district", "region", "site")


@dataclass(frozen=True)
class PlaceMention:
    """One mention of a resolved place, with the entity it belongs to."""

    start: int
    end: int
    text: str
    place: Place
    confidence: float
    entity: str
    demonym: bool = False  # "Israeli artillery": the country of an actor, not where something happened
    origin: bool = False  # "rockets fired from Gaza": where something came from


@dataclass
class StoryPlaces:
    """The resolved place mentions of a story, in text order, and the dateline's place."""

    mentions: list[PlaceMention] = field(default_factory=list)
    home: Place | None = None

    def at(self, start: int, end: int) -> Location | None:
        """The location of the resolved place mention overlapping [start, end), if any."""
        return location_at(self.mentions, start, end)

    def where(self, start: int, end: int, *, anchor: int | None = None) -> Location | None:
        """Where an event told in [start, end) happened when nothing in its clause says (`story_location`);
        `anchor` is the offset of the event's trigger."""
        home = location(self.home, 0.5) if self.home is not None else None
        return story_location(self.mentions, start, end, home=home, anchor=anchor)


def location(place: Place, confidence: float) -> Location:
    """An event location for a place."""
    return Location(
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1 if place.kind in _LOCAL else None,
        admin1_code=place.admin1_code if place.kind in _LOCAL else None,
        geonameid=place.geonameid,
        feature=place.feature,
        confidence=confidence,
    )


def location_at(mentions: Sequence[PlaceMention], start: int, end: int) -> Location | None:
    """The location of the resolved place mention overlapping [start, end), if any."""
    for m in mentions:
        if m.start < end and start < m.end:
            return location(m.place, m.confidence)
    return None


_RANK = {"site": 0, "city": 0, "district": 1, "region": 2, "country": 3, "continent": 4}


def story_location(
    mentions: Sequence[PlaceMention],
    start: int,
    end: int,
    *,
    home: Location | None = None,
    anchor: int | None = None,
) -> Location | None:
    """Where an event told in [start, end) happened when no place is attached to it: a place of its sentence,
    one below country level before a country, one the event did not come from ("fired from Gaza") before
    one it did, and of those the nearest to the trigger at `anchor` (without one, the most precise); else the
    dateline's place; else the story's most named place."""
    mentions = [m for m in mentions if not m.demonym]
    inside = [m for m in mentions if start <= m.start < end and m.place.lat is not None]
    if inside:
        if anchor is None:
            best = min(inside, key=lambda m: (_RANK.get(m.place.kind, 4), m.start))
        else:
            best = min(
                inside,
                key=lambda m: (
                    m.origin,
                    _RANK.get(m.place.kind, 4) >= _RANK["country"],
                    min(abs(m.start - anchor), abs(m.end - anchor)),
                ),
            )
        return location(best.place, round(best.confidence * 0.8, 2))
    if home is not None:
        return home
    counts = Counter(m.place.key for m in mentions if m.place.lat is not None)
    if not counts:
        return None
    key, _ = counts.most_common(1)[0]
    m = next(m for m in mentions if m.place.key == key)
    return location(m.place, round(m.confidence * 0.5, 2))

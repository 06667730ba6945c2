"""Places as the exports write them: one `Place` read from an event's location or a place entity.

The record's places may carry, besides `name` and `country` (ISO alpha-3), the resolved GeoNames facts
`admin1` (GeoNames admin1 code), `geonameid`, `lat`, `lon` and `feature` (GeoNames feature code such as
PPLC, ADM1, PCLI). `place_of` reads whichever of them are there, from a record object or a dict.

GDELT's geography block (`gdelt_geo`): Type 1 country, 2 US state, 3 US city or landmark, 4 city or landmark
elsewhere, 5 first-order division elsewhere; FullName "City, Country" ("State, Country" for a division, the
country name for a country); CountryCode and the first two letters of ADM1Code are FIPS 10-4; ADM1Code is
FIPS country + the GeoNames admin1 code (for the US the state's letters, as GDELT; elsewhere GeoNames' admin1
codes are mostly FIPS 10-4 ones, not always); ADM2Code is empty (GDELT's GAUL codes are not known); FeatureID
is the GeoNames id of a city or landmark (GDELT's are GNS/GNIS ids, another numbering), the FIPS code of a
country and the ADM1 code of a division, as GDELT writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.export.facts import country, country_name, fips

GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
US = "USA"


@dataclass(frozen=True)
class Place:
    name: str | None
    country: str | None  # ISO alpha-3
    admin1: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None

    @property
    def is_country(self) -> bool:
        """The place is a country itself: a PCL* feature, or a bare name that is the country's name."""
        if self.feature:
            return self.feature.upper().startswith("PCL")
        if self.country and not self.name:
            return True
        if not (self.name and self.country) or self.lat is not None or self.geonameid is not None:
            return False
        names = {country_name(self.country), getattr(country(self.country), "name", None)}
        return self.name.casefold() in {n.casefold() for n in names if n}

    @property
    def is_division(self) -> bool:
        return bool(self.feature) and self.feature.upper() == "ADM1"  # type: ignore[union-attr]


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def place_of(obj: Any) -> Place | None:
    """The place of an event location or a place entity (object or dict), None when there is none."""
    if obj is None:
        return None
    code = _get(obj, "country")
    found = country(code) if isinstance(code, str) else None
    name = _get(obj, "name")
    place = Place(
        name=str(name) if name else None,
        country=found.iso3 if found else None,
        admin1=str(_get(obj, "admin1")) if _get(obj, "admin1") not in (None, "") else None,
        geonameid=_int(_get(obj, "geonameid")),
        lat=_float(_get(obj, "lat")),
        lon=_float(_get(obj, "lon")),
        feature=str(_get(obj, "feature")) if _get(obj, "feature") else None,
    )
    return place if (place.name or place.country) else None


def country_place(code: str | None) -> Place | None:
    """A country as a place (for an actor known only by its country)."""
    found = country(code)
    if found is None:
        return None
    return Place(name=None, country=found.iso3, geonameid=None, feature="PCLI")


def full_name(place: Place, geo_type: int) -> str:
    """GDELT's FullName: the country's name, "State, Country" or "City, Country"."""
    nation = country_name(place.country) or ""
    if geo_type == GEO_COUNTRY:
        return nation
    parts = [place.name or "", nation]
    return ", ".join(p for p in parts if p)


def geo_type(place: Place) -> int:
    """GDELT's Geo_Type of a place (1-5)."""
    in_us = place.country == US
    if place.is_country:
        return GEO_COUNTRY
    if place.is_division:
        return GEO_US_STATE if in_us else GEO_WORLD_STATE
    return GEO_US_CITY if in_us else GEO_WORLD_CITY


def gdelt_geo(place: Place | None) -> list[str]:
    """The eight GDELT Geo columns of a place (all empty for None)."""
    if place is None:
        return [""] * 8
    kind = geo_type(place)
    fips_code = fips(place.country) or ""
    adm1 = (
        fips_code if kind == GEO_COUNTRY else (fips_code + place.admin1 if fips_code and place.admin1 else "")
    )
    if kind == GEO_COUNTRY:
        feature = fips_code
    elif kind in (GEO_US_STATE, GEO_WORLD_STATE):
        feature = adm1
    else:
        feature = str(place.geonameid) if place.geonameid is not None else ""
    return [
        str(kind),
        full_name(place, kind),
        fips_code,
        adm1,
        "",
        _number(place.lat),
        _number(place.lon),
        feature,
    ]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def plover_location(place: Place | None) -> dict[str, Any] | None:
    """The PLOVER location object (GeoNames dump field names) of a place, None for None."""
    if place is None:
        return None
    found = country(place.country)
    feature = place.feature.upper() if place.feature else None
    return {
        "geonameid": place.geonameid,
        "name": place.name or (found.name if found else None),
        "latitude": place.lat,
        "longitude": place.lon,
        "feature class": _feature_class(feature),
        "feature code": feature,
        "country code": found.iso2 if found else None,
        "cc3": found.iso3 if found else None,
        "admin1 code": place.admin1,
    }


def _feature_class(code: str | None) -> str | None:
    """The GeoNames feature class of a feature code (PPLC -> P, ADM1 -> A, MT -> T...), when it is plain."""
    if not code:
        return None
    if code.startswith(("PCL", "ADM", "TERR", "ZN", "PRSH")):
        return "A"
    if code.startswith("PPL"):
        return "P"
    return None

"""The map's background: country outlines, drawn as SVG paths on the server from a file in the package.

`static/countries.geojson` holds Natural Earth's 1:110m admin-0 countries (public domain), simplified by
`scripts/build_outlines.py` from the copy that geopandas 0.14 carries; the file's header members name the
source and licence. Nothing is fetched at run time. The projection is equirectangular: longitude -180..180
runs left to right over the width, latitude 90..-90 top to bottom over the height.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

OUTLINES = Path(__file__).parent / "static" / "countries.geojson"

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points, closed


@dataclass(frozen=True)
class Country:
    """A country's outline: its name, ISO 3166 alpha-3 code (None where Natural Earth has none) and rings."""

    name: str
    iso3: str | None
    rings: tuple[Ring, ...]  # outer rings and holes alike: the map fills them with the even-odd rule


def project(lat: float, lon: float, *, width: float, height: float) -> tuple[float, float]:
    """The (x, y) of a point on an equirectangular map of width x height."""
    return (lon + 180) / 360 * width, (90 - lat) / 180 * height


@functools.cache
def countries(path: Path = OUTLINES) -> tuple[Country, ...]:
    """The countries of the outline file, in its order (by name)."""
    collection = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        rings = tuple(tuple((lon, lat) for lon, lat in ring) for polygon in polygons for ring in polygon)
        props = feature["properties"]
        found.append(Country(name=props["name"], iso3=props.get("iso3"), rings=rings))
    return tuple(found)


def path_data(rings: tuple[Ring, ...], *, width: float, height: float) -> str:
    """SVG path data for `rings` on a width x height map, to a tenth of a unit, repeated points left out."""
    parts = []
    for ring in rings:
        points: list[str] = []
        for lon, lat in ring[:-1]:  # the closing point: "z"
            x, y = project(lat, lon, width=width, height=height)
            point = f"{x:.1f} {y:.1f}"
            if not points or points[-1] != point:
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + "L".join(points) + "z")
    return "".join(parts)


@functools.cache
def country_paths(width: int, height: int) -> tuple[tuple[Country, str], ...]:
    """Each country with its path data on a width x height map (countries too small to draw left out)."""
    drawn = ((country, path_data(country.rings, width=width, height=height)) for country in countries())
    return tuple((country, d) for country, d in drawn if d)

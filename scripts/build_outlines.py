"""Regenerate the web map's country outlines from the Natural Earth file that a registry package carries.

GeoPandas up to 0.14 ships Natural Earth's 1:110m admin-0 countries as `geopandas/datasets/naturalearth_lowres`
(a shapefile, Crimea drawn with Ukraine; geopandas 1.0 removed it). Nothing is fetched from anywhere else:

    pip download --no-deps -d /tmp/geo geopandas==0.14.4
    python scripts/build_outlines.py /tmp/geo/geopandas-0.14.4-py3-none-any.whl

writes src/dateline/web/static/countries.geojson: one feature per country (name, ISO 3166 alpha-3 code),
its rings simplified (Douglas-Peucker, SIMPLIFY degrees) and rounded to DIGITS decimals, with the source and
licence in the file's own header members. Natural Earth is in the public domain; geopandas is BSD-3-Clause.
The shapefile is read here with the standard library alone, so neither geopandas nor a GIS library is needed.
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import zipfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "web" / "static" / "countries.geojson"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
SIMPLIFY = 0.08  # degrees: a third of a pixel at the map's 1120 px width
DIGITS = 2
SOURCE = (
    "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (naturalearthdata.com), as shipped by "
    "geopandas 0.14 in geopandas/datasets/naturalearth_lowres; simplified by scripts/build_outlines.py"
)
LICENSE = (
    "Natural Earth: public domain (naturalearthdata.com/about/terms-of-use). "
    "geopandas, which carries the file: BSD-3-Clause."
)

Point = tuple[float, float]


def read_polygons(shp: bytes) -> list[list[list[Point]]]:
    """The rings of each record of an ESRI shapefile of polygons (shape type 5), in record order."""
    records: list[list[list[Point]]] = []
    offset = 100  # the file header
    while offset < len(shp):
        _number, words = struct.unpack(">ii", shp[offset : offset + 8])
        content = shp[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type == 0:  # a null shape
            records.append([])
            continue
        if shape_type != 5:
            raise ValueError(f"shape type {shape_type}: only polygons (5) are read")
        parts_n, points_n = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_n}i", content[44 : 44 + 4 * parts_n]))
        start = 44 + 4 * parts_n
        flat = struct.unpack(f"<{2 * points_n}d", content[start : start + 16 * points_n])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        records.append([points[a:b] for a, b in zip(parts, [*parts[1:], points_n], strict=True)])
    return records


def read_dbf(dbf: bytes, *, encoding: str = "utf-8") -> list[dict[str, str]]:
    """The rows of a dBase III table, every value as stripped text."""
    count, header, size = struct.unpack("<IHH", dbf[4:12])
    fields: list[tuple[str, int]] = []
    at = 32
    while dbf[at] != 0x0D:
        name = dbf[at : at + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[at + 16]))
        at += 32
    rows = []
    for i in range(count):
        record = dbf[header + i * size : header + (i + 1) * size]
        if record[:1] == b"*":  # deleted
            continue
        row, pos = {}, 1
        for name, width in fields:
            row[name] = record[pos : pos + width].decode(encoding).strip()
            pos += width
        rows.append(row)
    return rows


def simplify(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points of `ring` that lie farther than `tolerance` from the simplified line."""
    if len(ring) < 3:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = ring[first], ring[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        far, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = ring[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / length
            if distance > far:
                far, index = distance, i
        if index > 0 and far > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, kept in zip(ring, keep, strict=True) if kept]


def ring_coordinates(ring: list[Point], *, tolerance: float, digits: int) -> list[list[float]] | None:
    """The ring simplified and rounded, closed, without repeated points; None when it collapses."""
    out: list[list[float]] = []
    for x, y in simplify(ring, tolerance):
        point = [round(x, digits), round(y, digits)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def signed_area(ring: list[list[float]]) -> float:
    """Twice the ring's area, positive when it runs counter-clockwise (x east, y north)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))


def polygons(rings: list[list[Point]], *, tolerance: float, digits: int) -> list[list[list[list[float]]]]:
    """A shapefile record's rings as GeoJSON polygons: a shapefile's outer rings run clockwise, each followed
    by its holes (counter-clockwise); GeoJSON (RFC 7946) wants the outer ring counter-clockwise, holes not."""
    out: list[list[list[list[float]]]] = []
    for ring in rings:
        coordinates = ring_coordinates(ring, tolerance=tolerance, digits=digits)
        if coordinates is None:
            continue
        if signed_area([[x, y] for x, y in ring]) < 0:  # an outer ring
            out.append([coordinates[::-1]])
        elif out:  # a hole of the last outer ring
            out[-1].append(coordinates[::-1])
    return out


def outlines(
    shp: bytes, dbf: bytes, *, encoding: str = "utf-8", tolerance: float = SIMPLIFY, digits: int = DIGITS
) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of the countries: name, iso3 (null where Natural Earth has none)."""
    features: list[dict[str, Any]] = []
    for rings, row in zip(read_polygons(shp), read_dbf(dbf, encoding=encoding), strict=True):
        kept = polygons(rings, tolerance=tolerance, digits=digits)
        if not kept:
            continue
        iso3 = row.get("iso_a3") or None
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row["name"], "iso3": None if iso3 == "-99" else iso3},
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "name": "countries",
        "source": SOURCE,
        "license": LICENSE,
        "simplified": f"Douglas-Peucker at {tolerance} degrees, coordinates rounded to {digits} decimals",
        "features": features,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "wheel", type=Path, help="a geopandas 0.14 wheel (pip download --no-deps geopandas==0.14.4)"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        shp, dbf = wheel.read(MEMBER + ".shp"), wheel.read(MEMBER + ".dbf")
        encoding = wheel.read(MEMBER + ".cpg").decode("ascii").strip()  # ISO-8859-1
    collection = outlines(shp, dbf, encoding=encoding)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # one feature a line, so that a change shows in a diff as the countries it touches
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').replace(
        '"features":[', '"features":[\n'
    )
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for f in collection["features"] for p in f["geometry"]["coordinates"] for r in p)
    print(f"{args.out}: {len(collection['features'])} countries, {points:,} points, {len(text):,} bytes")


if __name__ == "__main__":
    main()

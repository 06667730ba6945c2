"""The map's country outlines: the shipped file, its projection and drawing, and the script that builds it."""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path

import pytest

from dateline.web import charts, worldmap

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_outlines.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_outlines", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_file_names_its_source_and_licence_and_stays_small() -> None:
    collection = json.loads(worldmap.OUTLINES.read_text(encoding="utf-8"))
    assert "Natural Earth" in collection["source"] and "public domain" in collection["license"]
    assert worldmap.OUTLINES.stat().st_size < 300_000
    assert len(collection["features"]) > 150


@pytest.mark.parametrize(
    ("iso3", "lat", "lon"),
    [("RUS", 55.75, 37.62), ("UKR", 50.45, 30.52), ("BRA", -15.8, -47.9), ("AUS", -25.0, 134.0)],
)
def test_countries_hold_their_capitals_or_middles(iso3: str, lat: float, lon: float) -> None:
    (country,) = [c for c in worldmap.countries() if c.iso3 == iso3]
    lons = [x for ring in country.rings for x, _ in ring]
    lats = [y for ring in country.rings for _, y in ring]
    assert min(lons) < lon < max(lons) and min(lats) < lat < max(lats)
    assert all(ring[0] == ring[-1] for ring in country.rings)


@pytest.mark.parametrize(
    ("lat", "lon", "xy"),
    [(90, -180, (0, 0)), (-90, 180, (360, 180)), (0, 0, (180, 90)), (45, 90, (270, 45))],
)
def test_project_is_equirectangular(lat: float, lon: float, xy: tuple[float, float]) -> None:
    assert worldmap.project(lat, lon, width=360, height=180) == xy


def test_path_data_skips_repeated_points_and_tiny_rings() -> None:
    square = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (10.0, 10.0), (0.0, 0.0))
    assert worldmap.path_data((square,), width=360, height=180) == "M180.0 90.0L190.0 90.0L190.0 80.0z"
    speck = ((0.0, 0.0), (0.01, 0.0), (0.0, 0.01), (0.0, 0.0))
    assert worldmap.path_data((speck,), width=360, height=180) == ""


def test_event_map_draws_points_after_the_outlines() -> None:
    svg = str(charts.event_map([charts.MapPoint("Sochi", 43.6, 39.73, 4, "/x?place=Sochi")]))
    assert svg.count('class="country"') > 150 and 'data-iso3="RUS"' in svg
    assert svg.index('class="countries"') < svg.index('class="place"')
    assert "<image" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_simplify_keeps_the_corners_and_drops_what_lies_on_a_line() -> None:
    build = _script()
    ring = [(0.0, 0.0), (5.0, 0.01), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
    assert build.simplify(ring, 0.1) == [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
    assert build.simplify(ring, 0.001) == ring


def _shp(records: list[list[list[tuple[float, float]]]]) -> bytes:
    """A shapefile of polygons, as the script reads it (the 100-byte header's content is not read)."""
    out = bytearray(100)
    for number, rings in enumerate(records, 1):
        points = [p for ring in rings for p in ring]
        starts, at = [], 0
        for ring in rings:
            starts.append(at)
            at += len(ring)
        content = struct.pack("<i4d2i", 5, 0, 0, 0, 0, len(rings), len(points))
        content += struct.pack(f"<{len(starts)}i", *starts)
        content += struct.pack(f"<{2 * len(points)}d", *[v for p in points for v in p])
        out += struct.pack(">ii", number, len(content) // 2) + content
    return bytes(out)


def test_rings_become_counter_clockwise_polygons_with_their_holes() -> None:
    build = _script()
    outer = [(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]  # clockwise, as shapefiles
    hole = [(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0)]
    island = [(20.0, 0.0), (20.0, 2.0), (22.0, 2.0), (22.0, 0.0), (20.0, 0.0)]
    (rings,) = build.read_polygons(_shp([[outer, hole, island]]))
    assert rings == [outer, hole, island]
    polygons = build.polygons(rings, tolerance=0.01, digits=2)
    assert [len(p) for p in polygons] == [2, 1]
    assert build.signed_area(polygons[0][0]) > 0 > build.signed_area(polygons[0][1])

"""The shipped gazetteer tables' generator: how it places a division from its towns."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_geodata.py"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_geodata", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_division_is_at_the_middle_of_its_land_not_of_its_crowded_towns(build: ModuleType) -> None:
    # a square of land, with most of its towns crowded in one corner
    corners = [(0.0, 0.0), (0.0, 2.0), (2.0, 0.0), (2.0, 2.0)]
    crowd = [(0.1 + i / 200, 0.1 + i / 200) for i in range(40)]
    lat, lon = build.centre(corners + crowd)
    assert lat == pytest.approx(1.0) and lon == pytest.approx(1.0)


@pytest.mark.parametrize(
    "points",
    [
        [(1.0, 2.0), (3.0, 4.0)],  # two towns make no area
        [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)],  # nor do towns in a line
        [(60.0, 179.5), (61.0, -179.5), (62.0, 178.0)],  # towns on both sides of the antimeridian
    ],
)
def test_the_mean_where_the_towns_make_no_area(build: ModuleType, points: list[tuple[float, float]]) -> None:
    mean = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    assert build.centre(points) == pytest.approx(mean)


def test_a_far_group_of_towns_is_left_out(build: ModuleType) -> None:
    # a province's towns, and a handful the source files under it from the far end of the country
    body = [(45.0 + i / 10, 125.0 + j / 10) for i in range(10) for j in range(10)]
    far = [(46.0 + i / 10, 85.0) for i in range(5)]
    lat, lon = build.centre(body + far)
    assert lat == pytest.approx(45.45, abs=0.01) and lon == pytest.approx(125.45, abs=0.01)
    assert len(build.main_body(body + far)) == len(body)


def test_a_division_named_by_another_is_named_by_its_current_name(build: ModuleType) -> None:
    current = {"JO.18": ("1", ["Irbid"]), "JO.20": ("2", ["Ajloun", "Ajlun"]), "FR.28": ("3", ["Normandie"])}
    taken = build.names_taken(current)
    assert build.division_name("JO.20", "Irbid", current["JO.20"][1], taken) == "Ajloun"
    assert build.division_name("JO.18", "Irbid", current["JO.18"][1], taken) == "Irbid"
    # an old name that is no other division's stays (the current ones are its aliases)
    assert build.division_name("FR.28", "Haute-Normandie", current["FR.28"][1], taken) == "Haute-Normandie"
    assert build.division_name("XX.01", "Nowhere", [], taken) == "Nowhere"
    # a name the towns' table gives several divisions, none's current one: the one of the most towns keeps it
    assert build.division_name("JO.20", "Northern", current["JO.20"][1], taken, keeps=False) == "Ajloun"
    assert build.division_name("JO.20", "Northern", current["JO.20"][1], taken, keeps=True) == "Northern"


def test_second_level_divisions_from_their_towns(build: ModuleType, tmp_path: Path) -> None:
    """A second-level division is at the middle of its towns, with their people, its GeoNames id and its other
    Latin-letter names; one with no town has no point and is left out."""
    (tmp_path / "subdivisions").mkdir()
    (tmp_path / "cities").mkdir()
    (tmp_path / "subdivisions" / "subdivisions.tsv").write_text(
        "Nord\tBF-10\tBF.10\t6930711\tRegion\tNord Region\t1\t\n"
        "Yatenga\tBF-YAT\tBF.10.76\t2353568\tProvince\tProvince du Yatenga|Yatenga Province|ياتنغا\t2\t1\n"
        "Zondoma\tBF-ZOD\tBF.10.77\t2352830\tProvince\t\t2\t1\n",
        encoding="utf-8",
    )
    (tmp_path / "cities" / "cities.tsv").write_text(
        "Ouahigouya\t2357043\t1|2\t21\t124587\t13.0\t-2.0\nThiou\t2354000\t1|2\t21\t1000\t14.0\t-3.0\n",
        encoding="utf-8",
    )
    rows = build.current_admin2_rows(tmp_path)
    assert rows == [
        (
            "BF",
            "10",
            "Yatenga",
            "13.500",
            "-2.500",
            "125587",
            "2353568",
            "Province du Yatenga|Yatenga Province",
        )
    ]

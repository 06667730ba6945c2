"""The gazetteer's extra names: country lexicon names, division abbreviations, compass parts, airports."""

from __future__ import annotations

import pytest

from dateline.lexicon.gazetteer import place_key
from dateline.lexicon.geodata import (
    Part,
    airport_names,
    article_free,
    combine,
    compass_alone,
    compass_core,
    country_names,
    descriptive,
    division_abbreviations,
)


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("North Zorbia", "Zorbia"),
        ("South-East Zorbia", "Zorbia"),
        ("Western Zorbia", "Zorbia"),
        ("Central Zorbia", "Zorbia"),
        ("Zorbia East", "Zorbia"),
        ("Upper Zorbia Hills", "Zorbia Hills"),
        ("West Bank", None),  # a generic core
        ("East End", None),
        ("North West", None),
        ("North Ab", None),  # too short
        ("Zorbia", None),
        ("Northampton", None),  # a word that starts like a compass point
    ],
)
def test_compass_core(name: str, core: str | None) -> None:
    assert compass_core(name) == core


def _part(row: int, name: str, country: str = "ZZZ", kind: str = "region", code: str | None = None) -> Part:
    return Part(row, name, country, kind, 10.0 + row, 20.0, 1000 * row, None, code)


def test_combine_makes_one_region_of_two_parts_and_an_alias_of_one() -> None:
    parts = [
        _part(1, "North Zorbia"),
        _part(2, "South Zorbia"),
        _part(3, "East Quxland"),
        _part(4, "West Plimia"),
        _part(5, "North Kelvia", country="YYY"),
    ]
    aliases, wholes = combine(parts, {("ZZZ", "plimia")}, place_key)
    assert [(w.name, w.country, w.kind, w.population, w.lat) for w in wholes] == [
        ("Zorbia", "ZZZ", "region", 3000, 11.5)
    ]
    assert wholes[0].admin1_code is None  # a region of several divisions has no single code
    assert sorted(aliases) == [(3, "Quxland"), (5, "Kelvia")]  # Plimia: the country has one of that name


def test_combined_districts_keep_their_common_division() -> None:
    parts = [
        _part(1, "North Zorbia", kind="district", code="ZZ.01"),
        _part(2, "South Zorbia", kind="district", code="ZZ.01"),
    ]
    _, wholes = combine(parts, set(), place_key)
    assert [(w.kind, w.admin1_code) for w in wholes] == [("district", "ZZ.01")]
    parts[1] = _part(2, "South Zorbia", kind="district", code="ZZ.02")
    _, wholes = combine(parts, set(), place_key)
    assert wholes[0].admin1_code is None


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Al Zorbah", "Zorbah"),
        ("Ar-Ruqbah", "Ruqbah"),
        ("Ash Shimal", "Shimal"),
        ("As Sib", None),  # too short
        ("Alzorbah", None),
        ("Zorbah", None),
    ],
)
def test_article_free(name: str, bare: str | None) -> None:
    assert article_free(name) == bare


@pytest.mark.parametrize(
    ("name", "names"),
    [
        ("Zorbia Quxley International Airport", {"Zorbia Quxley International Airport", "Zorbia Quxley"}),
        ("Zorbia Airport", {"Zorbia Airport"}),  # "Zorbia" alone is the city's name
        ("Airport Quxley", {"Airport Quxley"}),
    ],
)
def test_airport_names(name: str, names: set[str]) -> None:
    assert airport_names(name) == names


def test_country_names_come_from_the_country_lexicon() -> None:
    names = country_names()
    own, aliases = names["USA"]
    assert own == ["United States"] and {"U.S.", "US", "USA"} <= set(aliases)
    assert "UK" in names["GBR"][1]


def test_division_abbreviations() -> None:
    forms = division_abbreviations()
    assert forms["US.NJ"] == ["N.J."]
    assert "W.Va." in forms["US.WV"]
    assert "US.PA" not in forms  # "Pa." is a word too: only dotted forms stand alone
    assert "B.C." in forms["CA.02"]


def test_combine_never_makes_a_region_of_a_country_name() -> None:
    parts = [_part(1, "Central Zorbia"), _part(2, "West Zorbia"), _part(3, "North Quxland")]
    aliases, wholes = combine(parts, set(), place_key, countries=frozenset({"zorbia", "quxland"}))
    assert (aliases, wholes) == ([], [])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("West", True),
        ("Central", True),
        ("West Coast", True),
        ("Eastern Province", True),
        ("South Side", True),
        ("West Virginia", False),
        ("Western Cape", False),
        ("Northampton", False),
    ],
)
def test_descriptive_names(name: str, expected: bool) -> None:
    assert descriptive(name) is expected
    assert compass_alone(name) is (" " not in name and expected)

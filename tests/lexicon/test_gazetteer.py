"""The GeoNames gazetteer: candidates, priors and the context-free guess."""

from __future__ import annotations

import pytest

from dateline.lexicon.gazetteer import Place, admin1_variants, load_gazetteer, place_key, rank


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Florida", "USA", "region"),  # the state, not Floridablanca
        ("Arizona", "USA", "region"),
        ("Ontario", "CAN", "region"),  # the province, not the Californian town
        ("Tamil Nadu", "IND", "region"),
        ("Salisbury", "GBR", "city"),  # its own name before Harare's old one
        ("Venice", "ITA", "city"),
        ("Washington", "USA", "city"),  # the capital
        ("Islamabad", "PAK", "city"),
        ("Syria", "SYR", "country"),
        ("Africa", None, "continent"),
        ("Asia", None, "continent"),
        ("São Paulo", "BRA", "city"),
        ("Sao Paulo", "BRA", "city"),
        ("St. Petersburg", "RUS", "city"),
    ],
)
def test_lookup_without_context(name: str, country: str | None, kind: str) -> None:
    place = load_gazetteer().lookup(name)
    assert place is not None
    assert (place.country, place.kind) == (country, kind)


def test_places_carry_geonames_fields() -> None:
    place = load_gazetteer().lookup("Dallas")
    assert place is not None
    assert place.geonameid == 4684888
    assert place.admin1 == "Texas" and place.admin1_code == "US.TX"
    assert place.feature == "PPL"
    assert place.lat == pytest.approx(32.78, abs=0.05) and place.lon == pytest.approx(-96.8, abs=0.05)


def test_candidates_keep_every_same_named_place() -> None:
    countries = {c.place.country for c in load_gazetteer().candidates("Santa Rosa")}
    assert {"ARG", "USA", "PHL"} <= countries


def test_unknown_and_divisions() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.candidates("Qwertzuiop") == ()
    assert gazetteer.lookup("Qwertzuiop") is None
    texas = gazetteer.admin1("US.TX")
    assert texas is not None and texas.name == "Texas" and texas.population > 10_000_000
    russia = gazetteer.country("RUS")
    assert russia is not None and russia.feature == "PCLI" and russia.lat is not None


def test_contains_only_sizeable_places() -> None:
    gazetteer = load_gazetteer()
    assert "Moscow" in gazetteer
    assert "Texas" in gazetteer
    assert "Qwertzuiop" not in gazetteer


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Hague", "hague"),
        ("Russia’s", "russia"),
        ("  New   York, ", "new york"),
        ("Córdoba", "cordoba"),
        ("St. Petersburg", "saint petersburg"),
        ("Mt Kenya", "mount kenya"),
        ("Murang'a", "muranga"),
        ("Deir ez-Zor", "deir ez zor"),
    ],
)
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


def test_admin1_variants() -> None:
    assert admin1_variants("Idlib Governorate") == {"Idlib Governorate", "Idlib"}
    assert admin1_variants("Texas") == {"Texas"}


def test_rank_prefers_own_names_and_a_city_for_its_division() -> None:
    town = Place("Salisbury", "GBR", "city", population=40_000)
    capital = Place("Harare", "ZWE", "city", population=1_500_000, feature="PPLC")
    assert rank("salisbury", [(capital, True), (town, False)])[0].place == town
    state = Place("New York", "USA", "region", population=19_000_000, admin1_code="US.NY")
    city = Place("New York City", "USA", "city", population=8_000_000, admin1_code="US.NY")
    assert rank("new york", [(state, False), (city, True)])[0].place == city

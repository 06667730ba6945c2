"""The GeoNames gazetteer: candidates, priors and the context-free guess."""

from __future__ import annotations

import pytest

from dateline.lexicon import geodata
from dateline.lexicon.gazetteer import Place, admin1_variants, index_path, load_gazetteer, place_key, rank


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
        # the country lexicon's names and abbreviations
        ("U.S.", "USA", "country"),
        ("UK", "GBR", "country"),
        ("UAE", "ARE", "country"),
        ("Holy See", "VAT", "country"),
        ("Democratic Republic of Congo", "COD", "country"),  # "of the" written "of"
        # division abbreviations that stand alone
        ("N.Y.", "USA", "region"),
        ("W. Va.", "USA", "region"),
        ("Ont.", "CAN", "region"),
        # a region made of compass-point divisions ("North Kordofan", "South Kordofan")
        ("Kordofan", "SDN", "region"),
        # an Arabic name without its article
        ("Hasakah", "SYR", "region"),
        # airports by full and short name
        ("London Gatwick Airport", "GBR", "site"),
        ("Gatwick", "GBR", "site"),
        ("Changi", "SGP", "site"),
        # a written short form of a province, and a region of several countries, which has none of its own
        ("BC", "CAN", "region"),
        ("Middle East", None, "continent"),
        ("Balkans", None, "continent"),
        ("Atlantic", None, "continent"),  # the ocean, not the town in Iowa
        ("North Sea", None, "continent"),
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


def test_every_country_has_a_point() -> None:
    gazetteer = load_gazetteer()
    for iso3 in ("XKX", "CUW", "SXM", "VGB"):  # no point in countryinfo: the capital's
        place = gazetteer.country(iso3)
        assert place is not None and place.lat is not None and place.lon is not None, iso3


def test_airports_carry_their_division() -> None:
    place = load_gazetteer().lookup("Gatwick")
    assert place is not None and place.feature == "AIRP" and place.admin1_code == "GB.ENG"
    assert place.lat == pytest.approx(51.15, abs=0.05)


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
        ("Loudon Co.", "loudon county"),
        ("Tewksbury Twp", "tewksbury township"),
        ("Co. Durham", "co. durham"),  # only a trailing "Co." is County
    ],
)
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


def test_admin1_variants() -> None:
    assert admin1_variants("Idlib Governorate") == {"Idlib Governorate", "Idlib"}
    assert admin1_variants("Texas") == {"Texas"}
    assert admin1_variants("North Province") == {"North Province"}  # "North" alone names nothing
    assert admin1_variants("Province du Koulpelogo") == {"Province du Koulpelogo", "Koulpelogo"}
    assert admin1_variants("Canton d'Ambilly") == {"Canton d'Ambilly", "Ambilly"}
    assert admin1_variants("Municipio Libertador") == {"Municipio Libertador", "Libertador"}
    # among a division's other names, a compass adjective alone is one ("Mangochi, Southern"), "North" never
    assert admin1_variants("Southern Region", compass=True) == {"Southern Region", "Southern"}
    assert admin1_variants("North Province", compass=True) == {"North Province"}


def test_a_division_named_by_its_compass_word() -> None:
    """Malawi's "Southern Region" is "Southern" in a note's containers, after the divisions of that own name."""
    found = [c for c in load_gazetteer().candidates("Southern") if c.place.country == "MWI"]
    assert found and found[0].alternate and found[0].place.admin1_code == "MW.S"


def test_rank_prefers_own_names_and_a_city_for_its_division() -> None:
    town = Place("Salisbury", "GBR", "city", population=40_000)
    capital = Place("Harare", "ZWE", "city", population=1_500_000, feature="PPLC")
    assert rank("salisbury", [(capital, True), (town, False)])[0].place == town
    state = Place("New York", "USA", "region", population=19_000_000, admin1_code="US.NY")
    city = Place("New York City", "USA", "city", population=8_000_000, admin1_code="US.NY")
    assert rank("new york", [(state, False), (city, True)])[0].place == city


@pytest.mark.parametrize(
    ("district_population", "town_population", "winner"),
    [
        (2_000_000, 150_000, "city"),  # a district with no town of its name yields to a sizeable town
        (2_000_000, 20_000, "district"),  # not to a small one
    ],
)
def test_rank_district_without_its_town(district_population: int, town_population: int, winner: str) -> None:
    district = Place("Zorbury", "AUS", "district", population=district_population, admin1_code="AU.08")
    town = Place("Zorbury", "GBR", "city", population=town_population, admin1_code="GB.ENG")
    assert rank("zorbury", [(district, False), (town, False)])[0].place.kind == winner


def test_rank_district_with_its_town_inside() -> None:
    district = Place("Zorbury", "GBR", "district", population=2_000_000, admin1_code="GB.ENG")
    inner = Place("Zorbury", "GBR", "city", population=60_000, admin1_code="GB.ENG")
    other = Place("Zorbury", "USA", "city", population=200_000, admin1_code="US.NC")
    assert rank("zorbury", [(district, False), (inner, False), (other, False)])[0].place == district


@pytest.mark.parametrize(
    ("big", "small", "winner"),
    [
        (1_500_000, 40_000, "small"),  # an old name of a city 37 times larger: the town that bears it
        (5_000_000, 4_000, "big"),  # a name of a city over a hundred times larger: the city
    ],
)
def test_rank_alternate_name_of_a_far_larger_place(big: int, small: int, winner: str) -> None:
    city = Place("Bigtown", "ZZA", "city", population=big)
    town = Place("Zorbury", "ZZB", "city", population=small)
    best = rank("zorbury", [(city, True), (town, False)])[0].place
    assert best == (city if winner == "big" else town)


def test_the_index_is_named_for_its_sources() -> None:
    """A change to a shipped source file (a new abbreviation) builds a new index instead of reading a stale one."""
    assert index_path().name.endswith(f"-{geodata.sources_digest()}.sqlite")
    assert len(geodata.sources_digest()) == 12
    for name in geodata.SOURCES:
        assert next(geodata.rows(name), None) is not None, name


@pytest.mark.parametrize(
    ("name", "country"),
    [("Normandy", "FRA"), ("Occitanie", "FRA"), ("Hauts-de-France", "FRA"), ("New York State", "USA")],
)
def test_a_division_is_found_by_its_current_names(name: str, country: str) -> None:
    """The towns' table names France's merged regions by one of their old parts ("Haute-Normandie"); the
    division's current names and English ones find it too, before any namesake town, with its GeoNames id."""
    best = load_gazetteer().candidates(name)[0]
    assert (best.place.country, best.place.kind) == (country, "region")
    assert best.place.geonameid is not None


def test_a_parish_or_borough_without_its_kind_word() -> None:
    assert {"Avoyelles Parish", "Avoyelles"} == admin1_variants("Avoyelles Parish")

"""GDELT 2.0 exports: 61 columns on every line, loadable with pandas under GDELT's header and types."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from dateline.export import split_actor
from dateline.export.facts import columns
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, fraction_date, write_events, write_mentions
from dateline.export.places import gdelt_geo, place_of
from dateline.records import Article
from dateline.store import EventFilter, Store

PANDAS_TYPES = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": str}


def load(text: str, table: str = "gdelt_events"):
    """Read an export with pandas under the GDELT header and column types of the facts file."""
    pd = pytest.importorskip("pandas")
    facts = columns(table)
    return pd.read_csv(
        io.StringIO(text), sep="\t", header=None, names=[name for name, _ in facts],
        dtype={name: PANDAS_TYPES[kind] for name, kind in facts}, keep_default_na=False,
        na_values={name: [""] for name, kind in facts if kind != "STRING"}, quoting=csv.QUOTE_NONE,
    )  # fmt: skip


def export(store: Store, writer=write_events, *, modality: str = "asserted", **filters) -> str:
    out = io.StringIO()
    writer(store, out, where=EventFilter(**filters), modality=modality)
    return out.getvalue()


def test_columns_are_gdelt_2() -> None:
    assert len(EVENT_COLUMNS) == 61 and len(set(EVENT_COLUMNS)) == 61
    assert EVENT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert EVENT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert EVENT_COLUMNS[51:] == (
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    )  # fmt: skip
    assert len(MENTION_COLUMNS) == 16


@pytest.mark.parametrize(
    ("code", "country", "types"),
    [
        ("RUSGOV", "RUS", ("GOV",)),
        ("TURMILREB", "TUR", ("MIL", "REB")),
        ("rus", "RUS", ()),
        ("IGOUNO", None, ("IGO", "UNO")),
        ("GOV", None, ("GOV",)),
    ],
)
def test_split_actor(code: str, country: str | None, types: tuple[str, ...]) -> None:
    parts = split_actor(code)
    assert parts is not None and (parts.country, parts.types) == (country, types)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2015-01-01", "2015.0027"),
        ("2015-02-18", "2015.1315"),
        ("2016-04-27", "2016.3205"),
        ("2016-12-31", "2016.9890"),
    ],
)
def test_fraction_date(day: str, expected: str) -> None:
    assert fraction_date(dt.date.fromisoformat(day)) == expected


def test_events_load_with_pandas(store: Store, sample: list[Article]) -> None:
    pd = pytest.importorskip("pandas")
    store.add_many(sample)
    text = export(store)
    lines = text.splitlines()
    assert len(lines) == 5
    assert all(len(line.split("\t")) == 61 for line in lines)
    frame = pd.read_csv(
        io.StringIO(text), sep="\t", header=None, names=list(EVENT_COLUMNS), dtype=str,
        keep_default_na=False, quoting=csv.QUOTE_NONE,
    )  # fmt: skip
    assert frame.shape == (5, 61)
    assert load(text).shape == (5, 61)
    assert frame["GLOBALEVENTID"].is_unique
    consult = frame[frame["EventCode"] == "036"].iloc[0].to_dict()
    assert consult["SQLDATE"] == "20160427" and consult["MonthYear"] == "201604" and consult["Year"] == "2016"
    assert (consult["Actor1Code"], consult["Actor1CountryCode"], consult["Actor1Type1Code"]) == (
        "RUSGOV",
        "RUS",
        "GOV",
    )
    assert (consult["Actor2Code"], consult["Actor2CountryCode"], consult["Actor2Type1Code"]) == (
        "TURGOV",
        "TUR",
        "GOV",
    )
    assert (consult["EventBaseCode"], consult["EventRootCode"], consult["QuadClass"]) == ("036", "03", "1")
    assert consult["GoldsteinScale"] == "4"
    assert (consult["NumMentions"], consult["NumSources"], consult["NumArticles"]) == ("2", "2", "2")
    assert consult["ActionGeo_FullName"] == "Sochi, Russia" and consult["ActionGeo_CountryCode"] == "RS"
    assert consult["ActionGeo_Lat"] == "43.6" and consult["ActionGeo_Type"] == "4"
    assert consult["AvgTone"] == "" and consult["Actor1Geo_Type"] == "1"
    assert (consult["Actor1Name"], consult["Actor2Name"]) == ("RUSSIA", "TURKEY")
    assert (consult["Actor1Geo_CountryCode"], consult["Actor2Geo_CountryCode"]) == ("RS", "TU")
    assert len(consult["DATEADDED"]) == 14 and consult["DATEADDED"].isdigit()
    assert consult["SOURCEURL"] == "https://www.site-a.example/world/1"
    assert consult["IsRootEvent"] == "1"  # in the lede
    assert frame[frame["EventCode"] == "190"].iloc[0]["IsRootEvent"] == "0"
    shelling = frame[frame["EventCode"] == "195"].iloc[0]
    assert shelling["IsRootEvent"] == "1" and shelling["NumArticles"] == "1"


@pytest.mark.parametrize(
    ("filters", "lines"),
    [
        ({}, 5),
        ({"country": "SYR"}, 2),
        ({"actor": "TURMIL"}, 1),
        ({"since": "2016-04-27"}, 2),
        ({"until": "2015-12-31"}, 1),
    ],
)
def test_event_filters(store: Store, sample: list[Article], filters: dict, lines: int) -> None:
    store.add_many(sample)
    assert len(export(store, **filters).splitlines()) == lines


def test_mentions(store: Store, sample: list[Article]) -> None:
    store.add_many(sample)
    event_ids = {line.split("\t")[0] for line in export(store).splitlines()}
    rows = [line.split("\t") for line in export(store, write_mentions).splitlines()]
    assert len(rows) == 8 and all(len(row) == 16 for row in rows)
    assert {row[0] for row in rows} == event_ids
    by_column = [dict(zip(MENTION_COLUMNS, row, strict=True)) for row in rows]
    consult = [m for m in by_column if m["MentionIdentifier"].startswith("https://site-b")]
    assert len(consult) == 3
    first = consult[0]
    assert first["MentionType"] == "1" and first["MentionSourceName"] == "site-b.example"
    assert first["InRawText"] == "1" and first["Confidence"] == "80"
    assert int(first["ActionCharOffset"]) > 0 and first["SentenceID"].isdigit()
    assert first["EventTimeDate"] <= first["MentionTimeDate"]


def test_columns_and_types_are_the_facts_files() -> None:
    events, mentions = columns("gdelt_events"), columns("gdelt_mentions")
    assert tuple(name for name, _ in events) == EVENT_COLUMNS and len(events) == 61
    assert tuple(name for name, _ in mentions) == MENTION_COLUMNS and len(mentions) == 16
    kinds = dict(events)
    assert {kinds[c] for c in ("EventCode", "EventBaseCode", "EventRootCode", "Actor1Geo_FeatureID")} == {
        "STRING"
    }
    assert {kinds[c] for c in ("SQLDATE", "QuadClass", "NumMentions", "ActionGeo_Type", "DATEADDED")} == {
        "INTEGER"
    }
    assert {kinds[c] for c in ("FractionDate", "GoldsteinScale", "AvgTone", "ActionGeo_Lat")} == {"FLOAT"}
    assert set(kinds.values()) | set(dict(mentions).values()) == {"INTEGER", "FLOAT", "STRING"}


def test_columns_are_those_of_the_shared_formats_notes(shared: Path) -> None:
    """The facts file names the columns FORMATS.md lists for GDELT 2.0 (its "same 8 for" shorthand unrolled)."""
    notes = (shared / "FORMATS.md").read_text(encoding="utf-8")
    block = notes.split("### GDELT 2.0 events", 1)[1].split("(GDELT 1.0", 1)[0]
    block = block.split("\n", 1)[1]
    names = [n for n in re.findall(r"[A-Za-z0-9_]+", block) if n not in {"same", "8", "for", "and"}]
    geo = [n.removeprefix("Actor1Geo_") for n in names if n.startswith("Actor1Geo_")]
    unrolled = [n for n in names if not n.endswith("Geo_") and n not in {"Actor2Geo_", "ActionGeo_"}]
    at = unrolled.index("DATEADDED")
    unrolled[at:at] = [f"{who}Geo_{g}" for who in ("Actor2", "ActionGeo") for g in geo]
    unrolled = [n.replace("ActionGeoGeo_", "ActionGeo_") for n in unrolled]
    assert tuple(unrolled) == EVENT_COLUMNS


def test_four_country_story_has_fips_codes_names_and_no_invented_dates(store: Store, four: Article) -> None:
    store.add(four)
    frame = load(export(store))
    assert len(frame) == 3  # the negated attack is left out; the statement (CAMEO 01) is a GDELT event
    meet = frame[frame["EventCode"] == "040"].iloc[0]
    assert (meet["Actor1Name"], meet["Actor2Name"]) == ("RUSSIA", "TURKEY")
    assert (meet["Actor1Geo_CountryCode"], meet["Actor2Geo_CountryCode"]) == ("RS", "TU")
    assert (meet["Actor1Geo_Type"], meet["Actor1Geo_FullName"], meet["Actor1Geo_FeatureID"]) == (
        1,
        "Russia",
        "RS",
    )
    assert (meet["ActionGeo_CountryCode"], meet["ActionGeo_FullName"]) == ("SZ", "Geneva, Switzerland")
    assert meet["ActionGeo_Lat"] == pytest.approx(46.20222) and meet["ActionGeo_Type"] == 4
    assert meet["SQLDATE"] == 20160502 and meet["FractionDate"] == pytest.approx(2016.3342)
    said = frame[frame["EventCode"] == "012"].iloc[0]
    assert said["Actor1Name"] == "CHINA" and said["Actor1Geo_CountryCode"] == "CH"  # not "HE"
    every = load(export(store, modality="all"))
    assert len(every) == 4
    aid = every[every["EventCode"] == "070"].iloc[0]
    assert (aid["Actor1Geo_CountryCode"], aid["Actor2Geo_CountryCode"], aid["ActionGeo_CountryCode"]) == (
        "CH",
        "SY",
        "SY",
    )
    assert (
        aid["ActionGeo_Type"] == 1
        and aid["ActionGeo_FullName"] == "Syria"
        and aid["ActionGeo_ADM1Code"] == "SY"
    )
    attack = every[every["EventCode"] == "190"].iloc[0]
    assert (
        attack[["SQLDATE", "MonthYear", "Year", "FractionDate"]].isna().all()
    )  # no date, not the ingest day
    assert (attack["Actor2Code"], attack["Actor2EthnicCode"], attack["Actor2Type1Code"]) == (
        "REBkur",
        "kur",
        "REB",
    )
    assert attack["Actor2CountryCode"] == "" and attack["ActionGeo_CountryCode"] == "SY"


def test_known_group_code_and_canonical_name(store: Store, four: Article) -> None:
    from dataclasses import replace

    from dateline.records import ActorRef

    four.events[2] = replace(four.events[2], target=ActorRef(actor="IGOUNO", text="the agency"))
    store.add(four)
    aid = load(export(store)).query("EventCode == '070'").iloc[0]
    assert (aid["Actor2Code"], aid["Actor2KnownGroupCode"], aid["Actor2Type1Code"]) == (
        "IGOUNO",
        "UNO",
        "IGO",
    )
    assert aid["Actor2Name"] == "UNITED NATIONS" and aid[["Actor2Geo_Type", "Actor2Geo_Lat"]].isna().all()


@pytest.mark.parametrize(
    ("place", "cells"),
    [
        (
            {"name": "Moscow", "country": "RUS", "admin1": "48", "geonameid": 524901, "lat": 55.75222,
             "lon": 37.61556, "feature": "PPLC"},
            ["4", "Moscow, Russia", "RS", "RS48", "", "55.75222", "37.61556", "524901"],
        ),
        (
            SimpleNamespace(name="Texas", country="USA", admin1="TX", geonameid=4736286, lat=31.25044,
                            lon=-99.25061, feature="ADM1"),
            ["2", "Texas, United States", "US", "USTX", "", "31.25044", "-99.25061", "USTX"],
        ),
        (
            {"name": "Houston", "country": "USA", "admin1": "TX", "geonameid": 4699066, "lat": 29.76328,
             "lon": -95.36327, "feature": "PPLA2"},
            ["3", "Houston, United States", "US", "USTX", "", "29.76328", "-95.36327", "4699066"],
        ),
        ({"name": "Syria", "country": "SYR"}, ["1", "Syria", "SY", "SY", "", "", "", "SY"]),
        ({"name": "London", "country": "GBR"}, ["4", "London, United Kingdom", "UK", "", "", "", "", ""]),
        (SimpleNamespace(name="Beijing", country="CHN"), ["4", "Beijing, China", "CH", "", "", "", "", ""]),
    ],
)  # fmt: skip
def test_geo_block_from_resolved_places(place: object, cells: list[str]) -> None:
    assert gdelt_geo(place_of(place)) == cells


def test_mentions_confidence_reflects_modality(store: Store, four: Article) -> None:
    store.add(four)
    asserted = [
        dict(zip(MENTION_COLUMNS, r.split("\t"), strict=True))
        for r in export(store, write_mentions).splitlines()
    ]
    assert {m["Confidence"] for m in asserted} == {"80"} and len(asserted) == 3
    every = load(export(store, write_mentions, modality="all"), "gdelt_mentions")
    assert len(every) == 4 and sorted(every["Confidence"]) == [10, 80, 80, 80]


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("COP", "they", "POLICE"),  # a bare sector: its class name, as GDELT's root match class
        ("RUSGOV", "he", "RUSSIA"),
        ("IGONAT", "the alliance", "NATO"),
        ("PSEREBHMS", "the group", "HAMAS"),
        (None, "she", ""),  # unidentified: blank, as GDELT
    ],
)
def test_actor_names_are_never_pronouns(code: str | None, text: str, name: str) -> None:
    from dateline.export.gdelt import actor_cells
    from dateline.records import ActorRef

    assert actor_cells(ActorRef(actor=code, text=text))[1] == name

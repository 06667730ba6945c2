"""GDELT 2.0 exports: 61 columns on every line, loadable with pandas under GDELT's header."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from dateline.export import split_actor
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, fraction_date, write_events, write_mentions
from dateline.records import Article
from dateline.store import Store


def export(store: Store, writer=write_events, **filters) -> str:
    out = io.StringIO()
    writer(store, out, **filters)
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
    [("2015-01-01", "2015.0027"), ("2016-04-27", "2016.3224"), ("2016-12-31", "2017.0000")],
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
    assert consult["ActionGeo_FullName"] == "Sochi" and consult["ActionGeo_CountryCode"] == "RUS"
    assert consult["ActionGeo_Lat"] == "43.6" and consult["ActionGeo_Type"] == "4"
    assert consult["AvgTone"] == "" and consult["Actor1Geo_Type"] == ""
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

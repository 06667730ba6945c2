"""POLECAT TSV, PLOVER JSON, article JSONL and Parquet exports, and the `write` dispatcher."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.errors import SettingsError
from dateline.export import FORMATS, write, write_jsonl
from dateline.export.plover import write_plover
from dateline.export.polecat import COLUMNS, write_polecat
from dateline.records import Article
from dateline.store import Store


def test_polecat_has_header_and_40_columns(store: Store, sample: list[Article]) -> None:
    store.add_many(sample)
    out = io.StringIO()
    assert write_polecat(store, out) == 5
    header, *lines = out.getvalue().splitlines()
    assert header.split("\t") == list(COLUMNS) and len(COLUMNS) == 40
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in lines]
    consult = next(r for r in rows if r["Event Type"] == "CONSULT")
    assert consult["Event Date"] == "2016-04-27" and consult["Quad Code"] == "1"
    assert (consult["Actor Name"], consult["Actor Country"], consult["Primary Actor Sector"]) == (
        "Russia",
        "RUS",
        "GOV",
    )
    assert (consult["Recipient Name"], consult["Recipient Country"]) == ("Turkey", "TUR")
    assert consult["Placename"] == "Sochi" and consult["Latitude"] == "43.6"
    assert consult["Story People"] == "Sergei Lavrov" and consult["Story Locations"] == "Russia"
    assert consult["Source"] == "Site A" and consult["Publication Date"] == "2016-04-27"


def test_plover_json_lines(store: Store, sample: list[Article]) -> None:
    store.add_many(sample)
    out = io.StringIO()
    assert write_plover(store, out, country="RUS") == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    consult = next(r for r in records if r["event"] == "CONSULT")
    assert consult["actor"] == [{"actorText": "Russia", "code": "RUS", "sector": "GOV"}]
    assert consult["recipient"] == [{"actorText": "Turkey", "code": "TUR", "sector": "GOV"}]
    assert consult["date"] == "2016-04-27" and consult["eventText"] == "met"
    assert "met in Sochi" in consult["text"] and consult["eventLoc"]["text"] == "Sochi"
    assert consult["num_articles"] == 2


def test_plover_leaves_out_events_without_plover_type(store: Store, other: Article) -> None:
    event = other.events[0]
    other.events.append(
        type(event)(**{**event.__dict__, "id": "x", "cameo": "010", "root": "01", "plover": None})
    )
    store.add(other)
    out = io.StringIO()
    assert write_plover(store, out) == 2


@pytest.mark.parametrize(("filters", "count"), [({}, 3), ({"actor": "SYR"}, 1), ({"since": "2016-04-27"}, 2)])
def test_jsonl_of_articles(store: Store, sample: list[Article], filters: dict, count: int) -> None:
    store.add_many(sample)
    out = io.StringIO()
    assert write_jsonl(store, out, **filters) == count
    records = [Article.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert all(record == store.article(record.id) for record in records)


def test_parquet_partitioned_by_date(store: Store, sample: list[Article], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    store.add_many(sample)
    target = tmp_path / "events"
    assert write(store, "parquet", target) == 5
    days = sorted(p.name for p in target.iterdir())
    assert days == ["date=2015-11-24", "date=2016-04-26", "date=2016-04-27"]
    assert all(p.name.startswith("part-") and p.suffix == ".parquet" for p in target.glob("*/*"))
    table = pq.read_table(target)
    assert table.num_rows == 5
    rows = table.to_pylist()
    consult = next(r for r in rows if r["cameo"] == "036")
    assert str(consult["date"]) == "2016-04-27" and consult["num_articles"] == 2
    assert consult["source_country"] == "RUS" and consult["target_actor"] == "TURGOV"
    with pytest.raises(SettingsError, match="empty directory"):
        write(store, "parquet", target)


def test_write_dispatches_to_files(store: Store, sample: list[Article], tmp_path: Path) -> None:
    store.add_many(sample)
    for fmt in FORMATS:
        if fmt == "parquet":
            continue
        path = tmp_path / f"out.{fmt}"
        count = write(store, fmt, path, country="SYR")
        assert count >= 1 and path.read_text(encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown export format"):
        write(store, "csv", io.StringIO())
    with pytest.raises(SettingsError, match="directory"):
        write(store, "parquet", io.StringIO())

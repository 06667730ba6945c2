"""POLECAT TSV, PLOVER JSON, article JSONL and Parquet exports, data frames, and the `write` dispatcher.

The real formats' columns and types come from the facts files in `dateline/export/data`."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from dateline.errors import SettingsError
from dateline.export import FORMATS, write, write_jsonl
from dateline.export.common import clean
from dateline.export.facts import columns, plover_schema
from dateline.export.plover import write_plover
from dateline.export.polecat import COLUMNS, write_polecat
from dateline.records import Article, Entity
from dateline.store import EventFilter, Store


def test_polecat_has_header_and_40_columns(store: Store, sample: list[Article]) -> None:
    store.add_many(sample)
    out = io.StringIO()
    assert write_polecat(store, out) == 5
    header, *lines = out.getvalue().splitlines()
    assert header.split("\t") == list(COLUMNS) and len(COLUMNS) == 40
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in lines]
    consult = next(r for r in rows if r["Event Type"] == "CONSULT")
    assert consult["Event Date"] == "2016-04-27" and consult["Quad Code"] == "1"
    assert consult["Event Mode"] == "" and consult["Contexts"] == "diplomatic"  # 036: no mode, one context
    assert (consult["Actor COW"], consult["Recipient COW"]) == ("365", "640")
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
    assert write_plover(store, out, where=EventFilter(country="RUS")) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    consult = next(r for r in records if r["event"] == ["CONSULT"])
    assert consult["actor"] == [
        {"code": "RUS", "sector": "GOV", "actor_text": "Russia", "identifier_text": "Russia"}
    ]
    assert consult["recipient"] == [
        {"code": "TUR", "sector": "GOV", "actor_text": "Turkey", "identifier_text": None}
    ]
    assert consult["date"] == "2016-04-27" and consult["event_text"] == ["met"] and consult["quad_code"] == 1
    assert consult["mode"] is None and consult["context"] == ["diplomatic"]
    assert "met in Sochi" in consult["text"] and consult["event_loc"]["name"] == "Sochi"
    assert consult["event_loc"]["cc3"] == "RUS" and consult["event_loc"]["country code"] == "RU"
    assert consult["num_articles"] == 2 and consult["cite_info"]["url"].startswith("https://")
    assert not any(value == "" for record in records for value in record.values())


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
    assert write_jsonl(store, out, where=EventFilter(**filters)) == count
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
        count = write(store, fmt, path, where=EventFilter(country="SYR"))
        assert count >= 1 and path.read_text(encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown export format"):
        write(store, "csv", io.StringIO())
    with pytest.raises(SettingsError, match="directory"):
        write(store, "parquet", io.StringIO())


# -- the real formats' columns and types, from the facts files ---------------------------------------------


def test_polecat_columns_are_the_facts_file_and_the_shared_notes(shared: Path) -> None:
    assert tuple(name for name, _ in columns("polecat_columns")) == COLUMNS and len(COLUMNS) == 40
    notes = (shared / "FORMATS.md").read_text(encoding="utf-8")
    block = notes.split("### POLECAT public TSV", 1)[1].split("###", 1)[0].split("\n", 1)[1]
    listed = [name.strip().split(" (")[0] for name in " ".join(block.split()).rstrip(".").split(",")]
    assert tuple(listed) == COLUMNS


def polecat_frame(text: str):
    pd = pytest.importorskip("pandas")
    kinds = {"string": str, "date": str, "integer": "Int64", "float": "float64"}
    facts = columns("polecat_columns")
    frame = pd.read_csv(
        io.StringIO(text), sep="\t", dtype={n: kinds[k] for n, k in facts}, keep_default_na=False,
        na_values={n: [""] for n, k in facts if k in ("integer", "float")},
    )  # fmt: skip
    for name, kind in facts:
        if kind == "date":
            dated = frame[name][frame[name] != ""]
            assert pd.to_datetime(dated, format="%Y-%m-%d").notna().all(), name
    return frame


def test_polecat_four_country_story_has_plover_types_quads_and_cow(store: Store, four: Article) -> None:
    store.add(four)
    out = io.StringIO()
    assert (
        write_polecat(store, out) == 2
    )  # the statement (CAMEO 01) has no PLOVER type; the attack is negated
    frame = polecat_frame(out.getvalue())
    assert list(frame.columns) == list(COLUMNS)
    assert set(frame["Event Type"]) == {"CONSULT", "AID"} and frame["Event Type"].ne("").all()
    aid = frame[frame["Event Type"] == "AID"].iloc[0]
    assert (aid["Quad Code"], aid["Actor COW"], aid["Recipient COW"]) == (2, 710, 652)
    assert (aid["Actor Name"], aid["Recipient Name"], aid["Country"]) == ("China", "Syria", "SYR")
    every = io.StringIO()
    assert write_polecat(store, every, modality="all") == 3
    attack = polecat_frame(every.getvalue()).query("`Event Type` == 'ASSAULT'").iloc[0]
    assert (
        attack["Event Date"] == ""
        and attack["Quad Code"] == 4
        and attack["Latitude"] == pytest.approx(36.20124)
    )


@pytest.mark.parametrize(("plover", "quad"), [("CONCEDE", 1), ("RETREAT", 2), ("SANCTION", 4), ("ACCUSE", 3)])
def test_polecat_quad_code_is_plovers(store: Store, other: Article, plover: str, quad: int) -> None:
    other.events[0] = replace(other.events[0], plover=plover, quad_class=2 if plover == "CONCEDE" else 1)
    store.add(other)
    out = io.StringIO()
    write_polecat(store, out)
    row = next(r for r in polecat_frame(out.getvalue()).to_dict("records") if r["Event Type"] == plover)
    assert row["Quad Code"] == quad


# -- PLOVER JSON against the schema ----------------------------------------------------------------------------


def validate(record: dict, schema: dict) -> None:
    """Validate with jsonschema when installed, else with the few rules of plover.schema.json we use."""
    try:
        import jsonschema
    except ImportError:
        _validate(record, schema, schema)
        return
    jsonschema.Draft202012Validator(schema).validate(record)


_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}


def _validate(value, rule: dict, root: dict, where: str = "$") -> None:
    if "$ref" in rule:
        rule = root["$defs"][rule["$ref"].rsplit("/", 1)[1]]
    if "oneOf" in rule:
        errors = []
        for option in rule["oneOf"]:
            try:
                _validate(value, option, root, where)
                return
            except AssertionError as e:
                errors.append(str(e))
        raise AssertionError(f"{where}: none of oneOf fits ({errors})")
    kinds = rule.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        ok = any(value is None if k == "null" else isinstance(value, _TYPES[k]) and not (
            k in ("integer", "number") and isinstance(value, bool)) for k in kinds)  # fmt: skip
        assert ok, f"{where}: {value!r} is not {kinds}"
    if "enum" in rule:
        assert value in rule["enum"], f"{where}: {value!r} not in {rule['enum']}"
    if isinstance(value, str) and "pattern" in rule:
        assert re.search(rule["pattern"], value), f"{where}: {value!r} does not match {rule['pattern']}"
    if isinstance(value, str) and "minLength" in rule:
        assert len(value) >= rule["minLength"], where
    if isinstance(value, dict):
        for name in rule.get("required", ()):
            assert name in value, f"{where}: {name} is required"
        for name, sub in rule.get("properties", {}).items():
            if name in value:
                _validate(value[name], sub, root, f"{where}.{name}")
    if isinstance(value, list):
        assert len(value) >= rule.get("minItems", 0), f"{where}: too few items"
        for i, item in enumerate(value):
            if "items" in rule:
                _validate(item, rule["items"], root, f"{where}[{i}]")


def test_every_plover_record_fits_the_schema(store: Store, sample: list[Article], four: Article) -> None:
    store.add_many([*sample, four])
    out = io.StringIO()
    count = write_plover(store, out, modality="all")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(records) == 8  # 5 of the wire stories, 3 of the four-country story (01 has no type)
    schema = plover_schema()
    for record in records:
        validate(record, schema)
        _validate(record, schema, schema)  # the fallback validator agrees
    attack = next(r for r in records if r["cameo"] == "190" and r["modality"] == "negated")
    assert attack["date"] is None and attack["mode"] == ["negation"]
    assert attack["recipient"] == [{"code": None, "sector": "REB", "actor_text": "Kurdish fighters",
                                    "identifier_text": None}]  # fmt: skip


@pytest.mark.parametrize(
    "broken",
    [{"event": "CONSULT"}, {"mode": ""}, {"date": "27 April 2016"}, {"quad_code": 5}, {"recipient": ""},
     {"event": ["DEMAND"]}, {"actor": [{"code": "Russia"}]}],
)  # fmt: skip
def test_schema_rejects_what_the_manual_does_not_allow(broken: dict) -> None:
    record = {"id": "x", "date": "2016-04-27", "event": ["CONSULT"], "actor": [{"code": "RUS"}], **broken}
    with pytest.raises(Exception):  # noqa: B017 (jsonschema.ValidationError or AssertionError)
        validate(record, plover_schema())


# -- TSV cells that R and pandas read -----------------------------------------------------------------------------


def read_delim_rows(text: str) -> list[list[str]]:
    """Records as R's read.delim reads them with its defaults (sep "\t", quote '"'): a double quote anywhere
    opens a quoted stretch, in which tabs and line breaks are part of the cell, until the next lone quote."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    quoted = False
    i = 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text[i + 1 : i + 2] == '"':
                cell.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cell.append(ch)
        elif ch == '"':
            quoted = True
        elif ch == "\t":
            row.append("".join(cell))
            cell = []
        elif ch == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


@pytest.mark.parametrize("fmt", ["gdelt", "gdelt-mentions", "polecat"])
def test_tsv_exports_read_whole_in_r_and_pandas(store: Store, four: Article, fmt: str) -> None:
    pd = pytest.importorskip("pandas")
    four.entities.append(Entity(id="e-radio", name='Radio "Sawt\tSyria', type="ORG", mentions=[]))
    four.events[2] = replace(
        four.events[2], target=replace(four.events[2].target, text='the "rebels\nof Idlib')
    )
    store.add(four)
    out = io.StringIO()
    write(store, fmt, out, modality="all")
    text = out.getvalue()
    lines = text.splitlines()
    width = len(lines[0].split("\t"))
    assert all(len(line.split("\t")) == width for line in lines) and '"' not in text
    assert [len(r) for r in read_delim_rows(text)] == [width] * len(lines)
    frame = pd.read_csv(io.StringIO(text), sep="\t", header=None, dtype=str, keep_default_na=False)
    assert frame.shape == (len(lines), width)
    if fmt == "polecat":
        organisations = frame.iloc[1:, COLUMNS.index("Story Organizations")].iloc[0]
        assert "Radio 'Sawt Syria" in organisations and "the 'Free Syria' brigade" in organisations


def test_read_delim_emulation_breaks_on_a_lone_quote() -> None:
    assert [len(r) for r in read_delim_rows('a\tb"c\n1\t2\n3\t4\n')] == [2]


def test_clean_cells() -> None:
    assert clean('He said "no"\tthen\r\nleft') == "He said 'no' then left"
    assert clean(None) == "" and clean(4.0) == "4" and clean("a\u2028b\x00") == "a b"


# -- Parquet types, DataFrames, DuckDB ------------------------------------------------------------------------------


def test_parquet_columns_are_typed(
    store: Store, sample: list[Article], four: Article, tmp_path: Path
) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    store.add_many([*sample, four])
    assert write(store, "parquet", tmp_path / "events", modality="all") == 9
    assert (tmp_path / "events" / "date=__HIVE_DEFAULT_PARTITION__").is_dir()  # the undated attack
    table = pq.read_table(tmp_path / "events")
    types = {field.name: field.type for field in table.schema}
    assert (
        types["day"] == pa.date32()
        and types["event_date"] == pa.date32()
        and types["published"] == pa.date32()
    )
    assert pa.types.is_timestamp(types["added"]) and types["added"].tz == "UTC"
    assert {types[c] for c in ("num_mentions", "num_sources", "num_articles")} == {pa.int32()}
    assert types["cameo"] == pa.string() and types["location_geonameid"] == pa.int64()
    rows = table.to_pylist()
    assert sorted({r["cameo"] for r in rows}) == ["012", "036", "040", "070", "111", "112", "190", "195"]
    assert next(r for r in rows if r["cameo"] == "040")["day"] == dt.date(2016, 5, 2)
    attack = next(r for r in rows if r["modality"] == "negated")
    assert attack["day"] is None and attack["event_date"] is None and attack["source_name"] == "Turkey"


def test_parquet_types_in_duckdb(store: Store, sample: list[Article], tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    store.add_many(sample)
    write(store, "parquet", tmp_path / "events")
    pattern = str(tmp_path / "events" / "*" / "*.parquet")
    query = f"SELECT typeof(date), typeof(day), typeof(published), typeof(num_articles), cameo " \
            f"FROM read_parquet('{pattern}', hive_partitioning = true) WHERE cameo = '036'"  # fmt: skip
    assert duckdb.sql(query).fetchall() == [("DATE", "DATE", "DATE", "INTEGER", "036")]


def test_events_and_articles_frames(store: Store, sample: list[Article], four: Article) -> None:
    pd = pytest.importorskip("pandas")
    import dateline

    store.add_many([*sample, four])
    events = dateline.events_frame(store)
    assert len(events) == 8 and "date" not in events.columns
    assert pd.api.types.is_datetime64_any_dtype(events["day"]) and events["num_articles"].dtype == "Int32"
    assert events.loc[events["cameo"] == "040", "day"].iloc[0] == pd.Timestamp("2016-05-02")
    assert len(dateline.events_frame(store, country="SYR", modality="all")) == 4
    assert len(dateline.events_frame(store, actor="TURMIL", modality="all")) == 2
    articles = dateline.articles_frame(store)
    assert len(articles) == 4 and articles["events"].dtype == "int64"
    assert pd.api.types.is_datetime64_any_dtype(articles["published"])
    assert len(dateline.articles_frame(store, actor="SYR")) == 2
    with pytest.raises(SettingsError, match="modality"):
        dateline.events_frame(store, modality="maybe")


def test_frames_open_a_store_path(tmp_path: Path, sample: list[Article]) -> None:
    pytest.importorskip("pandas")
    import dateline

    path = tmp_path / "news.db"
    with Store.open(str(path)) as opened:
        opened.add_many(sample)
    assert len(dateline.events_frame(path, since="2016-04-27")) == 2


def test_frames_say_what_to_install_without_pandas(monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    from dateline.export.frames import events_frame

    with pytest.raises(SettingsError, match="pip install pandas"):
        events_frame(store)


# -- writing files ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["gdelt", "polecat", "plover-json", "jsonl"])
def test_a_failed_export_leaves_the_old_file(
    store: Store, sample: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    store.add_many(sample)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.tsv"
    target.write_text("old export\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "events", broken)
    monkeypatch.setattr(store, "articles", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write(store, fmt, target)
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.tsv"]


def test_a_complete_export_replaces_the_file(store: Store, sample: list[Article], tmp_path: Path) -> None:
    store.add_many(sample)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.tsv"
    target.write_text("old export\n", encoding="utf-8")
    target.chmod(0o640)
    assert write(store, "gdelt", target) == 5
    assert len(target.read_text(encoding="utf-8").splitlines()) == 5
    assert (
        sorted(p.name for p in target.parent.iterdir()) == ["out.tsv"]
        and target.stat().st_mode & 0o777 == 0o640
    )


def test_a_failed_parquet_export_leaves_nothing(
    store: Store, sample: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.export import parquet

    store.add_many(sample)
    monkeypatch.setattr(parquet, "CHUNK_ROWS", 2)
    calls = []
    real = parquet.pq.write_to_dataset

    def fails_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(parquet.pq, "write_to_dataset", fails_second)
    (tmp_path / "out").mkdir()
    with pytest.raises(OSError, match="disk full"):
        parquet.write_parquet(store, tmp_path / "out" / "events", chunk_rows=2)
    assert list((tmp_path / "out").iterdir()) == []


def test_cli_says_when_an_export_is_empty(tmp_path: Path, sample: list[Article]) -> None:
    from click.testing import CliRunner

    from dateline.cli import cli

    path = tmp_path / "news.db"
    with Store.open(str(path)) as opened:
        opened.add_many(sample)
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", str(path), "--format", "gdelt", "--until", "1900-01-01"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "nothing to export" in result.stderr
    result = runner.invoke(cli, ["export", "--db", str(path), "--format", "gdelt", "--modality", "all",
                                 "-o", str(tmp_path / "all.tsv")])  # fmt: skip
    assert result.exit_code == 0 and "5 rows written" in result.stderr

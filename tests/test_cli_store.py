"""The store commands, in process: ingest (progress, re-runs, exit status), failures and export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import Store

# GDELT 2.0's event table header, transcribed from its codebook.
GDELT_HEADER = """
GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources
NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL
""".split()  # noqa: SIM905

# Invented stories.
STORIES = {
    "talks.txt": (
        "Ministers meet in Sochi\n\nSOCHI, April 27. - The foreign minister of Russia met his Turkish "
        "counterpart on Wednesday to discuss the resumption of direct flights. Russia accused Turkey of "
        "supporting rebels in Syria, and Turkey demanded an apology for the incident at the border.\n"
    ),
    "troops.txt": (
        "Troops clash near the border\n\nNEW DELHI, May 3. - Indian troops fired on Pakistani soldiers near "
        "the border on Tuesday, the army said. Pakistan condemned the attack and summoned the Indian "
        "ambassador in Islamabad to protest.\n"
    ),
    "aid.txt": (
        "Aid promised\n\nBRUSSELS, June 9. - The European Union promised Ukraine new aid for the winter on "
        "Friday. The Ukrainian president thanked the European Commission and said Kyiv would sign the "
        "agreement next week.\n"
    ),
}
TODAY = "2026-11-29"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "400"})


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, object]:
    """A folder of three stories and an empty file, ingested once into a new SQLite store."""
    root = tmp_path_factory.mktemp("cli")
    folder = root / "news"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = str(root / "news.db")
    result = invoke("ingest", str(folder), "--db", db, "--today", TODAY)
    return folder, db, result


def test_cli_ingest_reports_and_records_failures(ingested) -> None:
    folder, db, result = ingested
    assert result.exit_code == 0, result.stderr
    assert "3 articles added" in result.stderr and "1 failures" in result.stderr
    assert "articles/s" in result.stderr and "events" in result.stderr
    assert result.stdout == ""
    with Store.open(db, readonly=True) as store:
        assert store.count() == 3


def test_cli_ingest_again_adds_nothing(ingested) -> None:
    folder, db, _ = ingested
    result = invoke("ingest", str(folder), "--db", db, "--no-progress", "--today", TODAY)
    assert result.exit_code == 0
    assert "0 articles added" in result.stderr and "3 already stored" in result.stderr
    with Store.open(db, readonly=True) as store:
        assert store.count() == 3


def test_cli_failures_lists_the_bad_input(ingested) -> None:
    folder, db, _ = ingested
    result = invoke("failures", "--db", db)
    assert result.exit_code == 0
    assert "empty.txt" in result.stdout and "no text" in result.stdout


def test_cli_failures_when_none(tmp_path: Path) -> None:
    db = str(tmp_path / "fresh.db")
    Store.open(db).close()
    result = invoke("failures", "--db", db)
    assert result.exit_code == 0 and "no failures" in result.stderr


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (["missing-folder"], "nothing could be read"),
        (["empty.txt"], "nothing could be read"),
    ],
)
def test_cli_ingest_nothing_readable_is_an_error(tmp_path: Path, inputs: list[str], message: str) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "news.db")
    result = invoke("ingest", *(str(tmp_path / name) for name in inputs), "--db", db, "--no-progress")
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_cli_ingest_help_documents_the_exit_status() -> None:
    result = invoke("ingest", "--help")
    assert result.exit_code == 0 and "Exit status" in result.stdout


def test_cli_export_gdelt_has_61_columns_and_loads_with_pandas(ingested) -> None:
    pandas = pytest.importorskip("pandas")
    _, db, _ = ingested
    result = invoke("export", "--db", db, "--format", "gdelt")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines, "the ingested stories gave no events"
    assert all(len(line.split("\t")) == 61 for line in lines)
    frame = pandas.read_csv(io.StringIO(result.stdout), sep="\t", header=None, names=GDELT_HEADER, dtype=str)
    assert frame.shape == (len(lines), 61)
    assert frame["SQLDATE"].str.fullmatch(r"\d{8}").all()
    assert frame["EventRootCode"].notna().all()


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("gdelt-mentions", lambda line: len(line.split("\t")) == 16),
        ("plover-json", lambda line: isinstance(json.loads(line), dict)),
        ("jsonl", lambda line: "events" in json.loads(line)),
    ],
)
def test_cli_export_formats_to_a_file(ingested, tmp_path: Path, fmt: str, check) -> None:
    _, db, _ = ingested
    target = tmp_path / f"out.{fmt}"
    result = invoke("export", "--db", db, "--format", fmt, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and all(check(line) for line in lines)
    assert f"{len(lines)} rows written" in result.stderr


def test_cli_export_filters(ingested) -> None:
    _, db, _ = ingested
    every = invoke("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert len(every) == 3
    none = invoke("export", "--db", db, "--format", "jsonl", "--until", "1900-01-01").stdout
    assert none == ""


def test_cli_export_parquet_needs_a_directory(ingested, tmp_path: Path) -> None:
    _, db, _ = ingested
    result = invoke("export", "--db", db, "--format", "parquet")
    assert result.exit_code == 2 and "--output" in result.stderr
    result = invoke("export", "--db", db, "--format", "parquet", "--output", str(tmp_path / "pq"))
    assert result.exit_code == 0, result.stderr
    assert list((tmp_path / "pq").rglob("*.parquet"))


def test_cli_export_missing_store_is_one_line(tmp_path: Path) -> None:
    result = invoke("export", "--db", str(tmp_path / "nope.db"), "--format", "gdelt")
    assert result.exit_code == 1
    assert "no such store" in result.stderr and len(result.stderr.strip().splitlines()) == 1

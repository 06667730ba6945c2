"""dateline batch: shards to date-partitioned Parquet, resumable; the same files locally and on Dask."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.coding import code_documents
from dateline.errors import InputError
from dateline.export.parquet import SCHEMA, events_table
from dateline.ingest import read_paths
from dateline.records import Article
from dateline.scale.batch import (
    DONE_DIR,
    NULL_PARTITION,
    compact,
    list_shards,
    run_batch,
    shard_id,
)
from dateline.settings import Settings


def _files(root: Path) -> dict[str, pa.Table]:
    """Every Parquet file a reader sees under `root`, by relative path."""
    return {
        str(p.relative_to(root)): pq.read_table(p)
        for p in sorted(root.glob("date=*/*.parquet"))
        if not p.name.startswith((".", "_"))
    }


def _rows(root: Path) -> list[tuple[object, ...]]:
    """Every row with its partition's date, sorted: the content, whatever the files."""
    rows = []
    for name, table in _files(root).items():
        day = name.split("/")[0].removeprefix("date=")
        for row in table.to_pylist():
            rows.append((None if day == NULL_PARTITION else day, *sorted(row.items(), key=lambda kv: kv[0])))
    return sorted(rows, key=repr)


@pytest.fixture(scope="module")
def single(corpus: Path, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The batch output coded in this process."""
    output = tmp_path_factory.mktemp("single")
    results = list(run_batch([corpus], output, settings=settings, workers=1))
    assert len(results) == 4 and not any(r.error for r in results)
    return output


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ({"a.jsonl": "x", "b.warc.gz": "x"}, ["a.jsonl", "b.warc.gz"]),
        ({"1.txt": "x", "2.txt": "x"}, ["."]),
        (
            {"1.txt": "x", "sub/2.txt": "x", "sub/3.jsonl": "x", ".hidden/4.txt": "x"},
            [".", "sub", "sub/3.jsonl"],
        ),
        ({"sub/a/1.txt": "x", "sub/b/c.ndjson": "x"}, ["sub/a", "sub/b/c.ndjson"]),
    ],
)
def test_a_folder_splits_into_shards(tmp_path: Path, layout: dict[str, str], expected: list[str]) -> None:
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    shards = list_shards([tmp_path])
    assert [str(s.relative_to(tmp_path)) for s in shards] == expected


def test_a_missing_input_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.jsonl: does not exist"):
        list_shards([tmp_path / "nope.jsonl"])


def test_shard_ids_are_stable_safe_and_distinct(tmp_path: Path) -> None:
    a, b = tmp_path / "x" / "day 1.warc.gz", tmp_path / "y" / "day 1.warc.gz"
    assert shard_id(a) == shard_id(a)
    assert shard_id(a) != shard_id(b)
    assert shard_id(a).startswith("day-1-")


def test_output_is_partitioned_by_event_date_with_counts(single: Path, corpus: Path) -> None:
    files = _files(single)
    days = {name.split("/")[0] for name in files}
    assert len(days) > 5 and f"date={NULL_PARTITION}" in days
    assert all(name.split("/")[1].startswith("part-") for name in files)
    assert all(t.schema.equals(SCHEMA.remove(SCHEMA.get_field_index("date"))) for t in files.values())
    markers = sorted((single / DONE_DIR).glob("*.json"))
    assert len(markers) == 4
    results = {r.shard_id: r for r in run_batch([corpus], single, workers=1)}
    assert all(r.skipped for r in results.values())
    texts = results[shard_id(corpus / "texts")]
    assert (texts.articles, texts.failures) == (6, 1) and "empty.txt" in texts.errors[0]
    assert sum(r.events for r in results.values()) == sum(t.num_rows for t in files.values())


def test_output_equals_coding_the_same_texts_directly(single: Path, corpus: Path, settings: Settings) -> None:
    articles = [
        a
        for a in code_documents(read_paths([p for p in list_shards([corpus])]), settings=settings)
        if isinstance(a, Article)
    ]
    expected = sorted(events_table(articles).to_pylist(), key=lambda row: row["event_id"])
    dataset = pq.read_table(single, partitioning="hive")
    got = sorted(dataset.to_pylist(), key=lambda row: row["event_id"])
    for row in got:
        row["date"] = None if row["date"] == NULL_PARTITION else row["date"]
    assert len(got) == len(expected) > 50
    assert got == [{name: row[name] for name in got[0]} for row in expected]


def test_a_rerun_skips_every_shard_and_writes_nothing(single: Path, corpus: Path, settings: Settings) -> None:
    before = {p: p.stat().st_mtime_ns for p in single.rglob("*")}
    results = list(run_batch([corpus], single, settings=settings, workers=1))
    assert all(r.skipped for r in results)
    assert {p: p.stat().st_mtime_ns for p in single.rglob("*")} == before


def test_a_killed_run_resumes(single: Path, corpus: Path, settings: Settings, tmp_path: Path) -> None:
    output = tmp_path / "out"
    shutil.copytree(single, output)
    lost = shard_id(corpus / "b.jsonl")
    (output / DONE_DIR / f"{lost}.json").unlink()  # killed before the marker: its files may be half there
    first = next(output.glob(f"date=*/part-{lost}.parquet"))
    first.unlink()
    (first.parent / f".{first.name}.999.tmp").write_bytes(b"half a file")
    results = list(run_batch([corpus], output, settings=settings, workers=1))
    assert [r.shard_id for r in results if not r.skipped] == [lost]
    assert _rows(output) == _rows(single)


@pytest.mark.slow
def test_two_local_workers_write_the_same_files(
    single: Path, corpus: Path, settings: Settings, tmp_path: Path
) -> None:
    results = list(run_batch([corpus], tmp_path, settings=settings, workers=2))
    assert len(results) == 4 and not any(r.error or r.skipped for r in results)
    ours, theirs = _files(tmp_path), _files(single)
    assert ours.keys() == theirs.keys()
    assert all(ours[name].equals(theirs[name]) for name in ours)


@pytest.fixture(scope="module")
def dask_cluster():  # type: ignore[no-untyped-def]
    if importlib.util.find_spec("distributed") is None:
        if os.environ.get("CI"):
            pytest.fail("dask[distributed] is not installed; CI installs the scale extra")
        pytest.skip("dask[distributed] is not installed (pip install 'dateline[scale]')")
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    ) as cluster:
        yield cluster


@pytest.mark.slow
def test_dask_cluster_writes_the_same_files(
    dask_cluster,
    single: Path,
    corpus: Path,
    settings: Settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    results = list(run_batch([corpus], tmp_path, settings=settings, scheduler=dask_cluster.scheduler_address))
    assert len(results) == 4 and not any(r.error or r.skipped for r in results)
    ours, theirs = _files(tmp_path), _files(single)
    assert ours.keys() == theirs.keys()
    assert all(ours[name].equals(theirs[name]) for name in ours)
    assert not list(tmp_path.rglob("*.tmp"))


def test_compact_merges_each_partition_keeping_every_row(single: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    shutil.copytree(single, output)
    before = _files(output)
    result = compact(output)
    after = _files(output)
    assert result.files_before == len(before) and result.files_after == len(after)
    assert len(after) == len({name.split("/")[0] for name in before}) < len(before)
    assert _rows(output) == _rows(single)
    assert compact(output).partitions == 0  # nothing left to merge


@pytest.mark.parametrize("killed_after", ["staging", "old-moved", "swapped"])
def test_a_killed_compaction_is_finished_or_undone(single: Path, tmp_path: Path, killed_after: str) -> None:
    output = tmp_path / "out"
    shutil.copytree(single, output)
    partition = max(output.glob("date=*"), key=lambda p: len(list(p.glob("*.parquet"))))
    staging, old = output / f".{partition.name}.new", output / f".{partition.name}.old"
    staging.mkdir()
    merged = pa.concat_tables(pq.read_table(p) for p in sorted(partition.glob("*.parquet")))
    if killed_after == "staging":
        pq.write_table(merged.slice(0, 1), staging / "part-compact.parquet")  # half written
    else:
        pq.write_table(merged, staging / "part-compact.parquet")
        os.replace(partition, old)
        if killed_after == "swapped":
            os.replace(staging, partition)
    compact(output)
    assert not staging.exists() and not old.exists()
    assert _rows(output) == _rows(single)


def test_cli_batch_and_compact(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    args = [
        "batch",
        str(corpus / "a.jsonl"),
        str(corpus / "texts"),
        "--output",
        str(tmp_path),
        "--workers",
        "1",
        "--today",
        "2016-06-01",
    ]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "2 shards" in result.stderr and "16 articles" in result.stderr
    again = runner.invoke(cli, args)
    assert again.exit_code == 0 and "2 skipped" in again.stderr
    merged = runner.invoke(cli, ["compact", str(tmp_path)])
    assert merged.exit_code == 0 and "merged" in merged.stderr


def test_an_output_inside_the_input_is_not_read_as_input(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text("Talks\n\nThe Greek government criticised the Turkish government.")
    output = tmp_path / "events"
    first = list(run_batch([tmp_path], output, settings=settings, workers=1))
    second = list(run_batch([tmp_path], output, settings=settings, workers=1))
    assert [r.shard for r in first] == [r.shard for r in second] == [str(tmp_path)]
    assert second[0].skipped and first[0].articles == 1

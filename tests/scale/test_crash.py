"""batch and compact are crash-safe: a kill anywhere, in any interleaving, then a resume gives a clean run's rows.

A bad input is a counted failure inside its shard, never a failed shard.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import dateline.scale.batch as batch
from dateline.scale.batch import DONE_DIR, NULL_PARTITION, compact, run_batch, shard_id
from dateline.settings import Settings

from .conftest import TODAY, story, undated_story

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three shards of six short stories: two JSONL files and a text folder."""
    root = tmp_path_factory.mktemp("small")

    def record(i: int) -> str:
        published = f"2016-03-{2 + i % 27:02d}" if i % 3 else None
        return json.dumps({"text": story(i), "url": f"https://news.example/{i}", "published": published})

    # stories i and i + 27 happen on the same days: the shards share partitions
    (root / "a.jsonl").write_text("".join(record(i) + "\n" for i in (0, 1, 2)), encoding="utf-8")
    (root / "b.jsonl").write_text("".join(record(i) + "\n" for i in (27, 28)), encoding="utf-8")
    folder = root / "texts"
    folder.mkdir()
    (folder / "29.txt").write_text(story(29), encoding="utf-8")
    (folder / "undated.txt").write_text(undated_story(0), encoding="utf-8")
    return root


def rows(root: Path) -> list[str]:
    """Every row a reader sees under `root`, with its partition's date, sorted: the content, whatever the files."""
    found = []
    for path in sorted(root.glob("date=*/*.parquet")):
        if path.name.startswith((".", "_")):
            continue
        day = path.parent.name.removeprefix("date=")
        for row in pq.read_table(path).to_pylist():
            found.append(repr((None if day == NULL_PARTITION else day, sorted(row.items()))))
    return sorted(found)


@pytest.fixture(scope="module")
def clean(small: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The rows of a clean run over `small`."""
    output = tmp_path_factory.mktemp("clean")
    results = list(run_batch([small], output, settings=Settings(today=TODAY, batch_size=4), workers=1))
    assert len(results) == 3 and not any(r.error for r in results)
    return rows(output)


class Killed(BaseException):
    """Stands for a kill -9: nothing after it runs, nothing catches it."""


class KillingOs:
    """The `os` module, except that its `replace` (each rename that commits a step) kills at call `at`."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.calls = 0

    def replace(self, src: Any, dst: Any) -> None:
        if self.calls == self.at:
            raise Killed
        self.calls += 1
        os.replace(src, dst)

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


def run_killed(monkeypatch: pytest.MonkeyPatch, step: Callable[[], object], at: int | None) -> bool:
    """Run `step`, killed at its rename `at` (None: to the end); whether it was killed."""
    killer = KillingOs(at if at is not None else 1 << 30)
    with monkeypatch.context() as patch:
        patch.setattr(batch, "os", killer)
        try:
            step()
        except Killed:
            return True
    return False


# (step, rename at which it is killed) sequences, then a batch and a compaction to the end
INTERLEAVINGS = [
    # renames of a batch over `small`: shard a 0-3 then its marker 4, b 5-7 and 8, texts 9-11 and 12;
    # of a compaction, per partition merged: its staged file, then the two renames of the swap
    [("batch", 6), ("compact", None)],  # killed mid-shard, compacted, resumed: once rows were doubled
    [("batch", 9), ("compact", 2)],  # a compaction killed between its renames hid a partition, then lost it
    [("batch", 2), ("compact", 0), ("batch", 1), ("compact", 2)],
    [("compact", None), ("batch", 3), ("compact", 1), ("batch", None)],
]
SEEDS = [0, 1, 2, 3]


def seeded(seed: int) -> list[tuple[str, int | None]]:
    rng = random.Random(seed)
    return [(rng.choice(["batch", "compact"]), rng.randrange(12)) for _ in range(rng.randint(2, 5))]


@pytest.mark.parametrize(
    "sequence",
    [*INTERLEAVINGS, *(seeded(s) for s in SEEDS)],
    ids=[*map(str, range(len(INTERLEAVINGS))), *(f"seed{s}" for s in SEEDS)],
)
def test_any_kill_of_batch_and_compact_then_a_resume_gives_a_clean_runs_rows(
    small: Path, clean: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    sequence: list[tuple[str, int | None]],
) -> None:  # fmt: skip
    settings = Settings(today=TODAY, batch_size=4)
    output = tmp_path / "out"
    steps: dict[str, Callable[[], object]] = {
        "batch": lambda: list(run_batch([small], output, settings=settings, workers=1)),
        "compact": lambda: compact(output) if output.is_dir() else None,
    }
    for name, at in [*sequence, ("batch", None), ("compact", None)]:
        run_killed(monkeypatch, steps[name], at)
    assert rows(output) == clean
    assert list(run_batch([small], output, settings=settings, workers=1)) != []  # all skipped now
    assert rows(output) == clean
    leftovers = [p.name for p in output.rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_each_rename_of_a_run_is_a_safe_kill_point(
    small: Path, clean: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kill a batch, then a compaction, at every rename in turn; resume each time."""
    settings = Settings(today=TODAY, batch_size=4)
    for at in range(0, 9, 2):
        output = tmp_path / f"out{at}"

        def coding(output: Path = output) -> object:
            return list(run_batch([small], output, settings=settings, workers=1))

        run_killed(monkeypatch, coding, at)
        run_killed(monkeypatch, lambda output=output: compact(output), at // 2)
        list(run_batch([small], output, settings=settings, workers=1))
        assert rows(output) == clean, at
        compact(output)
        assert rows(output) == clean, at


def test_a_bad_input_is_a_counted_failure_inside_its_shard(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.scale import workers

    real_code, real_read = workers.code_documents, batch.read_paths

    def code(documents: list[Any], **options: Any) -> Any:
        if any("(27)" in getattr(d, "text", "") for d in documents):
            raise RuntimeError("the model fell over")
        return real_code(documents, **options)

    def read(paths: list[Path], **options: Any) -> Any:
        if Path(paths[0]).name == "undated.txt":
            raise MemoryError("too big")
        return real_read(paths, **options)

    monkeypatch.setattr(workers, "code_documents", code)
    monkeypatch.setattr(batch, "read_paths", read)
    results = {r.shard_id: r for r in run_batch([small], tmp_path, settings=Settings(today=TODAY), workers=1)}
    assert not any(r.error for r in results.values())
    b, texts = results[shard_id(small / "b.jsonl")], results[shard_id(small / "texts")]
    assert (b.articles, b.failures) == (1, 1) and "the model fell over" in b.errors[0]
    assert (texts.articles, texts.failures) == (1, 1) and "undated.txt" in texts.errors[0]
    assert all(isinstance(e, str) for e in b.errors)
    assert (tmp_path / DONE_DIR / f"{b.shard_id}.json").is_file()  # done: a re-run does not retry it forever


def test_a_second_writer_is_refused(small: Path, tmp_path: Path) -> None:
    from dateline.errors import SettingsError

    with batch.locked(tmp_path), pytest.raises(SettingsError, match="another dateline batch"):
        compact(tmp_path)


_CHILD = """
import sys
from dateline.scale.batch import compact, run_batch
from dateline.settings import Settings
import datetime as dt
step, inputs, output = sys.argv[1:]
if step == "batch":
    list(run_batch([inputs], output, settings=Settings(today=dt.date(2016, 6, 1), batch_size=4), workers=1))
else:
    compact(output)
"""


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_kill_9_of_batch_and_compact_processes_then_resume(small: Path, clean: list[str], tmp_path: Path,
                                                           seed: int) -> None:  # fmt: skip
    """Real processes killed with SIGKILL at random moments, in a random interleaving, then run to the end."""
    rng = random.Random(seed)
    output = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}

    log = tmp_path / "child.log"

    def child(step: str, *, wait: float | None) -> int | None:
        """Run one step in a child process; kill it with SIGKILL after `wait` s (None: let it end)."""
        output.mkdir(exist_ok=True)
        with open(log, "wb") as err, subprocess.Popen(
            [sys.executable, "-c", _CHILD, step, str(small), str(output)], env=env,
            stdout=subprocess.DEVNULL, stderr=err,
        ) as process:  # fmt: skip
            try:
                return process.wait(timeout=wait if wait is not None else 600)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return None

    for _ in range(4):
        child(rng.choice(["batch", "batch", "compact"]), wait=rng.uniform(0.5, 12.0))
    for step in ("batch", "compact"):
        assert child(step, wait=None) == 0, log.read_text()
    assert rows(output) == clean

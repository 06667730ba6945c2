"""Worker processes die with their parent: `dateline ingest` killed with SIGKILL leaves no worker
holding a model's memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.scale.workers import die_with_parent

REPO = Path(__file__).resolve().parents[2]
STORY = (
    "Ministers meet ({i})\n\nVIENNA, March {day}. - The Austrian foreign minister met his Hungarian "
    "counterpart on March {day} and said the two governments would sign a trade agreement."
)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _workers(pid: int) -> list[int]:
    return [p for p in _children(pid) if b"spawn_main" in _cmdline(p)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _wait(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_workers_die_when_ingest_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:02d}.txt").write_text(STORY.format(i=i, day=1 + i % 27))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "DATELINE_BATCH_SIZE": "2"}
    parent = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dateline",
            "ingest",
            str(folder),
            "--db",
            str(tmp_path / "news.db"),
            "--workers",
            "2",
            "--no-progress",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        assert _wait(lambda: len(_workers(parent.pid)) == 2, 120), "the pool's two workers never started"
        workers = _workers(parent.pid)
        # let them load the model (the kernel's death signal is armed before that, at their start)
        _wait(lambda: all(_rss_mb(p) > 150 for p in workers), 60)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert _wait(lambda: not any(_alive(p) for p in workers), 10), "workers outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in workers:  # orphans of a failed run must not outlive the test
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_process_whose_parent_is_already_gone_exits_at_once() -> None:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: claims a parent that is not its own, so must exit with status 1
        os.close(reader)
        try:
            die_with_parent(os.getppid() + 10**6)
        finally:
            os.write(writer, b"survived")
            os._exit(0)
    os.close(writer)
    _, status = os.waitpid(pid, 0)
    assert os.read(reader, 100) == b""
    os.close(reader)
    assert os.waitstatus_to_exitcode(status) == 1

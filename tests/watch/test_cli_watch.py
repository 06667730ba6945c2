"""The watch commands' arguments and messages, and the order in which hosts take turns (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import Store
from dateline.store.watching import WatchPage
from dateline.watch.cycle import _by_host_in_turn


@pytest.mark.parametrize("every", ["0", "15x", "-5m", "m"])
def test_every_must_be_a_duration(tmp_path: Path, every: str) -> None:
    result = CliRunner().invoke(cli, ["watch", "https://a.example/rss", "--db", str(tmp_path / "n.db"),
                                      "--every", every])  # fmt: skip
    assert result.exit_code == 2 and "not a duration" in result.output


def test_watch_names_a_missing_sources_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "sources.txt")
    result = CliRunner().invoke(cli, ["watch", missing, "--db", str(tmp_path / "n.db"), "--once"])
    assert result.exit_code == 1 and missing in result.output and "cannot be read" in result.output


def test_sources_of_a_store_never_watched(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    Store.open(db).close()
    result = CliRunner().invoke(cli, ["sources", "--db", db])
    assert result.exit_code == 0 and "no sources watched yet" in result.output


def test_hosts_take_turns() -> None:
    urls = ["https://a.example/1", "https://a.example/2", "https://a.example/3", "https://b.example/1",
            "http://a.example/1", "https://b.example/2"]  # fmt: skip
    pages = [WatchPage(url, "feed", "pending", 0) for url in urls]
    assert [page.url for page in _by_host_in_turn(pages)] == [
        "https://a.example/1", "https://b.example/1", "http://a.example/1",
        "https://a.example/2", "https://b.example/2", "https://a.example/3",
    ]  # fmt: skip

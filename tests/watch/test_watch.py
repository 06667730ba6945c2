"""`dateline watch` against the local test site: two cycles (everything stored, then only 304s), and a
watch killed with SIGKILL mid-cycle and started again ending with the store of an uninterrupted one."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import dateline
from dateline.cli import cli
from dateline.settings import Settings
from dateline.store import Store
from dateline.watch import CycleReport, Fetcher, FetchOptions, WatchOptions, read_sources, watch

TODAY = "2026-11-29"
SETTINGS = Settings(today=dt.date.fromisoformat(TODAY))
FETCH = {"delay": 0.0, "timeout": 1.0, "retries": 1}
BATCH = 2
LISTINGS = ["/rss.xml", "/atom.xml", "/sitemap-index.xml", "/sitemap-news.xml"]
PAGES = ["/news/harbour.html", "/news/rail.html", "/news/dam.html", "/news/gate.html", "/old/fishing.html",
         "/news/fishing.html", "/news/monitors.html", "/news/rail-copy.html", "/files/report.pdf"]  # fmt: skip


def snapshot(db: str) -> dict[str, Any]:
    """What a watch leaves in a store, without the times."""
    with Store.open(db, readonly=True) as store:
        state = store.watch_state()
        return {
            "articles": sorted((a.id, a.origin.get("url"), a.source) for a in store.articles(limit=None)),
            "pages": [
                (p.url, p.source_url, p.state, p.attempts, p.article_id, p.reason, p.outlet, p.final_url)
                for p in state.pages()
            ],  # fmt: skip
            "sources": [
                (
                    s.source.url,
                    s.source.outlet,
                    s.source.parent,
                    s.source.kind,
                    s.source.etag,
                    s.source.last_modified,
                    s.source.status,
                    s.source.error,
                    s.articles,
                    s.waiting,
                    s.failed,
                )
                for s in state.sources()
            ],  # fmt: skip
            "failures": sorted((f.path, f.reason, f.count) for f in store.failures()),
        }


@dataclass
class Baseline:
    db: str
    sources: str
    reports: list[CycleReport]
    counts: Counter[str]
    log: list[tuple[str, dict[str, str], int]]
    snapshot: dict[str, Any]


@pytest.fixture(scope="module")
def baseline(site, nlp, tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    """Two uninterrupted cycles in this process (the waits between tries and cycles not slept)."""
    site.reset()
    folder = tmp_path_factory.mktemp("watch")
    sources = site.sources_file(folder)
    db = str(folder / "news.db")
    reports: list[CycleReport] = []
    waits: list[float] = []
    with Store.open(db) as store, Fetcher(FetchOptions(**FETCH), sleep=waits.append) as fetcher:
        watch(store, read_sources([sources]), every=900, cycles=2, settings=SETTINGS,
              options=WatchOptions(batch_size=BATCH), fetcher=fetcher, progress=reports.append,
              sleep=waits.append)  # fmt: skip
    return Baseline(db, sources, reports, site.counts(), list(site.log), snapshot(db))


@pytest.mark.slow
def test_first_cycle_stores_every_article(baseline: Baseline, site) -> None:
    first = baseline.reports[0]
    assert (first.sources, first.not_modified, first.source_failures) == (4, 0, 0)
    # rss: 5 URLs (the tracked copy of one is the same URL), atom: 4, news sitemap: 2 not seen before
    assert (first.found, first.fetched, first.added, first.duplicates, first.failed) == (11, 7, 6, 1, 4)
    articles = baseline.snapshot["articles"]
    assert len(articles) == 6
    by_url = {url.removeprefix(site.base): outlet for _, url, outlet in articles}
    assert by_url == {
        "/news/harbour.html": "Baltic Wire", "/news/rail.html": "Baltic Wire", "/news/dam.html": "Lake Post",
        "/news/gate.html": "Lake Post", "/news/fishing.html": "Lake Post", "/news/monitors.html": "Southern Herald",
    }  # fmt: skip
    states = {url.removeprefix(site.base): (state, reason) for url, _, state, _, _, reason, _, _ in
              baseline.snapshot["pages"]}  # fmt: skip
    slow_state, slow_reason = states.pop("/news/slow.html")
    assert slow_state == "retry" and slow_reason.startswith("timed out")
    assert states == {
        "/news/harbour.html": ("stored", None),
        "/news/rail.html": ("stored", None),
        "/news/broken.html": ("retry", "answered HTTP 500 (2 tries)"),
        "/private/memo.html": ("failed", "robots.txt forbids fetching it (dateline obeys robots.txt)"),
        "/news/dam.html": ("stored", None),
        "/news/gate.html": ("stored", None),
        "/old/fishing.html": ("stored", None),
        "/files/report.pdf": ("failed", "is not an HTML page (Content-Type: application/pdf)"),
        "/news/monitors.html": ("stored", None),
        "/news/rail-copy.html": ("duplicate", None),
    }
    assert {path.removeprefix(site.base) for path, _, _ in baseline.snapshot["failures"]} == {
        "/news/slow.html", "/news/broken.html", "/private/memo.html", "/files/report.pdf"
    }  # fmt: skip


@pytest.mark.slow
def test_second_cycle_sends_conditional_requests_and_stores_nothing(baseline: Baseline) -> None:
    second = baseline.reports[1]
    assert (second.sources, second.not_modified, second.found, second.fetched, second.added, second.failed) == (
        4, 4, 0, 0, 0, 0
    )  # fmt: skip
    for path in LISTINGS:
        (plain, first_status), (conditional, second_status) = [
            (headers, status) for logged, headers, status in baseline.log if logged == path
        ]
        assert first_status == 200 and second_status == 304
        assert "if-none-match" not in plain and "if-modified-since" not in plain
        assert conditional.get("if-none-match") or conditional.get("if-modified-since")
    assert all(baseline.counts[path] == 1 for path in PAGES)
    assert baseline.counts["/news/slow.html"] == baseline.counts["/news/broken.html"] == 2  # one retry each
    assert baseline.counts["/robots.txt"] == 1 and "/private/memo.html" not in baseline.counts
    assert all(headers["user-agent"].startswith("dateline/") for _, headers, _ in baseline.log)


def watch_command(sources: str, db: str) -> list[str]:
    return [sys.executable, "-m", "dateline", "watch", sources, "--db", db, "--once", "--delay", "0",
            "--timeout", "1", "--retries", "1", "--batch-size", str(BATCH), "--today", TODAY, "--workers", "1"]  # fmt: skip


def child_env() -> dict[str, str]:
    """This process's environment, this dateline first on the path, and no proxy (only 127.0.0.1 is asked)."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    src = str(Path(dateline.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


@pytest.mark.slow
def test_killed_watch_restarted_ends_as_an_uninterrupted_one(
    baseline: Baseline, site, tmp_path: Path
) -> None:
    site.reset()
    site.gate_armed.set()  # /news/gate.html waits: the watch is killed while fetching it
    db = str(tmp_path / "news.db")
    writer = subprocess.Popen(watch_command(baseline.sources, db), stderr=subprocess.DEVNULL, env=child_env())
    try:
        reached = site.gate_hit.wait(300)
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        site.gate_armed.clear()
        site.gate_open.set()
    assert reached and writer.returncode == -signal.SIGKILL
    with Store.open(db, readonly=True) as store:
        states = Counter(page.state for page in store.watch_state().pages())
        assert store.count() == 2  # harbour and rail, coded after the first batch of two pages
    assert states["fetched"] == 1 and states["pending"] == 5  # dam fetched, not coded; 5 never asked
    first = dict(site.counts())

    rerun = subprocess.run(watch_command(baseline.sources, db), capture_output=True, text=True, timeout=600,
                           env=child_env(), check=False)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert (
        "cycle 1: 4 sources checked (4 not modified, 0 failed), 0 new links, 4 pages fetched, 4 new articles"
        in rerun.stderr
    )
    assert snapshot(db) == baseline.snapshot

    # no page fetched twice, except the one whose answer never came; robots.txt read again by the new process
    total = site.counts()
    expected = Counter(baseline.counts)
    expected.update({"/robots.txt": 1, "/news/gate.html": 1})
    assert total == expected
    assert total["/news/dam.html"] == first["/news/dam.html"] == 1


@pytest.mark.slow
def test_sources_command_lists_each_source(baseline: Baseline, site) -> None:
    result = CliRunner(env={"COLUMNS": "250"}).invoke(cli, ["sources", "--db", baseline.db])
    assert result.exit_code == 0, result.output
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in result.output.splitlines()
            if site.base in line]  # fmt: skip
    table = {row[0]: (row[1], row[3], row[5], row[6], row[7]) for row in rows}
    assert table == {  # outlet, status, articles, waiting (slow and broken, to retry), failed
        site.url("/atom.xml"): ("Lake Post", "304", "3", "0", "1"),
        site.url("/rss.xml"): ("Baltic Wire", "304", "2", "2", "1"),
        site.url("/sitemap-index.xml"): ("", "304", "0", "0", "0"),
        site.url("/sitemap-news.xml"): ("", "304", "1", "0", "0"),
    }


@pytest.mark.slow
def test_all_news_shows_outlet_and_first_seen(baseline: Baseline) -> None:
    from starlette.testclient import TestClient

    from dateline.web.app import create_app

    with TestClient(create_app(baseline.db), base_url="http://localhost") as client:
        page = client.get("/").text
    assert "Southern Herald" in page and "Lake Post" in page
    assert page.count("first seen") == 6


@pytest.mark.slow
def test_a_cycle_on_postgres_stores_what_sqlite_does(baseline: Baseline, site, store_url: str) -> None:
    if not store_url.startswith("postgresql"):
        pytest.skip("SQLite is the baseline's own store")
    site.reset()
    with Store.open(store_url) as store, Fetcher(FetchOptions(**FETCH), sleep=lambda s: None) as fetcher:
        watch(store, read_sources([baseline.sources]), cycles=1, settings=SETTINGS,
              options=WatchOptions(batch_size=BATCH), fetcher=fetcher)  # fmt: skip
    found = snapshot(store_url)
    assert found["articles"] == baseline.snapshot["articles"]
    assert found["pages"] == baseline.snapshot["pages"]
    assert found["failures"] == baseline.snapshot["failures"]

"""Ingest into a store: counts, cheap re-runs, failures recorded, duplicates clustered, and a run killed
with SIGKILL and restarted ending exactly as an uninterrupted one (on both backends)."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import Document, read_paths
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.ingest import IngestReport, document_id, ingest

TODAY = "2026-11-29"
SETTINGS = Settings(today=__import__("datetime").date.fromisoformat(TODAY))

# Invented stories: (capital, country A, country B, weekday, topic).
STORIES = [
    ("Vienna", "Austria", "Hungary", "Monday", "the reopening of a border crossing"),
    ("Lisbon", "Portugal", "Morocco", "Tuesday", "a new ferry line across the strait"),
    ("Oslo", "Norway", "Finland", "Wednesday", "fishing quotas in the northern sea"),
    ("Nairobi", "Kenya", "Uganda", "Thursday", "a railway to the lake ports"),
    ("Lima", "Peru", "Chile", "Friday", "water rights in the desert valleys"),
    ("Hanoi", "Vietnam", "Laos", "Saturday", "power lines from the mountain dams"),
    ("Dublin", "Ireland", "Iceland", "Sunday", "a joint weather research station"),
    ("Accra", "Ghana", "Togo", "Monday", "customs checks on the coastal road"),
    ("Manila", "Philippines", "Indonesia", "Tuesday", "patrols against piracy"),
]


def story(n: int) -> tuple[str, str]:
    """The headline and body of invented story `n`."""
    capital, a, b, weekday, topic = STORIES[n % len(STORIES)]
    headline = f"{a} and {b} agree to talk about {topic}"
    body = (
        f"{capital.upper()}, March {n % 27 + 1}. - The foreign minister of {a} met his counterpart from {b} "
        f"on {weekday} to discuss {topic}, the ministry said.\n\n"
        f"Officials of {a} said the government would send a delegation to {b} next month. "
        f"{b} accused {a} of delaying the project for years, but both sides promised to sign an agreement "
        f"before the end of the year (story {n}).\n\n"
        f"Police in {capital} arrested three protesters outside the ministry during the meeting."
    )
    return headline, body


def html_page(headline: str, body: str, *, nav: str, footer: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{headline}</title></head><body><nav>{nav}</nav>"
        f"<article><h1>{headline}</h1>{paragraphs}</article><footer>{footer}</footer></body></html>"
    )


def write_rss(path: Path, numbers: list[int]) -> None:
    items = ""
    for n in numbers:
        headline, body = story(n)
        html = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        items += (
            f"<item><title>{headline}</title><link>https://rss.example/{n}</link>"
            f"<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate>"
            f"<content:encoded><![CDATA[{html}]]></content:encoded></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>RSS Daily</title>'
        f"<link>https://rss.example/</link>{items}</channel></rss>",
        encoding="utf-8",
    )


def write_atom(path: Path, numbers: list[int]) -> None:
    entries = ""
    for n in numbers:
        headline, body = story(n)
        html = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in body.split("\n\n"))
        entries += (
            f"<entry><title>{headline}</title><link href='https://atom.example/{n}'/>"
            f"<id>urn:atom:{n}</id><updated>2026-03-02T10:00:00Z</updated>"
            f"<content type='html'>{html}</content></entry>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atom Daily</title><id>urn:atom</id><updated>2026-03-02T10:00:00Z</updated>{entries}</feed>",
        encoding="utf-8",
    )


def write_warc(path: Path, numbers: list[int]) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in numbers:
            headline, body = story(n)
            page = html_page(headline, body, nav="Home | World", footer="Copyright").encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://warc.example/{n}",
                "response",
                payload=io.BytesIO(page),
                length=len(page),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-03-02T10:00:00Z"},
            )
            writer.write_record(record)


def small_folder(root: Path) -> Path:
    """Three text stories, an RSS and an Atom feed (two items each), a WARC (two pages), two bad files."""
    folder = root / "inputs"
    folder.mkdir()
    for n in range(3):
        headline, body = story(n)
        (folder / f"story{n}.txt").write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    write_rss(folder / "news.rss", [3, 4])
    write_atom(folder / "news.atom", [5, 6])
    write_warc(folder / "crawl.warc.gz", [7, 8])
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.bin").write_bytes(bytes(range(256)) * 8)
    return folder


def test_ingest_counts_reruns_and_failures(store: Store, tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    seen: list[IngestReport] = []
    report = ingest(
        [folder, tmp_path / "missing"], store, settings=SETTINGS, batch_size=4, progress=seen.append
    )
    assert (report.inputs, report.read, report.coded, report.added) == (8, 9, 9, 9)
    assert report.duplicates == 0 and report.failed == 3
    assert report.events == sum(len(a.events) for a in store.articles(limit=None)) > 0
    assert store.count() == 9
    assert [r.coded for r in seen] == sorted(r.coded for r in seen) and seen[-1].added == 9
    failures = {f.path: f.reason for f in store.failures()}
    assert set(failures) == {str(folder / "empty.txt"), str(folder / "image.bin"), str(tmp_path / "missing")}
    assert "no text" in failures[str(folder / "empty.txt")]
    origins = {a.origin.get("url") for a in store.articles(limit=None)}
    assert {"https://rss.example/3", "https://atom.example/6", "https://warc.example/8"} <= origins

    again = ingest([folder], store, settings=SETTINGS)
    assert (again.read, again.coded, again.added, again.duplicates, again.events) == (9, 0, 0, 9, 0)
    assert store.count() == 9
    assert {f.path: f.count for f in store.failures()}[str(folder / "empty.txt")] == 2


def test_ingest_same_document_twice_in_one_run(store: Store, tmp_path: Path) -> None:
    headline, body = story(0)
    for name in ("a.txt", "copy-of-a.txt"):
        (tmp_path / name).write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    report = ingest([tmp_path], store, settings=SETTINGS)
    assert (report.read, report.added, report.duplicates) == (2, 1, 1)
    assert store.count() == 1


def test_same_story_from_two_outlets_is_one_cluster(store: Store, tmp_path: Path) -> None:
    headline, body = story(1)
    pages = {
        "outlet-a.html": html_page(
            headline,
            body + "\n\nSubscribe to our newsletter for more stories like this one.",
            nav="Home | World | Politics | Sport",
            footer="Outlet A, all rights reserved",
        ),
        "outlet-b.html": html_page(
            headline,
            "Reporting by our correspondents, edited by the foreign desk.\n\n" + body,
            nav="Front page | Opinion | Weather",
            footer="(c) Outlet B Media Group",
        ),
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    (tmp_path / "other.txt").write_text("\n\n".join(story(4)), encoding="utf-8")
    report = ingest([tmp_path], store, settings=SETTINGS)
    assert report.added == 3
    (members,) = store.clusters(min_size=2).values()
    paths = {store.article(article_id).origin["path"] for article_id in members}
    assert paths == {str(tmp_path / name) for name in pages}


def test_ingest_rejects_a_bad_batch_size(store: Store) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        ingest([], store, batch_size=0)


# The done-when test: ~480 real articles in one folder, killed mid-run and restarted.

SCRAPINGHUB = Path("data/peer/scrapinghub-article-extraction-benchmark/html")
BBC = Path("data/peer/bbc-news-greene2006/bbc")
BBC_TOPICS = ("business", "entertainment", "politics", "sport", "tech")


def mixed_folder(shared: Path, target: Path, *, pages: int | None = None, per_topic: int = 60) -> Path:
    """The benchmark's HTML pages, BBC stories, an RSS and an Atom feed and a WARC, in one folder."""
    target.mkdir(parents=True)
    html = sorted((shared / SCRAPINGHUB).iterdir())[:pages]
    for page in html:
        shutil.copyfile(page, target / page.name)
    for topic in BBC_TOPICS:
        for text in sorted((shared / BBC / topic).glob("*.txt"))[:per_topic]:
            shutil.copyfile(text, target / f"bbc-{topic}-{text.name}")
    write_rss(target / "feed.rss", [0, 1, 2])
    write_atom(target / "feed.atom", [3, 4, 5])
    write_warc(target / "crawl.warc.gz", [6, 7, 8])
    return target


def contents(store: Store) -> dict[str, int]:
    """Article id -> number of events: what must not differ between runs."""
    return {a.id: len(a.events) for a in store.articles(limit=None)}


def ids_in(folder: Path) -> set[str]:
    """The ids of the articles the readable documents under `folder` will have (nothing coded)."""
    return {document_id(d, settings=SETTINGS) for d in read_paths([folder]) if isinstance(d, Document)}


def ingest_command(folder: Path, url: str, *more: str) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", url, "--no-progress",
            "--today", TODAY, *more]  # fmt: skip


def kill_and_resume(folder: Path, url: str, *, after: int) -> subprocess.CompletedProcess[str]:
    """Run `dateline ingest`, SIGKILL it once the store holds `after` articles, then run it to the end."""
    Store.open(url).close()  # create the store, so that it can be watched read-only
    writer = subprocess.Popen(ingest_command(folder, url, "--batch-size", "10"), stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        with Store.open(url, readonly=True) as watcher:
            while watcher.count() < after and writer.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    with Store.open(url, readonly=True) as watcher:
        assert after <= watcher.count()
    return subprocess.run(
        ingest_command(folder, url), capture_output=True, text=True, timeout=600, check=False
    )


def share(folder: Path, target: Path, *, step: int) -> Path:
    """Every `step`-th file of `folder`, and its feeds and WARC, copied into `target`."""
    target.mkdir()
    built = [folder / "feed.rss", folder / "feed.atom", folder / "crawl.warc.gz"]
    for path in {*sorted(folder.iterdir())[::step], *built}:
        shutil.copyfile(path, target / path.name)
    return target


@pytest.fixture(scope="module")
def baseline(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The mixed folder, and what one uninterrupted `dateline ingest` of it stores (run twice)."""
    folder = mixed_folder(shared, tmp_path_factory.mktemp("mixed") / "news")
    url = str(tmp_path_factory.mktemp("baseline") / "news.db")
    first = subprocess.run(
        ingest_command(folder, url), capture_output=True, text=True, timeout=900, check=False
    )
    assert first.returncode == 0, first.stderr
    with Store.open(url, readonly=True) as store:
        stored = contents(store)
        origins = {Path(a.origin.get("path", "")).name for a in store.articles(limit=None)}
    assert len(stored) > 450 and set(stored) == ids_in(folder)
    assert {"feed.rss", "feed.atom", "crawl.warc.gz"} <= origins
    again = subprocess.run(
        ingest_command(folder, url), capture_output=True, text=True, timeout=600, check=False
    )
    assert again.returncode == 0 and "0 articles added" in again.stderr, again.stderr
    with Store.open(url, readonly=True) as store:
        assert contents(store) == stored
    return folder, stored


@pytest.mark.slow
@pytest.mark.shared
def test_killed_ingest_resumes_to_the_same_store(
    baseline: tuple[Path, dict[str, int]], store_url: str, tmp_path: Path
) -> None:
    """Half of the inputs on SQLite, a quarter on PostgreSQL, to keep the suite's time down."""
    folder, uninterrupted = baseline
    part = share(folder, tmp_path / "part", step=2 if store_url.endswith(".db") else 4)
    expected = {id_: uninterrupted[id_] for id_ in ids_in(part)}
    finished = kill_and_resume(part, store_url, after=30)
    assert finished.returncode == 0, finished.stderr
    with Store.open(store_url, readonly=True) as store:
        assert contents(store) == expected
        assert store.count() == len(expected)

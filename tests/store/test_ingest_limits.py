"""`dateline ingest` over a folder of every input that used to crash a run, take gigabytes or lose text
silently, next to good stories: every good story is stored, each bad input is exactly one recorded
failure, and the ingest process never passes 1.5 GB of memory (its peak RSS, read with getrusage)."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import resource
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import InputError
from dateline.records import Article
from dateline.store import Store
from dateline.store.ingest import IngestReport, _commit

REPO = Path(__file__).resolve().parents[2]
PEAK_LIMIT_MB = 1536

# Invented stories: (city, country A, country B, weekday)
PLACES = [
    ("Vienna", "Austria", "Hungary", "Monday"),
    ("Lisbon", "Portugal", "Morocco", "Tuesday"),
    ("Oslo", "Norway", "Finland", "Wednesday"),
    ("Nairobi", "Kenya", "Uganda", "Thursday"),
    ("Lima", "Peru", "Chile", "Friday"),
    ("Hanoi", "Vietnam", "Laos", "Saturday"),
    ("Dublin", "Ireland", "Iceland", "Sunday"),
    ("Accra", "Ghana", "Togo", "Monday"),
    ("Manila", "Philippines", "Indonesia", "Tuesday"),
]


def story(i: int) -> str:
    city, a, b, day = PLACES[i % len(PLACES)]
    return (
        f"{a} and {b} talk ({i})\n\n{city.upper()}, May {2 + i}. - The foreign minister of {a} met the prime "
        f"minister of {b} in {city} on {day} to discuss trade, the ministry said in statement number {i}."
    )


def page(i: int, body: str) -> bytes:
    return f"<html><head><title>Talks {i}</title></head><body>{body}</body></html>".encode()


def warc(bodies: list[bytes]) -> bytes:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=False)
    for i, body in enumerate(bodies):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/{i}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
            )
        )
    return stream.getvalue()


def gzip_bomb() -> bytes:
    """About 2 MB of gzip (33 members of 64 MiB of one letter each) inflating to 2.2 GB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"a" * (1 << 20)
    member = b"".join(packer.compress(block) for _ in range(64)) + packer.flush()
    return member * 33


def build(folder: Path) -> tuple[set[str], set[str]]:
    """Write the inputs; return (the names of the good stories, the paths of the bad inputs)."""
    folder.mkdir()
    good: set[str] = set()
    bad: set[str] = set()

    def write(name: str | bytes, data: bytes) -> str:
        path = os.path.join(os.fsencode(folder), name) if isinstance(name, bytes) else str(folder / name)
        with open(path, "wb") as file:
            file.write(data)
        return os.fsdecode(path)

    for i in range(3):
        write(f"good-{i}.txt", story(i).encode())
        good.add(f"good-{i}")
    write("good-3.html", page(3, "".join(f"<p>{p}</p>" for p in story(3).split("\n\n"))))
    good.add("good-3")
    # a story over a million characters: stored cut, the cut recorded
    long = "\n\n".join([story(4)] + [" ".join([story(4).split("\n\n")[1]] * 6)] * 1_600)
    bad.add(write("long.txt", long.encode()))
    good.add("good-4")
    # a 2 MB gzip bomb
    bad.add(write("bomb.txt.gz", gzip_bomb()))
    # a page with 50,000 links
    links = "".join(f'<li><a href="/s/{n}">Item {n}</a></li>' for n in range(50_000))
    bad.add(write("links.html", page(99, f"<p>Index</p><ul>{links}</ul>")))
    # HTML nested 100,000 levels deep: its text is still read
    write(
        "deep.html", page(5, "<div>" * 100_000 + f"<p>{story(5).split(chr(10))[-1]}</p>" + "</div>" * 100_000)
    )
    good.add("good-5")
    # JSONL: a good line, a line nested 100,000 levels deep, a line with a lone surrogate
    lines = [
        json.dumps({"text": story(6)}),
        '{"text": "deep", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"text": story(7) + " \ud800"}),  # json.dumps writes the escape \\ud800
    ]
    deep_jsonl = write("lines.jsonl", "\n".join(lines).encode())
    bad.add(f"{deep_jsonl}:2")
    good.update({"good-6", "good-7"})
    # a WARC archive whose second record is cut short
    whole = warc(
        [page(8, f"<p>{story(8).split(chr(10))[-1]}</p>"), page(98, "<p>" + "Cut text. " * 400 + "</p>")]
    )
    write("cut.warc", whole[: len(whole) - 2000])
    bad.add("https://news.example/1")
    good.add("good-8")
    # UTF-16 without a BOM
    write("utf16.txt", story(9).encode("utf-16-le"))
    good.add("good-9")
    # a file name that is not UTF-8
    write(b"caf\xe9.txt", story(10).encode())
    good.add("good-10")
    # a FIFO and a symbolic link to itself
    os.mkfifo(folder / "pipe")
    bad.add(str(folder / "pipe"))
    (folder / "loop").symlink_to(folder / "loop")
    bad.add(str(folder / "loop"))
    return good, bad


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="FIFOs, byte file names and ru_maxrss in KiB are Linux's")
def test_every_bad_input_is_one_failure_and_memory_stays_bounded(tmp_path: Path) -> None:
    good, bad = build(tmp_path / "inputs")
    db = tmp_path / "news.db"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dateline",
            "ingest",
            str(tmp_path / "inputs"),
            "--db",
            str(db),
            "--no-progress",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    with Store.open(str(db), readonly=True) as store:
        articles = list(store.articles(limit=None))
        failures = store.failures()
    assert sorted(f"good-{n}" for a in articles for n in _number(a.text)) == sorted(good)
    assert sorted(f.path for f in failures) == sorted(bad)
    assert all(f.count == 1 for f in failures)
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert "only the first" in reasons["long.txt"] and "inflates to more than" in reasons["bomb.txt.gz"]
    assert "holds 50000 links" in reasons["links.html"] and "nested deeper" in reasons["lines.jsonl:2"]
    assert "truncated WARC record" in reasons["1"] and "FIFO" in reasons["pipe"]
    assert "loops" in reasons["loop"]
    assert any(a.origin.get("path", "").endswith("caf\\xe9.txt") for a in articles)
    assert peak_mb < PEAK_LIMIT_MB, f"peak RSS {peak_mb:.0f} MB"


def _number(text: str) -> set[str]:
    """The story numbers a text names ("statement number 7")."""
    words = text.replace(".", " ").split()
    return {
        words[i + 2] for i, word in enumerate(words[:-2]) if word == "statement" and words[i + 1] == "number"
    }


def test_an_article_that_cannot_be_stored_is_a_failure_and_the_batch_goes_in(
    tmp_path: Path, wire_a: Article, other: Article
) -> None:
    broken = dataclasses.replace(other, text=other.text + " \ud800", origin={"path": "bad\udce9.txt"})
    report = IngestReport()
    failures: list[InputError] = []
    with Store.open(str(tmp_path / "news.db")) as store:
        _commit(store, [wire_a, broken], failures, report)
        assert store.count() == 1 and store.has(wire_a.id) and not store.has(broken.id)
        (failure,) = store.failures()
    assert (report.added, report.failed, report.duplicates) == (1, 1, 0)
    assert failure.path == "bad\\xe9.txt" and failure.reason.startswith(
        "cannot be stored: UnicodeEncodeError"
    )

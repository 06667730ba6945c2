"""Small made-up wire stories for the scale-out tests, written as shards of every kind."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from dateline.settings import Settings

# (dateline city, one side, the other side)
SIDES = [
    ("MOSCOW", "Russian", "Turkish"),
    ("KYIV", "Ukrainian", "Polish"),
    ("ANKARA", "Turkish", "Greek"),
    ("BERLIN", "German", "French"),
    ("CAIRO", "Egyptian", "Israeli"),
]
TODAY = dt.date(2016, 6, 1)


def story(i: int) -> str:
    """The i-th made-up story: a meeting, a promise, a quote and an arrest, on dates that vary with i."""
    city, a, b = SIDES[i % len(SIDES)]
    day = 1 + i % 27
    return (
        f"{a} and {b} ministers meet ({i})\n\n"
        f"{city}, March {day}. - The {a} foreign minister met his {b} counterpart on March {day} and said the "
        f'two governments would sign a trade agreement. "We will cooperate," the {a} minister told reporters.\n\n'
        f"{a} police arrested {3 + i} protesters near the {b} embassy on Tuesday. "
        f"The {b} government condemned the arrests."
    )


def undated_story(i: int) -> str:
    """A story with no dateline and no date anywhere: its events have no date."""
    return f"Talks go on ({i})\n\nThe Greek government criticised the Turkish government over the border dispute."


@pytest.fixture(scope="session")
def stories() -> list[str]:
    """Forty made-up stories (see `story`)."""
    return [story(i) for i in range(40)]


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(today=TODAY, batch_size=8)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four shards, 34 stories and one unreadable file: two JSONL files, one .jsonl.gz, one text folder."""
    root = tmp_path_factory.mktemp("corpus")

    def record(i: int) -> str:
        published = f"2016-03-{2 + i % 27:02d}" if i % 5 else None
        return json.dumps({"text": story(i), "url": f"https://news.example/{i}", "published": published})

    (root / "a.jsonl").write_text("".join(record(i) + "\n" for i in range(0, 10)), encoding="utf-8")
    (root / "b.jsonl").write_text("".join(record(i) + "\n" for i in range(10, 20)), encoding="utf-8")
    (root / "c.jsonl.gz").write_bytes(
        gzip.compress("".join(record(i) + "\n" for i in range(20, 28)).encode())
    )
    folder = root / "texts"
    folder.mkdir()
    for i in range(28, 32):
        (folder / f"{i}.txt").write_text(story(i), encoding="utf-8")
    for i in range(2):
        (folder / f"undated-{i}.txt").write_text(undated_story(i), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return root

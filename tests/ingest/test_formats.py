"""Format dispatch: each format told from its content, gzip of any of them, and bad inputs as errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dateline.errors import BinaryInputError, EmptyInputError, InputError
from dateline.ingest import READERS, Document, read_bytes, read_paths

PAGE = (
    b"<!DOCTYPE html><html><head><title>Ministers meet</title></head><body><article>"
    b"<p>The foreign ministers of the two countries met on Wednesday to discuss the region.</p>"
    b"<p>They agreed to continue the talks next month, the ministry said.</p></article></body></html>"
)
FEED = (
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
    b"<item><title>One</title><link>https://w.example/1</link><description>Item one text.</description></item>"
    b"<item><title>Two</title><link>https://w.example/2</link><description>Item two text.</description></item>"
    b"</channel></rss>"
)
JSONL = (json.dumps({"text": "Line one text."}) + "\n" + json.dumps({"text": "Line two text."})).encode()
TEXT = b"MOSCOW, April 27. /TASS/. The talks went on.\n"
WARC = (
    b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://r.example/a.txt\r\n"
    b"WARC-Date: 2019-11-20T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 15\r\n\r\nResource text.\n\r\n\r\n"
)


def test_reader_order() -> None:
    assert [reader.name for reader in READERS] == ["gzip", "warc", "feed", "jsonl", "html", "text"]


@pytest.mark.parametrize(
    ("data", "texts"),
    [
        (PAGE, ["The foreign ministers"]),
        (FEED, ["Item one text.", "Item two text."]),
        (JSONL, ["Line one text.", "Line two text."]),
        (TEXT, ["MOSCOW, April 27."]),
        (WARC, ["Resource text."]),
    ],
)
@pytest.mark.parametrize("compress", [False, True])
def test_formats_are_told_from_content(data: bytes, texts: list[str], compress: bool) -> None:
    payload = gzip.compress(data) if compress else data
    documents = list(read_bytes(payload, name="input.bin"))
    assert all(isinstance(d, Document) for d in documents)
    assert len(documents) == len(texts)
    for document, start in zip(documents, texts, strict=True):
        assert isinstance(document, Document) and document.text.startswith(start)


def test_multi_member_gzip_is_read_whole() -> None:
    data = gzip.compress(b"First half of the story. ") + gzip.compress(b"Second half.")
    (document,) = read_bytes(data, name="story.txt.gz")
    assert isinstance(document, Document)
    assert document.text == "First half of the story. Second half."


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "empty.txt", EmptyInputError),
        (b"", "empty.html", EmptyInputError),
        (b"", "empty.jsonl", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.png", BinaryInputError),
        (b"\x00\x01\x02\x03" * 100, "page.html", BinaryInputError),
        (b"\x1f\x8b\x08\x00garbage", "broken.gz", InputError),
        (gzip.compress(b"Truncated story text that goes on.")[:-12], "cut.txt.gz", InputError),
        (gzip.compress(b""), "nothing.gz", EmptyInputError),
        (b"WARC/1.0\r\nnot a header\r\n\r\n", "bad.warc", InputError),
        (b"<rss><channel></channel></rss>", "empty.rss", InputError),
    ],
)
def test_bad_inputs_are_errors_not_tracebacks(
    tmp_path: Path, data: bytes, name: str, error: type[InputError]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = list(read_paths([path]))
    assert isinstance(item, error)
    assert str(path) in str(item)


def test_a_bad_line_in_a_batch_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(JSONL + b"\nnot json\n" + JSONL)
    (tmp_path / "b.txt").write_bytes(TEXT)
    items = list(read_paths([tmp_path]))
    assert [type(item).__name__ for item in items] == [
        "Document",
        "Document",
        "InputError",
        "Document",
        "Document",
        "Document",
    ]
    assert items[2].name == f"{tmp_path / 'a.jsonl'}:3"

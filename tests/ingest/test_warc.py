"""The WARC reader: pages out of response and resource records, plain and gzipped archives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import InputError
from dateline.ingest import Document, read_bytes, read_paths, warc

ARTICLE = (
    "<html><head><title>Ministers meet</title></head><body><article>"
    "<p>The foreign ministers of the two countries met on Wednesday to discuss the situation in the region.</p>"
    "<p>They agreed to continue the talks next month in the capital, the ministry said in a statement.</p>"
    "</article></body></html>"
)
DATED = ARTICLE.replace("<head>", '<head><meta property="article:published_time" content="2016-04-27">')


def response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    date: str = "2019-11-20T10:00:00Z",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def make_warc(path: Path, *, gzip: bool) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/1",
                "request",
                payload=io.BytesIO(request),
                length=len(request),
                warc_content_type="application/http; msgtype=request",
            )
        )
        response(writer, "https://a.example/1", ARTICLE.encode())
        response(writer, "https://a.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")
        response(
            writer,
            "https://a.example/missing",
            b"<html><body>Not found</body></html>",
            status="404 Not Found",
        )
        response(writer, "https://www.b.example/2", DATED.encode())
        response(writer, "https://a.example/empty", b"<html><body></body></html>")
        notes = b"Plain notes about the talks.\n"
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/notes.txt",
                "resource",
                payload=io.BytesIO(notes),
                length=len(notes),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": "2019-11-21T00:00:00Z"},
            )
        )
    return path


@pytest.mark.parametrize("gzip", [False, True])
def test_pages_come_out_with_url_and_date(tmp_path: Path, gzip: bool) -> None:
    path = make_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    items = list(read_bytes(path.read_bytes(), name=str(path)))
    documents = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [d.origin["url"] for d in documents] == [
        "https://a.example/1",
        "https://www.b.example/2",
        "https://a.example/notes.txt",
    ]
    first, second, notes = documents
    assert first.title == "Ministers meet"
    assert "continue the talks" in first.text
    assert first.published == "2019-11-20" and first.meta["published_from"] == "WARC-Date"
    assert first.origin["path"] == str(path)
    assert second.published == "2016-04-27"
    assert notes.text == "Plain notes about the talks.\n"
    assert notes.source == "a.example"
    assert [e.name for e in errors] == ["https://a.example/empty"]


def test_sniff() -> None:
    assert warc.sniff(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x")
    assert warc.sniff(b"WARC/1.1\r\n", "x")
    assert not warc.sniff(b"<html>", "x.warc")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"WARC/1.0\r\nthis is not a record header at all\r\n\r\n", "WARC"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n", "no HTML or text pages"),
    ],
)
def test_broken_or_pageless_archives_are_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    (error,) = list(read_paths([path]))
    assert isinstance(error, InputError)
    assert reason in str(error) and str(path) in str(error)

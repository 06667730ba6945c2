"""The JSON Lines reader: one article per line; a bad line is an error in its place, not the end."""

from __future__ import annotations

import json

import pytest

from dateline.errors import EmptyInputError, InputError
from dateline.ingest import Document, jsonl


def read(data: bytes, name: str = "news.jsonl") -> list[Document | InputError]:
    return list(jsonl.read(data, origin={"path": name}, name=name))


def line(**fields: object) -> str:
    return json.dumps(fields)


def test_fields_and_origin() -> None:
    data = line(
        text="MOSCOW, April 27. Talks went on.",
        url="https://t.example/1",
        title="Talks",
        published="2016-04-27T10:00:00+03:00",
        source="TASS",
        id=7,
    ).encode()
    (document,) = read(data)
    assert isinstance(document, Document)
    assert document.text == "MOSCOW, April 27. Talks went on."
    assert document.origin == {"path": "news.jsonl", "url": "https://t.example/1"}
    assert (document.title, document.published, document.source) == ("Talks", "2016-04-27", "TASS")
    assert document.meta == {"line": 1, "id": 7}


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        ({"body": "Body text."}, "text", "Body text."),
        ({"content": "Content text.", "text": ""}, "text", "Content text."),
        ({"text": "x", "headline": "A headline"}, "title", "A headline"),
        ({"text": "x", "date": "2020-02-29"}, "published", "2020-02-29"),
        ({"text": "x", "published_at": "2020-03-01 08:00:00"}, "published", "2020-03-01"),
        ({"text": "x", "date": "2019-02-29"}, "published", None),
        ({"text": "x", "date": "yesterday"}, "published", None),
        ({"text": "x", "site": "bbc.co.uk"}, "source", "bbc.co.uk"),
        (
            {"text": "x", "link": "https://l.example/"},
            "origin",
            {"path": "news.jsonl", "url": "https://l.example/"},
        ),
    ],
)
def test_field_spellings(fields: dict[str, str], attribute: str, expected: object) -> None:
    (document,) = read(json.dumps(fields).encode())
    assert getattr(document, attribute) == expected


def test_bad_lines_do_not_lose_their_siblings() -> None:
    data = "\n".join(
        [
            line(text="First article."),
            "{not json",
            "",
            line(title="No text here"),
            "[1, 2]",
            line(text="Last article."),
        ]
    ).encode()
    items = read(data)
    assert [type(item).__name__ for item in items] == [
        "Document",
        "InputError",
        "InputError",
        "InputError",
        "Document",
    ]
    assert [item.name for item in items if isinstance(item, InputError)] == [
        "news.jsonl:2",
        "news.jsonl:4",
        "news.jsonl:5",
    ]
    assert "has no text" in str(items[2])
    assert items[-1].meta["line"] == 6


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b'{"text": "x"}\n{"text": "y"}\n', "dump.txt", True),
        (b'\xef\xbb\xbf{"text": "x"}', "dump", True),
        (b"{broken", "dump.jsonl", True),
        (b"{broken", "dump.txt", False),
        (b"[1, 2]", "dump.json", False),
        (b"Plain text {with braces}.", "story.txt", False),
        (b"", "x.NDJSON.gz", True),
    ],
)
def test_sniff(data: bytes, name: str, expected: bool) -> None:
    assert jsonl.sniff(data, name) is expected


def test_empty_file_is_an_error() -> None:
    with pytest.raises(EmptyInputError, match="news.jsonl"):
        read(b"\n \n")

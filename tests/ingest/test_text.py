"""Plain text: encodings detected, binary and empty inputs refused with a clear error."""

from __future__ import annotations

import codecs

import pytest

from dateline.errors import BinaryInputError, EmptyInputError
from dateline.ingest.text import decode, read_text

STORY = "Türkiye’s envoy said “we will talk” — on Wednesday, in Moscow. Café 5€."


@pytest.mark.parametrize(
    "data,expected",
    [
        (STORY.encode("utf-8"), STORY),
        (codecs.BOM_UTF8 + STORY.encode("utf-8"), STORY),
        (STORY.encode("utf-16"), STORY),
        ("Café in Zürich, 10°C".encode("latin-1"), "Café in Zürich, 10°C"),
        (STORY.encode("cp1252"), STORY),
        (b"line one\r\nline two\rline three", "line one\nline two\nline three"),
    ],
)
def test_text_decode_encodings(data, expected):
    assert decode(data) == expected


def test_text_decode_damaged_utf8_keeps_the_rest():
    data = "Müller said “yes” in Köln and Zürich.".encode() + b"\xff" + b" Then he left."
    text = decode(data)
    assert "Müller" in text and "Zürich" in text and "Then he left." in text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
        bytes(range(32)) * 40,
    ],
)
def test_text_binary_refused(data):
    with pytest.raises(BinaryInputError) as info:
        decode(data, "photo.png")
    assert "photo.png" in str(info.value)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n"])
def test_text_empty_refused(data):
    with pytest.raises(EmptyInputError) as info:
        read_text(data, origin={"path": "empty.txt"}, name="empty.txt")
    assert "empty.txt" in str(info.value)

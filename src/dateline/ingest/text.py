"""Plain text: bytes in, `Document` out, whatever the encoding.

Encodings tried in order: a BOM (UTF-8, UTF-16), UTF-16 without a BOM (told from where its NUL bytes
fall: every other byte of ASCII text in UTF-16 is NUL), strict UTF-8, UTF-8 with a few stray bytes (kept as
U+FFFD when most of the file is valid multi-byte UTF-8), then Windows-1252, which also reads Latin-1 text
(the two differ only in 0x80-0x9F, where Latin-1 has control characters no news text uses).
"""

from __future__ import annotations

import codecs
import re

from dateline.errors import BinaryInputError, EmptyInputError
from dateline.ingest.document import Document

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# control characters that never occur in text (tab, newline, carriage return, form feed are fine)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def utf16_encoding(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the bytes are UTF-16 text without a BOM, else None.

    UTF-16 text holds NUL bytes on one side of its byte pairs only (the high byte of every ASCII
    character, space and digit), which binary data does not; the first 8 KiB must then decode strictly.
    """
    head = data[:8192]
    if len(head) < 4 or b"\x00" not in head:
        return None
    head = head[: len(head) // 2 * 2]
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= pairs // 10 and others <= pairs // 200:
            try:
                text = head.decode(encoding)
            except UnicodeDecodeError:
                # the 8 KiB may end inside a surrogate pair
                try:
                    text = head[:-2].decode(encoding)
                except UnicodeDecodeError:
                    return None
            if not _CONTROL_TEXT.search(text):
                return encoding
    return None


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode the bytes of a text file, detecting its encoding.

    name (str): how to name the input in an error.
    RETURNS (str): the text, with line endings normalised to "\\n".
    RAISES: BinaryInputError when the bytes are not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _newlines(data.decode(encoding, errors="replace"))
    utf16 = utf16_encoding(data)
    if utf16 is not None:
        return _newlines(data.decode(utf16, errors="replace"))
    if looks_binary(data):
        raise BinaryInputError(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_damaged_utf8(data)
    return _newlines(text)


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes or many control characters."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def _decode_damaged_utf8(data: bytes) -> str:
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    multibyte = sum(1 for ch in replaced if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte and bad <= max(2, multibyte // 10):
        return replaced
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, *, origin: dict[str, str], name: str, body_only: bool = False) -> Document:
    """Read plain-text bytes as one `Document`.

    RAISES: EmptyInputError when there is no text; BinaryInputError when the bytes are not text.
    """
    text = decode(data, name)
    if not text.strip():
        raise EmptyInputError(name)
    return Document(text=text, origin=origin, body_only=body_only)

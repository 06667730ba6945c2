"""Gzip: decompress, then read what is inside with whichever reader recognises it.

A gzipped WARC (`.warc.gz`, one gzip member per record) goes to the WARC reader as it is, which reads
it record by record without inflating the whole archive.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from dateline.errors import InputError
from dateline.ingest import warc
from dateline.ingest.document import Document

__all__ = ["read", "sniff", "MAX_INFLATED"]

_MAGIC = b"\x1f\x8b"
_PEEK = 4096
MAX_INFLATED = 2 * 1024**3  # a gzip file that inflates past this is refused (a "zip bomb")


def sniff(data: bytes, name: str) -> bool:
    """True when the bytes start with the gzip magic number."""
    return data[:2] == _MAGIC


def read(
    data: bytes, *, origin: dict[str, str], name: str, body_only: bool = False
) -> Iterator[Document | InputError]:
    """Yield the documents of the decompressed content, read by the reader that recognises it.

    RAISES: InputError when the gzip stream is damaged or inflates past MAX_INFLATED; whatever the
        inner reader raises.
    """
    from dateline.ingest import read_bytes  # the registry imports this module

    if warc.sniff(_peek(data, name=name), name):
        yield from warc.read(data, origin=origin, name=name, body_only=body_only)
        return
    yield from read_bytes(_inflate(data, name=name), name=name, origin=origin, body_only=body_only)


def _peek(data: bytes, *, name: str) -> bytes:
    """The first bytes of the decompressed content."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, _PEEK)
    except zlib.error as e:
        raise InputError(name, f"is a damaged gzip file: {e}", "check that the file is whole") from e


def _inflate(data: bytes, *, name: str) -> bytes:
    """All the decompressed content (every gzip member), at most MAX_INFLATED bytes."""
    chunks: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest[:2] == _MAGIC:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = inflater.decompress(rest, MAX_INFLATED - size + 1)
            size += len(chunk)
            if size > MAX_INFLATED or inflater.unconsumed_tail:
                raise InputError(name, f"inflates to more than {MAX_INFLATED} bytes", "split the file")
            if not inflater.eof:
                raise InputError(name, "is a truncated gzip file", "check that the file is whole")
            chunks.append(chunk)
            rest = inflater.unused_data
    except zlib.error as e:
        raise InputError(name, f"is a damaged gzip file: {e}", "check that the file is whole") from e
    return b"".join(chunks)

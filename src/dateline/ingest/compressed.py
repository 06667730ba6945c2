"""Gzip: decompress, then read what is inside with whichever reader recognises it.

A gzipped WARC (`.warc.gz`, one gzip member per record) goes to the WARC reader as it is, which reads
it record by record without inflating the whole archive. Anything else is inflated in chunks, and
inflating stops as soon as the content passes the `max_input_bytes` setting: a "zip bomb" costs at
most that much memory before it is refused. What is inside is read by the reader the caller passes
(`dateline.ingest` passes its `read_bytes`), so this module stays below the registry that lists it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

from dateline.errors import InputError, InputTooLargeError
from dateline.ingest import warc
from dateline.ingest.document import Document
from dateline.settings import Settings

__all__ = ["read", "sniff", "inflate", "peek"]

_MAGIC = b"\x1f\x8b"
_PEEK = 4096
_CHUNK = 1024**2  # inflated at a time


def sniff(data: bytes, name: str) -> bool:
    """True when the bytes start with the gzip magic number."""
    return data[:2] == _MAGIC


def read(
    data: bytes,
    *,
    origin: dict[str, str],
    name: str,
    body_only: bool = False,
    settings: Settings | None = None,
    read_inner: Callable[..., Iterator[Document | InputError]],
) -> Iterator[Document | InputError]:
    """Yield the documents of the decompressed content, read by the reader that recognises it.

    read_inner: reads the inflated bytes (`read_inner(data, name=, origin=, body_only=, settings=)`).
    RAISES: InputError when the gzip stream is damaged; InputTooLargeError when it inflates past the
        max_input_bytes setting; whatever the inner reader raises.
    """
    settings = settings or Settings()
    if warc.sniff(peek(data, name=name), name):
        yield from warc.read(data, origin=origin, name=name, body_only=body_only, settings=settings)
        return
    inflated = inflate(data, name=name, limit=settings.max_input_bytes)
    yield from read_inner(inflated, name=name, origin=origin, body_only=body_only, settings=settings)


def peek(data: bytes, *, name: str) -> bytes:
    """The first bytes of the decompressed content."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, _PEEK)
    except zlib.error as e:
        raise InputError(name, f"is a damaged gzip file: {e}", "check that the file is whole") from e


def inflate(data: bytes, *, name: str, limit: int) -> bytes:
    """All the decompressed content (every gzip member), inflated a chunk at a time up to `limit` bytes.

    RAISES: InputTooLargeError as soon as the content passes `limit` (nothing more is inflated);
        InputError when the stream is damaged or cut short.
    """
    chunks: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest[:2] == _MAGIC:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = rest
            while True:
                chunk = inflater.decompress(pending, _CHUNK)
                size += len(chunk)
                if size > limit:
                    raise InputTooLargeError(name, f"inflates to more than {limit} bytes", "max_input_bytes")
                chunks.append(chunk)
                pending = inflater.unconsumed_tail
                if inflater.eof or not (pending or chunk):
                    break
            if not inflater.eof:
                raise InputError(name, "is a truncated gzip file", "check that the file is whole")
            rest = inflater.unused_data
    except zlib.error as e:
        raise InputError(name, f"is a damaged gzip file: {e}", "check that the file is whole") from e
    return b"".join(chunks)

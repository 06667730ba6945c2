"""Readers: files, folders and streams in, `Document`s out.

`read_paths()` walks what the user named and yields, in order, a `Document` for every article it finds
or an `InputError` for every input that could not be read, so that one bad file never stops a batch.
Each format has its own module with a `sniff(data, name)` test and a `read(data, ...)` generator; the
format is told from the content, the file name only breaking ties.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError
from dateline.ingest import compressed, feed, html, jsonl, warc
from dateline.ingest.document import Document
from dateline.ingest.text import decode, read_text

__all__ = ["Document", "Reader", "READERS", "read_bytes", "read_paths", "iter_files", "decode"]


@dataclass(frozen=True)
class Reader:
    """A format: `sniff(data, name)` says whether the bytes are in it, `read` yields its documents.

    `read` may also yield an `InputError` for one bad item (a JSONL line, a feed item) and go on.
    """

    name: str
    sniff: Callable[[bytes, str], bool]
    read: Callable[..., Iterator[Document | InputError]]


def _read_plain(data: bytes, *, origin: dict[str, str], name: str, body_only: bool) -> Iterator[Document]:
    yield read_text(data, origin=origin, name=name, body_only=body_only)


# Tried in order; plain text, which accepts anything, comes last.
READERS: list[Reader] = [
    Reader("gzip", compressed.sniff, compressed.read),
    Reader("warc", warc.sniff, warc.read),
    Reader("feed", feed.sniff, feed.read),
    Reader("jsonl", jsonl.sniff, jsonl.read),
    Reader("html", html.sniff, html.read),
    Reader("text", lambda data, name: True, _read_plain),
]

_SKIP_SUFFIXES = {".pyc", ".db", ".db-wal", ".db-shm", ".sqlite"}


def read_bytes(data: bytes, *, name: str, origin: dict[str, str] | None = None,
               body_only: bool = False) -> Iterator[Document | InputError]:
    """Read one input's bytes with the first reader that recognises them.

    Yields an `InputError` in place of one bad item of a many-article input, the others still coming.
    RAISES: InputError (or a subclass) naming `name` when the bytes cannot be read.
    """
    origin = origin if origin is not None else {"path": name}
    for reader in READERS:
        if reader.sniff(data, name):
            yield from reader.read(data, origin=origin, name=name, body_only=body_only)
            return
    raise InputError(name, "is in no format dateline reads")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every file under the given paths, folders walked in sorted order; hidden files skipped.

    A missing path or a folder without files comes out as an `InputError`, in its place.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() not in _SKIP_SUFFIXES
            )
            if not files:
                yield InputError(str(path), "is a folder with no files to read")
            yield from files
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(str(path), "is not a regular file")
        else:
            yield InputError(str(path), "does not exist", "check the path")


def read_paths(paths: Iterable[str | Path], *, body_only: bool = False,
               stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """Yield a `Document` for each article in the given paths ("-" is standard input), in order.

    Inputs that cannot be read are yielded as `InputError`s in their place; nothing is raised.
    """
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_one(stream.read(), name="<stdin>", origin={"path": "-"}, body_only=body_only)
            continue
        for item in iter_files([raw]):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                data = item.read_bytes()
            except OSError as e:
                yield InputError(str(item), f"cannot be read: {e.strerror or e}")
                continue
            yield from _read_one(data, name=str(item), origin={"path": str(item)}, body_only=body_only)


def _read_one(data: bytes, *, name: str, origin: dict[str, str],
              body_only: bool) -> Iterator[Document | InputError]:
    try:
        yield from read_bytes(data, name=name, origin=origin, body_only=body_only)
    except InputError as e:
        yield e

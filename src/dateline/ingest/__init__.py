"""Readers: files, folders and streams in, `Document`s out.

`read_paths()` walks what the user named and yields, in order, a `Document` for every article it finds
or an `InputError` for every input that could not be read, so that one bad file never stops a batch.
Each format has its own module with a `sniff(data, name)` test and a `read(data, ...)` generator; the
format is told from the content, the file name only breaking ties.

Every input is its own transaction: whatever goes wrong while reading it (a damaged file, a limit of
the settings passed, a parser's own exception) becomes one `InputError` naming it, in its place, and
the next input is read. Nothing an input holds can cost more than the settings' limits allow:
`max_input_bytes` per file (WARC archives are streamed record by record, so they may be larger),
`max_story_chars` per story (a longer one is cut at a paragraph break, and an `InputCutError` after it
records the cut), and the HTML and JSON limits of their readers. Walking a folder never opens a FIFO,
socket or device and never follows a symbolic link in a loop: each such entry is an `InputError`.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputCutError, InputError, InputTooLargeError
from dateline.ingest import compressed, feed, html, jsonl, warc
from dateline.ingest.document import Document
from dateline.ingest.text import decode, read_text, utf16_encoding
from dateline.settings import Settings

__all__ = [
    "Document",
    "Reader",
    "READERS",
    "read_bytes",
    "read_file",
    "read_paths",
    "iter_files",
    "decode",
    "display_name",
]


@dataclass(frozen=True)
class Reader:
    """A format: `sniff(data, name)` says whether the bytes are in it, `read` yields its documents.

    `read(data, *, origin, name, body_only, settings)` may also yield an `InputError` for one bad item
    (a JSONL line, a feed item) and go on.
    """

    name: str
    sniff: Callable[[bytes, str], bool]
    read: Callable[..., Iterator[Document | InputError]]


def _read_plain(
    data: bytes, *, origin: dict[str, str], name: str, body_only: bool, settings: Settings | None = None
) -> Iterator[Document]:
    yield read_text(data, origin=origin, name=name, body_only=body_only)


def _read_gzip(
    data: bytes, *, origin: dict[str, str], name: str, body_only: bool, settings: Settings | None = None
) -> Iterator[Document | InputError]:
    """Gzip, its content read again by `read_bytes` (any format may be compressed)."""
    return compressed.read(
        data, origin=origin, name=name, body_only=body_only, settings=settings, read_inner=read_bytes
    )


# Tried in order; plain text, which accepts anything, comes last.
READERS: list[Reader] = [
    Reader("gzip", compressed.sniff, _read_gzip),
    Reader("warc", warc.sniff, warc.read),
    Reader("feed", feed.sniff, feed.read),
    Reader("jsonl", jsonl.sniff, jsonl.read),
    Reader("html", html.sniff, html.read),
    Reader("text", lambda data, name: True, _read_plain),
]

_SKIP_SUFFIXES = {".pyc", ".db", ".db-wal", ".db-shm", ".sqlite"}
_PEEK = 65536
_BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def read_bytes(
    data: bytes,
    *,
    name: str,
    origin: dict[str, str] | None = None,
    body_only: bool = False,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Read one input's bytes with the first reader that recognises them.

    UTF-16 input (with or without a BOM) is first re-encoded as UTF-8, so that its format is told as
    any other's. Yields an `InputError` in place of one bad item of a many-article input, the others
    still coming.
    RAISES: InputError (or a subclass) naming `name` when the bytes cannot be read.
    """
    settings = settings or Settings()
    origin = origin if origin is not None else {"path": name}
    data = _as_utf8(data)
    for reader in READERS:
        if reader.sniff(data, name):
            yield from reader.read(data, origin=origin, name=name, body_only=body_only, settings=settings)
            return
    raise InputError(name, "is in no format dateline reads")


def _as_utf8(data: bytes) -> bytes:
    """UTF-16 bytes (BOM or not) as UTF-8; any other bytes as they are."""
    if data[:2] in _BOM_UTF16:
        return data.decode("utf-16", errors="replace").encode("utf-8")
    encoding = utf16_encoding(data)
    if encoding is None:
        return data
    return data.decode(encoding, errors="replace").encode("utf-8")


def display_name(path: str | Path) -> str:
    """A path as text that can always be printed and stored: bytes of a file name that are not UTF-8
    are written as backslash escapes (\\xe9) rather than kept as lone surrogates."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return name


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every regular file under the given paths, folders walked in sorted order; hidden files skipped.

    A missing path, a folder without files, a FIFO, socket or device, a symbolic link that loops or
    points nowhere, and a link back to a folder being walked come out as an `InputError`, in their place;
    none of them is opened.
    """
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as e:
            if path.is_symlink():
                yield InputError(display_name(path), _broken_link(e), "fix or remove the link")
            else:
                yield InputError(display_name(path), "does not exist", "check the path")
            continue
        if stat.S_ISDIR(info.st_mode):
            found = False
            for item in _walk(path, ancestors=frozenset({(info.st_dev, info.st_ino)})):
                found = found or isinstance(item, Path)
                yield item
            if not found:
                yield InputError(display_name(path), "is a folder with no files to read")
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield InputError(display_name(path), f"is not a regular file ({_kind(info.st_mode)}): not read")


def _walk(folder: Path, *, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | InputError]:
    """The folder's regular files, sorted, subfolders walked in place; hidden entries skipped."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield InputError(display_name(folder), f"cannot be listed: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            info = os.stat(entry.path)  # follows symbolic links
        except OSError as e:
            reason = _broken_link(e) if entry.is_symlink() else f"cannot be read: {e.strerror or e}"
            yield InputError(
                display_name(path), reason, "fix or remove the link" if entry.is_symlink() else None
            )
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield InputError(
                    display_name(path), "is a symbolic link to a folder that holds it (a loop): not followed"
                )
                continue
            yield from _walk(path, ancestors=ancestors | {key})
        elif stat.S_ISREG(info.st_mode):
            if path.suffix.lower() not in _SKIP_SUFFIXES:
                yield path
        else:
            yield InputError(display_name(path), f"is not a regular file ({_kind(info.st_mode)}): not read")


def _broken_link(error: OSError) -> str:
    return f"is a symbolic link that loops or points nowhere ({error.strerror or error})"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def read_paths(
    paths: Iterable[str | Path],
    *,
    body_only: bool = False,
    stdin: BinaryIO | None = None,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Yield a `Document` for each article in the given paths ("-" is standard input), in order.

    settings: the limits (max_input_bytes, max_story_chars, ...); default: the default settings.
    Inputs that cannot be read are yielded as `InputError`s in their place; nothing is raised.
    """
    settings = settings or Settings()
    for raw in paths:
        if str(raw) == "-":
            yield from read_stdin(
                stdin if stdin is not None else sys.stdin.buffer, body_only=body_only, settings=settings
            )
            continue
        for item in iter_files([raw]):
            if isinstance(item, InputError):
                yield item
            else:
                yield from read_file(item, body_only=body_only, settings=settings)


def read_stdin(
    stream: BinaryIO, *, body_only: bool = False, settings: Settings | None = None
) -> Iterator[Document | InputError]:
    """The documents of a stream (standard input), at most max_input_bytes of it."""
    settings = settings or Settings()
    name = "<stdin>"
    limit = settings.max_input_bytes
    try:
        data = stream.read(limit + 1)
    except OSError as e:
        yield InputError(name, f"cannot be read: {e.strerror or e}")
        return
    if len(data) > limit:
        yield InputTooLargeError(name, f"gives more than {limit} bytes", "max_input_bytes")
        return
    items = read_bytes(data, name=name, origin={"path": "-"}, body_only=body_only, settings=settings)
    yield from _guarded(items, name=name, settings=settings)


def read_file(
    path: Path, *, body_only: bool = False, settings: Settings | None = None
) -> Iterator[Document | InputError]:
    """The documents of one file (a WARC archive streamed record by record, any other file read whole).

    Never raises: whatever goes wrong is an `InputError` naming the file, after the documents already
    read from it. A file that is not a regular file is not opened (a FIFO would block).
    """
    settings = settings or Settings()
    name = display_name(path)
    origin = {"path": name}
    limit = settings.max_input_bytes
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield InputError(name, f"is not a regular file ({_kind(info.st_mode)}): not read")
            return
        with open(path, "rb") as file:
            head = file.read(_PEEK)
            if _is_warc(head, name):
                file.seek(0)
                items = warc.read_stream(
                    file, origin=origin, name=name, body_only=body_only, settings=settings
                )
                yield from _guarded(items, name=name, settings=settings)
                return
            if info.st_size > limit:
                yield InputTooLargeError(
                    name, f"is {info.st_size} bytes, more than {limit}", "max_input_bytes"
                )
                return
            data = head + file.read(limit + 1 - len(head))
    except OSError as e:
        yield InputError(name, f"cannot be read: {e.strerror or e}")
        return
    if len(data) > limit:
        yield InputTooLargeError(name, f"is more than {limit} bytes", "max_input_bytes")
        return
    items = read_bytes(data, name=name, origin=origin, body_only=body_only, settings=settings)
    del data
    yield from _guarded(items, name=name, settings=settings)


def _is_warc(head: bytes, name: str) -> bool:
    """True when the first bytes are a WARC record's, plain or gzipped."""
    if warc.sniff(head, name):
        return True
    if not compressed.sniff(head, name):
        return False
    try:
        return warc.sniff(compressed.peek(head, name=name), name)
    except InputError:
        return False


def _guarded(
    items: Iterator[Document | InputError], *, name: str, settings: Settings
) -> Iterator[Document | InputError]:
    """The items of one input, its stories cut to max_story_chars; what it raises becomes its last item."""
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except InputError as e:
            yield e
            return
        except Exception as e:  # a reader's or parser's own failure is this input's failure only
            yield InputError(
                name, f"cannot be read: {type(e).__name__}: {e}", "the rest of this input is skipped"
            )
            return
        if isinstance(item, Document):
            yield from cut_story(item, limit=settings.max_story_chars)
        else:
            yield item


def cut_story(document: Document, *, limit: int) -> Iterator[Document | InputError]:
    """The document, then an `InputCutError` when its text was cut to `limit` characters.

    The cut falls at the last paragraph break before the limit (else a line break, else a space) when
    one lies in the limit's second half; `document.meta["cut"]` gives the lengths.
    """
    text = document.text
    length = len(text)
    if length <= limit:
        yield document
        return
    cut = limit
    for mark in ("\n\n", "\n", " "):
        at = text.rfind(mark, 0, limit)
        if at >= limit // 2:
            cut = at
            break
    document.text = text[:cut]
    document.meta["cut"] = {"length": length, "kept": cut}
    yield document
    yield InputCutError(document.name, length=length, kept=cut)

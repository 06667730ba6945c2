"""WARC web archives (plain or gzipped per record): one `Document` per archived page, through warcio.

Response and resource records whose content type is HTML are read with the HTML reader, text/plain
ones as plain text; every other record (requests, metadata, images, scripts) is passed over. The URL
is the record's WARC-Target-URI; the publication date is the page's own, else the WARC-Date.
A page that cannot be read comes out as an `InputError` naming its URL, and the rest go on; so does a
record cut short (the archive ends before its Content-Length) and one larger than the max_input_bytes
setting. `read_stream()` reads from an open file, so an archive of any size costs one record's memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dateline.errors import InputError, InputTooLargeError
from dateline.ingest.document import Document
from dateline.ingest.html import read_html
from dateline.ingest.text import read_text
from dateline.settings import Settings

__all__ = ["read", "read_stream", "sniff"]

_RECORD_TYPES = {"response", "resource"}


def sniff(data: bytes, name: str) -> bool:
    """True when the bytes start with a WARC record header (uncompressed)."""
    return data.lstrip(b"\r\n")[:6] == b"WARC/1" or data[:5] == b"WARC/"


def read(
    data: bytes,
    *,
    origin: dict[str, str],
    name: str,
    body_only: bool = False,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Yield a `Document` for each HTML or plain-text page in a WARC file (gzipped records too).

    RAISES: InputError when the file is not a WARC archive or holds no page at all.
    """
    yield from read_stream(io.BytesIO(data), origin=origin, name=name, body_only=body_only, settings=settings)


def read_stream(
    stream: BinaryIO,
    *,
    origin: dict[str, str],
    name: str,
    body_only: bool = False,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """As `read`, from an open binary file, one record at a time."""
    settings = settings or Settings()
    pages = 0
    try:
        for record in ArchiveIterator(stream):
            try:
                item = _read_record(record, origin=origin, name=name, body_only=body_only, settings=settings)
            except InputError as e:
                item = e
            except Exception as e:  # one record's failure (a parser's bug, a recursion) is that record's only
                item = InputError(_label(record, name), f"cannot be read: {type(e).__name__}: {e}")
            if item is not None:
                pages += 1
                yield item
            if isinstance(item, _TruncatedRecord):
                return  # the archive ends inside this record: nothing follows it
    except ArchiveLoadFailed as e:
        raise InputError(name, f"is not a readable WARC archive: {e}", "check that the file is whole") from e
    except (OSError, EOFError, ValueError) as e:
        raise InputError(name, f"is a damaged WARC archive: {e}", "check that the file is whole") from e
    if not pages:
        raise InputError(name, "is a WARC archive with no HTML or text pages", "nothing to code")


class _TruncatedRecord(InputError):
    """A record the archive ends inside of."""


def _label(record: Any, name: str) -> str:
    url = record.rec_headers.get_header("WARC-Target-URI")
    return url or f"{name} record {record.rec_headers.get_header('WARC-Record-ID')}"


def _read_record(
    record: Any, *, origin: dict[str, str], name: str, body_only: bool, settings: Settings
) -> Document | InputError | None:
    """The record's page, an InputError when it cannot be read, None when it is not a page."""
    if record.rec_type not in _RECORD_TYPES:
        return None
    kind = _content_type(record)
    if not ("html" in kind or kind == "text/plain"):
        return None
    if record.http_headers is not None and not _succeeded(record.http_headers.get_statuscode()):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    label = _label(record, name)
    limit = settings.max_input_bytes
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return InputTooLargeError(label, f"is a WARC record of more than {limit} bytes", "max_input_bytes")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return _TruncatedRecord(
            label,
            f"is a truncated WARC record: the archive ends {missing} bytes before the record does",
            "check that the file is whole",
        )
    page_origin = {**origin, "url": url} if url else dict(origin)
    try:
        if "html" in kind:
            document = read_html(
                body, origin=page_origin, name=label, url=url, body_only=body_only, settings=settings
            )
        else:
            document = read_text(body, origin=page_origin, name=label, body_only=body_only)
    except InputError as e:
        return e
    if document.published is None and len(warc_date) >= 10:
        document.published = warc_date[:10]
        document.meta["published_from"] = "WARC-Date"
    if document.source is None and url:
        document.source = _host(url)
    document.meta["warc_record_id"] = record.rec_headers.get_header("WARC-Record-ID")
    document.meta["warc_date"] = warc_date
    return document


def _content_type(record: Any) -> str:
    """The page's media type, lower-cased without parameters ("text/html")."""
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _succeeded(status: str | None) -> bool:
    return bool(status) and str(status).startswith("2")


def _host(url: str) -> str | None:
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0].split("@")[-1].split(":")[0].lower()
    return host.removeprefix("www.") or None

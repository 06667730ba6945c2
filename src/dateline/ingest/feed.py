"""RSS and Atom feeds: one `Document` per item, through feedparser (bytes only, never a URL).

An item's text is its full content when the feed carries it (content:encoded, Atom <content>),
else its summary, HTML turned into paragraphs by `html.html_to_text`. An item with no text at all
(a headline feed) comes out as an `InputError` in its place, so the other items still come out.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from dateline.errors import InputError
from dateline.ingest.document import Document
from dateline.ingest.html import html_to_text
from dateline.ingest.text import looks_binary
from dateline.settings import Settings

__all__ = ["read", "sniff"]

# The root element of a feed, after any XML declaration, comments, doctype or processing instructions.
_FEED_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF_BYTES = 4096
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def sniff(data: bytes, name: str) -> bool:
    """True when the document's root element is <rss>, <feed> or <rdf:RDF>."""
    head = data[:_SNIFF_BYTES]
    return not looks_binary(head) and _FEED_ROOT.match(head) is not None


def read(
    data: bytes,
    *,
    origin: dict[str, str],
    name: str,
    body_only: bool = False,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Yield a `Document` for each item of an RSS or Atom feed, in feed order.

    Items without any text are yielded as `InputError`s naming the item.
    RAISES: InputError when the bytes are not a feed or the feed has no items.
    """
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = f"is not a readable RSS or Atom feed: {parsed.get('bozo_exception')}"
            raise InputError(name, reason, "check that the file is a whole feed")
        raise InputError(name, "is a feed with no items", "nothing to code")
    feed = parsed.get("feed") or {}
    source = _plain(feed.get("title"))
    for number, entry in enumerate(entries, start=1):
        try:
            document = _document(entry, origin=origin, source=source, body_only=body_only)
        except Exception as e:  # one item that breaks a parser is that item's failure only
            yield InputError(f"{name} item {number}", f"cannot be read: {type(e).__name__}: {e}")
            continue
        if document is None:
            yield InputError(
                f"{name} item {number}",
                "has no text, only a title or link",
                "the feed carries headlines only; read the linked pages instead",
            )
        else:
            yield document


def _document(entry: Any, *, origin: dict[str, str], source: str | None, body_only: bool) -> Document | None:
    text = _entry_text(entry)
    if not text:
        return None
    link = entry.get("link")
    item_origin = dict(origin)
    if link:
        item_origin["url"] = link
    meta = {key: entry[key] for key in ("id", "author") if entry.get(key)}
    return Document(
        text=text,
        origin=item_origin,
        title=_plain(entry.get("title")),
        published=_date(entry),
        source=source,
        body_only=body_only,
        meta=meta,
    )


def _entry_text(entry: Any) -> str:
    """The item's full content when the feed has it, else its summary, as plain paragraphs."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return _to_text(best.get("value") or "", best.get("type"))
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _to_text(summary, detail.get("type", "text/html"))


def _to_text(value: str, kind: str | None) -> str:
    if kind in _HTML_TYPES or "<" in value:
        return html_to_text(value)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", value) if p.strip())


def _plain(value: str | None) -> str | None:
    """A title as one line of plain text (titles may hold HTML in Atom)."""
    if not value:
        return None
    text = " ".join(html_to_text(value).split()) if "<" in value else " ".join(value.split())
    return text or None


def _date(entry: Any) -> str | None:
    """The item's publication date (else its update date) as YYYY-MM-DD.

    The date is the one written in the feed, in the publisher's own time zone; feedparser's parsed
    date (in UTC, so sometimes the day after) serves when the written form is not RFC 822 or ISO 8601.
    """
    for key in ("published", "updated", "created"):
        written = _written_date(entry.get(key) or "")
        if written:
            return written
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _written_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None

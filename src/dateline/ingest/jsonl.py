"""JSON Lines: one article per line, a JSON object with its text and what is known about it.

    {"text": "...", "url": "...", "title": "...", "published": "2016-04-27", "source": "TASS"}

Only the text is required. Other spellings are accepted for each field, first one present wins:
text: text, body, content, article, articleBody; title: title, headline; url: url, link;
published: published, date, published_at, publish_date, datePublished; source: source, site,
sitename, outlet. A bad line comes out as an `InputError` naming the file and line, in its place,
and the other lines still come out: a line that is not JSON, nested deeper than the max_json_depth
setting, or that breaks the parser in any way. A lone surrogate escape ("\\ud800", which no UTF-8
text can hold) is read as U+FFFD, the replacement character.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import PurePath
from typing import Any

from dateline.errors import EmptyInputError, InputError, InputTooLargeError
from dateline.ingest.document import Document
from dateline.ingest.text import decode, looks_binary
from dateline.settings import Settings

__all__ = ["read", "sniff", "FIELDS"]

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "articleBody"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "publish_date", "datePublished"),
    "source": ("source", "site", "sitename", "outlet"),
}
_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_SNIFF_BYTES = 65536
_SURROGATE = re.compile("[\ud800-\udfff]")


def sniff(data: bytes, name: str) -> bool:
    """True for a file named .jsonl/.ndjson, or one whose first line is a whole JSON object."""
    path = PurePath(name.lower())
    suffix = path.with_suffix("").suffix if path.suffix == ".gz" else path.suffix
    if suffix in _SUFFIXES:
        return True
    head = data[:_SNIFF_BYTES]
    if looks_binary(head):
        return False
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def read(
    data: bytes,
    *,
    origin: dict[str, str],
    name: str,
    body_only: bool = False,
    settings: Settings | None = None,
) -> Iterator[Document | InputError]:
    """Yield a `Document` for each line, or an `InputError` naming the line when it cannot be read.

    RAISES: EmptyInputError when there is no line at all; BinaryInputError when the bytes are not text.
    """
    max_depth = (settings or Settings()).max_json_depth
    lines = decode(data, name).split("\n")
    found = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        found = True
        try:
            yield read_line(line, origin=origin, body_only=body_only, number=number, max_depth=max_depth)
        except InputError as e:
            yield e.renamed(f"{name}:{number}")
        except Exception as e:  # a line that breaks the parser is that line's failure only
            yield InputError(f"{name}:{number}", f"cannot be read: {type(e).__name__}: {e}")
        lines[number - 1] = ""  # let the line's text go once read
    if not found:
        raise EmptyInputError(name)


def read_line(
    line: str, *, origin: dict[str, str], number: int = 0, body_only: bool = False, max_depth: int = 100
) -> Document:
    """Read one JSON Lines line as a `Document`.

    max_depth: the deepest nesting of arrays and objects accepted.
    RAISES: InputError (named "line N") when the line is not a JSON object with a non-empty text, or
        is nested deeper than `max_depth`.
    """
    label = f"line {number}"
    try:
        item = json.loads(line)
    except RecursionError as e:
        raise InputTooLargeError(label, f"is nested deeper than {max_depth} levels", "max_json_depth") from e
    except ValueError as e:
        raise InputError(label, f"is not valid JSON: {e}", "each line must be one JSON object") from e
    if _deeper_than(item, max_depth):
        raise InputTooLargeError(label, f"is nested deeper than {max_depth} levels", "max_json_depth")
    if not isinstance(item, dict):
        raise InputError(label, "is not a JSON object", 'each line must look like {"text": "..."}')
    text = _first(item, "text")
    if not text or not text.strip():
        names = ", ".join(FIELDS["text"])
        raise InputError(label, "has no text", f"give the article in one of the fields {names}")
    url = _first(item, "url")
    line_origin = {**origin, "url": url} if url else dict(origin)
    raw_date = _first(item, "published")
    published = _iso_day(raw_date)
    meta: dict[str, Any] = {"line": number}
    if "id" in item:
        meta["id"] = item["id"]
    if raw_date and published is None:
        meta["published_raw"] = raw_date
    return Document(
        text=text.replace("\r\n", "\n"),
        origin=line_origin,
        title=_first(item, "title"),
        published=published,
        source=_first(item, "source"),
        body_only=body_only,
        meta=meta,
    )


def _first(item: dict[str, Any], field: str) -> str | None:
    """The first of the field's accepted keys that holds a non-empty string."""
    for key in FIELDS[field]:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            if _SURROGATE.search(value):
                value = _SURROGATE.sub("\ufffd", value)
            return value.strip() if field != "text" else value
    return None


def _deeper_than(item: Any, limit: int) -> bool:
    """True when arrays and objects nest deeper than `limit` in `item` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(item, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _iso_day(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date or timestamp; None when the value is not one."""
    match = _ISO_DAY.match(value.strip()) if value else None
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None

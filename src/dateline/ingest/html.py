"""HTML pages: the article's main text and metadata, through trafilatura; nothing is fetched.

`read_html()` extracts the main text (paragraphs separated by blank lines), the title, the publication
date, the site name and the page's own URL (canonical or og:url). `html_to_text()` turns an HTML
fragment (a feed item's content) into the same paragraph layout, keeping all of its text.

Two limits keep one page from costing minutes or gigabytes: a page with more links than the
max_html_links setting is a link index, refused before any parsing (trafilatura's cost grows with
links far faster than with text); a page nested deeper than libxml2's limit (256 levels, HTML_MAX_DEPTH),
which the parser would silently cut off, is read without its structure, tags stripped, so that its
text is still read (`Document.meta["html_flattened"]` says so).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import lxml.html
import trafilatura
import trafilatura.utils
from lxml import etree

from dateline.errors import BinaryInputError, EmptyInputError, InputError, InputTooLargeError
from dateline.ingest.document import Document
from dateline.ingest.text import looks_binary
from dateline.settings import Settings

__all__ = ["HTML_MAX_DEPTH", "Page", "extract_page", "html_to_text", "read", "read_html", "sniff"]

HTML_MAX_DEPTH = 256  # libxml2's nesting limit without XML_PARSE_HUGE: deeper elements are dropped

_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MARKERS = ("<html", "<!doctype html", "<body", "<p>", "<p ", "<div", "<article")
_SNIFF_BYTES = 4096

# Elements that end a paragraph, in HTML and in trafilatura's own XML (head, item, row, quote, list...).
_BLOCKS = (
    frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "address"})
    | frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote"})
    | frozenset({"pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption"})
    | frozenset({"hr", "form", "body", "head", "item", "list", "row", "quote", "code", "graphic"})
)
_BREAKS = frozenset({"br", "lb"})
_CELLS = frozenset({"td", "th", "cell"})
_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head")
_SPACES = re.compile(r"[^\S\n]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BREAK_MARK = "\x00"  # stands for a line break inside a paragraph until the paragraph is tidied
_LINK = re.compile(rb"<a[\s>]", re.IGNORECASE)
_LINK_TEXT = re.compile(r"<a[\s>]", re.IGNORECASE)
# for pages too deep for the parser: what is dropped, what ends a paragraph, any other tag
_FLAT_DROP = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|svg|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_FLAT_BLOCK = re.compile(r"</?(?:" + "|".join(sorted(_BLOCKS)) + r")\b[^>]*>", re.IGNORECASE)
_FLAT_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_FLAT_TAG = re.compile(r"<[^>]*>")
_DEPTH_ERROR = "excessive depth"


@dataclass(frozen=True)
class Page:
    """What an HTML page gives: its main text and the metadata it states about itself.

    text (str): the main text, paragraphs separated by blank lines ("" when nothing was found).
    title, published (YYYY-MM-DD), site, url: None when the page does not say.
    """

    text: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    flattened: bool = False


def sniff(data: bytes, name: str) -> bool:
    """True when the first KiBs hold HTML markup, or the file is named as HTML and is not binary."""
    head = data[:_SNIFF_BYTES]
    if looks_binary(head):
        return False
    lowered = head.decode("latin-1").lower()
    if any(marker in lowered for marker in _MARKERS):
        return True
    return _suffix(name) in _SUFFIXES


def _suffix(name: str) -> str:
    path = PurePath(name.lower())
    return path.with_suffix("").suffix if path.suffix == ".gz" else path.suffix


def read(
    data: bytes,
    *,
    origin: dict[str, str],
    name: str,
    body_only: bool = False,
    settings: Settings | None = None,
) -> Iterator[Document]:
    """Yield the one `Document` of an HTML page (the `Reader` protocol)."""
    yield read_html(data, origin=origin, name=name, body_only=body_only, settings=settings)


def read_html(
    data: bytes | str,
    *,
    origin: dict[str, str],
    name: str,
    url: str | None = None,
    body_only: bool = False,
    settings: Settings | None = None,
) -> Document:
    """Read an HTML page as one `Document` with its title, date, site name and URL.

    url (str | None): where the page was fetched from (a WARC record's target), used when the page
        names no canonical URL of its own.
    RAISES: EmptyInputError when the page has no text; BinaryInputError when it is not text;
        InputTooLargeError when it has more links than the max_html_links setting;
        InputError when the markup cannot be parsed.
    """
    settings = settings or Settings()
    page = extract_page(data, name=name, url=url, max_links=settings.max_html_links)
    if not page.text:
        raise EmptyInputError(name)
    origin = dict(origin)
    if page.url and "url" not in origin:
        origin["url"] = page.url
    return Document(
        text=page.text,
        origin=origin,
        title=page.title,
        published=page.published,
        source=page.site,
        body_only=body_only,
        meta={"html_flattened": f"nested deeper than {HTML_MAX_DEPTH} levels"} if page.flattened else {},
    )


def extract_page(
    data: bytes | str,
    *,
    name: str = "<html>",
    url: str | None = None,
    favor_precision: bool = True,
    include_tables: bool = True,
    max_links: int | None = None,
) -> Page:
    """Extract the main text and metadata of an HTML page, without fetching anything.

    favor_precision, include_tables: passed to trafilatura (the defaults score best on the
        ScrapingHub article-extraction benchmark, see bench/html_extraction.py).
    max_links: refuse a page with more links than this (None: no limit).
    RAISES: BinaryInputError when the bytes are not text; InputTooLargeError when the page has more
        than `max_links` links; InputError when the markup cannot be parsed.
    """
    if isinstance(data, bytes) and looks_binary(data):
        raise BinaryInputError(name)
    if max_links is not None:
        links = len(_LINK.findall(data) if isinstance(data, bytes) else _LINK_TEXT.findall(data))
        if links > max_links:
            raise InputTooLargeError(
                name,
                f"holds {links} links, more than {max_links}: a link index, not an article",
                "max_html_links",
            )
    try:
        tree, too_deep = _load(data)
    except (ValueError, TypeError, etree.LxmlError) as e:
        raise InputError(name, f"cannot be parsed as HTML: {e}") from e
    if tree is None:
        return Page(text=_fallback_text(data, name=name), url=url)
    try:
        result: Any = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=include_tables,
            favor_precision=favor_precision,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError) as e:
        raise InputError(name, f"cannot be parsed as HTML: {e}") from e
    if too_deep:
        text = flat_text(data)
        if result is None:
            return Page(text=text, url=url, flattened=True)
    elif result is None:
        return Page(text=_fallback_text(data, name=name), url=url)
    else:
        body = getattr(result, "body", None)
        text = _join(_paragraphs(body)) if body is not None else ""
        if not text:
            text = _tidy(getattr(result, "text", None) or "") or _fallback_text(data, name=name)
    return Page(
        flattened=too_deep,
        text=text,
        title=_clean(result.title),
        published=_date(result.date),
        site=_clean(result.sitename) or _clean(result.hostname),
        url=_clean(result.url) or url,
    )


def _load(data: bytes | str) -> tuple[Any, bool]:
    """The page's tree as trafilatura parses it, and whether the parser hit its nesting limit."""
    tree = trafilatura.utils.load_html(data)
    parser = getattr(trafilatura.utils, "HTML_PARSER", None)
    return tree, parser is not None and _hit_depth_limit(parser)


def _hit_depth_limit(parser: Any) -> bool:
    """True when the parser's last run dropped elements nested deeper than libxml2 allows."""
    return any(_DEPTH_ERROR in (entry.message or "").lower() for entry in parser.error_log)


def html_to_text(markup: str) -> str:
    """All the text of an HTML fragment, paragraphs separated by blank lines (scripts and styles dropped)."""
    if "<" not in markup:
        return _tidy(markup)
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (ValueError, etree.LxmlError):
        return _tidy(re.sub(r"<[^>]*>", " ", markup))
    if _hit_depth_limit(parser):
        return flat_text(markup)
    return _join(_paragraphs(root, drop=_DROP))


def flat_text(markup: bytes | str) -> str:
    """The text of markup read without a tree (for pages nested too deep to parse): scripts, styles and
    comments dropped, block tags ending paragraphs, every other tag removed, entities decoded."""
    if isinstance(markup, bytes):
        markup = trafilatura.utils.decode_file(markup)
    markup = _FLAT_DROP.sub(" ", markup)
    markup = _FLAT_BREAK.sub(_BREAK_MARK, markup)
    paragraphs = []
    for part in _FLAT_BLOCK.split(markup):
        text = _tidy(html_lib.unescape(_FLAT_TAG.sub("", part)))
        if text:
            paragraphs.append(text)
    return _join(paragraphs)


def _fallback_text(data: bytes | str, *, name: str) -> str:
    """All the text of the page's body, for pages too short or too odd for trafilatura."""
    try:
        root = lxml.html.document_fromstring(data)
    except (ValueError, etree.LxmlError) as e:
        if "empty" in str(e).lower():
            return ""
        raise InputError(name, f"cannot be parsed as HTML: {e}") from e
    body = root.find("body")
    return _join(_paragraphs(body if body is not None else root, drop=_DROP))


def _paragraphs(root: Any, *, drop: tuple[str, ...] = ()) -> list[str]:
    """The text of an element tree as paragraphs: a block element starts and ends one.

    drop: tags whose elements (with their text) are left out, such as scripts in raw HTML.
    """
    if drop:
        for element in [e for e in root.iter(*drop) if e is not root]:
            _drop(element)
    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = _tidy("".join(parts))
        parts.clear()
        if text:
            paragraphs.append(text)

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                flush()
            elif tag in _BREAKS:
                parts.append(_BREAK_MARK)
            elif tag in _CELLS and "".join(parts).strip():
                parts.append(" | ")
            if tag and element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCKS:
                flush()
            if element.tail and element is not root:
                parts.append(element.tail)
    flush()
    return paragraphs


def _drop(element: Any) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _tidy(text: str) -> str:
    """Collapse spaces (keeping marked line breaks as single newlines) and trim each line."""
    lines = _SPACES.sub(" ", text.replace("\n", " ")).split(_BREAK_MARK)
    return "\n".join(line.strip() for line in lines if line.strip())


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: str | None) -> str | None:
    if value and _ISO_DATE.match(value):
        return value
    return None

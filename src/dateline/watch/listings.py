"""Listings: the sources file, and feeds and sitemaps read into the article URLs they list.

    sources = read_sources(["sources.txt", "https://news.example/rss"])
    listing = read_listing(data, url="https://news.example/sitemap.xml")   # Listing(kind, links, children)

A sources file has one source a line: a feed (RSS, Atom) or sitemap URL, then optionally the outlet's
name after a space or tab (`https://news.example/rss.xml  Example News`); blank lines and lines starting
with # are skipped. A sitemap is a `<urlset>` (its `<news:news>` entries give the publication's name,
the date and the title) or a `<sitemapindex>` of further sitemaps. Gzipped sitemaps are read too.
Every URL is normalised (`urls.normalise_url`) and listed once, in the order of the listing.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree

from dateline.errors import InputError
from dateline.ingest import feed
from dateline.store.watching import WatchLink
from dateline.watch.urls import normalise_url

__all__ = ["Listing", "Source", "read_listing", "read_sources"]

_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_GZIP = b"\x1f\x8b"


@dataclass(frozen=True)
class Source:
    """A feed or sitemap to watch, and the outlet's name when the sources file gives one."""

    url: str
    outlet: str | None = None


@dataclass(frozen=True)
class Listing:
    """What a feed or sitemap lists. kind: feed, sitemap or sitemapindex; children: a sitemap index's
    sitemaps, newest first when they say when they changed."""

    kind: str
    links: list[WatchLink] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    title: str | None = None


def read_sources(items: list[str] | tuple[str, ...]) -> list[Source]:
    """The sources named: each item is a URL, or a sources file (see the module docstring).

    RAISES: InputError naming the file (and line) when a file is missing or a line holds no http(s) URL.
    """
    found: dict[str, Source] = {}
    for item in items:
        if item.lower().startswith(("http://", "https://")):
            lines = [(item, 0, item)]
        else:
            path = Path(item)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except OSError as e:
                raise InputError(
                    item, f"cannot be read: {e.strerror or e}", "give a sources file or URLs"
                ) from e
            lines = [(item, number, line) for number, line in enumerate(text.splitlines(), start=1)]
        for name, number, line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            raw, *rest = line.split(None, 1)
            outlet = " ".join(rest[0].split()) if rest else ""
            url = normalise_url(raw)
            if url is None:
                where = f"{name} line {number}" if number else name
                raise InputError(
                    where, f"{raw!r} is not an http or https URL", "one feed or sitemap URL a line"
                )
            found.setdefault(url, Source(url, outlet or None))
    return list(found.values())


def read_listing(data: bytes, *, url: str, max_bytes: int = 50 * 1024 * 1024) -> Listing:
    """The links of a feed or sitemap (`url` is where it came from: relative links are resolved on it).

    RAISES: InputError naming `url` when the bytes are neither a feed nor a sitemap.
    """
    if data[:2] == _GZIP:
        data = _gunzip(data, name=url, max_bytes=max_bytes)
    if feed.sniff(data, url):
        return _read_feed(data, url=url)
    root = _xml_root(data)
    if root is not None:
        tag = etree.QName(root).localname
        if tag == "urlset":
            return _read_urlset(root, url=url)
        if tag == "sitemapindex":
            return _read_index(root, url=url)
    raise InputError(url, "is neither an RSS or Atom feed nor a sitemap", "check the source's URL")


def _gunzip(data: bytes, *, name: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(name, f"is a broken gzip file: {e}") from e
    if len(out) > max_bytes:
        raise InputError(name, f"is larger than {max_bytes} bytes once decompressed")
    return out


def _read_feed(data: bytes, *, url: str) -> Listing:
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    entries = parsed.get("entries") or []
    if not entries and parsed.get("bozo"):
        raise InputError(url, f"is not a readable RSS or Atom feed: {parsed.get('bozo_exception')}")
    title = _one_line((parsed.get("feed") or {}).get("title"))
    links: dict[str, WatchLink] = {}
    for entry in entries:
        link = normalise_url(_entry_link(entry) or "", base=url)
        if link and link not in links:
            links[link] = WatchLink(link, title=_one_line(entry.get("title")), published=_entry_date(entry))
    return Listing("feed", list(links.values()), title=title)


def _entry_link(entry: Any) -> str | None:
    for candidate in entry.get("links") or []:
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return str(candidate["href"])
    link = entry.get("link")
    return str(link) if link else None


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        written = (entry.get(key) or "").strip()
        if written:
            day = _day(written)
            if day:
                return day
    return None


def _xml_root(data: bytes) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _text(element: Any, path: str) -> str | None:
    found = element.find(path, {"s": _SITEMAP_NS, "n": _NEWS_NS})
    if found is None:  # a sitemap written without its namespace
        found = element.find(path.replace("s:", "").replace("n:", ""))
    text = found.text if found is not None else None
    return " ".join(text.split()) if text and text.strip() else None


def _read_urlset(root: Any, *, url: str) -> Listing:
    links: dict[str, WatchLink] = {}
    for entry in root.iterfind("{*}url"):
        loc = normalise_url(_text(entry, "s:loc") or "", base=url)
        if not loc or loc in links:
            continue
        news = entry.find("{*}news")
        title = published = outlet = None
        if news is not None:
            title = _text(news, "n:title")
            outlet = _text(news, "n:publication/n:name")
            published = _day(_text(news, "n:publication_date") or "")
        links[loc] = WatchLink(loc, title=title, published=published, outlet=outlet)
    return Listing("sitemap", list(links.values()))


def _read_index(root: Any, *, url: str) -> Listing:
    children: list[tuple[str, str]] = []
    for entry in root.iterfind("{*}sitemap"):
        loc = normalise_url(_text(entry, "s:loc") or "", base=url)
        if loc and loc not in {c for c, _ in children}:
            children.append((loc, _text(entry, "s:lastmod") or ""))
    children.sort(key=lambda child: child[1], reverse=True)  # stable: listing order when undated
    return Listing("sitemapindex", children=[loc for loc, _ in children])


def _day(value: str) -> str | None:
    """A written date or time (ISO 8601 or RFC 822) as YYYY-MM-DD, in the writer's own time zone."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _one_line(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text or None

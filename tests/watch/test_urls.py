"""URL normalisation, the sources file, and feeds and sitemaps read into links (no network)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.watch import Source, normalise_url, read_listing, read_sources


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://News.Example/a/b", "https://news.example/a/b"),
        ("HTTPS://news.example:443/a", "https://news.example/a"),
        ("http://news.example:80/a", "http://news.example/a"),
        ("http://news.example:8080/a", "http://news.example:8080/a"),
        ("https://news.example", "https://news.example/"),
        ("https://news.example./a", "https://news.example/a"),
        ("https://news.example/a#comments", "https://news.example/a"),
        ("https://news.example/a?utm_source=rss&utm_medium=feed", "https://news.example/a"),
        ("https://news.example/a?id=7&fbclid=XYZ&gclid=1", "https://news.example/a?id=7"),
        ("https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"),
        ("https://news.example/a?UTM_Campaign=x&page=2", "https://news.example/a?page=2"),
        ("https://news.example/a?q=a%20b", "https://news.example/a?q=a%20b"),
        ("https://user:secret@news.example/a", "https://news.example/a"),
        ("  https://news.example/a  ", "https://news.example/a"),
        ("ftp://news.example/a", None),
        ("mailto:desk@news.example", None),
        ("", None),
        ("https://news.example:99999/a", None),
    ],
)
def test_normalise_url(url: str, expected: str | None) -> None:
    assert normalise_url(url) == expected


def test_relative_links_resolve_on_the_listing() -> None:
    assert (
        normalise_url("../b?utm_term=x", base="https://news.example/x/y/feed") == "https://news.example/x/b"
    )


def test_read_sources_file_and_urls(tmp_path: Path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text(
        "# comment\n\nhttps://a.example/rss.xml  Alpha   News\nhttps://b.example/sitemap.xml\n"
        "https://A.example/rss.xml#again Alpha\n",
        encoding="utf-8",
    )
    assert read_sources([str(path), "https://c.example/feed"]) == [
        Source("https://a.example/rss.xml", "Alpha News"),
        Source("https://b.example/sitemap.xml", None),
        Source("https://c.example/feed", None),
    ]


@pytest.mark.parametrize(
    ("text", "match"),
    [("news.example/rss Example\n", "line 1"), ("ftp://x.example/feed\n", "not an http")],
)
def test_read_sources_names_the_bad_line(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "sources.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=match):
        read_sources([str(path)])


def test_read_sources_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_sources([str(tmp_path / "none.txt")])


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://w.example/1?utm_source=x</link><pubDate>Tue, 03 Nov 2026 23:30:00 -0500</pubDate></item>
<item><title>One again</title><link>https://w.example/1#c</link></item>
<item><title>Two</title><link>/2</link></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Post</title>
<id>x</id><updated>2026-11-03T08:00:00Z</updated>
<entry><title>A</title><link rel="alternate" href="https://p.example/a"/><link rel="enclosure" href="https://p.example/a.mp3"/>
<id>a</id><published>2026-11-03T08:00:00+01:00</published></entry></feed>"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc> https://s.example/x </loc><news:news><news:publication><news:name>South</news:name></news:publication>
<news:publication_date>2026-11-04T07:00:00+02:00</news:publication_date><news:title>X happens</news:title></news:news></url>
<url><loc>https://s.example/y</loc><lastmod>2026-11-01</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://s.example/old.xml</loc><lastmod>2026-01-01</lastmod></sitemap>
<sitemap><loc>https://s.example/new.xml</loc><lastmod>2026-11-04</lastmod></sitemap>
</sitemapindex>"""

PLAIN_URLSET = b"<urlset><url><loc>https://s.example/z</loc></url></urlset>"


@pytest.mark.parametrize(
    ("data", "kind", "links", "children"),
    [
        (RSS, "feed", [("https://w.example/1", "One", "2026-11-03"), ("https://w.example/2", "Two", None)], []),
        (ATOM, "feed", [("https://p.example/a", "A", "2026-11-03")], []),
        (URLSET, "sitemap", [("https://s.example/x", "X happens", "2026-11-04"), ("https://s.example/y", None, None)],
         []),
        (gzip.compress(URLSET), "sitemap", [("https://s.example/x", "X happens", "2026-11-04"),
                                            ("https://s.example/y", None, None)], []),
        (PLAIN_URLSET, "sitemap", [("https://s.example/z", None, None)], []),
        (INDEX, "sitemapindex", [], ["https://s.example/new.xml", "https://s.example/old.xml"]),
    ],
)  # fmt: skip
def test_read_listing(
    data: bytes, kind: str, links: list[tuple[str, str | None, str | None]], children: list[str]
) -> None:
    listing = read_listing(data, url="https://w.example/feed.xml")
    assert listing.kind == kind
    assert [(link.url, link.title, link.published) for link in listing.links] == links
    assert listing.children == children


def test_news_sitemap_names_the_publication() -> None:
    assert read_listing(URLSET, url="https://s.example/news.xml").links[0].outlet == "South"


@pytest.mark.parametrize(
    "data",
    [b"<html><body>not a feed</body></html>", b"plain words", b"<other/>", b"\x1f\x8b broken gzip"],
)
def test_read_listing_refuses_what_is_no_listing(data: bytes) -> None:
    with pytest.raises(InputError, match="feed.example"):
        read_listing(data, url="https://feed.example/x")


def test_sitemap_entities_are_not_expanded() -> None:
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://s.example/&e;</loc></url></urlset>'
    )
    listing = read_listing(hostile, url="https://s.example/sitemap.xml")
    assert all("root:" not in link.url for link in listing.links)

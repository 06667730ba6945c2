"""The feed reader: RSS 2.0 and Atom items as Documents, items without text as errors."""

from __future__ import annotations

import pytest

from dateline.errors import InputError
from dateline.ingest import feed
from dateline.ingest.document import Document

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="style.xsl"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Talks &amp; trade</title><link>https://wire.example/a</link>
<guid>wire-a</guid>
<pubDate>Wed, 27 Apr 2016 23:30:00 -0500</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>MOSCOW, April 27. First paragraph.</p><p>Second <b>paragraph</b>.</p>]]></content:encoded>
</item>
<item><title>Summary only</title><link>https://wire.example/b</link>
<description>&lt;p&gt;The summary &lt;i&gt;is&lt;/i&gt; the text.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://wire.example/c</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="html">Atom &lt;i&gt;Daily&lt;/i&gt;</title>
<entry><title>First entry</title><link href="https://atom.example/1"/>
<id>urn:1</id><published>2020-01-02T23:30:00-05:00</published>
<summary>Summary of the first entry.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Full one.</p><p>Full two.</p></div></content>
</entry>
<entry><title>Second entry</title><link href="https://atom.example/2"/>
<updated>2020-01-05T08:00:00Z</updated><content type="text">Plain text content.</content></entry>
</feed>"""


def read(data: bytes) -> list[Document | InputError]:
    return list(feed.read(data, origin={"path": "feed.xml"}, name="feed.xml"))


def test_rss_items() -> None:
    first, second, third = read(RSS)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "MOSCOW, April 27. First paragraph.\n\nSecond paragraph."
    assert first.title == "Talks & trade"
    assert first.published == "2016-04-27"  # the publisher's own day, not the UTC one
    assert first.source == "Example Wire"
    assert first.origin == {"path": "feed.xml", "url": "https://wire.example/a"}
    assert first.meta["id"] == "wire-a"
    assert second.text == "The summary is the text."
    assert second.published is None
    assert isinstance(third, InputError)
    assert "feed.xml item 3" in str(third)


def test_atom_entries() -> None:
    first, second = read(ATOM)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "Full one.\n\nFull two."
    assert first.source == "Atom Daily"
    assert first.published == "2020-01-02"
    assert first.origin["url"] == "https://atom.example/1"
    assert second.text == "Plain text content."
    assert second.published == "2020-01-05"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (RSS, True),
        (ATOM, True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', True),
        (b"<!-- a comment -->\n<rss version='2.0'></rss>", True),
        (b"<html><body><p>An article about the feed industry.</p></body></html>", False),
        (b"The <rss> tag starts a feed.", False),
        (b"", False),
    ],
)
def test_sniff(data: bytes, expected: bool) -> None:
    assert feed.sniff(data, "feed.xml") is expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss version='2.0'><channel><title>Empty</title></channel></rss>", "no items"),
        (b"<rss version='2.0'><chan", "not a readable"),
    ],
)
def test_unreadable_feeds_are_errors(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read(data)

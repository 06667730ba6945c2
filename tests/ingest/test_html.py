"""The HTML reader: main text, metadata, fragments, and a few real pages from the ScrapingHub benchmark."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from dateline.errors import EmptyInputError
from dateline.ingest import html

PARAGRAPHS = [
    "MOSCOW, April 27. /TASS/. The foreign ministers of the two countries met on Wednesday to discuss "
    "the situation in the region and agreed to continue the talks next month.",
    "The minister said the sides had exchanged views on a wide range of questions, including trade, "
    "transport links and cooperation against terrorism, according to the ministry's press service.",
    "Earlier this month the two governments signed a memorandum on economic cooperation that covers "
    "energy projects and the construction of a new railway line between the capitals.",
]


def make_page(paragraphs: list[str] = PARAGRAPHS) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers agree to continue talks - Example Wire</title>
<meta property="og:title" content="Ministers agree to continue talks">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2016-04-27T10:15:00+03:00">
<link rel="canonical" href="https://wire.example/world/ministers-talks">
<script>var tracking = "do not keep this";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Ministers agree to continue talks</h1>
{body}
</article>
<footer><p>Copyright Example Wire. All rights reserved.</p></footer>
</body></html>""".encode()


def test_read_html_gives_text_and_metadata() -> None:
    document = html.read_html(make_page(), origin={"path": "page.html"}, name="page.html")
    assert document.title == "Ministers agree to continue talks"
    assert document.published == "2016-04-27"
    assert document.source == "Example Wire"
    assert document.origin == {"path": "page.html", "url": "https://wire.example/world/ministers-talks"}
    for paragraph in PARAGRAPHS:
        assert paragraph in document.text.split("\n\n")
    assert "do not keep this" not in document.text
    assert "Sport" not in document.text


def test_url_given_by_caller_is_kept_in_origin() -> None:
    document = html.read_html(
        make_page(),
        origin={"path": "a.warc", "url": "https://other.example/x"},
        name="a.warc",
        url="https://other.example/x",
    )
    assert document.origin["url"] == "https://other.example/x"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "page", True),
        (b"  <HTML><BODY>x</BODY></HTML>", "page.txt", True),
        (b"<p>A fragment.</p>", "x", True),
        (b"Just a story. With words.", "story.txt", False),
        (b"Just a story. With words.", "story.html", True),
        (b"Just a story.", "story.HTM.gz", True),
        (b"\x00\x01\x02<html>", "image.html", False),
    ],
)
def test_sniff(data: bytes, name: str, expected: bool) -> None:
    assert html.sniff(data, name) is expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>One <b>bold</b> word.</p><p>Two.</p>", "One bold word.\n\nTwo."),
        ("<div>Line one<br>line two</div>", "Line one\nline two"),
        ("<ul><li>a</li><li>b</li></ul>after", "a\n\nb\n\nafter"),
        ("<p>kept</p><script>dropped()</script><style>p {}</style>", "kept"),
        ("<table><tr><th>Party</th><td>Seats</td></tr></table>", "Party | Seats"),
        ("plain   text\n with  spaces", "plain text with spaces"),
        ("<h2>Head</h2>Text &amp; more", "Head\n\nText & more"),
        ("", ""),
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html.html_to_text(markup) == expected


def test_short_fragment_keeps_its_text() -> None:
    document = html.read_html(b"<p>Only one line here.</p>", origin={"path": "f.html"}, name="f.html")
    assert document.text == "Only one line here."


@pytest.mark.parametrize(
    "data", [b"", b"   \n", b"<html><body></body></html>", b"<html><body><script>x</script></body></html>"]
)
def test_page_without_text_is_an_error(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty.html"):
        html.read_html(data, origin={"path": "empty.html"}, name="empty.html")


SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()
BENCHMARK = SHARED / "data" / "peer" / "scrapinghub-article-extraction-benchmark"


@pytest.mark.shared
def test_scrapinghub_pages_are_read_well() -> None:
    if not (BENCHMARK / "ground-truth.json").exists():
        pytest.skip("scrapinghub benchmark: ../shared not present")
    gold = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    for item_id in sorted(gold)[:5]:
        data = gzip.decompress((BENCHMARK / "html" / f"{item_id}.html.gz").read_bytes())
        document = html.read_html(data, origin={"path": item_id}, name=item_id)
        want = set(re.findall(r"\w+", gold[item_id]["articleBody"].lower()))
        got = set(re.findall(r"\w+", document.text.lower()))
        assert len(want & got) / len(want) > 0.8, item_id
        assert document.title
        assert "\n\n" in document.text

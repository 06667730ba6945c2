"""Layout: boilerplate out, headline, dateline lifted out of its paragraph, lede, clean text offsets."""

from __future__ import annotations

import pytest

from dateline.ingest.document import Document
from dateline.nlp.layout import is_boilerplate, lay_out, split_paragraphs

TASS_LIKE = """All news

Russian, Turkish foreign ministers may meet in China — ambassador

Russian Foreign Minister Sergey Lavrov is going to China on Wednesday

MOSCOW, April 27. /TASS/. Russian Foreign Minister Sergey Lavrov can meet his counterpart, the ambassador said.

Share

"The meeting may take place in China," he said.
"""


def test_layout_tass_like():
    layout = lay_out(Document(text=TASS_LIKE))
    assert layout.removed == ["All news", "Share"]
    assert layout.headline_text == "Russian, Turkish foreign ministers may meet in China — ambassador"
    assert layout.lede_text == "Russian Foreign Minister Sergey Lavrov is going to China on Wednesday"
    assert layout.dateline is not None and layout.dateline.text == "MOSCOW, April 27. /TASS/."
    body = [layout.text[start:end] for start, end in layout.paragraphs]
    assert body[1].startswith("Russian Foreign Minister Sergey Lavrov can meet")
    assert "MOSCOW" not in layout.text and "All news" not in layout.text
    assert layout.text.startswith(layout.headline_text)


def test_layout_dateline_in_lede_is_removed_from_it():
    layout = lay_out(Document(text="Talks resume\n\nKYIV, October 18. - Ukraine said talks resume.\n\nMore."))
    assert layout.lede_text == "Ukraine said talks resume."
    assert layout.dateline_paragraph == 0


def test_layout_title_from_metadata_is_not_repeated():
    layout = lay_out(Document(text="Talks resume\n\nUkraine said talks resume.", title="Talks resume"))
    assert layout.headline_text == "Talks resume"
    assert layout.text.count("Talks resume") == 1


def test_layout_body_only_keeps_everything():
    layout = lay_out(Document(text="Russia and Turkey could exchange delegations.", body_only=True))
    assert layout.headline is None and layout.dateline is None
    assert layout.text == "Russia and Turkey could exchange delegations."


@pytest.mark.parametrize(
    "first,headline",
    [
        ("Ad sales boost Time Warner profit", True),
        ("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months.", False),
        ("WASHINGTON (AP) — The Senate voted", False),
    ],
)
def test_layout_headline_detection(first, headline):
    layout = lay_out(Document(text=f"{first}\n\nSecond paragraph of the story goes here."))
    assert (layout.headline is not None) == headline


def test_layout_hard_wrapped_lines_are_joined():
    text = (
        "The minister said on Tuesday that the talks between the two countries would\n"
        "resume next week in Geneva, where delegations met last year.\n\nSecond paragraph."
    )
    assert split_paragraphs(text)[0].endswith("where delegations met last year.")
    assert len(split_paragraphs(text)) == 2


def test_layout_lines_without_blank_lines_are_paragraphs():
    assert split_paragraphs("Headline\nFirst paragraph here.\nSecond one.") == [
        "Headline",
        "First paragraph here.",
        "Second one.",
    ]


@pytest.mark.parametrize(
    "line,expected",
    [
        ("All news", True),
        ("Share on Facebook", True),
        ("Facebook | Twitter | Email", True),
        ("We use cookies to improve your experience on our site.", True),
        ("Advertisement", True),
        ("Read more »", True),
        ("Follow us on Twitter", True),
        ("Russia and Turkey could exchange delegations.", False),
        ("All news is local, he said.", False),
    ],
)
def test_layout_boilerplate_lines(line, expected):
    assert is_boilerplate(line) is expected

"""`Document`: what every reader yields, before any NLP.

A reader knows the bytes and what the source says about them (a title, a URL, a publication date);
it does not know the story's structure. `Document.text` is the raw text as read (decoded, but with
boilerplate and dateline still in it); `dateline.nlp.layout` makes the clean body from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """One article as a source gives it.

    text (str): the decoded text, paragraphs separated by blank lines.
    origin (dict): where it came from: {"path": ...} or {"url": ...} (both when a file names its URL).
    title (str | None): a headline the source gives as metadata (HTML <title>, a feed item's title).
        When set, the first line of `text` is not taken as the headline.
    published (str | None): an ISO date (YYYY-MM-DD) the source gives as metadata.
    source (str | None): the outlet or site name ("TASS", "bbc.co.uk").
    body_only (bool): the whole text is body: no headline or dateline detection.
    meta (dict): anything else the reader found (feed id, WARC record id, encoding...).
    """

    text: str
    origin: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    published: str | None = None
    source: str | None = None
    body_only: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """How to name this document in a message: its path, its URL, or a placeholder."""
        return self.origin.get("path") or self.origin.get("url") or "<text>"

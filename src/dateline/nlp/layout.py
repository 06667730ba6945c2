"""A story's layout: boilerplate out, then headline, dateline, lede and body paragraphs.

`lay_out(document)` works on the raw text, before any model: it drops site furniture ("All news",
share buttons, cookie notices), splits paragraphs, takes the first line as the headline when it looks like
one, finds the wire dateline in the first paragraphs and lifts it out of its paragraph. The clean text it
builds (headline, then paragraphs, separated by blank lines) is the `text` every offset refers to.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.ingest.document import Document
from dateline.nlp.dateline import DatelineMatch, parse_dateline

DATA = Path(__file__).resolve().parents[1] / "lexicon" / "data"
_TERMINAL = tuple('.!?:;"”’)')
_HEADLINE_MAX_WORDS = 30
_DATELINE_SEARCH = 4  # paragraphs after the headline in which a dateline may stand


@dataclass
class Layout:
    """The clean text and where its parts are in it (character offsets, end exclusive)."""

    text: str
    headline: tuple[int, int] | None
    paragraphs: list[tuple[int, int]]
    dateline: DatelineMatch | None = None
    dateline_paragraph: int | None = None
    removed: list[str] = field(default_factory=list)

    @property
    def headline_text(self) -> str | None:
        return self.text[slice(*self.headline)] if self.headline else None

    @property
    def lede(self) -> tuple[int, int] | None:
        """The first body paragraph (after the headline), without its dateline."""
        return self.paragraphs[0] if self.paragraphs else None

    @property
    def lede_text(self) -> str | None:
        return self.text[slice(*self.lede)] if self.lede else None


@functools.cache
def boilerplate_patterns(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One pattern matching any whole line of boilerplate, from `boilerplate.txt` and `extra` files."""
    lines: list[str] = []
    for path in (DATA / "boilerplate.txt", *map(Path, extra)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lines.append(line.strip())
    return re.compile(r"^(?:" + "|".join(f"(?:{line})" for line in lines) + r")$", re.IGNORECASE)


def is_boilerplate(line: str, *, extra: tuple[str, ...] = ()) -> bool:
    """True when a whole line is site furniture rather than story."""
    stripped = line.strip().strip("|•·»›").strip()
    return bool(stripped) and len(stripped) < 200 and bool(boilerplate_patterns(extra).match(stripped))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a raw text: blocks between blank lines, hard-wrapped lines joined.

    Within a block, a line is joined to the next only when it is long (a wrapped line runs close to the
    block's longest) and does not end a sentence; so a headline on the line above its story stays apart.
    Text without blank lines has one paragraph per line.
    """
    blocks = re.split(r"\n\s*\n", text.strip()) if re.search(r"\n\s*\n", text) else text.strip().split("\n")
    paragraphs: list[str] = []
    for block in blocks:
        lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        longest = max(len(line) for line in lines)
        current = lines[0]
        for previous, line in zip(lines, lines[1:], strict=False):
            wrapped = (
                len(previous) >= 0.6 * longest and len(previous) >= 40 and not previous.endswith(_TERMINAL)
            )
            if wrapped or line[:1].islower():
                current += " " + line
            else:
                paragraphs.append(current)
                current = line
        paragraphs.append(current)
    return paragraphs


def looks_like_headline(paragraph: str) -> bool:
    """A headline is short, has no closing full stop and does not open with a dateline."""
    words = paragraph.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or len(paragraph) > 250:
        return False
    if paragraph.endswith(".") and not paragraph.endswith("..."):
        return False
    return parse_dateline(paragraph) is None


def lay_out(document: Document, *, boilerplate: tuple[str, ...] = ()) -> Layout:
    """The layout of a document's raw text (see the module docstring)."""
    paragraphs: list[str] = []
    removed: list[str] = []
    for paragraph in split_paragraphs(document.text):
        if is_boilerplate(paragraph, extra=boilerplate):
            removed.append(paragraph)
        else:
            paragraphs.append(paragraph)

    headline: str | None = None
    if document.body_only:
        pass
    elif document.title:
        headline = " ".join(document.title.split())
        if paragraphs and _same(paragraphs[0], headline):
            paragraphs.pop(0)
    elif len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        headline = paragraphs.pop(0)

    dateline = None
    dateline_index = None
    if not document.body_only:
        for i, paragraph in enumerate(paragraphs[:_DATELINE_SEARCH]):
            found = parse_dateline(paragraph)
            if found is not None:
                rest = paragraph[found.end :].strip()
                dateline, dateline_index = found, i
                if rest:
                    paragraphs[i] = rest
                else:
                    paragraphs.pop(i)
                    dateline_index = None
                break

    parts: list[str] = []
    offset = 0
    spans: list[tuple[int, int]] = []
    headline_span = None
    if headline:
        parts.append(headline)
        headline_span = (0, len(headline))
        offset = len(headline) + 2
    for paragraph in paragraphs:
        spans.append((offset, offset + len(paragraph)))
        parts.append(paragraph)
        offset += len(paragraph) + 2
    return Layout(
        text="\n\n".join(parts),
        headline=headline_span,
        paragraphs=spans,
        dateline=dateline,
        dateline_paragraph=dateline_index,
        removed=removed,
    )


def _same(a: str, b: str) -> bool:
    def fold(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()

    return fold(a) == fold(b)

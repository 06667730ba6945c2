"""Quotation marks: the stretches of a story between them, paragraph by paragraph, and the record of a
quote found while reading a story (its span, cue and source as offsets) that `quotes` and `attribution` share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WORDS = 4
CLOSERS = {"“": '”"', "„": '“”"', "«": "»", "‘": "’", '"': '"', "»": "«"}


@dataclass
class QuotedSpan:
    start: int
    end: int
    open_at: int
    close_at: int  # index of the closing mark, or the paragraph end when unclosed
    paragraph: int
    closed: bool


@dataclass
class FoundQuote:
    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    paragraph: int
    text: str | None = None
    inherited: bool = False


def split_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block of text between blank lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]


def quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Every stretch between quotation marks, paragraph by paragraph; unclosed ones run to the paragraph end."""
    out: list[QuotedSpan] = []
    for number, (ps, pe) in enumerate(paragraphs):
        i = ps
        while i < pe:
            ch = text[i]
            if ch in CLOSERS and _opens(text, i, ps):
                j = _closer(text, i, pe)
                if j is None:
                    out.append(QuotedSpan(i + 1, pe, i, pe, number, closed=False))
                    break
                out.append(QuotedSpan(i + 1, j, i, j, number, closed=True))
                i = j + 1
                continue
            i += 1
    return out


def _opens(text: str, i: int, start: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if ch in '"‘»':
        return before.isspace() or before in "([{—–-/" or i == start
    return True


def _closer(text: str, i: int, end: int) -> int | None:
    wanted = CLOSERS[text[i]]
    for j in range(i + 1, end):
        if text[j] in wanted:
            if text[j] == "’" and j + 1 < end and text[j + 1].isalpha():
                continue  # an apostrophe: Russia’s
            return j
    return None


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end

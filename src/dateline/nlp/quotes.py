"""Quotes: who said what, direct and indirect, each with its cue and its speaker.

`find_quotes(doc, entities)` finds

* direct quotes between quotation marks of any style ("" “” ‘’ « » „“), which may run over several sentences
  and over paragraphs (a paragraph that opens a quote without closing it continues into the next one that
  opens with a quotation mark); a quote broken by its attribution mid-sentence ("X," he said, "y") is one
  quote. Quoted titles ("a survey titled '...'"), slogans and scare quotes (fewer than four words) are not
  quotes.
* indirect quotes from the parse: a cue verb (data/cues.tsv) with a clause ("X said (that) ...", "X told
  reporters on Wednesday ...", "..., sources said") or "according to X".

Each quote's speaker is the subject of its cue. When a direct quote has no cue of its own it takes the
speaker of the quote before it in the paragraph, or of the paragraph before when it opens the paragraph.
The speaker names the entity (`find_entities`) with a mention there ("he", "the diplomat", "Yardim"), or
gives the words of the source ("a source", "officials") when they name no entity.

Quotation-mark scanning lives in `quotemarks`, finding cues, sources and speakers in `attribution`; their
public names are importable from here as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from dateline.lexicon.cues import load_cues
from dateline.nlp.attribution import (
    find_according,
    find_attribution,
    find_headline_quotes,
    find_reported,
    find_speaker,
    find_transcript_lines,
    is_cue,
    speaker_label,
    tidy_source,
    window_after,
    window_before,
)
from dateline.nlp.doctext import doc_text
from dateline.nlp.quotemarks import MIN_WORDS, FoundQuote, QuotedSpan, quoted_spans, split_blocks, strip_span
from dateline.records import Entity, Mention, Quote

_MIN_INDIRECT = 1
_TITLE_CUES = re.compile(
    r"\b(?:titled|entitled|called|dubbed|named|headlined|slogans?|hashtags?|motto|banners?|placards?|reading|"
    r"book|film|movie|documentary|song|album|series|show|report|article|op-ed|column|survey|study|campaign)"
    r"[ ,:]*$",
    re.IGNORECASE,
)
_DASH_SOURCE = re.compile(r"[ \t]*([―—–])[ \t]*([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3})")


def find_quotes(
    doc: Doc,
    entities: list[Entity],
    *,
    cues: dict[str, str] | None = None,
    paragraphs: list[tuple[int, int]] | None = None,
    headline: tuple[int, int] | None = None,
) -> list[Quote]:
    """Every direct and indirect quote of a story with its cue and speaker, in text order.

    paragraphs: the body paragraphs as (start, end) offsets (default: blocks between blank lines).
    headline: the headline's (start, end) (default: the one in `doc._.dateline_context.layout`, when set), read for
    "Source: claim" and "Source says claim".
    """
    cues = cues if cues is not None else load_cues()
    text = doc_text(doc)
    paras = paragraphs if paragraphs is not None else split_blocks(text)
    starts = [t.idx for t in doc]
    direct = _direct_quotes(doc, text, paras, cues=cues, starts=starts)
    indirect = _indirect_quotes(doc, paras, cues=cues, direct=direct)
    direct, indirect = _reconcile(direct, indirect)
    found = _merge_same_cue(sorted(direct + indirect, key=lambda f: f.start), text)
    headline = headline if headline is not None else _layout_headline(doc) or _first_line(text)
    if headline is not None and not any(f.start < headline[1] and headline[0] < f.end for f in found):
        found = find_headline_quotes(text, headline) + found
    for f in found:
        if f.source is not None:
            f.source = tidy_source(text, *f.source)
    return [_quote(f, doc, entities) for f in found]


def _layout_headline(doc: Doc) -> tuple[int, int] | None:
    context = doc._.dateline_context if Doc.has_extension("dateline_context") else None
    layout = getattr(context, "layout", None)
    return getattr(layout, "headline", None)


def _first_line(text: str) -> tuple[int, int] | None:
    """The story's first block when it reads like an undetected headline: one short line (25 words at most)."""
    blocks = split_blocks(text)
    if not blocks:
        return None
    start, end = blocks[0]
    line = text[start:end]
    return (start, end) if "\n" not in line and len(line.split()) <= 25 else None


# -- direct quotes -------------------------------------------------------------------------------------


def _direct_quotes(
    doc: Doc, text: str, paras: list[tuple[int, int]], *, cues: dict[str, str], starts: list[int]
) -> list[FoundQuote]:
    spans = _join_paragraphs(quoted_spans(text, paras), text, paras)
    out: list[FoundQuote] = []
    for q in spans:
        content = text[q.start : q.end]
        if len(re.findall(r"\w+", content)) < MIN_WORDS:
            continue
        ps = paras[q.paragraph][0]
        if _TITLE_CUES.search(text[max(ps, q.open_at - 40) : q.open_at]):
            continue
        start, end = strip_span(text, q.start, q.end)
        found = FoundQuote("direct", start, end, None, None, q.paragraph)
        label = speaker_label(text, q.open_at) if q.open_at == paras[q.paragraph][0] else None
        if label is not None:  # "PENCE: Well, ..." in a transcript
            found.source, found.cue, found.start = label[0], label[1], label[1][1] + 1
            out.append(found)
            continue
        after = window_after(doc, text, q, paras, starts)
        before = window_before(doc, text, q, paras, starts)
        dash = _DASH_SOURCE.match(text, q.close_at + 1) if q.closed else None
        if dash is not None:  # “...” ― Ariana Huichapa
            found.cue, found.source = (dash.start(1), dash.end(1)), (dash.start(2), dash.end(2))
        for window, prefer_last in ((after, False), (before, True)):
            if found.source is not None:
                break
            attribution = find_attribution(window, cues, prefer_last=prefer_last)
            if attribution is not None:
                found.cue, found.source = attribution
                break
        out.append(found)
    out = sorted(out + find_transcript_lines(text, paras, out), key=lambda f: f.start)
    out = _merge_broken(out, text)
    _inherit(out, paras, text)
    return out


def _join_paragraphs(spans: list[QuotedSpan], text: str, paras: list[tuple[int, int]]) -> list[QuotedSpan]:
    """An unclosed quote continues into the next paragraph when that one opens with a quotation mark."""
    out: list[QuotedSpan] = []
    for q in spans:
        if (
            out
            and not out[-1].closed
            and q.paragraph == out[-1].paragraph + 1
            and q.open_at == paras[q.paragraph][0]
            and speaker_label(text, paras[q.paragraph][0]) is None
        ):
            last = out[-1]
            out[-1] = QuotedSpan(last.start, q.end, last.open_at, q.close_at, last.paragraph, q.closed)
            continue
        out.append(q)
    return out


def _merge_broken(found: list[FoundQuote], text: str) -> list[FoundQuote]:
    """ "X," he said, "y ..." is one quote: the second part goes on the sentence the first began."""
    out: list[FoundQuote] = []
    for f in found:
        if out and out[-1].paragraph == f.paragraph and out[-1].cue is not None:
            prev = out[-1]
            gap = text[prev.end : f.start]
            broken = (
                text[prev.end : prev.end + 2].rstrip('”"’» ') in (",", "")
                and text[prev.end - 1 : prev.end] != "."
                and text[f.start : f.start + 1].islower()
                and (f.cue is None or prev.end <= f.cue[0] < f.start)
            )
            if len(gap) < 80 and broken:
                out[-1] = replace(
                    prev, end=f.end, text=text[prev.start : prev.end] + " " + text[f.start : f.end]
                )
                continue
        out.append(f)
    return out


def _inherit(found: list[FoundQuote], paras: list[tuple[int, int]], text: str) -> None:
    """Quotes without a cue of their own take the speaker before them in the paragraph, or the paragraph before."""
    for i, f in enumerate(found):
        if f.source is not None:
            continue
        earlier = [g for g in found[:i] if g.source is not None]
        if earlier and earlier[-1].paragraph == f.paragraph:
            f.source, f.inherited = earlier[-1].source, True
            continue
        later = [g for g in found[i + 1 :] if g.paragraph == f.paragraph and g.source is not None]
        if later:
            f.source, f.inherited = later[0].source, True
            continue
        opens_paragraph = text[paras[f.paragraph][0] : f.start].strip(' “"«„‘') == ""
        if earlier and opens_paragraph and earlier[-1].paragraph >= f.paragraph - 2:
            f.source, f.inherited = earlier[-1].source, True


# -- indirect quotes -----------------------------------------------------------------------------------


def _indirect_quotes(
    doc: Doc, paras: list[tuple[int, int]], *, cues: dict[str, str], direct: list[FoundQuote]
) -> list[FoundQuote]:
    out: list[FoundQuote] = []
    text = doc_text(doc)
    para_starts = [s for s, _ in paras]
    inside = sorted((d.start, d.end) for d in direct)
    inside_starts = [s for s, _ in inside]
    for token in doc:  # the cheap test first: few tokens are cues
        according = token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
        if not according and not is_cue(token, cues, speech_only=False):
            continue
        number = bisect_right(para_starts, token.idx) - 1
        if number < 0 or token.idx >= paras[number][1]:
            continue
        ps, pe = paras[number]
        k = bisect_right(inside_starts, token.idx)
        if any(s <= token.idx < e for s, e in inside[max(0, k - 3) : k]):
            continue
        if according:
            found = find_according(token, ps, pe, number)
        else:
            found = find_reported(token, cues, ps, pe, number)
        if found is not None and len(re.findall(r"\w+", text[found.start : found.end])) >= _MIN_INDIRECT:
            out.append(found)
    return _outermost(out)


def _outermost(found: list[FoundQuote]) -> list[FoundQuote]:
    """Of indirect quotes nested in one another, the outermost."""
    out: list[FoundQuote] = []
    for f in found:
        if any(
            g is not f and g.start <= f.start and f.end <= g.end and (g.start, g.end) != (f.start, f.end)
            for g in found
        ):
            continue
        if any((g.start, g.end) == (f.start, f.end) for g in out):
            continue
        out.append(f)
    return out


def _reconcile(
    direct: list[FoundQuote], indirect: list[FoundQuote]
) -> tuple[list[FoundQuote], list[FoundQuote]]:
    """One quote per stretch of speech: a clause mostly in quotation marks is the direct quote (which takes
    the clause's cue and speaker when it has none); a clause with a short quoted part is one indirect
    (mixed) quote."""
    kept_indirect: list[FoundQuote] = []
    dropped: set[int] = set()
    for f in indirect:
        inside = [d for d in direct if d.start < f.end and f.start < d.end]
        if not inside:
            kept_indirect.append(f)
            continue
        covered = sum(min(d.end, f.end) - max(d.start, f.start) for d in inside)
        pieces = [d for d in inside if f.start - 2 <= d.start and d.end <= f.end + 2]
        if len(pieces) >= 2 and len(pieces) == len(inside):  # 'X said that "a" but "b"': one mixed quote
            dropped.update(id(d) for d in pieces)
            kept_indirect.append(f)
            continue
        if covered >= 0.5 * (f.end - f.start):
            for d in inside:
                within = f.start - 2 <= d.start and d.end <= f.end + 2
                if d.source is None or d.inherited or (within and not _cue_inside(d, f)):
                    d.source, d.cue, d.inherited = f.source, f.cue, False
            continue
        if all(f.start <= d.start and d.end <= f.end + 1 for d in inside):
            dropped.update(id(d) for d in inside)
            kept_indirect.append(f)
    return [d for d in direct if id(d) not in dropped], kept_indirect


def _cue_inside(direct: FoundQuote, clause: FoundQuote) -> bool:
    """True when a direct quote's own cue lies within the clause that reports it ("he said X "y," she added")."""
    return direct.cue is not None and clause.start <= direct.cue[0] < clause.end


def _merge_same_cue(found: list[FoundQuote], text: str) -> list[FoundQuote]:
    """Parts of one paragraph that share one cue are one quote: 'X said the plan "a" and then "b"' or an
    indirect clause with its quoted fragment ("X dismissed Estonia as the "suburbs of St. Petersburg"").
    Parts without a cue of their own ('"A," she said. "B."') stay apart."""
    out: list[FoundQuote] = []
    for f in found:
        prev = next((g for g in reversed(out) if g.paragraph == f.paragraph), None)
        if (
            prev is not None
            and f.cue is not None
            and prev.cue == f.cue
            and not f.inherited
            and not prev.inherited
            and f.start - prev.end < 200
        ):
            merged = replace(
                prev,
                kind="indirect" if "indirect" in (prev.kind, f.kind) else prev.kind,
                start=min(prev.start, f.start),
                end=max(prev.end, f.end),
                source=prev.source or f.source,
                text=None,
            )
            out[out.index(prev)] = merged
            continue
        out.append(f)
    return out


# -- records -------------------------------------------------------------------------------------------


def _quote(found: FoundQuote, doc: Doc, entities: list[Entity]) -> Quote:
    text = doc_text(doc)
    cue = (
        Mention(text=text[found.cue[0] : found.cue[1]], start=found.cue[0], end=found.cue[1])
        if found.cue
        else None
    )
    speaker = None
    source = None
    if found.source is not None:
        speaker = find_speaker(found.source, doc, entities)
        source = Mention(
            text=text[found.source[0] : found.source[1]], start=found.source[0], end=found.source[1]
        )
    return Quote(
        kind=found.kind,
        text=found.text or text[found.start : found.end],
        start=found.start,
        end=found.end,
        cue=cue.text if cue else None,
        speaker=speaker,
        cue_span=cue,
        source=source,
    )

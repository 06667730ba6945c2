"""Article text as HTML: people, quotes and event triggers marked up, everything else escaped.

`mark_up(article)` is the only place article text becomes HTML. It cuts the text at every span
boundary and escapes each piece; the tags around the pieces are ours. Spans may nest or cross (a
quote holding a name, a trigger inside a quote): a span crossing another is closed and reopened, so
the HTML is always well formed. Links never nest: where a trigger and a name overlap, the trigger wins.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

from dateline.records import Article, Event

QUAD_CLASSES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
LINKED_TYPES = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass(frozen=True)
class Span:
    """A stretch of text to wrap in `tag` with `attrs` (values escaped when rendered)."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    rank: int = 0  # among spans starting and ending together, lower ranks are outer


def person_url(name: str) -> str:
    """The actor page of a person."""
    return "/actor/" + url_quote(name, safe="") + "?kind=person"


def actor_url(code: str) -> str:
    """The actor page of an actor code."""
    return "/actor/" + url_quote(code, safe="")


def event_title(event: Event) -> str:
    """A one-line plain-text summary of a coded event (for tooltips)."""
    source = (event.source.actor or "?") if event.source else "?"
    target = (event.target.actor or "—") if event.target else "—"
    parts = [f"{source} → {event.cameo} {cameo_name(event.cameo)} → {target}"]
    if event.plover:
        parts.append(f"PLOVER {event.plover}")
    parts.append(f"date {event.date or 'unknown'}")
    if event.location:
        parts.append(f"at {event.location.name}")
    if event.modality != "asserted":
        parts.append(event.modality)
    if event.claimed_by and event.claimed_by.name:
        parts.append(f"claimed by {event.claimed_by.name}")
    return "; ".join(parts)


def article_spans(article: Article) -> list[Span]:
    """The spans to mark in `article.text`: quotes, then linked names, then event triggers."""
    size = len(article.text)
    spans: list[Span] = []
    for quote in article.quotes:
        speaker = (quote.speaker.name if quote.speaker else None) or "unknown speaker"
        spans.append(
            Span(
                quote.start,
                quote.end,
                "span",
                {"class": f"quote {quote.kind}", "title": f"{quote.kind} quote: {speaker}"},
            )
        )
    triggers: list[Span] = []
    for event in article.events:
        trigger = event.trigger
        triggers.append(
            Span(
                trigger.start,
                trigger.end,
                "a",
                {
                    "class": f"trigger q{event.quad_class}",
                    "href": f"#ev-{event.id}",
                    "data-event": event.id,
                    "title": event_title(event),
                },
                rank=2,
            )
        )
    names: list[Span] = []
    for ent in article.entities:
        if ent.type not in LINKED_TYPES:
            continue
        if ent.type == "PERSON":
            href = person_url(ent.name)
        elif ent.actor:
            href = actor_url(ent.actor)
        else:
            continue
        label = ", ".join(part for part in (ent.name, ent.title, ent.actor) if part)
        kind = "person" if ent.type == "PERSON" else "actor"
        for m in ent.mentions:
            names.append(
                Span(m.start, m.end, "a", {"class": f"ent {kind}", "href": href, "title": label}, rank=1)
            )
    links = _without_overlaps(triggers + names, size)
    return [s for s in spans if 0 <= s.start < s.end <= size] + links


def _without_overlaps(spans: list[Span], size: int) -> list[Span]:
    """Keep spans in range that overlap no span kept before (triggers come first, so they win)."""
    kept: list[Span] = []
    for span in spans:
        if not 0 <= span.start < span.end <= size:
            continue
        if any(span.start < other.end and other.start < span.end for other in kept):
            continue
        kept.append(span)
    return kept


def mark_up(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with each span wrapped in its tag; crossing spans are split."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    order = sorted(spans, key=lambda s: (s.start, -s.end, s.rank))
    out: list[str] = []
    stack: list[Span] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [s for s in order if s.start <= left and right <= s.end]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        for span in reversed(stack[keep:]):
            out.append(f"</{span.tag}>")
        for span in active[keep:]:
            out.append(_open(span))
        stack = active
        out.append(str(escape(text[left:right])))
    for span in reversed(stack):
        out.append(f"</{span.tag}>")
    return Markup("".join(out))


def _open(span: Span) -> str:
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in span.attrs.items())
    return f"<{span.tag}{attrs}>"


def article_html(article: Article) -> Markup:
    """The article's text as HTML with its people, quotes and event triggers marked."""
    return mark_up(article.text, article_spans(article))


def highlight_snippet(snippet: str | None, start: str, end: str) -> Markup:
    """A search snippet escaped, with the matched words (between `start` and `end`) in <mark>."""
    if not snippet:
        return Markup("")
    html = str(escape(snippet))
    return Markup(html.replace(start, "<mark>").replace(end, "</mark>"))


@functools.lru_cache(maxsize=4096)
def cameo_name(code: str) -> str:
    """The codebook's name of a CAMEO event code ("" when unknown)."""
    from dateline.lexicon.codebook import load_codebook

    return load_codebook().name_of(code)


@functools.lru_cache(maxsize=4096)
def country_name(code: str) -> str:
    """The English short name of an ISO 3166 alpha-3 code ("" when unknown)."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 and code.isalpha() else None
    return str(getattr(found, "common_name", None) or getattr(found, "name", "")) if found else ""


@functools.lru_cache(maxsize=4096)
def actor_label(code: str) -> str:
    """A readable name for an actor code: "RUSGOV" -> "Russian Federation: Government"."""
    from dateline.lexicon.actor_codes import decode_actor_code
    from dateline.lexicon.codebook import load_codebook

    if not code:
        return ""
    decoded = decode_actor_code(code)
    sectors = load_codebook().sectors
    parts = []
    if decoded.kind == "country" and decoded.country:
        parts.append(country_name(decoded.country) or decoded.country)
    elif decoded.sector in sectors:
        parts.append(sectors[decoded.sector].name)
    rest = code.upper()[3:]
    while rest:
        chunk, rest = rest[:3], rest[3:]
        if chunk in sectors and (decoded.kind == "country" or chunk != decoded.sector):
            parts.append(sectors[chunk].name)
    return ": ".join(parts)

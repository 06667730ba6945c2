"""A coded article as a person would like to read it in a terminal (rich renderables)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from dateline.lexicon.codebook import load_codebook
from dateline.records import Article, Event, Location

PLACE_TYPES = ("GPE", "LOC", "FAC")


def render_article(article: Article) -> RenderableType:
    """Headline, dateline and date, lede; then people, places, quotes, events and dates as tables."""
    parts: list[RenderableType] = []
    origin = article.origin.get("path") or article.origin.get("url") or ""
    if origin:
        parts.append(Text(origin, style="dim"))
    parts.append(Text(article.headline or "(no headline)", style="bold"))
    line = Text()
    if article.dateline:
        d = article.dateline
        place = ", ".join(x for x in (d.place, d.country) if x)
        line.append(place or d.text, style="cyan")
        if d.agency:
            line.append(f"  {d.agency}", style="magenta")
        line.append("  ")
    published = article.published
    line.append(published.date or "date unknown", style="green" if published.date else "yellow")
    line.append(f"  ({published.basis})", style="dim")
    parts.append(line)
    if published.why and published.basis.startswith("dateline"):
        parts.append(Text(published.why, style="dim italic"))
    if article.lede:
        parts.append(Text(_clip(article.lede, 300)))

    people = [e for e in article.entities if e.type == "PERSON"]
    if people:
        table = Table(title="People", title_justify="left", show_edge=False, expand=False)
        for column in ("name", "title", "country", "actor", "mentions"):
            table.add_column(column)
        for e in people:
            _add_row(table, e.name, e.title or "", e.country or "", e.actor or "", str(len(e.mentions)))
        parts.append(table)
    places = [e for e in article.entities if e.type in PLACE_TYPES and (e.country or e.lat is not None)]
    if places:
        table = Table(title="Places", title_justify="left", show_edge=False, expand=False)
        for column in ("name", "country", "admin1", "lat, lon", "feature", "sure", "mentions"):
            table.add_column(column)
        for e in places:
            point = f"{e.lat:.2f}, {e.lon:.2f}" if e.lat is not None and e.lon is not None else ""
            sure = f"{e.place_confidence:.2f}" if e.place_confidence is not None else ""
            _add_row(
                table,
                e.name,
                e.country or "",
                e.admin1 or "",
                point,
                e.feature or "",
                sure,
                str(len(e.mentions)),
            )
        parts.append(table)
    if article.quotes:
        table = Table(title="Quotes", title_justify="left", show_edge=False)
        table.add_column("speaker", style="cyan", no_wrap=True)
        table.add_column("kind", style="dim")
        table.add_column("quote")
        for q in article.quotes:
            speaker = (q.speaker.name if q.speaker else None) or "?"
            _add_row(table, speaker, q.kind, _clip(q.text, 160))
        parts.append(table)
    if article.events:
        table = Table(title="Events", title_justify="left", show_edge=False)
        for column in ("date", "source", "event", "target", "where", "modality", "evidence"):
            table.add_column(column, min_width=24 if column == "event" else None)
        for ev in article.events:
            _add_row(
                table,
                _event_date(ev),
                (ev.source.actor if ev.source else "") or "",
                _event_kind(ev),
                (ev.target.actor if ev.target else "") or "",
                _clip(_where(ev.location, admin1=False), 30) if ev.location else "",
                ev.modality,
                _clip(ev.trigger.text if ev.trigger else "", 40),
            )
        parts.append(table)
    if article.dates:
        table = Table(title="Dates", title_justify="left", show_edge=False)
        for column in ("expression", "means", "tense"):
            table.add_column(column)
        for ref in article.dates:
            means = ref.value or "?"
            if ref.last and ref.last != ref.value:
                means = f"{ref.value} .. {ref.last}"
            _add_row(table, ref.text, means, ref.tense)
        parts.append(table)
    parts.append(Text(""))
    return Group(*parts)


def _where(location: Location, *, admin1: bool = True) -> str:
    parts = (location.name, location.admin1 if admin1 else None, location.country)
    return ", ".join(x for x in dict.fromkeys(parts) if x)


def _event_kind(event: Event) -> str:
    """The CAMEO code and its name ("036 Express intent to meet or negotiate"), then the PLOVER type."""
    name = load_codebook().name_of(event.cameo).removesuffix(", not specified below")
    label = _clip(f"{event.cameo} {name}".strip(), 30)
    return f"{label} ({event.plover})" if event.plover else label


def _event_date(event: Event) -> str:
    """The event's date at the precision it is known: a year basis shows "2022", a month "2022-03"."""
    if not event.date:
        return ""
    if event.date_basis.endswith("-decade"):
        return event.date[:3] + "0s"
    if event.date_basis.endswith("-year"):
        return event.date[:4]
    if event.date_basis.endswith("-month"):
        return event.date[:7]
    if event.date_basis.endswith("-week"):
        return f"week of {event.date}"
    return event.date


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _add_row(table: Table, *cells: str) -> None:
    """A table row of plain text: words of the story are never read as Rich markup ("[/]" stays as it is)."""
    table.add_row(*(Text(cell) for cell in cells))

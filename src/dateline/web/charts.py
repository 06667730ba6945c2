"""Charts as SVG, drawn on the server: a dyad's cooperation and conflict over time, and a map of events.

Every number and label is escaped; each bar of the chart is a link to the events behind it. The map
is an equirectangular plot of the events' places over country outlines (Natural Earth, see `worldmap.py`),
drawn into the page itself: it needs no request to anywhere.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from dateline.store import DyadPoint
from dateline.web import worldmap
from dateline.web.render import QUAD_CLASSES

QUAD_COLOURS = {1: "#7fb3d5", 2: "#1f618d", 3: "#f0b27a", 4: "#b03a2e"}
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}


@dataclass(frozen=True)
class MapPoint:
    """A place with events: where, how many, and the page listing them."""

    name: str
    lat: float
    lon: float
    events: int
    href: str


def _days(period: str) -> int:
    return dt.date.fromisoformat(period).toordinal()


def dyad_chart(
    points: Sequence[DyadPoint],
    *,
    freq: str,
    link: Callable[[DyadPoint], str],
    undated: int = 0,
    width: int = 1120,
) -> Markup:
    """Two panels over one time axis: the Goldstein sum per period, and event counts by QuadClass.

    link: the URL of the events behind a point.
    undated: how many events have no date and so are not shown (said under the chart).
    """
    note = Markup(f'<p class="note undated">{escape(undated_note(undated))}</p>') if undated else Markup("")
    if not points:
        return Markup('<p class="empty">No dated events between these actors yet.</p>') + note
    left, right, top, panel, gap = 56, 48, 14, 140, 34
    height = top + panel + gap + panel + 30
    plot = width - left - right
    step = PERIOD_DAYS[freq]
    first = _days(points[0].period)
    span = max(_days(points[-1].period) + step - first, step)
    bar = max(2.0, min(36.0, plot * step / span * 0.8))

    def x_of(period: str) -> float:
        return left + (_days(period) - first + step / 2) / span * plot

    g_max = max(max(abs(p.goldstein) for p in points), 1.0)
    n_max = max(max(p.events for p in points), 1)
    g_mid = top + panel / 2
    q_base = top + panel + gap + panel
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Goldstein sum and events by QuadClass per period</title>',
        f'<text x="{left}" y="{top - 3}" class="label">Goldstein sum (±{_num(g_max)})</text>',
        f'<text x="{left}" y="{top + panel + gap - 3}" class="label">Events by QuadClass (max {n_max})</text>',
        f'<line x1="{left}" x2="{width - right}" y1="{g_mid}" y2="{g_mid}" stroke="#999" stroke-width="1"/>',
        f'<line x1="{left}" x2="{width - right}" y1="{q_base}" y2="{q_base}" stroke="#999" stroke-width="1"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" class="tick">{_num(g_max)}</text>',
        f'<text x="{left - 6}" y="{g_mid + 4}" text-anchor="end" class="tick">0</text>',
        f'<text x="{left - 6}" y="{top + panel}" text-anchor="end" class="tick">{_num(-g_max)}</text>',
        f'<text x="{left - 6}" y="{q_base - panel + 10}" text-anchor="end" class="tick">{n_max}</text>',
        f'<text x="{left - 6}" y="{q_base}" text-anchor="end" class="tick">0</text>',
    ]
    for point in points:
        x = x_of(point.period) - bar / 2
        g_height = abs(point.goldstein) / g_max * (panel / 2)
        g_y = g_mid - g_height if point.goldstein >= 0 else g_mid
        colour = "#1f618d" if point.goldstein >= 0 else "#b03a2e"
        counts = ", ".join(f"{QUAD_CLASSES[q]} {n}" for q, n in _quads(point) if n)
        tip = f"{point.period} ({freq}): {point.events} events, Goldstein {_num(point.goldstein)}; {counts}"
        out.append(f'<a href="{escape(link(point))}" class="point" data-period="{escape(point.period)}">')
        out.append(f"<title>{escape(tip)}</title>")
        out.append(
            f'<rect x="{x:.1f}" y="{top}" width="{bar:.1f}" height="{q_base - top}" fill="transparent"/>'
        )
        out.append(
            f'<rect x="{x:.1f}" y="{g_y:.1f}" width="{bar:.1f}" height="{max(g_height, 1):.1f}" fill="{colour}"/>'
        )
        y: float = q_base
        for quad, n in _quads(point):
            if not n:
                continue
            h = n / n_max * panel
            y -= h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{QUAD_COLOURS[quad]}"/>'
            )
        out.append("</a>")
    last_x = -1e9
    for period in _ticks(points):
        x = x_of(period)
        if x - last_x < 80:  # too close to the previous label
            continue
        last_x = x
        out.append(
            f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" class="tick">{escape(period)}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out)) + note


def undated_note(undated: int) -> str:
    """What a time chart says about the events it leaves out for want of a date."""
    if undated == 1:
        return "1 event without a date is not shown."
    return f"{undated:,} events without a date are not shown."


def _quads(point: DyadPoint) -> list[tuple[int, int]]:
    return [(1, point.quad1), (2, point.quad2), (3, point.quad3), (4, point.quad4)]


def _ticks(points: Sequence[DyadPoint], most: int = 6) -> list[str]:
    periods = [p.period for p in points]
    if len(periods) <= most:
        return periods
    step = (len(periods) - 1) / (most - 1)
    return sorted({periods[round(i * step)] for i in range(most)})


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def event_map(points: Sequence[MapPoint], *, width: int = 1120) -> Markup:
    """An equirectangular world map of country outlines with a circle per place on top, sized by its
    events, linked to them."""
    height = width // 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return worldmap.project(lat, lon, width=width, height=height)

    out = [
        f'<svg class="map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        'aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="map-title">Where the events took place</title>',
        f'<rect width="{width}" height="{height}" fill="#f4f7fa"/>',
    ]
    for lon in range(-150, 180, 30):
        x, _ = xy(0, lon)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" stroke="#dde3ea" stroke-width="0.5"/>'
        )
    for lat in range(-60, 90, 30):
        _, y = xy(lat, 0)
        out.append(
            f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dde3ea" stroke-width="0.5"/>'
        )
    out.append(_outlines(width, height))
    for point in sorted(points, key=lambda p: -p.events):
        x, y = xy(point.lat, point.lon)
        radius = 3 + 2.5 * point.events**0.5
        tip = f"{point.name}: {point.events} event{'s' if point.events != 1 else ''}"
        out.append(
            f'<a href="{escape(point.href)}" class="place"><title>{escape(tip)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#b03a2e" fill-opacity="0.6" '
            'stroke="#fff" stroke-width="1"/></a>'
        )
    out.append("</svg>")
    return Markup("".join(out))


@functools.cache
def _outlines(width: int, height: int) -> str:
    """The countries as one group of paths (the same on every map of this size, so made once)."""
    out = ['<g class="countries" fill="#d5dbe1" stroke="#ffffff" stroke-width="0.5" fill-rule="evenodd">']
    for country, d in worldmap.country_paths(width, height):
        code = f' data-iso3="{escape(country.iso3)}"' if country.iso3 else ""
        out.append(f'<path class="country"{code} d="{d}"><title>{escape(country.name)}</title></path>')
    out.append("</g>")
    return "".join(out)

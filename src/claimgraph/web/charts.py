"""Charts drawn on the server as SVG (no script needed to see them). Every label is escaped."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape


def timeline(points: list[tuple[dt.date, int]], label: str, width: int = 720,
             height: int = 140) -> Markup:
    """Counts per day as bars on a date axis, with the first and last date labelled."""
    if not points:
        return Markup("")
    first, last = points[0][0], points[-1][0]
    span = max((last - first).days, 1)
    top = max(n for _, n in points)
    left, right, base = 36, width - 12, height - 24
    bar = max(2.0, min(14.0, (right - left) / (span + 1) * 0.8))
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(label)}">',
             f'<line class="axis" x1="{left}" y1="{base}" x2="{right}" y2="{base}"/>',
             f'<text x="{left - 6}" y="{base - (base - 12) + 4}" text-anchor="end">{top}</text>',
             f'<text x="{left}" y="{height - 6}">{first.isoformat()}</text>',
             f'<text x="{right}" y="{height - 6}" text-anchor="end">{last.isoformat()}</text>']
    for day, n in points:
        x = left + (day - first).days / span * (right - left - bar)
        h = max(1.0, n / top * (base - 12))
        parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                     f'fill="#0b5cad"><title>{day.isoformat()}: {n}</title></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))

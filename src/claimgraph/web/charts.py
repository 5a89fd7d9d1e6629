"""Charts drawn on the server as SVG (no script needed to see them). Every label is escaped."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from markupsafe import Markup, escape


def timeline(points: list[tuple[dt.date, int]], label: str, width: int = 720,
             height: int = 140) -> Markup:
    """Counts per day as bars on a date axis, with the first and last date labelled."""
    if not points:
        return Markup("")
    first, last = points[0][0], points[-1][0]
    if (last - first).days < 14:  # a short stretch is shown as two weeks around it
        pad = dt.timedelta(days=(14 - (last - first).days) // 2)
        first, last = first - pad, last + pad
    span = (last - first).days
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


STATUS_COLOURS = {"confirmed": "#1a7f37", "denied": "#c0182e", "attributed": "#57606a",
                  "hedged": "#b35900", "speculative": "#8250df", "opinion": "#0550ae",
                  "asserted": "#8c959f"}


def reports(members, estimate=None, width: int = 760, height: int = 260) -> Markup:
    """Each report of a claim as a point: its publication date across, its number up (or one
    lane per outlet when the claim has no number), coloured by status, linked to the article.
    A disputed number's conservative estimate is a dashed line, so outliers stand apart."""
    dated = [m for m in members if m.published]
    if not dated:
        return Markup("")
    first = min(m.published for m in dated)
    last = max(m.published for m in dated)
    if (last - first).days < 6:
        pad = dt.timedelta(days=(6 - (last - first).days) // 2 + 1)
        first, last = first - pad, last + pad
    span = (last - first).days
    left, right, top, base = 120, width - 20, 20, height - 40
    numbers = [m.value if m.value is not None else m.low for m in dated]
    numeric = any(v is not None for v in numbers)
    if numeric:
        values = [v for v in numbers if v is not None]
        low, high = min(values), max(values)
        if estimate:
            low, high = min(low, estimate.low), max(high, estimate.high)
        if high == low:
            low, high = low * 0.9 if low else -1, high * 1.1 if high else 1

        def y_of(m, v):
            return base - (v - low) / (high - low) * (base - top)
        labels = [(base, f"{low:,.0f}"), (top, f"{high:,.0f}")]
    else:
        lanes = sorted({m.outlet or "unknown outlet" for m in dated})
        step = (base - top) / max(len(lanes), 1)

        def y_of(m, v):
            return top + step * (lanes.index(m.outlet or "unknown outlet") + 0.5)
        labels = [(top + step * (i + 0.5), lane[:18]) for i, lane in enumerate(lanes)]
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{len(dated)} reports over time">',
             f'<line class="axis" x1="{left}" y1="{base}" x2="{right}" y2="{base}"/>',
             f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{base}"/>',
             f'<text x="{left}" y="{height - 12}">{first.isoformat()}</text>',
             f'<text x="{right}" y="{height - 12}" text-anchor="end">{last.isoformat()}</text>']
    parts += [f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(text)}</text>'
              for y, text in labels]
    if numeric and estimate:
        y = y_of(None, estimate.conservative)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#1b1f24" '
                     f'stroke-dasharray="6 4"/><text x="{right}" y="{y - 5:.1f}" '
                     f'text-anchor="end">conservative: {estimate.conservative:,.0f}</text>')
    for m, v in zip(dated, numbers):
        if numeric and v is None:
            continue
        x = left + (m.published - first).days / max(span, 1) * (right - left)
        y = y_of(m, v)
        what = f"{m.outlet or 'unknown outlet'}, {m.published}: {m.text[:120]} ({m.status})"
        parts.append(f'<a href="/articles/{escape(m.article[1:])}#m-{escape(m.claim)}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="'
                     f'{STATUS_COLOURS.get(m.status, "#57606a")}" stroke="#fff" stroke-width="1.5">'
                     f'<title>{escape(what)}</title></circle></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def network(drawing) -> Markup:
    """The source graph as SVG: outlets as squares, speakers and channels as circles, an arrow
    from whoever reports to whoever they cite, thicker for more reports. Zoom and pan come
    from app.js; each node links to its page."""
    parts = [f'<svg id="graph" class="chart zoomable" viewBox="0 0 {drawing.width} '
             f'{drawing.height}" role="img" tabindex="0" aria-label="Source graph: '
             f'{len(drawing.nodes)} outlets and sources; arrows and +/- keys move and zoom">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
             'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
             'fill="#8a939c"/></marker></defs>']
    for e in drawing.edges:
        dx, dy = e.b.x - e.a.x, e.b.y - e.a.y
        length = max((dx * dx + dy * dy) ** 0.5, 1)
        x2, y2 = e.b.x - dx / length * (e.b.r + 2), e.b.y - dy / length * (e.b.r + 2)
        parts.append(f'<line x1="{e.a.x}" y1="{e.a.y}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="#8a939c" stroke-opacity=".7" stroke-width="'
                     f'{min(1 + e.count ** 0.5, 6):.1f}" marker-end="url(#arrow)">'
                     f'<title>{escape(e.a.label)} → {escape(e.b.label)}: {e.count} '
                     f'report{"s" * (e.count != 1)}</title></line>')
    for n in drawing.nodes:
        href = (f"/?outlet={quote(n.label)}" if n.kind == "outlet" else f"/who/{quote(n.label)}")
        title = f"<title>{escape(n.label)}: {n.weight} report{'s' * (n.weight != 1)}</title>"
        shape = (f'<rect x="{n.x - n.r}" y="{n.y - n.r}" width="{2 * n.r}" height="{2 * n.r}" '
                 f'rx="3" fill="#0b5cad">{title}</rect>' if n.kind == "outlet" else
                 f'<circle cx="{n.x}" cy="{n.y}" r="{n.r}" fill="#c2410c">{title}</circle>')
        parts.append(f'<a href="{escape(href)}">{shape}<text x="{n.x + n.r + 3}" y="{n.y + 4}">'
                     f'{escape(n.label[:28])}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))

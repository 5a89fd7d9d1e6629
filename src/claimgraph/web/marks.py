"""Article text as HTML with its quotes, speakers, cues and claims marked.

Marks may overlap (a claim running past the end of a quote); they are cut where they cross, so
the HTML is always well nested. Only the first piece of a mark takes keyboard focus. Every piece
of text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# Outer marks first when two start and end together.
LAYERS = {"quote": 0, "claim": 1, "speaker": 2, "cue": 2}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: str  # a key of LAYERS
    classes: str
    detail: str | None = None  # id of the detail the mark opens
    title: str | None = None  # what the mark is, as a tooltip and accessible description
    anchor: str | None = None  # id of the first piece, for links to the mark

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.start, -self.end, LAYERS[self.layer])


def marked_html(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each mark as a ``<span>`` around its stretch."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: m.order)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[int]] = {}
    for n, mark in enumerate(marks):
        starting.setdefault(mark.start, []).append(n)
    parts: list[str] = []
    live: set[int] = set()  # indexes into marks (so sorted order is nesting order)
    open_marks: list[int] = []
    for left, right in zip(bounds, bounds[1:]):
        live = {n for n in live if marks[n].end > left} | set(starting.get(left, ()))
        active = sorted(live)
        keep = 0
        while keep < min(len(active), len(open_marks)) and active[keep] == open_marks[keep]:
            keep += 1
        parts.append("</span>" * (len(open_marks) - keep))
        parts.extend(_open(marks[n], first=marks[n].start == left) for n in active[keep:])
        open_marks = active
        parts.append(str(escape(text[left:right])))
    parts.append("</span>" * len(open_marks))
    return Markup("".join(parts))


def _open(mark: Mark, first: bool) -> str:
    attrs = {"class": mark.classes + ("" if first else " cont")}
    if mark.anchor and first:
        attrs["id"] = mark.anchor
    if mark.detail:
        attrs["data-detail"] = mark.detail
        if first and mark.layer in ("quote", "claim"):  # speaker and cue: a click is enough
            attrs.update({"tabindex": "0", "role": "button", "aria-controls": "panel"})
    if mark.title:
        attrs["title"] = mark.title
    rendered = " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items())
    return f"<span {rendered}>"

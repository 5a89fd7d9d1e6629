"""Readable terminal views of an Analysis or an Article, as Rich renderables (the CLI prints them).
What goes together is decided in grouping.py; this module only draws it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from claimgraph.grouping import claims_by_status, speaker_groups
from claimgraph.model import Analysis, Article, Quote

EXCERPT = 140


def render_report(analysis: Analysis) -> RenderableType:
    parts: list[RenderableType] = [_heading(analysis)]
    parts += [Text(warning, style="bold yellow") for warning in analysis.warnings]
    parts.append(_counts(analysis))
    if analysis.quotes:
        parts += [Rule("Who is quoted", align="left"), *_quotes_by_speaker(analysis)]
    if analysis.claims or analysis.hedges:
        parts += [Rule("Claims by status", align="left"), *_claims_by_status(analysis)]
    if analysis.quantities or analysis.times:
        parts += [Rule("Numbers and dates", align="left"), *_numbers_and_dates(analysis)]
    if analysis.posts:
        parts += [Rule("Embedded posts", align="left"), *_posts(analysis)]
    return Group(*parts, Text(""))


def _heading(a: Article) -> Text:
    """Kicker, title, dek, then where the article comes from and when."""
    head = Text()
    if a.kicker:
        head.append(f"{a.kicker} · ", style="bold magenta")
    head.append(a.title or "(untitled)", style="bold")
    if a.dek:
        head.append(f"\n{a.dek}", style="italic")
    facts = [a.source] + [v for v in (a.url, a.outlet, a.byline) if v and v != a.source]
    if a.published:
        facts.append(f"published {'not before ' if a.published_inferred else ''}{a.published}")
    if a.retrieved:
        facts.append(f"retrieved {a.retrieved:%Y-%m-%d %H:%M}")
    head.append("\n" + " · ".join(facts), style="dim")
    if a.duplicate_of:
        head.append(f"\ncopy of {a.duplicate_of}: not independent confirmation", style="yellow")
    return head


def _counts(a: Analysis) -> Text:
    return Text(
        f"{len(a.text.split()):,} words · {len(a.entities)} entities · {len(a.quotes)} quotes · "
        f"{len(a.claims)} claims · {len(a.posts)} embedded posts · "
        f"{len(a.boilerplate)} boilerplate lines removed",
        style="dim",
    )


def render_article(a: Article) -> RenderableType:
    """An extracted Article as a reader sees it: heading, metadata, body, embedded posts."""
    parts: list[RenderableType] = [_heading(a), Text(""), Text(a.text)]
    if a.posts:
        parts += [Rule("Embedded posts", align="left"), *_posts(a)]
    if a.boilerplate:
        parts.append(Text(f"{len(a.boilerplate)} boilerplate lines removed", style="dim"))
    return Group(*parts, Text(""))


def _quotes_by_speaker(a: Analysis) -> list[RenderableType]:
    rendered: list[RenderableType] = []
    for group in speaker_groups(a):
        head = Text(group.name, style="bold cyan")
        if group.entity and group.entity.roles:
            head.append(" — " + "; ".join(group.entity.roles), style="cyan")
        if group.anonymous:
            head.append(" (anonymous)", style="dim")
        if group.via:
            head.append(f"  via {group.via}", style="cyan")
        n = len(group.quotes)
        head.append(f"  {n} statement{'s' * (n != 1)}", style="dim")
        rendered.append(head)
        for quote in group.quotes:
            rendered.append(_quote_line(quote, show_via=not group.via))
    return rendered


def _quote_line(quote: Quote, show_via: bool) -> Text:
    said = " … ".join(piece.text for piece in quote.content)
    line = Text("  ")
    line.append(f"{quote.cue.text if quote.cue else '—'} ", style="yellow")
    where = f" in the {quote.cue.field}" if quote.cue and quote.cue.field != "text" else ""
    negated = ", negated" if quote.negated else ""
    line.append(f"({quote.kind.replace('_', ' ')}, {quote.act}{negated}{where}) ", style="dim")
    line.append(_excerpt(f"“{said}”" if quote.kind == "direct" else said))
    if quote.via and show_via:
        line.append(f"  via {quote.via}", style="dim")
    return line


def _claims_by_status(a: Analysis) -> list[RenderableType]:
    rendered: list[RenderableType] = []
    for status, claims in claims_by_status(a):
        rendered.append(Text(f"{status} ({len(claims)})", style="bold green"))
        for sourced in claims:
            line = Text("  ")
            line.append(_excerpt(sourced.claim.text))
            line.append(f"  — {sourced.source}", style="cyan")
            if sourced.claim.cues:
                cues = ", ".join(c.text for c in sourced.claim.cues)
                line.append(f"  [{cues}]", style="yellow")
            rendered.append(line)
    if a.hedges:  # hedges no claim holds: in questions, headings, a quote's frame
        rendered.append(Text(f"hedges outside claims ({len(a.hedges)})", style="bold green"))
        rendered.append(Text("  " + ", ".join(f"{h.text} ({h.type})" for h in a.hedges),
                             style="yellow"))
    return rendered


def _numbers_and_dates(a: Analysis) -> list[RenderableType]:
    rendered: list[RenderableType] = []
    for q in a.quantities:
        bounds = _bounds(q.low, q.high, q.value, q.approximate)
        flags = ", ".join(f for f, on in (("approximate", q.approximate), ("vague", q.vague)) if on)
        line = Text(f"  {q.text}", style="bold")
        line.append(f"  {bounds} {q.unit or ''}".rstrip())
        if flags:
            line.append(f"  ({flags})", style="dim")
        rendered.append(line)
    for t in a.times:
        line = Text(f"  {t.text}", style="bold")
        if t.resolved:
            span = str(t.start_date) if t.start_date == t.end_date else f"{t.start_date} – {t.end_date}"
            line.append(f"  {span} ({t.granularity})")
        else:
            line.append(f"  unresolved: {t.reason}", style="dim")
        rendered.append(line)
    return rendered


def _bounds(low: float | None, high: float | None, value: float | None = None,
            approximate: bool = False) -> str:
    """"3,000", "200–300", "≥ 200", "≈ 2,200" (a value without bounds), or "?" (none known)."""
    def fmt(x: float) -> str:
        return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")

    if low is not None and high is not None:
        return fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
    if low is not None:
        return f"≥ {fmt(low)}"
    if high is not None:
        return f"≤ {fmt(high)}"
    if value is not None:
        return f"{'≈ ' if approximate else ''}{fmt(value)}"
    return "?"


def _posts(a: Article) -> list[RenderableType]:
    rendered: list[RenderableType] = []
    for post in a.posts:
        who = post.author or "?"
        if post.handle:
            who += f" (@{post.handle})"
        line = Text(f"  {post.platform} · {who} · {post.date or 'undated'}: ", style="cyan")
        line.append(_excerpt(post.text, 100))
        rendered.append(line)
    return rendered


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

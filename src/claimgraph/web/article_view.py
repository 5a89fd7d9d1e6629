"""What the article page shows, built from one Analysis: the title, dek and body with their marks,
one detail per quote and claim for the span panel, and the shared record grouping (speakers,
claims by status). Templates only lay it out."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from claimgraph.grouping import SpeakerGroup, SourcedClaim, claims_by_status, speaker_groups
from claimgraph.model import Analysis, Claim, Entity, Quote
from claimgraph.web.marks import Mark, marked_html

PALETTE = 12  # speaker colours in style.css (.spk-0 … .spk-11), reused in turn
FIELDS = ("title", "dek", "text")

# Each status, its mark and what it means, in the order of the legend.
STATUSES = {
    "confirmed": "a source confirms it (\u201cconfirmed\u201d, \u201cverified\u201d)",
    "denied": "a source denies it, or it is negated as reported",
    "attributed": "reported as someone's statement, without a stance",
    "hedged": "softened (\u201cappears\u201d, \u201csuggests\u201d, \u201cmay\u201d)",
    "speculative": "speculation or rumour (\u201cthere was speculation\u201d)",
    "opinion": "a view or judgement (\u201cbelieves\u201d, \u201cshould\u201d)",
    "asserted": "stated by the outlet itself",
}


@dataclass(frozen=True)
class QuoteDetail:
    quote: Quote
    speaker: str
    entity: Entity | None
    colour: int
    claims: list[Claim]


@dataclass(frozen=True)
class ClaimDetail:
    claim: Claim
    source: str
    quote: Quote | None


@dataclass(frozen=True)
class ArticleView:
    analysis: Analysis
    marked: dict[str, Markup]  # field → its HTML with marks
    quotes: list[QuoteDetail]
    claims: list[ClaimDetail]
    groups: list[tuple[SpeakerGroup, int]]  # each speaker group with its colour
    by_status: list[tuple[str, list[SourcedClaim]]]
    entities: list[Entity]
    statuses: dict[str, str]

    @property
    def words(self) -> int:
        return len(self.analysis.text.split())


def article_view(analysis: Analysis) -> ArticleView:
    groups = speaker_groups(analysis)
    colour = {q.id: i % PALETTE for i, group in enumerate(groups) for q in group.quotes}
    names = {q.id: group.name for group in groups for q in group.quotes}
    entities = {e.id: e for e in analysis.entities}
    quotes = {q.id: q for q in analysis.quotes}
    in_quote: dict[str, list[Claim]] = {}
    for claim in analysis.claims:
        if claim.quote:
            in_quote.setdefault(claim.quote, []).append(claim)
    by_status = claims_by_status(analysis)
    sources = {sc.claim.id: sc.source for _, claims in by_status for sc in claims}

    marks: dict[str, list[Mark]] = {f: [] for f in FIELDS}
    for quote in analysis.quotes:
        c, speaker = colour[quote.id], names[quote.id]
        for n, piece in enumerate(quote.content):
            marks[_field(piece)].append(Mark(
                piece.start, piece.end, "quote", f"q spk-{c}", f"d-{quote.id}",
                f"{quote.kind} quote, {speaker}", anchor=None if n else f"m-{quote.id}"))
        if quote.speaker:
            marks[_field(quote.speaker)].append(Mark(
                quote.speaker.start, quote.speaker.end, "speaker", f"speaker spk-{c}",
                f"d-{quote.id}", f"speaker: {speaker}"))
        if quote.cue:
            marks[_field(quote.cue)].append(Mark(
                quote.cue.start, quote.cue.end, "cue", "cue", f"d-{quote.id}", "cue"))
    for claim in analysis.claims:
        marks[_field(claim)].append(Mark(
            claim.start, claim.end, "claim", f"claim st-{claim.status}", f"d-{claim.id}",
            f"{claim.status} claim, {sources.get(claim.id, '')}", anchor=f"m-{claim.id}"))

    return ArticleView(
        analysis=analysis,
        marked={f: marked_html(getattr(analysis, f) or "", marks[f]) for f in FIELDS},
        quotes=[QuoteDetail(q, names[q.id], entities.get(q.speaker.entity) if q.speaker and
                            q.speaker.entity else None, colour[q.id], in_quote.get(q.id, []))
                for q in analysis.quotes],
        claims=[ClaimDetail(c, sources.get(c.id, ""), quotes.get(c.quote) if c.quote else None)
                for c in analysis.claims],
        groups=[(g, i % PALETTE) for i, g in enumerate(groups)],
        by_status=by_status,
        entities=sorted(analysis.entities, key=lambda e: -len(e.mentions)),
        statuses=STATUSES,
    )


def _field(record) -> str:
    # Spans index the body unless they say otherwise (title and dek are analyzed too).
    return getattr(record, "field", "text")

"""Claims as the clustering engine sees them, and the member record each one becomes.

A claim's anchor is what it measures (the unit of its number: "troops"), else nothing; its
words are its content words without numbers (so "3,000 troops in Russia" and "10,000 troops in
Russia" look alike and can be found to disagree); its participants are the canonical entities
named inside it; its times are the months of the dates it gives.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from claimgraph.link.cluster import Item, Weights
from claimgraph.link.evidence import specific
from claimgraph.link.records import Member
from claimgraph.link.text import stem, words
from claimgraph.model import Analysis, Quote

# Claims are compared by what they say more than by a head word: a stricter bar on words.
CLAIM_WEIGHTS = Weights(anchor=0.4, related=0.3, words=1.0, participants=0.3,
                        time_conflict=0.6, same_sentence=0.0, same_doc=0.4, threshold=0.6)
# Units that count the same thing under another name.
UNIT_SYNONYMS = frozenset({("soldier", "troop"), ("person", "people"), ("fighter", "troop"),
                           ("civilian", "people"), ("death", "dead")})


@dataclass
class Entry:
    """One claim: its engine item and what a reader sees of it."""

    item: Item
    member: Member
    component: str = ""  # the claims it may cluster with (see cluster.components)


def _speaker_chain(quote: Quote | None, quotes: dict[str, Quote], names: dict[str, str],
                   entity_of: dict[str, str]) -> tuple[str | None, str | None, list[str]]:
    """(canonical speaker id, speaker name, the channels and enclosing speakers outward)."""
    if quote is None:
        return None, None, []
    speaker = quote.speaker
    sid = entity_of.get(speaker.entity) if speaker and speaker.entity else None
    sname = names.get(sid, speaker.text) if speaker and not speaker.anonymous else (
        speaker.text if speaker else None)
    chain: list[str] = []
    seen = {quote.id}
    while quote is not None:
        if quote.via:
            chain.append(quote.via)
        parent = quotes.get(quote.nested_in) if quote.nested_in else None
        if parent is None or parent.id in seen:
            break
        seen.add(parent.id)
        if parent.speaker:
            pid = entity_of.get(parent.speaker.entity or "")
            chain.append(names.get(pid, parent.speaker.text) if pid else parent.speaker.text)
        quote = parent
    return sid, sname, chain


def entries(article: str, analysis: Analysis, entity_of: dict[str, str],
            names: dict[str, str], story: str) -> list[Entry]:
    """The claims of one article as clustering entries. ``entity_of`` maps the article's entity
    ids to canonical ids, ``names`` canonical ids to names."""
    quotes = {q.id: q for q in analysis.quotes}
    quantities = {}
    for q in analysis.quantities:
        if q.claim and q.claim not in quantities and not q.vague:
            quantities[q.claim] = q
    spans = sorted((m.start, m.end, entity_of[e.id]) for e in analysis.entities
                   for m in e.mentions if e.id in entity_of)
    starts = [s for s, _, _ in spans]
    out = []
    for n, claim in enumerate(analysis.claims):
        quote = quotes.get(claim.quote) if claim.quote else None
        sid, sname, via = _speaker_chain(quote, quotes, names, entity_of)
        if claim.source and sid is None:
            sid = entity_of.get(claim.source)
            sname = names.get(sid) if sid else None
        qty = quantities.get(claim.id)
        inside = frozenset(c for s, e, c in spans[bisect_left(starts, claim.start):
                                                   bisect_left(starts, claim.end)]
                           if e <= claim.end)
        months = frozenset(f"{t.start_date:%Y-%m}" for t in analysis.times
                           if t.start_date and t.resolved and t.granularity in ("day", "month")
                           and t.start >= claim.start and t.end <= claim.end)
        anchor = stem(qty.unit.split()[-1]) if qty and specific(qty.unit) else ""
        bag = frozenset(w for w in words(claim.text) if not w[0].isdigit()) - {anchor}
        member = Member(
            article=article, source=analysis.source, claim=claim.id, text=claim.text, outlet=analysis.outlet,
            published=analysis.published, published_inferred=analysis.published_inferred,
            status=claim.status, speaker=sid, speaker_name=sname, via=via,
            value=qty.value if qty else None, low=qty.low if qty else None,
            high=qty.high if qty else None, unit=qty.unit if qty else None,
            quantity_text=qty.text if qty else None, origin="",
            duplicate_of=analysis.duplicate_of,
        )
        item = Item(id=f"{article}/{claim.id}", doc=article, anchor=anchor, words=bag,
                    participants=inside, times=months, story=story, sentence=-1,
                    extra={"order": n})
        out.append(Entry(item, member))
    return out

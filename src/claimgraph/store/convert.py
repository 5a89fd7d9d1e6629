"""Stored rows back to model.py records (write.py goes the other way). Records read back carry
the store's ids as "e<id>", "q<id>", "c<id>"."""

from __future__ import annotations

import datetime as dt

from claimgraph.model import (
    Analysis, Claim, Cue, Entity, Mention, Post, Quantity, Quote, Span, Speaker, TimeExpression,
)
from claimgraph.store.tables import ArticleRow, ClaimRow, EntityRow, PostRow, QuoteRow

ARTICLE_FIELDS = ("source", "title", "kicker", "dek", "byline", "outlet", "url", "language",
                  "published", "published_inferred", "text", "boilerplate", "duplicate_of",
                  "warnings")


def entity_id(row_id: int | None) -> str | None:
    return None if row_id is None else f"e{row_id}"


def quote_id(row_id: int | None) -> str | None:
    return None if row_id is None else f"q{row_id}"


def claim_id(row_id: int | None) -> str | None:
    return None if row_id is None else f"c{row_id}"


def utc(moment: dt.datetime | None) -> dt.datetime | None:
    """Aware datetimes in UTC (SQLite hands back naive ones: they were stored as UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def to_analysis(row: ArticleRow) -> Analysis:
    """The Analysis record of a stored article, with store ids."""
    return Analysis(
        **{name: getattr(row, name) for name in ARTICLE_FIELDS},
        schema_version=row.schema_version, retrieved=utc(row.retrieved),
        posts=[to_post(post) for post in row.posts],
        entities=[to_entity(entity) for entity in row.entities],
        quotes=[to_quote(quote) for quote in row.quotes],
        claims=[to_claim(claim) for claim in row.claims],
        quantities=[Quantity(claim=claim_id(q.claim_id), **_columns(q, Quantity, {"claim"}))
                    for q in row.quantities],
        times=[TimeExpression(**_columns(t, TimeExpression)) for t in row.times],
        hedges=[Cue(**_columns(h, Cue)) for h in row.hedges],
    )


def with_store_ids(analysis: Analysis, entities: dict[str, int], quotes: dict[str, int],
                   claims: dict[str, int]) -> Analysis:
    """``analysis`` as ``to_analysis`` reads it back once stored: the record ids (and the
    references between records) replaced by the store ids they were given."""
    def quote(q: Quote) -> Quote:
        speaker = q.speaker and q.speaker.model_copy(
            update={"entity": entity_id(entities.get(q.speaker.entity))})
        return q.model_copy(update={"id": quote_id(quotes[q.id]), "speaker": speaker,
                                    "nested_in": quote_id(quotes.get(q.nested_in))})
    return analysis.model_copy(update={
        "retrieved": utc(analysis.retrieved),
        "entities": [e.model_copy(update={"id": entity_id(entities[e.id])})
                     for e in analysis.entities],
        "quotes": [quote(q) for q in analysis.quotes],
        "claims": [c.model_copy(update={"id": claim_id(claims[c.id]),
                                        "source": entity_id(entities.get(c.source)),
                                        "quote": quote_id(quotes.get(c.quote))})
                   for c in analysis.claims],
        "quantities": [q.model_copy(update={"claim": claim_id(claims.get(q.claim))})
                       for q in analysis.quantities],
    })


def _columns(row, record, skip=frozenset()) -> dict:
    return {name: getattr(row, name) for name in record.model_fields if name not in skip}


def to_post(row: PostRow) -> Post:
    return Post(**_columns(row, Post))


def to_entity(row: EntityRow) -> Entity:
    return Entity(id=entity_id(row.id), name=row.name, type=row.type, aliases=row.aliases,
                  roles=row.roles, mentions=[
                      # Stores before schema 0003 kept [start, end]: the body's offsets.
                      Mention(start=m[0], end=m[1], field=m[2] if len(m) > 2 else "text")
                      for m in row.mentions])


def to_quote(row: QuoteRow) -> Quote:
    speaker = None
    if row.speaker_text is not None:
        speaker = Speaker(start=row.speaker_start, end=row.speaker_end, text=row.speaker_text,
                          field=row.speaker_field or "text",
                          entity=entity_id(row.speaker_entity_id),
                          anonymous=row.speaker_anonymous)
    cue = None
    if row.cue_text is not None:
        cue = Span(start=row.cue_start, end=row.cue_end, text=row.cue_text,
                   field=row.cue_field or "text")
    return Quote(id=quote_id(row.id), kind=row.kind, speaker=speaker, cue=cue,
                 content=[Span(**piece) for piece in row.content], via=row.via,
                 nested_in=quote_id(row.nested_in_id), act=row.act, negated=row.negated)


def to_claim(row: ClaimRow) -> Claim:
    return Claim(id=claim_id(row.id), start=row.start, end=row.end, text=row.text,
                 field=row.field, status=row.status, source=entity_id(row.source_entity_id),
                 quote=quote_id(row.quote_id), cues=[Cue(**cue) for cue in row.cues],
                 check_worthy=row.check_worthy)

"""model.py records to rows and back. Per-article ids ("e1", "q2") become store ids when
stored; read back, records carry the store's ids as "e<id>", "q<id>", "c<id>"."""

from __future__ import annotations

import datetime as dt

from claimgraph.model import (
    Analysis, Claim, Cue, Entity, Mention, Post, Quantity, Quote, Span, Speaker, TimeExpression,
)
from claimgraph.store.tables import (
    ArticleRow, ClaimRow, EntityNameRow, EntityRow, PostRow, QuantityRow, QuoteRow, TimeRow,
)

ARTICLE_FIELDS = ("source", "title", "kicker", "dek", "byline", "outlet", "url", "language",
                  "published", "published_inferred", "text", "boilerplate", "duplicate_of")


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


def to_row(analysis: Analysis) -> ArticleRow:
    """The row tree of ``analysis``; references between its records become relationships."""
    row = ArticleRow(**{name: getattr(analysis, name) for name in ARTICLE_FIELDS},
                     retrieved=utc(analysis.retrieved), schema_version=analysis.schema_version)
    row.posts = [PostRow(position=n, **post.model_dump()) for n, post in enumerate(analysis.posts)]
    entities = {}
    for n, entity in enumerate(analysis.entities):
        names = {entity.name.lower().strip()} | {a.lower().strip() for a in entity.aliases}
        entities[entity.id] = EntityRow(
            position=n, name=entity.name, type=entity.type, aliases=entity.aliases,
            roles=entity.roles, mentions=[[m.start, m.end] for m in entity.mentions],
            names=[EntityNameRow(name=name[:512]) for name in sorted(names) if name])
    row.entities = list(entities.values())
    quotes = {}
    for n, quote in enumerate(analysis.quotes):
        speaker, cue = quote.speaker, quote.cue
        quotes[quote.id] = QuoteRow(
            position=n, kind=quote.kind,
            speaker_start=speaker and speaker.start, speaker_end=speaker and speaker.end,
            speaker_text=speaker and speaker.text,
            speaker_entity=speaker and entities.get(speaker.entity),
            speaker_anonymous=bool(speaker and speaker.anonymous),
            cue_start=cue and cue.start, cue_end=cue and cue.end, cue_text=cue and cue.text,
            content=[piece.model_dump() for piece in quote.content],
            content_text=" … ".join(piece.text for piece in quote.content), via=quote.via)
    for quote in analysis.quotes:
        if quote.nested_in in quotes:
            quotes[quote.id].nested_in = quotes[quote.nested_in]
    row.quotes = list(quotes.values())
    claims = {}
    for n, claim in enumerate(analysis.claims):
        claims[claim.id] = ClaimRow(
            position=n, start=claim.start, end=claim.end, text=claim.text, status=claim.status,
            source_entity=entities.get(claim.source), quote=quotes.get(claim.quote),
            cues=[cue.model_dump() for cue in claim.cues], check_worthy=claim.check_worthy)
    row.claims = list(claims.values())
    row.quantities = [
        QuantityRow(position=n, claim=claims.get(quantity.claim),
                    **quantity.model_dump(exclude={"claim"}))
        for n, quantity in enumerate(analysis.quantities)]
    row.times = [TimeRow(position=n, **time.model_dump()) for n, time in enumerate(analysis.times)]
    return row


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
    )


def _columns(row, record, skip=frozenset()) -> dict:
    return {name: getattr(row, name) for name in record.model_fields if name not in skip}


def to_post(row: PostRow) -> Post:
    return Post(**_columns(row, Post))


def to_entity(row: EntityRow) -> Entity:
    return Entity(id=entity_id(row.id), name=row.name, type=row.type, aliases=row.aliases,
                  roles=row.roles, mentions=[Mention(start=s, end=e) for s, e in row.mentions])


def to_quote(row: QuoteRow) -> Quote:
    speaker = None
    if row.speaker_text is not None:
        speaker = Speaker(start=row.speaker_start, end=row.speaker_end, text=row.speaker_text,
                          entity=entity_id(row.speaker_entity_id),
                          anonymous=row.speaker_anonymous)
    cue = None
    if row.cue_text is not None:
        cue = Span(start=row.cue_start, end=row.cue_end, text=row.cue_text)
    return Quote(id=quote_id(row.id), kind=row.kind, speaker=speaker, cue=cue,
                 content=[Span(**piece) for piece in row.content], via=row.via,
                 nested_in=quote_id(row.nested_in_id))


def to_claim(row: ClaimRow) -> Claim:
    return Claim(id=claim_id(row.id), start=row.start, end=row.end, text=row.text,
                 status=row.status, source=entity_id(row.source_entity_id),
                 quote=quote_id(row.quote_id), cues=[Cue(**cue) for cue in row.cues],
                 check_worthy=row.check_worthy)

"""Writing one Analysis: Core bulk inserts, one statement per table (with RETURNING for the
ids that later tables reference), far cheaper than an ORM unit of work for ~200 records."""

from __future__ import annotations

from sqlalchemy import Connection, insert, update

from claimgraph.model import Analysis
from claimgraph.store.convert import ARTICLE_FIELDS, utc
from claimgraph.store.tables import (
    ArticleRow, BandRow, ClaimRow, EntityNameRow, EntityRow, PostRow, QuantityRow, QuoteRow,
    TimeRow,
)


def _ids(connection: Connection, row_class, rows: list[dict]) -> list[int]:
    """Insert ``rows``; their new ids, in order."""
    if not rows:
        return []
    table = row_class.__table__
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(connection.execute(statement, rows).scalars())


def _insert(connection: Connection, row_class, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(row_class.__table__), rows)


def insert_analysis(connection: Connection, analysis: Analysis, columns: dict) -> int:
    """Insert ``analysis`` (its article row gets ``columns`` too: key, revision, ...) with
    every record; the article's id. References between records become store ids."""
    article = {name: getattr(analysis, name) for name in ARTICLE_FIELDS}
    article.update(columns, retrieved=utc(analysis.retrieved),
                   schema_version=analysis.schema_version)
    [article_id] = _ids(connection, ArticleRow, [article])

    def rows(records, **extra):
        return [{"article_id": article_id, "position": n, **record, **extra}
                for n, record in enumerate(records)]

    _insert(connection, PostRow, rows(post.model_dump() for post in analysis.posts))
    entity_ids = dict(zip([e.id for e in analysis.entities], _ids(connection, EntityRow, rows(
        {"name": e.name, "type": e.type, "aliases": e.aliases, "roles": e.roles,
         "mentions": [[m.start, m.end, m.field] for m in e.mentions]}
        for e in analysis.entities))))
    _insert(connection, EntityNameRow, [
        {"entity_id": entity_ids[e.id], "name": name[:512]}
        for e in analysis.entities
        for name in sorted({n.lower().strip() for n in [e.name, *e.aliases]} - {""})])
    quote_ids = dict(zip([q.id for q in analysis.quotes], _ids(connection, QuoteRow, rows(
        _quote(q, entity_ids) for q in analysis.quotes))))
    for quote in analysis.quotes:
        if quote.nested_in in quote_ids:
            connection.execute(update(QuoteRow.__table__)
                               .where(QuoteRow.__table__.c.id == quote_ids[quote.id])
                               .values(nested_in_id=quote_ids[quote.nested_in]))
    claim_ids = dict(zip([c.id for c in analysis.claims], _ids(connection, ClaimRow, rows(
        {"start": c.start, "end": c.end, "text": c.text, "field": c.field, "status": c.status,
         "source_entity_id": entity_ids.get(c.source), "quote_id": quote_ids.get(c.quote),
         "cues": [cue.model_dump() for cue in c.cues], "check_worthy": c.check_worthy}
        for c in analysis.claims))))
    _insert(connection, QuantityRow, rows(
        {**q.model_dump(exclude={"claim"}), "claim_id": claim_ids.get(q.claim)}
        for q in analysis.quantities))
    _insert(connection, TimeRow, rows(t.model_dump() for t in analysis.times))
    return article_id


def _quote(quote, entity_ids: dict[str, int]) -> dict:
    speaker, cue = quote.speaker, quote.cue
    return {
        "kind": quote.kind,
        "speaker_start": speaker and speaker.start, "speaker_end": speaker and speaker.end,
        "speaker_text": speaker and speaker.text, "speaker_field": speaker and speaker.field,
        "speaker_entity_id": speaker and entity_ids.get(speaker.entity),
        "speaker_anonymous": bool(speaker and speaker.anonymous),
        "cue_start": cue and cue.start, "cue_end": cue and cue.end, "cue_text": cue and cue.text,
        "cue_field": cue and cue.field, "act": quote.act,
        "content": [piece.model_dump() for piece in quote.content],
        "content_text": " … ".join(piece.text for piece in quote.content), "via": quote.via,
    }


def insert_bands(connection: Connection, article_id: int, hashes: list[int]) -> None:
    _insert(connection, BandRow, [{"article_id": article_id, "band": n, "hash": h}
                                  for n, h in enumerate(hashes)])

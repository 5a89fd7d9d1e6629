"""Writing one Analysis: ids for the records that others reference are taken up front (one
statement), so no insert needs RETURNING. Each table's rows then go in one statement on
PostgreSQL (an INSERT from unnest() over one array per column: short, prepared once, no per-row
work in Python) and in one executemany of the sqlite3 driver on SQLite (its C loop); linking
writes its tables the same way."""

from __future__ import annotations

import json
from functools import cache

from sqlalchemy import JSON, Connection, Table, bindparam, text, update
from sqlalchemy.dialects import postgresql

from claimgraph.model import Analysis
from claimgraph.store.convert import ARTICLE_FIELDS, utc, with_store_ids
from claimgraph.store.tables import (
    ArticleRow, BandRow, ClaimRow, EntityNameRow, EntityRow, HedgeRow, PostRow, QuantityRow,
    QuoteRow, TimeRow,
)

# Tables whose ids other records reference, as the Analysis lists them.
_REFERENCED = {"entities": "entities", "quotes": "quotes", "claims": "claims"}


def _new_ids(connection: Connection, counts: dict[str, int]) -> dict[str, list[int]]:
    """Fresh ids: one for ``articles`` and ``counts[table]`` for each other table."""
    tables = ["articles", *counts]
    if connection.dialect.name == "postgresql":
        # Sequences hand out ids safely to concurrent writers (a rolled-back one is a gap).
        row = connection.execute(text("SELECT " + ", ".join(
            f"ARRAY(SELECT nextval('{table}_id_seq') FROM generate_series(1, {n}))"
            for table, n in [("articles", 1), *counts.items()]))).one()
        return dict(zip(tables, row))
    # SQLite: the writer holds the database's write lock (BEGIN IMMEDIATE), and max(id) + 1 is
    # what SQLite itself would pick for an INTEGER PRIMARY KEY.
    row = connection.execute(text("SELECT " + ", ".join(
        f"(SELECT coalesce(max(id), 0) FROM {table})" for table in tables))).one()
    return {table: list(range(top + 1, top + 1 + (counts.get(table, 1))))
            for table, top in zip(tables, row)}


def insert_rows(connection: Connection, row_class, rows: list[dict]) -> None:
    """Insert ``rows``, dicts that all have the same keys, at the driver's pace: SQLAlchemy's
    handling of each row's parameters costs more than the writing."""
    if not rows:
        return
    table = row_class.__table__
    names = tuple(rows[0])
    if connection.dialect.name == "postgresql":
        encoded = {name for name in names if isinstance(table.c[name].type, JSON)}
        connection.exec_driver_sql(_from_arrays(table, names), {
            name: [json.dumps(row[name]) if name in encoded else row[name] for row in rows]
            for name in names})
        return
    # sqlite3's executemany loops in C; each column converted as SQLAlchemy would (JSON, dates).
    convert = [(name, table.c[name].type.bind_processor(connection.dialect)) for name in names]
    columns = ", ".join(f'"{name}"' for name in names)
    cursor = connection.connection.driver_connection.cursor()
    cursor.executemany(
        f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})',
        ([f(row[name]) if f else row[name] for name, f in convert] for row in rows))


@cache
def _from_arrays(table: Table, names: tuple[str, ...]) -> str:
    """INSERT of ``names`` into ``table`` from one array parameter per column (JSON as text)."""
    dialect = postgresql.dialect()
    json_column = [isinstance(table.c[name].type, JSON) for name in names]
    arrays = ", ".join(
        f"%({name})b::{'text' if is_json else table.c[name].type.compile(dialect)}[]"
        for name, is_json in zip(names, json_column))
    columns = ", ".join(f'"{name}"' for name in names)
    selected = ", ".join(f'"{name}"::json' if is_json else f'"{name}"'
                         for name, is_json in zip(names, json_column))
    return (f'INSERT INTO "{table.name}" ({columns}) SELECT {selected} '
            f"FROM unnest({arrays}) AS rows({columns})")


def insert_analysis(connection: Connection, analysis: Analysis,
                    columns: dict) -> tuple[int, Analysis]:
    """Insert ``analysis`` (its article row gets ``columns`` too: key, revision, ...) with
    every record. References between records become store ids. Returns the article's id and
    ``analysis`` as it reads back from the store (with store ids)."""
    ids = _new_ids(connection, {table: len(getattr(analysis, field))
                                for table, field in _REFERENCED.items()})
    [article_id] = ids["articles"]
    entity_ids = dict(zip([e.id for e in analysis.entities], ids["entities"]))
    quote_ids = dict(zip([q.id for q in analysis.quotes], ids["quotes"]))
    claim_ids = dict(zip([c.id for c in analysis.claims], ids["claims"]))

    article = {name: getattr(analysis, name) for name in ARTICLE_FIELDS}
    article.update(columns, id=article_id, retrieved=utc(analysis.retrieved),
                   schema_version=analysis.schema_version)
    insert_rows(connection, ArticleRow, [article])

    def rows(records, **extra):
        return [{"article_id": article_id, "position": n, **record, **extra}
                for n, record in enumerate(records)]

    insert_rows(connection, PostRow, rows(post.model_dump() for post in analysis.posts))
    insert_rows(connection, EntityRow, rows(
        {"id": entity_ids[e.id], "name": e.name, "type": e.type, "aliases": e.aliases,
         "roles": e.roles, "mentions": [[m.start, m.end, m.field] for m in e.mentions]}
        for e in analysis.entities))
    insert_rows(connection, EntityNameRow, [
        {"entity_id": entity_ids[e.id], "name": name[:512]}
        for e in analysis.entities
        for name in sorted({n.lower().strip() for n in [e.name, *e.aliases]} - {""})])
    insert_rows(connection, QuoteRow, rows(
        {"id": quote_ids[q.id], **_quote(q, entity_ids)} for q in analysis.quotes))
    # Set once every quote exists: a quote may be nested in one listed after it.
    nested = [{"quote": quote_ids[q.id], "parent": quote_ids[q.nested_in]}
              for q in analysis.quotes if q.nested_in in quote_ids]
    if nested:
        table = QuoteRow.__table__
        connection.execute(update(table).where(table.c.id == bindparam("quote"))
                           .values(nested_in_id=bindparam("parent")), nested)
    insert_rows(connection, ClaimRow, rows(
        {"id": claim_ids[c.id], "start": c.start, "end": c.end, "text": c.text,
         "field": c.field, "status": c.status, "source_entity_id": entity_ids.get(c.source),
         "quote_id": quote_ids.get(c.quote), "cues": [cue.model_dump() for cue in c.cues],
         "check_worthy": c.check_worthy}
        for c in analysis.claims))
    insert_rows(connection, QuantityRow, rows(
        {**q.model_dump(exclude={"claim"}), "claim_id": claim_ids.get(q.claim)}
        for q in analysis.quantities))
    insert_rows(connection, TimeRow, rows(t.model_dump() for t in analysis.times))
    insert_rows(connection, HedgeRow, rows(h.model_dump() for h in analysis.hedges))
    return article_id, with_store_ids(analysis, entity_ids, quote_ids, claim_ids)


def _quote(quote, entity_ids: dict[str, int]) -> dict:
    speaker, cue = quote.speaker, quote.cue
    return {
        "kind": quote.kind,
        "speaker_start": speaker and speaker.start, "speaker_end": speaker and speaker.end,
        "speaker_text": speaker and speaker.text, "speaker_field": speaker and speaker.field,
        "speaker_entity_id": speaker and entity_ids.get(speaker.entity),
        "speaker_anonymous": bool(speaker and speaker.anonymous),
        "cue_start": cue and cue.start, "cue_end": cue and cue.end, "cue_text": cue and cue.text,
        "cue_field": cue and cue.field, "act": quote.act, "negated": quote.negated,
        "content": [piece.model_dump() for piece in quote.content],
        "content_text": " … ".join(piece.text for piece in quote.content), "via": quote.via,
    }


def insert_bands(connection: Connection, article_id: int, hashes: list[int]) -> None:
    insert_rows(connection, BandRow, [{"article_id": article_id, "band": n, "hash": h}
                                  for n, h in enumerate(hashes)])

"""Exports of the store for other tools: JSONL (one Analysis a line), and CSV or Parquet with
one file per table (articles, posts, entities, quotes, claims, quantities, times, hedges)
whose id columns join as in the store, readable as they are by pandas and DuckDB.

List and object columns (aliases, roles, mentions, content, cues, links, boilerplate,
warnings) are JSON text in both CSV and Parquet. Rows are read and written in batches: memory
stays flat whatever the store's size.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, select

from claimgraph.errors import StoreError
from claimgraph.store import Store
from claimgraph.store.queries import entity_ids
from claimgraph.store.tables import TABLES, ArticleRow, EntityRow

FORMATS = ("jsonl", "csv", "parquet")
_BATCH = 500  # articles per read
_SKIPPED = {"minhash"}
_FIRST = ["id", "article_id", "position"]  # internal: duplicate detection's fingerprint


def article_ids(store: Store, since: dt.date | None = None, entity: str | None = None) -> list[int]:
    """Ids of the latest articles published on or after ``since`` that mention ``entity``."""
    def query(session) -> list[int]:
        statement = select(ArticleRow.id).where(ArticleRow.latest).order_by(ArticleRow.id)
        if since is not None:
            statement = statement.where(ArticleRow.published >= since)
        if entity:
            statement = statement.where(ArticleRow.id.in_(
                select(EntityRow.article_id).where(EntityRow.id.in_(entity_ids(session, entity)))))
        return list(session.scalars(statement))
    return store.read(query)


def write_jsonl(store: Store, ids: list[int], out: IO[str]) -> int:
    """One Analysis a line, with store ids; how many were written."""
    count = 0
    for analysis in store.analyses(ids):
        out.write(analysis.model_dump_json() + "\n")
        count += 1
    return count


def write_tables(store: Store, ids: list[int], folder: Path, format: str) -> dict[str, int]:
    """``<table>.csv`` or ``<table>.parquet`` for each table in ``folder``; rows per table."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"cannot create the export folder: {err.strerror or err}", str(folder))
    counts = {}
    for name, table in TABLES.items():
        columns = sorted((c for c in table.__table__.columns if c.name not in _SKIPPED),
                         key=lambda c: _FIRST.index(c.name) if c.name in _FIRST else len(_FIRST))
        path = folder / f"{name}.{format}"
        try:
            counts[name] = (_write_csv if format == "csv" else _write_parquet)(
                _rows(store, table, columns, ids), columns, path)
        except OSError as err:
            raise StoreError(f"cannot write: {err.strerror or err}", str(path))
    return counts


def _rows(store: Store, table, columns, ids: list[int]) -> Iterator[list[dict]]:
    """Batches of rows of ``table`` belonging to the articles ``ids``, JSON columns as text."""
    link = table.id if table is ArticleRow else table.article_id
    order = [table.id] if table is ArticleRow else [table.article_id, table.position]
    encoded = [c.name for c in columns if isinstance(c.type, JSON)]
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start:start + _BATCH]
        rows = store.read(lambda s: s.execute(
            select(*columns).where(link.in_(chunk)).order_by(*order)).mappings().all())
        batch = [dict(row) for row in rows]
        for row in batch:
            for name in encoded:
                row[name] = json.dumps(row[name], ensure_ascii=False)
            for name, value in row.items():
                if isinstance(value, dt.datetime) and value.tzinfo is None:
                    row[name] = value.replace(tzinfo=dt.UTC)
        yield batch


def _write_csv(batches: Iterator[list[dict]], columns, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, [c.name for c in columns])
        writer.writeheader()
        for batch in batches:
            writer.writerows(batch)
            count += len(batch)
    return count


def _arrow_type(column) -> pa.DataType:
    kind = column.type
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(kind, Date):
        return pa.date32()
    return pa.string()


def _write_parquet(batches: Iterator[list[dict]], columns, path: Path) -> int:
    schema = pa.schema([pa.field(c.name, _arrow_type(c)) for c in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in batches:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count

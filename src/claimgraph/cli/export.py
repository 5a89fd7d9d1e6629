"""`export`: the store, or part of it, as JSONL, CSV or Parquet files."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app, err, print_error, settings_or_exit
from claimgraph.cli.db import Database, opened
from claimgraph.cli.query import Since, since_date
from claimgraph.export import article_ids, write_jsonl, write_tables


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="jsonl: one analysis a line; csv or parquet: one "
                     "file per table (articles, posts, entities, quotes, claims, quantities, "
                     "times, hedges)."),
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="jsonl: a file (default: standard output); csv and "
                     "parquet: a folder (default: ./claimgraph-export)."),
    ] = None,
    since: Since = None,
    entity: Annotated[
        str | None, typer.Option(help="Only articles that mention this person or organization.")
    ] = None,
    db: Database = None,
) -> None:
    """Export stored analyses (latest revisions) for pandas, DuckDB, spreadsheets and scripts."""
    settings = settings_or_exit(database_url=db)
    day = since_date(since)
    with opened(settings) as store:
        ids = article_ids(store, since=day, entity=entity)
        if format is ExportFormat.jsonl:
            if output is None or str(output) == "-":
                written = write_jsonl(store, ids, sys.stdout)
                err.print(f"{written} articles exported", markup=False)
                return
            with _open(output) as fh:
                written = write_jsonl(store, ids, fh)
            err.print(f"{written} articles exported to {output}", markup=False)
            return
        folder = output or Path("claimgraph-export")
        counts = write_tables(store, ids, folder, format.value)
    err.print(f"exported to {folder}/: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()),
              markup=False)


def _open(path: Path):
    try:
        return path.open("w", encoding="utf-8")
    except OSError as error:
        print_error(f"{path}: cannot write: {error.strerror or error}")
        raise typer.Exit(2) from None

"""The command line: the only place that prints. Bad input becomes one line on stderr, never a
traceback. One module per group of commands registers them on the shared Typer app."""

from claimgraph.cli import (  # noqa: F401  (register their commands)
    analyze, db, export, ingest, link, query, serve,
)
from claimgraph.cli.app import app, err, out

__all__ = ["app", "err", "main", "out"]


def main() -> None:
    app()

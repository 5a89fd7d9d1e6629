"""`db upgrade` and `db info`, and what every store command shares: the --db option and
opening the store with one clear line when that fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from claimgraph.cli.app import app, out, print_error, settings_or_exit
from claimgraph.errors import ClaimgraphError
from claimgraph.settings import Settings
from claimgraph.store import Store, open_store, schema

Database = Annotated[
    str | None,
    typer.Option(
        "--db", metavar="URL",
        help="The store: sqlite:///path.db or postgresql+psycopg://user:password@host/db "
        "\\[env CLAIMGRAPH_DATABASE_URL; default sqlite:///claimgraph.db].",
    ),
]

db_app = typer.Typer(help="Look after the store: its schema version and contents.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


def fail(error: ClaimgraphError) -> None:
    """One line for an error that stops the command, and exit code 2."""
    print_error(error)
    raise typer.Exit(2)


@contextmanager
def opened(settings: Settings, check: bool = True) -> Iterator[Store]:
    """The configured store, open (its schema checked unless ``check`` is false); a store
    error inside the block ends the command with one line and exit code 2."""
    try:
        store = open_store(settings=settings) if check else Store(
            settings.database_url, settings=settings)
    except ClaimgraphError as error:
        fail(error)
    try:
        with store:
            yield store
    except ClaimgraphError as error:
        fail(error)


@db_app.command()
def upgrade(db: Database = None) -> None:
    """Migrate the store to this claimgraph's schema (creating it in an empty database)."""
    with opened(settings_or_exit(database_url=db), check=False) as store:
        before, after = store.upgrade()
    if before == after:
        out.print(f"{store.where}: schema {after} is current; nothing to do", markup=False)
    else:
        out.print(f"{store.where}: schema {before or '(none)'} → {after}", markup=False)


@db_app.command()
def info(db: Database = None) -> None:
    """The store's URL (password hidden), schema version and how many records it holds."""
    with opened(settings_or_exit(database_url=db), check=False) as store:
        revision = store.revision()
        newest = schema.head()
        lines = [f"{'url':<12}{store.where}", f"{'schema':<12}{revision or '(none)'}"
                 + ("" if revision == newest else f" (this claimgraph: {newest})")]
        if revision == newest:
            for name, count in store.counts().items():
                lines.append(f"{name:<12}{count:,}")
    out.print("\n".join(lines), markup=False)

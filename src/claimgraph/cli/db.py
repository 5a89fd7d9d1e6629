"""`db upgrade` and `db info`, and what every store command shares: the --db option and
opening the store with one clear line when that fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app, out, print_error, settings_or_exit
from claimgraph.errors import ClaimgraphError, StoreError
from claimgraph.settings import Settings
from claimgraph.store import Store, open_store, parse_url, schema, shown

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
def opened(settings: Settings, check: bool = True, create: bool = False) -> Iterator[Store]:
    """The configured store, open (its schema checked unless ``check`` is false); a store
    error inside the block ends the command with one line and exit code 2. Unless ``create``,
    a missing SQLite file is such an error, rather than a new empty store."""
    try:
        url = parse_url(settings.database_url)
        if (not create and url.get_backend_name() == "sqlite" and url.database
                and not Path(url.database).expanduser().exists()):
            raise StoreError("no store here yet: `claimgraph ingest` makes it (or give --db "
                             "or CLAIMGRAPH_DATABASE_URL)", shown(url))
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
    with opened(settings_or_exit(database_url=db), check=False, create=True) as store:
        before, after = store.upgrade()
    if before == after:
        out.print(f"{store.where}: schema {after} is current; nothing to do", markup=False,
                  soft_wrap=True)
    else:
        out.print(f"{store.where}: schema {before or '(none)'} → {after}", markup=False,
                  soft_wrap=True)


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
    out.print("\n".join(lines), markup=False, soft_wrap=True)

"""Schema versions: the Alembic migrations shipped in this package, run programmatically.

A new, empty database is created at the newest revision when first opened. An older store is
only migrated by ``upgrade`` (``claimgraph db upgrade``): anything else refuses it with one line
saying so, as it refuses a store written by a newer claimgraph.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from claimgraph.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Serializes schema changes between processes on PostgreSQL (an arbitrary fixed key).
_PG_LOCK = 0x636C6D67


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest schema revision this claimgraph knows."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def current(connection: Connection) -> str | None:
    """The store's schema revision, or None for a database claimgraph never wrote."""
    return MigrationContext.configure(connection).get_current_revision()


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")


def ensure(engine: Engine, where: str) -> str:
    """Check the store's schema, creating it in an empty database; the revision it is at."""
    with engine.connect() as connection:
        revision = current(connection)
    if revision is None:
        with engine.begin() as connection:
            _lock(connection)
            revision = current(connection)  # another process may have just made it
            if revision is None:
                if inspect(connection).has_table("articles"):
                    raise StoreError("the database has an 'articles' table but no claimgraph "
                                     "schema version: not a claimgraph store", where)
                log.info("creating the store schema in %s", where)
                command.upgrade(_config(connection), "head")
                revision = current(connection)
    newest = head()
    if revision == newest:
        return revision
    if known(revision):
        raise StoreError(f"the store's schema ({revision}) is older than this claimgraph's "
                         f"({newest}): run `claimgraph db upgrade` first", where)
    raise StoreError(f"the store was written by a newer claimgraph (schema {revision}; this "
                     f"one knows up to {newest}): upgrade claimgraph", where)


def upgrade(engine: Engine, where: str) -> tuple[str | None, str]:
    """Migrate the store to the newest schema; its revisions before and after."""
    with engine.begin() as connection:
        _lock(connection)
        before = current(connection)
        if before is not None and not known(before):
            raise StoreError(f"the store was written by a newer claimgraph (schema {before}): "
                             "upgrade claimgraph", where)
        command.upgrade(_config(connection), "head")
        return before, current(connection)

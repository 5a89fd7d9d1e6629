"""Connecting to the database: SQLite (WAL, foreign keys on) or PostgreSQL (psycopg 3), with
database errors turned into one-line StoreErrors and transient ones retried with backoff."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from claimgraph.errors import ConfigError, StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")

# What makes an error worth another try: another writer holds a lock, or the server is
# starting, restarting or briefly unreachable.
_TRANSIENT = (
    "database is locked", "database table is locked", "connection refused",
    "could not connect", "server closed the connection", "the database system is starting up",
    "the database system is shutting down", "timeout expired", "deadlock detected",
    "could not serialize", "terminating connection",
)


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL of ``url``; plain ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"not a database URL: {url!r} (e.g. sqlite:///claimgraph.db or "
                          "postgresql+psycopg://user@host/db)") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(f"unsupported database {parsed.get_backend_name()!r} "
                          "(claimgraph stores into SQLite or PostgreSQL)")
    return parsed


def shown(url: URL) -> str:
    """``url`` with its password hidden, for messages."""
    return url.render_as_string(hide_password=True)


def make_engine(url: URL, timeout: float = 10.0) -> Engine:
    """An engine for ``url``; ``timeout``: seconds to wait for a lock or a connection."""
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
            folder = Path(url.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise StoreError(f"folder {folder} does not exist", shown(url))
        engine = create_engine(url, connect_args={"timeout": timeout})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        engine = create_engine(url, connect_args={"connect_timeout": max(1, round(timeout))})
    except NoSuchModuleError as err:
        raise ConfigError(f"no database driver for {url.drivername} ({err})") from None
    event.listen(engine, "connect", _postgresql_connect)
    return engine


def _postgresql_connect(dbapi_connection, _record) -> None:
    # Commits return before the server has flushed its log: a crash of the server (not of
    # claimgraph) may lose the last moment of ingested articles, which a rerun stores again;
    # nothing is ever half-stored. It makes each article's commit several times cheaper.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
    dbapi_connection.commit()


def _sqlite_connect(dbapi_connection, _record) -> None:
    # The driver's own transaction handling is off; _sqlite_begin starts each transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    try:
        # WAL: readers never block the writer. NORMAL sync is safe against a killed process.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    except Exception as err:  # a read-only file keeps its journal mode; reads still work
        log.info("SQLite journal mode unchanged: %s", err)
    cursor.close()


def _sqlite_begin(connection) -> None:
    # A writer takes the write lock when it begins, so it waits its turn instead of failing
    # halfway when another writer got there first.
    writing = connection.get_execution_options().get("claimgraph_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def retrying(action: Callable[[], T], url: URL, retries: int) -> T:
    """``action()``, tried again after a transient database error (with backoff: 0.5 s, 1 s,
    2 s, ... at most 8 s) up to ``retries`` more times; every other error as a StoreError."""
    for attempt in range(retries + 1):
        try:
            return action()
        except SQLAlchemyError as err:
            if not is_transient(err) or attempt == retries:
                raise store_error(err, url, attempt) from None
            delay = min(0.5 * 2 ** attempt, 8.0)
            log.warning("database busy or unreachable (%s); retrying in %.1f s",
                        _reason(err), delay)
            time.sleep(delay)
    raise AssertionError("unreachable")


def is_transient(err: SQLAlchemyError) -> bool:
    reason = _reason(err).lower()
    return any(marker in reason for marker in _TRANSIENT)


def store_error(err: SQLAlchemyError, url: URL, retried: int = 0) -> StoreError:
    """A one-line StoreError naming the database and what went wrong."""
    reason = _reason(err)
    lower = reason.lower()
    if "database is locked" in lower or "database table is locked" in lower:
        reason = "the database is locked by another process that is writing to it"
    elif "readonly" in lower or "read-only" in lower or "permission denied" in lower:
        reason = "the database is read-only (check the file's and its folder's permissions)"
    elif "disk is full" in lower or "no space left" in lower:
        reason = "the disk is full; nothing was half-written (free space and run again)"
    elif "file is not a database" in lower:
        reason = "not an SQLite database file"
    elif "unable to open database file" in lower:
        reason = "cannot open the database file (missing folder or no permission)"
        if _read_only_sqlite(url):
            reason = ("the database is read-only: its folder cannot be written, and SQLite "
                      "writes beside the file (WAL) even to read it")
    elif "password authentication failed" in lower or "no password supplied" in lower:
        reason = "the server refused the user name or password"
    if retried:
        reason += f" (after {retried} retr{'y' if retried == 1 else 'ies'})"
    return StoreError(reason, shown(url))


def _read_only_sqlite(url: URL) -> bool:
    if url.get_backend_name() != "sqlite" or not url.database:
        return False
    path = Path(url.database).expanduser()
    return path.exists() and not os.access(path.resolve().parent, os.W_OK)


def _reason(err: SQLAlchemyError) -> str:
    """The database's own message, on one line, without SQLAlchemy's statement dump."""
    source = err.orig if isinstance(err, DBAPIError) and err.orig is not None else err
    lines = [line.strip() for line in str(source).splitlines() if line.strip()]
    # psycopg puts the server's FATAL message last, after 'connection ... failed:'.
    fatal = [line.split("FATAL:", 1)[1].strip() for line in lines if "FATAL:" in line]
    if fatal:
        return fatal[-1]
    return lines[0] if lines else type(source).__name__

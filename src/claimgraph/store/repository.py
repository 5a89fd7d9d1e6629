"""The Store: open a database, save analyses idempotently, remember articles for duplicate
marking, and read records back. Queries over the store are in queries.py."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, func, select, tuple_, update
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, undefer

from claimgraph.errors import InputError, StoreError
from claimgraph.model import Analysis, Article
from claimgraph.settings import Settings, get_settings
from claimgraph.store import queries, schema
from claimgraph.store.convert import to_analysis
from claimgraph.store.engine import make_engine, parse_url, retrying, shown, store_error
from claimgraph.store.identity import (
    article_key, band_hashes, minhash_bytes, minhash_of, similarity, text_key,
)
from claimgraph.store.results import (
    ArticleSummary, ClaimHit, SearchResults, Statement, Statements, Stats,
)
from claimgraph.store.tables import TABLES, ArticleRow, BandRow
from claimgraph.store.write import insert_analysis, insert_bands

log = logging.getLogger(__name__)

# Articles checked for duplicates but not stored yet (being analyzed): a copy of one of them
# later in the same run is still caught. Bounded so that a long run's memory stays flat.
_PENDING = 4096
# Analyses this Store saved, kept as read back (with store ids) for the linking that follows
# (an ingest's writer links each one as it is saved): reading them again would cost a fifth of
# the link. The newest ones, at most.
_KEPT = 200
# Near-copy candidates compared per article, at most.
_CANDIDATES = 64

# Tries to store one article when concurrent writers store the same key.
_CONFLICT_RETRIES = 5

Outcome = Literal["stored", "revised", "unchanged"]


class _Conflict(Exception):
    """A concurrent writer stored the same article key first."""


@dataclass(frozen=True)
class Saved:
    """What ``Store.save`` did: stored a new article, a new revision of one, or nothing
    (the same text was stored before)."""

    id: int
    key: str
    revision: int
    outcome: Outcome


def _outcome_since(row, since: dt.datetime | None) -> Outcome:
    """What saving the text of ``row`` again tells: unchanged, or what this run (begun at
    ``since``) did when it stored the row itself."""
    ingested = row.ingested if row.ingested.tzinfo else row.ingested.replace(tzinfo=dt.UTC)
    if since is None or ingested < since:
        return "unchanged"
    return "stored" if row.revision == 1 else "revised"


def open_store(url: str | None = None, *, settings: Settings | None = None) -> Store:
    """The store at ``url`` (default: the database_url setting), created if the database is
    empty. Raises StoreError when it cannot be reached or has another schema version."""
    settings = settings or get_settings()
    store = Store(url or settings.database_url, settings=settings)
    try:
        store.check()
    except BaseException:
        store.close()
        raise
    return store


class Store:
    """A claimgraph store. Use ``open_store``; ``Store(url)`` alone does not check the schema
    (``claimgraph db upgrade`` needs that)."""

    def __init__(self, url: str, *, settings: Settings | None = None):
        self.settings = settings or get_settings()
        self.url = parse_url(url)
        self.where = shown(self.url)
        self.engine: Engine = make_engine(self.url, self.settings.database_timeout)
        self._writer = self.engine.execution_options(claimgraph_write=True)
        # Lookups made before every article run outside a transaction on PostgreSQL: one round
        # trip each instead of three (BEGIN, the query, ROLLBACK). SQLite's begins its own.
        self._lookup = (self.engine.execution_options(isolation_level="AUTOCOMMIT")
                        if self.dialect == "postgresql" else self.engine)
        self._pending: OrderedDict[str, tuple] = OrderedDict()  # source: (text key, MinHash)
        # Of _pending and _kept: one Store may save in one thread and look up in another
        # (the web app's request threads).
        self._pending_lock = threading.Lock()
        self._kept: OrderedDict[int, Analysis] = OrderedDict()  # article id: Analysis (_KEPT)
        self._stats: tuple[tuple, Stats] | None = None  # (articles mark, stats) of stats()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def run(self, action):
        """``action()`` with transient errors retried and others raised as StoreErrors."""
        return retrying(action, self.url, self.settings.database_retries)

    def check(self) -> str:
        """Create the schema in an empty database, or check the store's version; the revision."""
        return self.run(lambda: schema.ensure(self._writer, self.where))

    def upgrade(self) -> tuple[str | None, str]:
        """Migrate to the newest schema; the revisions before and after."""
        return self.run(lambda: schema.upgrade(self._writer, self.where))

    def check_writable(self) -> None:
        """Raise a StoreError now, rather than at the first save, when the store cannot be
        written (a read-only file or file system, a user without INSERT rights, a lock)."""
        def probe() -> None:
            with self._writer.connect() as connection, connection.begin():
                if self.dialect == "postgresql" and not connection.exec_driver_sql(
                        "SELECT has_table_privilege('articles', 'INSERT') "
                        "AND current_setting('transaction_read_only') = 'off'").scalar():
                    raise StoreError("this user may not write to the store (read-only)",
                                     self.where)
                if self.dialect == "sqlite":  # a write statement, even one that changes nothing
                    connection.exec_driver_sql("DELETE FROM articles WHERE 0")
        self.run(probe)

    @contextmanager
    def lock(self, name: str) -> Iterator[None]:
        """Hold a lock named ``name`` across processes for work that reads the store, computes
        and writes the result (e.g. linking): concurrent runs take turns instead of
        overwriting each other. PostgreSQL: an advisory lock; SQLite: a lock on a file beside
        the database."""
        if self.dialect == "postgresql":
            key = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(),
                                 "big", signed=True)
            connection = self.run(self.engine.connect)
            try:
                self.run(lambda: connection.exec_driver_sql(f"SELECT pg_advisory_lock({key})"))
                connection.commit()
                yield
            finally:
                # Closing only returns the connection to the pool, where the lock would stay.
                with contextlib.suppress(SQLAlchemyError):
                    connection.exec_driver_sql(f"SELECT pg_advisory_unlock({key})")
                    connection.commit()
                connection.close()
            return
        path = f"{self.url.database}.{name}.lock" if self.url.database else None
        if path is None or self.url.database == ":memory:":
            yield
            return
        with open(path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def revision(self) -> str | None:
        def read():
            with self.engine.connect() as connection:
                return schema.current(connection)
        return self.run(read)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session; database errors come out as StoreErrors."""
        try:
            with Session(self.engine) as session:
                yield session
        except SQLAlchemyError as err:
            raise store_error(err, self.url) from None

    def read(self, query):
        """``query(session)`` in a read session, retried when the database is busy."""
        def action():
            with Session(self.engine) as session:
                return query(session)
        return self.run(action)

    def _rows(self, statement) -> list:
        """The rows of one read statement (see ``_lookup``), retried when the database is busy."""
        def action():
            with self._lookup.connect() as connection:
                return connection.execute(statement).all()
        return self.run(action)

    # Writing.

    def save(self, analysis: Analysis, since: dt.datetime | None = None) -> Saved:
        """Store ``analysis`` in one transaction: a new article, a new revision of the article
        with its key (same URL, other text), or nothing when that text is stored already.

        That text stored at or after ``since`` (a run's start) is told as stored by this run: a
        batch redone after its worker died finds what the first attempt saved."""
        key = article_key(analysis)
        exact = text_key(analysis.text)
        with self._pending_lock:
            pending = self._pending.get(analysis.source)
        minhash = pending[1] if pending and pending[0] == exact else minhash_of(analysis.text)

        def attempt() -> Saved:
            with self._writer.begin() as connection:
                latest = connection.execute(
                    select(ArticleRow.id, ArticleRow.revision, ArticleRow.text_hash,
                           ArticleRow.ingested)
                    .where(ArticleRow.key == key, ArticleRow.latest)).first()
                if latest is not None and latest.text_hash == exact:
                    return Saved(latest.id, key, latest.revision,
                                 _outcome_since(latest, since)), None
                if latest is not None:
                    connection.execute(update(ArticleRow).where(ArticleRow.id == latest.id)
                                       .values(latest=False))
                duplicate_of_id = None
                if analysis.duplicate_of is not None:
                    duplicate_of_id = connection.execute(
                        select(ArticleRow.id).where(ArticleRow.source == analysis.duplicate_of)
                        .order_by(ArticleRow.latest.desc(), ArticleRow.id.desc()).limit(1)
                    ).scalar()
                revision = 1 if latest is None else latest.revision + 1
                try:
                    article_id, stored = insert_analysis(connection, analysis, {
                        "key": key, "revision": revision, "latest": True, "text_hash": exact,
                        "ingested": dt.datetime.now(dt.UTC),
                        "minhash": None if minhash is None else minhash_bytes(minhash),
                        "duplicate_of_id": duplicate_of_id})
                    if minhash is not None:
                        insert_bands(connection, article_id, band_hashes(minhash))
                except IntegrityError as err:
                    # Another writer stored this key (or a revision of it) at the same moment.
                    raise _Conflict() from err
                except DataError as err:
                    raise InputError(f"the database refused it ({store_error(err, self.url).reason})",
                                     analysis.source) from None
                return Saved(article_id, key, revision,
                             "stored" if latest is None else "revised"), stored

        for _ in range(_CONFLICT_RETRIES):
            try:
                saved, stored = self.run(attempt)
            except _Conflict:
                log.info("%s was stored by another writer meanwhile; looking again", key)
                continue
            # Only now, with it committed, does the store itself show it to seen().
            with self._pending_lock:
                self._pending.pop(analysis.source, None)
                if stored is not None:
                    self._kept[saved.id] = stored
                    while len(self._kept) > _KEPT:
                        self._kept.popitem(last=False)
            return saved
        raise StoreError(f"could not store it: other writers kept storing {key} meanwhile",
                         analysis.source)

    def saved_elsewhere(self, source: str) -> None:
        """The article ``source``, pending here, was saved by another process (an ingest's
        writer): seen() finds it in the store from now on."""
        with self._pending_lock:
            self._pending.pop(source, None)

    def contains(self, article: Article) -> bool:
        """Whether this very article (same key, same text) is stored already."""
        key, exact = article_key(article), text_key(article.text)
        return bool(self._rows(select(ArticleRow.id).where(
            ArticleRow.key == key, ArticleRow.text_hash == exact).limit(1)))

    # Duplicate memory (the protocol of claimgraph.ingest.dedup.DuplicateMemory).

    def seen(self, article: Article) -> str | None:
        """The source of an earlier stored (or pending) copy of ``article``, exact or near, or
        None, remembering it as pending until it is saved. Revisions of the article itself
        (same key) are not copies."""
        threshold = self.settings.duplicate_threshold
        key = article_key(article)
        exact, minhash = text_key(article.text), minhash_of(article.text)
        with self._pending_lock:
            pending = list(self._pending.items())
        for source, (other_exact, other_hash) in pending:
            if source != article.source and (exact == other_exact or (
                    minhash is not None and other_hash is not None
                    and minhash.jaccard(other_hash) >= threshold)):
                return source

        def earlier_copy() -> str | None:
            same = self._rows(select(ArticleRow.source).where(
                ArticleRow.text_hash == exact, ArticleRow.key != key)
                .order_by(ArticleRow.id).limit(1))
            if same:
                return same[0].source
            if minhash is None:
                return None
            wanted = list(enumerate(band_hashes(minhash)))
            candidates = self._rows(
                select(ArticleRow.id, ArticleRow.source, ArticleRow.minhash)
                .where(ArticleRow.key != key, ArticleRow.id.in_(
                    select(BandRow.article_id).where(
                        tuple_(BandRow.band, BandRow.hash).in_(wanted))
                    .distinct().limit(_CANDIDATES)))
                .order_by(ArticleRow.id))
            for candidate in candidates:
                if candidate.minhash and similarity(minhash, candidate.minhash) >= threshold:
                    return candidate.source
            return None

        earlier = earlier_copy()
        if earlier is None:
            with self._pending_lock:
                self._pending[article.source] = (exact, minhash)
                while len(self._pending) > _PENDING:
                    self._pending.popitem(last=False)
        return earlier

    # Reading records back.

    def analysis(self, article_id: int) -> Analysis | None:
        """The stored Analysis of one article (any revision) by its id."""
        def query(session: Session) -> Analysis | None:
            row = session.scalar(_with_records(select(ArticleRow))
                                 .where(ArticleRow.id == article_id))
            return None if row is None else to_analysis(row)
        return self.read(query)

    def revisions(self, key: str) -> list[Saved]:
        """Every stored revision of the article with ``key``, oldest first."""
        rows = self.read(lambda s: s.execute(
            select(ArticleRow.id, ArticleRow.revision, ArticleRow.latest)
            .where(ArticleRow.key == key).order_by(ArticleRow.revision)).all())
        return [Saved(r.id, key, r.revision, "stored" if r.revision == 1 else "revised")
                for r in rows]

    def analyses(self, ids: list[int] | None = None, batch: int = 200) -> Iterator[Analysis]:
        """Stored Analyses of the latest revisions (or of ``ids``), oldest first, read in
        batches so that memory stays flat (those this Store just saved are not read again)."""
        with self._pending_lock:
            kept = {i: self._kept[i] for i in ids or () if i in self._kept}
        if not kept:
            yield from (analysis for _, analysis in self._read(ids, batch))
            return
        missing = [i for i in ids if i not in kept]
        read = dict(self._read(missing, batch)) if missing else {}
        yield from (found for i in sorted(ids) if (found := kept.get(i) or read.get(i)))

    def _read(self, ids: list[int] | None, batch: int) -> Iterator[tuple[int, Analysis]]:
        last = 0
        while True:
            def query(session: Session, after=last) -> list[tuple[int, Analysis]]:
                statement = _with_records(select(ArticleRow)).where(ArticleRow.id > after)
                statement = (statement.where(ArticleRow.latest) if ids is None
                             else statement.where(ArticleRow.id.in_(ids)))
                rows = session.scalars(statement.order_by(ArticleRow.id).limit(batch)).all()
                return [(row.id, to_analysis(row)) for row in rows]
            chunk = self.read(query)
            if not chunk:
                return
            yield from chunk
            last = chunk[-1][0]

    # Queries (see queries.py).

    def search(self, query: str, limit: int = 10) -> SearchResults:
        return self.read(lambda s: queries.search(s, query, limit))

    def statements(self, name: str, *, act: str | None = None, status: str | None = None,
                   outside_quotes: bool = True, offset: int = 0, limit: int | None = None,
                   ids: list[int] | None = None) -> Statements:
        return self.read(lambda s: queries.statements(
            s, name, act=act, status=status, outside_quotes=outside_quotes, offset=offset,
            limit=limit, ids=ids))

    def who(self, name: str, limit: int | None = None,
            ids: list[int] | None = None) -> list[Statement]:
        """The first ``limit`` (default: all) of ``statements``."""
        return self.statements(name, limit=limit, ids=ids).items

    def claims(self, entity: str | None = None, status: str | None = None,
               since: dt.date | None = None, limit: int | None = None,
               offset: int = 0) -> list[ClaimHit]:
        return self.read(lambda s: queries.claims(s, entity, status, since, limit, offset))

    def articles(self, outlet: str | None = None, since: dt.date | None = None,
                 limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
        return self.read(lambda s: queries.articles(s, outlet, since, limit, offset))

    def stats(self) -> Stats:
        """What the store holds. Its sums run over every record, so they are kept until an
        article is stored (every save adds an article row; none is ever deleted)."""
        mark = self.read(lambda s: tuple(s.execute(
            select(func.count(), func.max(ArticleRow.id)).select_from(ArticleRow)).one()))
        kept = self._stats
        if kept is not None and kept[0] == mark:
            return kept[1]
        counts = self.counts()
        stats = self.read(lambda s: queries.stats(s, counts))
        self._stats = (mark, stats)
        return stats

    def counts(self) -> dict[str, int]:
        """Rows per table, plus distinct articles (latest revisions) and duplicates."""
        def query(session: Session) -> dict[str, int]:
            counts = {name: session.scalar(select(func.count()).select_from(table))
                      for name, table in TABLES.items()}
            counts["revisions"] = counts.pop("articles")
            counts["articles"] = session.scalar(
                select(func.count()).where(ArticleRow.latest))
            counts["duplicates"] = session.scalar(select(func.count()).where(
                ArticleRow.latest, ArticleRow.duplicate_of.is_not(None)))
            return counts
        return self.read(query)


def _with_records(statement):
    return statement.options(
        undefer(ArticleRow.text), undefer(ArticleRow.boilerplate),
        selectinload(ArticleRow.posts), selectinload(ArticleRow.entities),
        selectinload(ArticleRow.quotes), selectinload(ArticleRow.claims),
        selectinload(ArticleRow.quantities), selectinload(ArticleRow.times),
        selectinload(ArticleRow.hedges))

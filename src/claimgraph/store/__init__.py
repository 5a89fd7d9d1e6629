"""The store: every analysis kept on disk, in SQLite (default) or PostgreSQL.

Public API (stable; later issues add to it rather than change it)::

    from claimgraph.store import open_store

    with open_store("sqlite:///claimgraph.db") as store:   # default: the database_url setting
        saved = store.save(analysis)      # Saved(id, key, revision, outcome), one transaction
        store.contains(article)           # this key with this text already stored?
        store.seen(article)               # DuplicateMemory: source of an earlier copy, or None
        store.analysis(saved.id)          # the Analysis back, ids unique in the store
        store.analyses()                  # every latest Analysis, streamed in batches
        store.revisions(saved.key)        # every revision of one article
        store.search("Pyongyang")         # SearchResults: ranked articles and quotes
        store.who("Lloyd Austin")         # [Statement]: quotes and claims of an entity
        store.statements("Austin", act=, status=, offset=, limit=)  # Statements: one page
                                          # of them and their total, paged in the database
        store.claims(entity=, status=, since=, limit=, offset=)
        store.articles(outlet=, since=, limit=, offset=)  # newest first, paged in the database
        store.stats(), store.counts(), store.revision()
        with store.session() as session:  # a SQLAlchemy Session over the tables in tables.py
            ...

- Identity: an article's ``key`` is its canonical URL, else ``text:`` + a hash of its
  normalized words. Saving the same key and text again does nothing ("unchanged"); the same key
  with new text is a new revision ("revised"), the old one kept with ``latest`` false. Queries
  read latest revisions only. Records read back carry store ids: ``e<id>``, ``q<id>``,
  ``c<id>`` (the integer primary keys of tables ``entities``, ``quotes``, ``claims``).
- Duplicates: ``seen`` finds exact copies (same normalized words) and near copies (MinHash
  bands in ``article_bands``, checked against the duplicate_threshold setting) among stored
  articles and the ones pending in this process; ``save`` records ``duplicate_of`` (the first
  copy's source) and ``duplicate_of_id``.
- Schema: Alembic migrations in ``migrations/versions`` form one linear chain. An empty
  database gets the newest schema when opened; an older store must be migrated with
  ``store.upgrade()`` (``claimgraph db upgrade``); a newer one is refused. Errors are
  StoreErrors with one-line reasons; locks and lost connections are retried with backoff.
- Layers: the store reads and writes model.py records only; it never imports spaCy or
  claimgraph.analyze. Link tables of later stages reference these tables by id.
"""

from claimgraph.store.engine import parse_url, shown
from claimgraph.store.repository import Saved, Store, open_store
from claimgraph.store.results import (
    ArticleHit, ArticleRef, ArticleSummary, ClaimHit, QuoteHit, SearchResults, Statement,
    Statements, Stats,
)

__all__ = [
    "ArticleHit", "ArticleRef", "ArticleSummary", "ClaimHit", "QuoteHit", "Saved",
    "SearchResults", "Statement", "Statements", "Stats", "Store", "open_store", "parse_url",
    "shown",
]

"""Linking a store: incrementally after each ingest batch, or rebuilt from scratch, and read back.

``link(store)`` links the articles stored since the last run (all of them the first time):
the linker's state is read from ``link_state``, the new articles added in id order, and only
the stories they touched have their clusters rewritten. ``link(store, full=True)`` (``claimgraph
relink``) drops every link row and links every latest article again; because linking is
deterministic in id order, both give the same tables. A new revision of an already linked
article makes the run a full one, so that the old text's claims leave the clusters.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from claimgraph.link.linker import STATE_VERSION, Linker
from claimgraph.link.places import key
from claimgraph.link.records import CanonicalEntity, ClaimCluster
from claimgraph.link.tables import (
    LINK_TABLES, LinkClusterRow, LinkEntityMapRow, LinkEntityRow, LinkMemberRow, LinkNameRow,
    LinkStateRow,
)
from claimgraph.store import Store
from claimgraph.store.tables import ArticleRow

log = logging.getLogger(__name__)
_BATCH = 200


@dataclass
class LinkRun:
    full: bool
    articles: int  # articles linked in this run
    stories: int  # stories whose clusters were rewritten
    clusters: int  # clusters written
    seconds: float


def _load(store: Store) -> tuple[Linker, int] | None:
    row = store.read(lambda s: s.get(LinkStateRow, 1))
    if row is None or row.version != STATE_VERSION:
        return None
    return Linker.from_state(json.loads(zlib.decompress(row.state))), row.last_article


def link(store: Store, full: bool = False,
         progress: Callable[[int, int], None] | None = None) -> LinkRun:
    """Link what is new in ``store`` (everything with ``full``); ``progress(done, total)``."""
    start = time.perf_counter()
    loaded = None if full else _load(store)
    last = loaded[1] if loaded else 0
    new = store.read(lambda s: s.execute(
        select(ArticleRow.id, ArticleRow.revision).where(ArticleRow.latest, ArticleRow.id > last)
        .order_by(ArticleRow.id)).all())
    if loaded and any(r.revision > 1 for r in new):
        log.info("a linked article has a new revision: linking everything again")
        return link(store, full=True, progress=progress)
    linker = loaded[0] if loaded else Linker()
    ids = [r.id for r in new]
    entity_map: list[tuple[int, str]] = []
    for n in range(0, len(ids), _BATCH):
        chunk = ids[n:n + _BATCH]
        for article_id, analysis in zip(chunk, store.analyses(ids=chunk)):
            article = f"a{article_id}"
            linker.add(article, analysis)
            entity_map += [(int(local[1:]), canonical)
                           for local, canonical in linker.last_entities.items()]
            if progress:
                progress(n + chunk.index(article_id) + 1, len(ids))
    touched = set(linker.entries) if full or not loaded else linker.touched
    clusters = linker.clusters(touched)
    entities = linker.entity_records()
    changed = {e.id for e in entities} if full or not loaded else linker.entities.touched
    state = zlib.compress(json.dumps(linker.state(), separators=(",", ":")).encode())
    last_id = ids[-1] if ids else last

    def write(session) -> None:
        if full or not loaded:
            for table in LINK_TABLES:
                session.execute(delete(table))
        else:
            old = select(LinkClusterRow.id).where(LinkClusterRow.story.in_(touched))
            session.execute(delete(LinkMemberRow).where(LinkMemberRow.cluster_id.in_(old)))
            session.execute(delete(LinkClusterRow).where(LinkClusterRow.story.in_(touched)))
            session.execute(delete(LinkNameRow).where(LinkNameRow.entity_id.in_(changed)))
            session.execute(delete(LinkStateRow))
        session.flush()
        for e in entities:
            if e.id not in changed:
                continue
            # Updated in place: deleting would take the entity map rows of earlier articles.
            session.merge(LinkEntityRow(id=e.id, name=e.name, type=e.type,
                                        record=e.model_dump(mode="json")))
            for name in {key(n) for n in [e.name, *e.aliases]}:
                session.add(LinkNameRow(name=name[:512], entity_id=e.id))
        session.flush()
        session.add_all(LinkEntityMapRow(entity_id=i, canonical_id=c) for i, c in entity_map)
        for c in clusters:
            session.add(LinkClusterRow(id=c.id, story=c.story, label=c.label, status=c.status,
                                       size=len(c.members), first_reported=c.first_reported,
                                       record=c.model_dump(mode="json")))
        session.flush()
        session.add_all(LinkMemberRow(cluster_id=c.id, claim_id=int(m.claim[1:]),
                                      article_id=int(m.article[1:]))
                        for c in clusters for m in c.members)
        session.add(LinkStateRow(id=1, version=STATE_VERSION, last_article=last_id,
                                 state=state, updated=dt.datetime.now(dt.UTC)))

    with store.session() as session, session.begin():
        write(session)
    return LinkRun(full=full or not loaded, articles=len(ids), stories=len(touched),
                   clusters=len(clusters), seconds=time.perf_counter() - start)


# Reading links back.

def linked(store: Store) -> bool:
    return store.read(lambda s: s.get(LinkStateRow, 1)) is not None


def linker(store: Store) -> Linker:
    """The linker as last saved (an empty one before the first link)."""
    loaded = _load(store)
    return loaded[0] if loaded else Linker()


def entity(store: Store, name: str) -> CanonicalEntity | None:
    """The canonical entity going by ``name`` (any alias; the one seen in most articles)."""
    def query(session):
        return session.scalars(
            select(LinkEntityRow).join(LinkNameRow, LinkNameRow.entity_id == LinkEntityRow.id)
            .where(LinkNameRow.name == key(name))).all()
    rows = store.read(query)
    if not rows:
        return None
    best = max(rows, key=lambda r: (len(r.record.get("articles", [])), r.id))
    return CanonicalEntity(**best.record)


def entity_rows(store: Store, canonical_id: str) -> list[int]:
    """Ids of the stored entities (one per article) that are ``canonical_id``."""
    return store.read(lambda s: list(s.scalars(
        select(LinkEntityMapRow.entity_id).where(LinkEntityMapRow.canonical_id == canonical_id))))


def clusters(store: Store, query: str | None = None, status: str | None = None,
             min_size: int = 1, limit: int | None = None) -> list[ClaimCluster]:
    """Claim clusters, largest first: those whose label or members mention ``query`` (or that
    name the entity ``query`` is a name of), of ``status``, with at least ``min_size`` reports."""
    canonical = entity(store, query) if query else None

    def run(session):
        statement = select(LinkClusterRow).where(LinkClusterRow.size >= min_size)
        if status:
            statement = statement.where(LinkClusterRow.status == status)
        statement = statement.order_by(LinkClusterRow.size.desc(), LinkClusterRow.id)
        return session.scalars(statement).all()

    out = []
    words = [w for w in (query or "").lower().replace(",", "").split() if w]
    for row in store.read(run):
        record = ClaimCluster(**row.record)
        if query:
            text = " ".join(m.text for m in record.members).lower().replace(",", "")
            named = canonical is not None and canonical.id in record.entities
            if not named and not all(w in text for w in words):
                continue
        out.append(record)
        if limit and len(out) >= limit:
            break
    return out


def counts(store: Store) -> dict[str, int]:
    def run(session):
        return {t.__tablename__: session.scalar(select(func.count()).select_from(t))
                for t in LINK_TABLES}
    return store.read(run)

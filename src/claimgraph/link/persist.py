"""Linking a store: incrementally after each ingest batch, or rebuilt from scratch, and read back.

``link(store)`` links the articles stored since the last run (all of them the first time). The
linker reads the state it needs by indexed lookups (the keys of the batch's entities, the
frequencies and postings of its terms, the stories and claim components it may join: see
``tables``) and only what changed is written back: the batch's articles and claims, the entities
they name, the terms they hold, the components their claims joined and those components'
clusters. ``link(store, full=True)`` (``claimgraph relink``) drops every link row and links
every latest article again; because linking is deterministic in id order, both give the same
tables. A new revision of a linked article withdraws the old text (its story membership,
terms, claims and entity mentions) and links the new one as a new article.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from claimgraph.link.claims import Entry
from claimgraph.link.cluster import Item, blocking_keys
from claimgraph.link.entities import Contribution, canonical
from claimgraph.link.linker import Fetchers, Linker, source_graph
from claimgraph.link.places import key
from claimgraph.link.records import CanonicalEntity, ClaimCluster, Member
from claimgraph.link.stories import _Story
from claimgraph.link.tables import (
    LINK_TABLES, LinkArticleRow, LinkClusterRow, LinkEntityMapRow, LinkEntityRow,
    LinkItemKeyRow, LinkItemRow, LinkKeyRow, LinkMemberRow, LinkNameRow, LinkPostingRow,
    LinkStateRow, LinkTermRow,
)
from claimgraph.model import Analysis
from claimgraph.store import Saved, Statements, Store
from claimgraph.store.queries import find_entities
from claimgraph.store.tables import ArticleRow, EntityRow
from claimgraph.store.write import insert_rows

log = logging.getLogger(__name__)
STATE_VERSION = 3
_BATCH = 200  # articles read from the store at a time
_CHUNK = 500  # values in one IN (...) lookup


@dataclass
class LinkRun:
    full: bool
    articles: int  # articles linked in this run
    stories: int  # stories whose claims were placed
    clusters: int  # clusters written
    seconds: float


def _chunks(values: Iterable) -> Iterable[list]:
    values = sorted(values)
    for n in range(0, len(values), _CHUNK):
        yield values[n:n + _CHUNK]


def _lookup(session: Session, make: Callable, values: Iterable) -> list:
    return [row for chunk in _chunks(values) for row in session.execute(make(chunk)).all()]


def _fetchers(session: Session) -> Fetchers:
    """Reads of the linker's state from the link tables, each by an indexed key."""
    def keys(wanted):
        out: dict[str, list[str]] = {}
        for k, e in _lookup(session, lambda c: select(LinkKeyRow.key, LinkKeyRow.entity_id)
                            .where(LinkKeyRow.key.in_(c)), wanted):
            out.setdefault(k, []).append(e)
        return {k: sorted(v) for k, v in out.items()}

    def entities(wanted):
        return {i: canonical(CanonicalEntity(**r)) for i, r in _lookup(
            session, lambda c: select(LinkEntityRow.id, LinkEntityRow.record)
            .where(LinkEntityRow.id.in_(c)), wanted)}

    def df(wanted):
        return dict(_lookup(session, lambda c: select(LinkTermRow.term, LinkTermRow.df)
                            .where(LinkTermRow.term.in_(c)), wanted))

    def postings(wanted):
        out: dict[str, set[str]] = {}
        for t, story in _lookup(session, lambda c: select(LinkPostingRow.term, LinkPostingRow.story)
                                .where(LinkPostingRow.term.in_(c)), wanted):
            out.setdefault(t, set()).add(story)
        return out

    def stories(wanted):
        out: dict[str, _Story] = {}
        for story, article, bag in _lookup(
                session, lambda c: select(LinkArticleRow.story, LinkArticleRow.article_id,
                                          LinkArticleRow.bag)
                .where(LinkArticleRow.story.in_(c)).order_by(LinkArticleRow.article_id), wanted):
            found = out.setdefault(story, _Story(story))
            found.members.append(f"a{article}")
            found.bags.append(Counter(bag))
        return out

    def entries(wanted):
        return {i: _entry(r, component) for i, component, r in _lookup(
            session, lambda c: select(LinkItemRow.id, LinkItemRow.component, LinkItemRow.record)
            .where(LinkItemRow.id.in_(c)), wanted)}

    def index(wanted):
        out: dict[tuple[str, str], set[str]] = {}
        by_story: dict[str, set[str]] = {}
        for story, k in wanted:
            by_story.setdefault(story, set()).add(k)
        for story, ks in sorted(by_story.items()):
            for k, item in _lookup(session, lambda c, s=story: select(
                    LinkItemKeyRow.key, LinkItemKeyRow.item_id)
                    .where(LinkItemKeyRow.story == s, LinkItemKeyRow.key.in_(c)), ks):
                out.setdefault((story, k), set()).add(item)
        return out

    def components(wanted):
        out: dict[str, list[str]] = {}
        for component, i in _lookup(session, lambda c: select(LinkItemRow.component, LinkItemRow.id)
                                    .where(LinkItemRow.component.in_(c)), wanted):
            out.setdefault(component, []).append(i)
        return {c: sorted(v) for c, v in out.items()}

    def outlets(wanted):
        return dict(_lookup(session, lambda c: select(ArticleRow.source, ArticleRow.outlet)
                            .where(ArticleRow.latest, ArticleRow.source.in_(c)), wanted))

    return Fetchers(keys=keys, entities=entities, df=df, postings=postings, stories=stories,
                    entries=entries, index=index, components=components, outlets=outlets)


def _item_json(item: Item) -> dict:
    return {"id": item.id, "doc": item.doc, "anchor": item.anchor, "words": sorted(item.words),
            "participants": sorted(item.participants), "times": sorted(item.times),
            "story": item.story}


def _entry(record: dict, component: str) -> Entry:
    d = record["item"]
    item = Item(id=d["id"], doc=d["doc"], anchor=d["anchor"], words=frozenset(d["words"]),
                participants=frozenset(d["participants"]), times=frozenset(d["times"]),
                story=d["story"])
    return Entry(item, Member(**record["member"]), component)


def _state(session: Session) -> dict | None:
    row = session.get(LinkStateRow, 1)
    if row is None or row.version != STATE_VERSION:
        return None
    return {**json.loads(row.state), "last": row.last_article}


def link(store: Store, full: bool = False,
         progress: Callable[[int, int], None] | None = None) -> LinkRun:
    """Link what is new in ``store`` (everything with ``full``); ``progress(done, total)``.
    Concurrent runs (e.g. two ingests finishing together) take turns."""
    with store.lock("link"), _collector_paused():
        return _link(store, full, progress)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Linking builds many objects that live until it ends, so the cyclic collector's automatic
    passes find little garbage but rescan them (and a loaded spaCy model) again and again:
    about 40 % of a link's time. Paused, with each batch's young garbage collected by hand."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _link(store: Store, full: bool, progress: Callable[[int, int], None] | None) -> LinkRun:
    start = time.perf_counter()
    # Reading: link tables change only under the link lock, so what is read here still holds
    # when the result is written (articles stored meanwhile are linked next time).
    with store.session() as session:
        link_pass = _Pass(session, full)
        ids = _unlinked(session, link_pass.last)
        for n in range(0, len(ids), _BATCH):
            chunk = ids[n:n + _BATCH]
            for k, (article_id, analysis) in enumerate(zip(chunk, store.analyses(ids=chunk))):
                link_pass.add(article_id, analysis)
                if progress:
                    progress(n + k + 1, len(ids))
            gc.collect(0)  # the batch's rows as read from the store (cycles of ORM objects)
        placed = link_pass.place()
    return link_pass.write(store, placed, start)


def _unlinked(session: Session, last: int) -> list[int]:
    """Ids of the latest revisions stored after article ``last``, in order."""
    return list(session.scalars(select(ArticleRow.id).where(
        ArticleRow.latest, ArticleRow.id > last).order_by(ArticleRow.id)))


def _token(session: Session) -> tuple | None:
    """What changes whenever a link is written (None before the first)."""
    row = session.get(LinkStateRow, 1)
    return None if row is None else (row.version, row.last_article, row.updated)


class _Pass:
    """One linking pass: the state read at its start (everything again when ``full`` or when
    nothing was linked before), the articles added in id order, and what changed written."""

    def __init__(self, session: Session, full: bool) -> None:
        self.token = _token(session)  # the link state it starts from (see LinkAhead)
        state = None if full else _state(session)
        self.full = state is None
        self.last = state["last"] if state else 0
        self.linker = Linker(fetch=None if self.full else _fetchers(session))
        if state:
            self.linker.stories.n, self.linker.stories.count = state["articles"], state["stories"]
        self.gone_map = [] if self.full else _withdraw(session, self.linker, self.last)
        self.entity_map: list[dict] = []
        self.ids: list[int] = []

    def add(self, article_id: int, analysis: Analysis) -> None:
        self.linker.add(f"a{article_id}", analysis)
        self.entity_map += [{"entity_id": int(local[1:]), "canonical_id": canonical_id}
                            for local, canonical_id in self.linker.last_entities.items()]
        self.ids.append(article_id)

    def place(self) -> tuple[set[str], list[ClaimCluster]]:
        """Place the claims added: the components that changed and their clusters."""
        changed = self.linker.changed_components()
        return changed, self.linker.clusters(changed)

    def write(self, store: Store, placed: tuple[set[str], list[ClaimCluster]],
              start: float) -> LinkRun:
        changed, clusters = placed
        with store.session() as session, session.begin():
            _delete(session, LinkEntityMapRow.entity_id, self.gone_map)
            _write(session, self.linker, self.full, changed, clusters, self.entity_map,
                   self.ids[-1] if self.ids else self.last)
        return LinkRun(full=self.full, articles=len(self.ids),
                       stories=len({e.item.story for e in self.linker.added}),
                       clusters=len(clusters), seconds=time.perf_counter() - start)


class LinkAhead:
    """Links an ingest's articles while the run goes on, each as soon as it is saved (the
    writing process does this beside the analysis), so that little is left when the run ends.

    The work is read without the link lock, so it is kept only if, under the lock when it is
    written, the store shows that nothing was linked meanwhile and that the articles waiting
    to be linked are exactly the ones added here; otherwise they are linked as ``link`` does.
    Every ``every`` articles what was linked is written, so that memory stays flat over a long
    run and its links show before it ends.
    """

    def __init__(self, store: Store, every: int = 500) -> None:
        self.store = store
        self.every = every
        self.start = time.perf_counter()
        self.session = Session(store.engine)
        self.runs: list[LinkRun] = []
        self._begin()

    def _begin(self) -> None:
        try:
            self.link_pass: _Pass | None = _Pass(self.session, full=False)
        finally:
            self.session.close()  # each read sees what was saved since (SQLite: a snapshot)

    def add(self, saved: Saved) -> None:
        """Link the article ``saved`` (as the store kept it, with store ids)."""
        link_pass = self.link_pass
        if saved.outcome == "unchanged":
            return
        if saved.outcome != "stored" or (link_pass.ids and saved.id < link_pass.ids[-1]):
            # A new revision withdraws the old text's links, and ids out of order come from
            # another writer: link what is there as ``link`` does, and go on from there.
            self.link_pass = None
            self._flush()
            return
        try:
            link_pass.add(saved.id, next(self.store.analyses([saved.id])))
            link_pass.linker.place()
        finally:
            self.session.close()
        if len(link_pass.ids) >= self.every:
            self._flush()

    def _flush(self) -> None:
        self.runs.append(self._write())
        self._begin()

    def finish(self) -> LinkRun:
        """Write the links (see ``link``); what this and the earlier writes linked."""
        runs = [*self.runs, self._write()]
        return LinkRun(full=runs[0].full, articles=sum(r.articles for r in runs),
                       stories=sum(r.stories for r in runs),
                       clusters=sum(r.clusters for r in runs),
                       seconds=time.perf_counter() - self.start)

    def _write(self) -> LinkRun:
        with self.store.lock("link"), _collector_paused():
            link_pass, placed = self.link_pass, None
            try:
                if link_pass is not None and link_pass.ids and self._current(link_pass):
                    placed = link_pass.place()
            finally:
                self.session.close()
            if placed is None:
                return _link(self.store, False, None)
            return link_pass.write(self.store, placed, self.start)

    def _current(self, link_pass: _Pass) -> bool:
        """Nothing was linked since ``link_pass`` began, and its articles are those waiting."""
        with self.store.session() as session:
            return (_token(session) == link_pass.token
                    and _unlinked(session, link_pass.last) == link_pass.ids)


def _withdraw(session: Session, linker: Linker, last: int) -> list[int]:
    """Take out of ``linker`` the linked articles that a new revision (stored after ``last``)
    replaces; the ids of their stored entities (whose entity map rows go)."""
    revised = select(ArticleRow.key).where(ArticleRow.latest, ArticleRow.id > last,
                                           ArticleRow.revision > 1)
    old = session.execute(
        select(LinkArticleRow.article_id, LinkArticleRow.story)
        .join(ArticleRow, ArticleRow.id == LinkArticleRow.article_id)
        .where(ArticleRow.latest.is_(False), ArticleRow.key.in_(revised))
        .order_by(LinkArticleRow.article_id)).all()
    olds = [a for a, _ in old]
    gone_map = []
    for article, story in old:
        claims = list(session.scalars(select(LinkItemRow.id).where(
            LinkItemRow.article_id == article).order_by(LinkItemRow.id)))
        mapped = session.execute(
            select(LinkEntityMapRow.entity_id, LinkEntityMapRow.canonical_id)
            .join(EntityRow, EntityRow.id == LinkEntityMapRow.entity_id)
            .where(EntityRow.article_id == article)).all()
        gone_map += [e for e, _ in mapped]
        rest = {}
        for cid in sorted({c for _, c in mapped}):
            rest[cid] = [Contribution(f"a{r.article_id}", [r.name, *r.aliases], len(r.mentions),
                                      list(r.roles), r.published)
                         for r in session.execute(
                             select(EntityRow.article_id, EntityRow.name, EntityRow.aliases,
                                    EntityRow.mentions, EntityRow.roles, ArticleRow.published)
                             .join(LinkEntityMapRow, LinkEntityMapRow.entity_id == EntityRow.id)
                             .join(ArticleRow, ArticleRow.id == EntityRow.article_id)
                             .where(LinkEntityMapRow.canonical_id == cid,
                                    EntityRow.article_id.not_in(olds))
                             .order_by(EntityRow.article_id, EntityRow.id))]
        linker.withdraw(f"a{article}", story, claims, rest)
    return gone_map


def _insert(session: Session, table, rows: list[dict]) -> None:
    insert_rows(session.connection(), table, rows)


def _delete(session: Session, column, values: Iterable) -> None:
    for chunk in _chunks(values):
        session.execute(delete(column.class_).where(column.in_(chunk)))


def _write(session: Session, linker: Linker, full: bool, changed: set[str],
           clusters: list[ClaimCluster], entity_map: list[dict], last_id: int) -> None:
    ents, stories = linker.entities, linker.stories
    if full:
        for table in LINK_TABLES:
            session.execute(delete(table))
    # Entities: those the batch named, updated in place (deleting one would take the entity
    # map rows of earlier articles), with their names; the index keys that changed.
    for chunk in _chunks(ents.deleted - set(ents.entities)):
        session.execute(delete(LinkKeyRow).where(LinkKeyRow.entity_id.in_(chunk)))
        session.execute(delete(LinkEntityRow).where(LinkEntityRow.id.in_(chunk)))
    touched = ents.records(ents.touched)
    rows = [{"id": e.id, "name": e.name, "type": e.type, "record": e.model_dump(mode="json")}
            for e in touched]
    if rows and not full:
        session.execute(update(LinkEntityRow), [r for r in rows if r["id"] in ents.entities.fetched])
    _insert(session, LinkEntityRow, [r for r in rows if r["id"] not in ents.entities.fetched])
    _delete(session, LinkNameRow.entity_id, ents.touched)
    _insert(session, LinkNameRow, [{"name": n[:512], "entity_id": e.id} for e in touched
                                   for n in sorted({key(x) for x in [e.name, *e.aliases]})])
    _delete(session, LinkKeyRow.key, ents.keys.dirty)
    _insert(session, LinkKeyRow, [{"key": k, "entity_id": e} for k in sorted(ents.keys.dirty)
                                  for e in ents.keys.get(k, [])])
    _insert(session, LinkEntityMapRow, entity_map)
    # Stories: the new articles, their terms' frequencies and postings.
    df = stories.df
    _delete(session, LinkArticleRow.article_id, [int(a[1:]) for a in stories.withdrawn])
    for t, story in stories.gone_postings:
        session.execute(delete(LinkPostingRow).where(LinkPostingRow.term == t,
                                                     LinkPostingRow.story == story))
    _delete(session, LinkTermRow.term, [t for t in df.dirty if not df[t]])
    terms = [{"term": t, "df": df[t]} for t in sorted(df.dirty) if df[t]]
    if terms and not full:
        session.execute(update(LinkTermRow), [r for r in terms if r["term"] in df.fetched])
    _insert(session, LinkTermRow, [r for r in terms if r["term"] not in df.fetched])
    _insert(session, LinkPostingRow, [{"term": t, "story": s} for t, s in stories.new_postings])
    _insert(session, LinkArticleRow, [{"article_id": int(a[1:]), "story": s, "bag": dict(bag)}
                                      for a, s, bag in stories.added])
    # Claims: the new ones, earlier ones that changed component, those withdrawn, and the
    # clusters of every component made, grown, split or merged away.
    _delete(session, LinkItemRow.id, [i.id for i in linker.withdrawn])
    for i in linker.withdrawn:
        session.execute(delete(LinkItemKeyRow).where(
            LinkItemKeyRow.story == i.story, LinkItemKeyRow.key.in_(blocking_keys(i)),
            LinkItemKeyRow.item_id == i.id))
    _insert(session, LinkItemRow, [
        {"id": e.item.id, "story": e.item.story, "component": e.component,
         "article_id": int(e.member.article[1:]),
         "record": {"item": _item_json(e.item), "member": e.member.model_dump(mode="json")}}
        for e in linker.added])
    moved = [{"id": i, "component": linker.entries[i].component}
             for i in sorted(linker.moved) if i in linker.entries]
    if moved and not full:
        session.execute(update(LinkItemRow), moved)
    _insert(session, LinkItemKeyRow, [{"story": e.item.story, "key": k, "item_id": e.item.id}
                                      for e in linker.added for k in sorted(blocking_keys(e.item))])
    if not full:
        gone = changed | linker.removed
        for chunk in _chunks(gone):
            old = select(LinkClusterRow.id).where(LinkClusterRow.component.in_(chunk))
            session.execute(delete(LinkMemberRow).where(LinkMemberRow.cluster_id.in_(old)))
            session.execute(delete(LinkClusterRow).where(LinkClusterRow.component.in_(chunk)))
    _insert(session, LinkClusterRow, [
        {"id": c.id, "story": c.story, "label": c.label, "status": c.status,
         "size": len(c.members), "first_reported": c.first_reported,
         "record": c.model_dump(mode="json"),
         "component": linker.entries[c.id[2:]].component} for c in clusters])
    _insert(session, LinkMemberRow, [
        {"cluster_id": c.id, "claim_id": int(m.claim[1:]), "article_id": int(m.article[1:])}
        for c in clusters for m in c.members])
    session.execute(delete(LinkStateRow))
    session.add(LinkStateRow(id=1, version=STATE_VERSION, last_article=last_id,
                             state=json.dumps({"articles": stories.n,
                                               "stories": stories.count}).encode(),
                             updated=dt.datetime.now(dt.UTC)))


# Reading links back.

def linked(store: Store) -> bool:
    return store.read(lambda s: s.get(LinkStateRow, 1)) is not None


def graph(store: Store):
    """The source graph (``Linker.graph``) of every linked claim."""
    def members(session):
        return [ClaimCluster(**r).members for r in session.scalars(
            select(LinkClusterRow.record).order_by(LinkClusterRow.story, LinkClusterRow.id))]
    return source_graph(m for found in store.read(members) for m in found)


def stories(store: Store) -> dict[str, int]:
    """Each story's number of articles."""
    return store.read(lambda s: dict(s.execute(
        select(LinkArticleRow.story, func.count()).group_by(LinkArticleRow.story)).all()))


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


def named_rows(store: Store, name: str) -> list[int]:
    """Ids of the stored entities called ``name`` and, once linking has run, of those linked
    to the canonical entity of that name (under any of its names): articles stored after the
    last link are found by their names still."""
    rows = set(store.read(lambda session: find_entities(session, name)))
    canonical = entity(store, name)  # none before the first link: its tables are empty
    if canonical is not None:
        rows.update(entity_rows(store, canonical.id))
    return sorted(rows)


def statements(store: Store, name: str, **page) -> Statements:
    """``Store.statements`` of ``name`` under every name of its canonical entity once linking
    has run (``page``: act, status, offset, limit)."""
    return store.statements(name, ids=named_rows(store, name), **page)


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

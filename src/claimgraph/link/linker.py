"""The linker: articles in, canonical entities, stories, claim clusters and the source graph out.

``add`` takes articles one at a time in a fixed order (the store's ids); it updates the
entities and stories, and ``clusters`` places the new claims: each joins the component of the
claims it scores above the clustering threshold with (components it bridges merge), and only
the components that changed are clustered again. Everything is deterministic and a component
depends only on its claims, so linking a corpus in batches and linking it all at once
(``relink``) give the same result. Without fetchers the linker holds everything in memory; the
store's linking (``persist``) gives it fetchers that read only what a batch reaches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from claimgraph.link.claims import CLAIM_WEIGHTS, UNIT_SYNONYMS, Entry, entries
from claimgraph.link.cluster import Item, agglomerate, blocking_keys, components, score, scored_pairs
from claimgraph.link.entities import Contribution, EntityIndex
from claimgraph.link.evidence import judge, origin_of
from claimgraph.link.records import CanonicalEntity, ClaimCluster, Member
from claimgraph.link.state import Cache, Fetch
from claimgraph.link.stories import StoryIndex
from claimgraph.link.text import terms
from claimgraph.model import Analysis


@dataclass
class Fetchers:
    """Where the linker reads the state a batch reaches (see ``state.Cache``)."""

    keys: Fetch | None = None  # entity index key → [canonical id]
    entities: Fetch | None = None  # canonical id → entities._Canonical
    df: Fetch | None = None  # term → articles holding it
    postings: Fetch | None = None  # term → {story}
    stories: Fetch | None = None  # story → stories._Story
    entries: Fetch | None = None  # claim item id → Entry
    index: Fetch | None = None  # (story, blocking key) → {claim item id}
    components: Fetch | None = None  # component id → [claim item id]
    outlets: Fetch | None = None  # article source → outlet


def _score(a, b) -> float:
    return score(a, b, CLAIM_WEIGHTS, UNIT_SYNONYMS)


class Linker:
    def __init__(self, story_threshold: float = 0.17, fetch: Fetchers | None = None) -> None:
        f = fetch or Fetchers()
        self.entities = EntityIndex(f.keys, f.entities)
        self.stories = StoryIndex(threshold=story_threshold, fetch_df=f.df,
                                  fetch_postings=f.postings, fetch_stories=f.stories)
        self.entries: Cache = Cache(f.entries)
        self.index: Cache = Cache(f.index)
        self.components: Cache = Cache(f.components)
        self.outlets: Cache = Cache(f.outlets)
        self.new: dict[str, list[Entry]] = {}  # story → claims added, not yet placed
        self.added: list[Entry] = []  # claims added, in order
        self.moved: set[str] = set()  # earlier claims whose component changed
        self.changed: set[str] = set()  # components made or grown
        self.removed: set[str] = set()  # components merged into others or split
        self.withdrawn: list[Item] = []  # claims taken out
        self.last_entities: dict[str, str] = {}  # the last article's entity ids → canonical

    def add(self, article: str, analysis: Analysis) -> str:
        """Link one article (``article`` is its stable id); returns the story it joins."""
        if article in self.stories.story_of:
            self.last_entities = {}
            return self.stories.story_of[article]
        entity_of = self.last_entities = self.entities.add(article, analysis)
        names = Counter()
        for e in analysis.entities:
            names[entity_of[e.id]] += max(1, len(e.mentions))
        story = self.stories.add(article, terms(f"{analysis.title or ''}\n{analysis.text}"), names)
        labels = {cid: self.entities.entities[cid].name for cid in set(entity_of.values())}
        found = entries(article, analysis, entity_of, labels, story)
        self.new.setdefault(story, []).extend(found)
        self.added += found
        self.outlets[analysis.source] = analysis.outlet
        return story

    def withdraw(self, article: str, story: str, claims: list[str],
                 entities: dict[str, list[Contribution]]) -> None:
        """Take a linked article out (before its new revision is added): from its story, its
        claims (``claims``: their item ids) from their components, which may split, and from
        its canonical entities (``entities``: see ``EntityIndex.withdraw``)."""
        self.stories.withdraw(article, story)
        self.entities.withdraw(entities)
        self.entries.need(claims)
        gone = [self.entries.pop(i) for i in claims if i in self.entries]
        self.withdrawn += [e.item for e in gone]
        for e in gone:
            keys = [(e.item.story, k) for k in blocking_keys(e.item)]
            self.index.need(keys)
            for k in keys:
                self.index.get(k, set()).discard(e.item.id)
        touched = {e.component for e in gone}
        self.components.need(touched)
        dropped = {e.item.id for e in gone}
        for old in sorted(touched):
            rest = [i for i in self.components.pop(old, []) if i not in dropped]
            self.removed.add(old)
            self.entries.need(rest)
            items = [self.entries[i].item for i in rest]
            for group in components(len(items), scored_pairs(items, _score),
                                    CLAIM_WEIGHTS.threshold):
                self._settle([rest[k] for k in group], {})

    # Placing claims into components.

    def _settle(self, ids: list[str], new: dict[str, Entry]) -> None:
        """Make ``ids`` (sorted) one component, named after its first claim."""
        component = ids[0]
        for i in ids:
            e = new.get(i) or self.entries[i]
            if e.component != component:
                if i not in new:
                    self.moved.add(i)
                e.component = component
        self.components[component] = ids
        self.changed.add(component)
        self.removed.discard(component)

    def place(self) -> None:
        """Place the claims added so far into components. ``clusters`` does it anyway; placing
        as the articles come spreads the work (the components are the same)."""
        for story in sorted(self.new):
            self._place_story(story, sorted(self.new[story], key=lambda e: e.item.id))
        self.new = {}

    def _place_story(self, story: str, new: list[Entry]) -> None:
        keys = {(story, k) for e in new for k in blocking_keys(e.item)}
        self.index.need(keys)
        old = {i for k in keys for i in self.index.get(k, ())}
        self.entries.need(old)
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        # A node is a new claim or an earlier component; a pair scoring at least the threshold
        # joins the nodes of its two claims.
        local: dict[str, list[Entry]] = {}
        for e in new:
            parent[e.item.id] = e.item.id
            seen = set()
            for k in sorted(blocking_keys(e.item)):
                for other in [*sorted(self.index.get((story, k), ())), *local.get(k, ())]:
                    oid = other if isinstance(other, str) else other.item.id
                    if oid in seen:
                        continue
                    seen.add(oid)
                    o = self.entries[oid] if isinstance(other, str) else other
                    if _score(e.item, o.item) >= CLAIM_WEIGHTS.threshold:
                        a = root(e.item.id)
                        b = root(o.component if isinstance(other, str) else oid)
                        if a != b:
                            parent[max(a, b)] = min(a, b)
                local.setdefault(k, []).append(e)
        groups: dict[str, list[str]] = {}
        for node in list(parent):
            groups.setdefault(root(node), []).append(node)
        by_id = {e.item.id: e for e in new}
        earlier_all = [n for nodes in groups.values() for n in nodes if n not in by_id]
        self.components.need(earlier_all)
        self.entries.need({i for c in earlier_all for i in self.components[c]})
        for nodes in groups.values():
            earlier = [n for n in nodes if n not in by_id]
            ids = sorted({n for n in nodes if n in by_id}
                         | {i for c in earlier for i in self.components[c]})
            for c in earlier:
                self.removed.add(c)
                del self.components[c]
            self._settle(ids, by_id)
        for e in new:
            self.entries[e.item.id] = e
            for k in blocking_keys(e.item):
                self.index.setdefault((story, k), set()).add(e.item.id)

    # Results.

    def changed_components(self) -> set[str]:
        """The components the claims added since the linker was made changed (made, grown)."""
        self.place()
        return self.changed - self.removed

    def clusters(self, components: Iterable[str] | None = None) -> list[ClaimCluster]:
        """Claim clusters of ``components`` (default: all held), judged, by story."""
        self.place()
        out = []
        for component in sorted(self.components if components is None else components):
            found = [self.entries[i] for i in self.components[component]]
            items = [e.item for e in found]
            groups = agglomerate(len(items), scored_pairs(items, _score),
                                 CLAIM_WEIGHTS.threshold)
            self.outlets.need({e.member.duplicate_of for e in found if e.member.duplicate_of})
            for group in groups:
                out.append(self._cluster([found[k] for k in group]))
        out.sort(key=lambda c: (c.story, c.id))
        return out

    def _cluster(self, group: list[Entry]) -> ClaimCluster:
        members = [e.member.model_copy(update={"origin": origin_of(e.member, self.outlets)})
                   for e in group]
        members.sort(key=lambda m: (m.published is None, m.published, m.article))
        entity_ids = sorted({p for e in group for p in e.item.participants}
                            | {m.speaker for m in members if m.speaker})
        return judge(ClaimCluster(
            id=f"k:{group[0].item.id}", story=group[0].item.story, label=members[0].text[:160],
            status="single-sourced", members=members, origins=[], entities=entity_ids))

    def entity_records(self) -> list[CanonicalEntity]:
        return self.entities.records()

    def graph(self) -> nx.DiGraph:
        self.place()
        return source_graph(e.member for e in self.entries.values())


def source_graph(members: Iterable[Member]) -> nx.DiGraph:
    """Who cites whom: outlet → channel or citing speaker → speaker, with the number of reports
    and the claims on each edge."""
    g = nx.DiGraph()
    for m in members:
        outlet = f"outlet:{m.outlet or 'unknown outlet'}"
        path = [outlet] + [f"source:{v}" for v in reversed(m.via)]
        if m.speaker_name:
            path.append(f"source:{m.speaker_name}")
        for node in path:
            if node not in g:
                kind, label = node.split(":", 1)
                g.add_node(node, kind=kind, label=label)
        for a, b in zip(path, path[1:]):
            if a == b:
                continue
            if g.has_edge(a, b):
                g[a][b]["count"] += 1
                g[a][b]["claims"] += f" {m.claim}"
            else:
                g.add_edge(a, b, count=1, claims=m.claim)
    return g

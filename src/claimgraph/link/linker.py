"""The linker: articles in, canonical entities, stories, claim clusters and the source graph out.

``add`` takes articles one at a time in a fixed order (the store's ids); it updates the
entities and stories and marks the stories it touched, whose claims are clustered again by
``clusters``. Everything is deterministic, so linking a corpus in batches and linking it all at
once (``relink``) give the same result; ``state``/``from_state`` carry it between runs as JSON.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

import networkx as nx

from claimgraph.link.claims import CLAIM_WEIGHTS, UNIT_SYNONYMS, Entry, entries
from claimgraph.link.cluster import Item, cluster
from claimgraph.link.entities import EntityIndex, _Canonical
from claimgraph.link.evidence import judge, origin_of
from claimgraph.link.records import CanonicalEntity, ClaimCluster, Role
from claimgraph.link.stories import StoryIndex, _Story
from claimgraph.link.text import terms
from claimgraph.model import Analysis

STATE_VERSION = 2


class Linker:
    def __init__(self, story_threshold: float = 0.17) -> None:
        self.entities = EntityIndex()
        self.stories = StoryIndex(threshold=story_threshold)
        self.entries: dict[str, list[Entry]] = {}  # story → its claims
        self.outlets: dict[str, str | None] = {}  # article source → outlet
        self.articles: list[str] = []
        self.touched: set[str] = set()  # stories changed since this linker was made or loaded
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
        self.entries.setdefault(story, []).extend(
            entries(article, analysis, entity_of, labels, story))
        self.outlets[analysis.source] = analysis.outlet
        self.articles.append(article)
        self.touched.add(story)
        return story

    # Results.

    def clusters(self, stories: set[str] | None = None) -> list[ClaimCluster]:
        """Claim clusters of ``stories`` (default: every story), judged."""
        out = []
        for story in sorted(stories if stories is not None else self.entries):
            found = self.entries.get(story, [])
            by_id = {e.item.id: e for e in found}
            for group in cluster([e.item for e in found], CLAIM_WEIGHTS, UNIT_SYNONYMS):
                members = [by_id[i.id].member for i in group]
                members = [m.model_copy(update={"origin": origin_of(m, self.outlets)})
                           for m in members]
                members.sort(key=lambda m: (m.published is None, m.published, m.article))
                entity_ids = sorted({p for i in group for p in i.participants}
                                    | {m.speaker for m in members if m.speaker})
                out.append(judge(ClaimCluster(
                    id=f"k:{group[0].id}", story=story, label=members[0].text[:160],
                    status="single-sourced", members=members, origins=[],
                    entities=entity_ids)))
        return out

    def entity_records(self) -> list[CanonicalEntity]:
        return self.entities.records()

    def graph(self) -> nx.DiGraph:
        """Who cites whom: outlet → channel or citing speaker → speaker, with the number of
        reports and the claims on each edge."""
        g = nx.DiGraph()
        for found in self.entries.values():
            for e in found:
                m = e.member
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

    # Carrying the linker between runs.

    def state(self) -> dict:
        s = self.stories
        return {
            "version": STATE_VERSION,
            "entities": {
                "entities": [{**asdict(c), "roles": [r.model_dump(mode="json")
                                                     for r in c.roles.values()],
                              "role_keys": list(c.roles)} for c in self.entities.entities.values()],
                "by_key": self.entities._by_key,
                "surnames": {k: sorted(v) for k, v in self.entities._surnames.items()},
            },
            "stories": {"threshold": s.threshold, "name_weight": s.name_weight, "n": s.n,
                        "df": dict(s.df),
                        "stories": [{"id": x.id, "members": x.members,
                                     "bags": [dict(b) for b in x.bags]} for x in s.stories]},
            "entries": {story: [[_item_json(e.item), e.member.model_dump(mode="json")]
                                for e in found] for story, found in self.entries.items()},
            "outlets": self.outlets,
            "articles": self.articles,
        }

    @classmethod
    def from_state(cls, state: dict) -> Linker:
        from claimgraph.link.records import Member

        if state.get("version") != STATE_VERSION:
            raise ValueError(f"link state version {state.get('version')} is not "
                             f"{STATE_VERSION}: run `claimgraph relink`")
        linker = cls()
        ents = linker.entities
        for c in state["entities"]["entities"]:
            roles = {k: Role(**r) for k, r in zip(c.pop("role_keys"), c.pop("roles"))}
            ents.entities[c["id"]] = _Canonical(**c, roles=roles)
        ents._by_key = dict(state["entities"]["by_key"])
        ents._surnames = {k: set(v) for k, v in state["entities"]["surnames"].items()}
        st = state["stories"]
        linker.stories = StoryIndex(threshold=st["threshold"], name_weight=st["name_weight"])
        linker.stories.n = st["n"]
        linker.stories.df = Counter(st["df"])
        for x in st["stories"]:
            linker.stories.stories.append(
                _Story(x["id"], x["members"], [Counter(b) for b in x["bags"]]))
            for member in x["members"]:
                linker.stories.story_of[member] = x["id"]
        linker.entries = {story: [Entry(_item_from(i), Member(**m)) for i, m in found]
                          for story, found in state["entries"].items()}
        linker.outlets = dict(state["outlets"])
        linker.articles = list(state["articles"])
        return linker


def _item_json(item: Item) -> dict:
    return {"id": item.id, "doc": item.doc, "anchor": item.anchor, "words": sorted(item.words),
            "participants": sorted(item.participants), "times": sorted(item.times),
            "story": item.story}


def _item_from(d: dict) -> Item:
    return Item(id=d["id"], doc=d["doc"], anchor=d["anchor"], words=frozenset(d["words"]),
                participants=frozenset(d["participants"]), times=frozenset(d["times"]),
                story=d["story"])

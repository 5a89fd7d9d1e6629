"""What the pages read of linking (claimgraph.link): claim clusters, the same claim in other
articles, and the source graph laid out for drawing. Empty until the store has been linked."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import networkx as nx
from sqlalchemy import select

from claimgraph.link import persist
from claimgraph.link.records import ClaimCluster, Member
from claimgraph.link.tables import LinkClusterRow, LinkMemberRow, LinkStateRow

GRAPH_NODES = 120  # most-connected nodes drawn; the rest would be unreadable anyway


def linked(store) -> bool:
    return persist.linked(store)


def named_rows(store, name: str) -> list[int]:
    """The stored entities that are ``name``, across its aliases once linked."""
    return persist.named_rows(store, name)


def save(store, analysis):
    """Store ``analysis`` and link it, as ``claimgraph ingest`` does, so that its claims
    join their clusters at once."""
    saved = store.save(analysis)
    persist.link(store)
    return saved


def clusters(store, query: str | None = None, status: str | None = None, min_size: int = 1,
             limit: int | None = None) -> list[ClaimCluster]:
    """Clusters, most reported first. Without ``query`` only ``limit`` rows are read."""
    if query:
        return persist.clusters(store, query=query, status=status, min_size=min_size,
                                limit=limit)

    def run(session):
        statement = select(LinkClusterRow.record).where(LinkClusterRow.size >= min_size)
        if status:
            statement = statement.where(LinkClusterRow.status == status)
        return session.scalars(statement.order_by(LinkClusterRow.size.desc(), LinkClusterRow.id)
                               .limit(limit)).all()
    return [ClaimCluster(**record) for record in store.read(run)]


def cluster(store, cluster_id: str) -> ClaimCluster | None:
    row = store.read(lambda s: s.get(LinkClusterRow, cluster_id))
    return None if row is None else ClaimCluster(**row.record)


def contested(store, limit: int = 10) -> list[ClaimCluster]:
    """The clusters whose reports contradict each other, the most reported first."""
    return clusters(store, status="contradicted", limit=limit)


@dataclass(frozen=True)
class Elsewhere:
    cluster: str  # the cluster's id
    members: list[Member]  # its reports in other articles


def elsewhere(store, claim_ids: list[str], per_claim: int = 5) -> dict[str, Elsewhere]:
    """For each claim (``c12``) in a cluster, the reports of the same claim in other articles."""
    numbers = [int(c[1:]) for c in claim_ids if c[1:].isdigit()]
    if not numbers:
        return {}

    def query(session):
        return session.execute(
            select(LinkMemberRow.claim_id, LinkMemberRow.article_id, LinkClusterRow.record)
            .join(LinkClusterRow, LinkClusterRow.id == LinkMemberRow.cluster_id)
            .where(LinkMemberRow.claim_id.in_(numbers), LinkClusterRow.size > 1)).all()

    found = {}
    for claim_id, article_id, record in store.read(query):
        others = [m for m in record["members"] if m["article"] != f"a{article_id}"]
        if others:
            found[f"c{claim_id}"] = Elsewhere(record["id"], [Member(**m) for m in others[:per_claim]])
    return found


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str  # outlet or source
    x: float
    y: float
    r: float
    weight: int


@dataclass(frozen=True)
class Edge:
    a: Node
    b: Node
    count: int


@dataclass(frozen=True)
class Drawing:
    nodes: list[Node]
    edges: list[Edge]
    total_nodes: int
    width: int = 1000
    height: int = 700


_graphs: dict[str, tuple[object, nx.DiGraph]] = {}
_lock = threading.Lock()


def source_graph(store) -> nx.DiGraph:
    """Who cites whom across the store, rebuilt only when the links change."""
    updated = store.read(lambda s: s.scalar(select(LinkStateRow.updated)))
    with _lock:
        cached = _graphs.get(store.where)
        if cached and cached[0] == updated:
            return cached[1]
    graph = persist.graph(store)
    with _lock:
        _graphs[store.where] = (updated, graph)
    return graph


def drawing(store, entity: str | None = None, story: str | None = None) -> Drawing:
    """The source graph (outlets → channels → speakers) laid out on the server, narrowed to
    what touches ``entity`` (a name) or the claims of ``story`` (a story id)."""
    graph = source_graph(store)
    if story:
        claims = {m.claim for c in clusters(store) if c.story == story for m in c.members}
        edges = [(a, b) for a, b, d in graph.edges(data=True) if claims & set(d["claims"].split())]
        graph = graph.edge_subgraph(edges)
    if entity:
        wanted = entity.lower()
        seeds = [n for n, d in graph.nodes(data=True) if wanted in d["label"].lower()]
        keep = set(seeds)
        for node in seeds:
            keep |= set(graph.predecessors(node)) | set(graph.successors(node))
        graph = graph.subgraph(keep)
    weight = {n: sum(d["count"] for *_, d in graph.in_edges(n, data=True))
              + sum(d["count"] for *_, d in graph.out_edges(n, data=True)) for n in graph}
    top = sorted(graph, key=lambda n: (-weight[n], n))[:GRAPH_NODES]
    shown = graph.subgraph(top)
    if not shown:
        return Drawing([], [], graph.number_of_nodes())
    layout = nx.spring_layout(shown.to_undirected(), seed=1, iterations=60,
                              k=1.6 / math.sqrt(len(shown)))
    width, height, pad = 1000, 700, 60
    heaviest = max(weight[n] for n in shown) or 1
    nodes = {}
    for n, (x, y) in layout.items():
        data = shown.nodes[n]
        nodes[n] = Node(id=n, label=data["label"], kind=data["kind"],
                        x=round(pad + (x + 1) / 2 * (width - 2 * pad), 1),
                        y=round(pad + (y + 1) / 2 * (height - 2 * pad), 1),
                        r=round(5 + 13 * math.sqrt(weight[n] / heaviest), 1), weight=weight[n])
    edges = [Edge(nodes[a], nodes[b], d["count"]) for a, b, d in shown.edges(data=True)]
    return Drawing(list(nodes.values()), edges, graph.number_of_nodes(), width, height)

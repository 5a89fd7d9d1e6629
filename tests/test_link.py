"""Following a story across outlets: clusters, contradictions, independence, incremental links."""

import datetime as dt
import io
import json

import networkx as nx
import pytest
from sqlalchemy import select

from claimgraph import analyze
from claimgraph.link import persist
from claimgraph.link.linker import Linker
from claimgraph.link.tables import LINK_TABLES
from claimgraph.model import Article
from claimgraph.store import open_store

# Three invented outlets report one invented deployment: two give the Meridian Times' figure,
# one the ministry's own, larger one.
REPORTS = [
    ("harbour.txt", "Harbour Gazette", dt.date(2031, 3, 2),
     "Northland has sent 3,000 soldiers to Eastmark, according to the Meridian Times. "
     "The deployment began in February, the newspaper reported."),
    ("valley.txt", "Valley Courier", dt.date(2031, 3, 3),
     "Eastmark's defence ministry said 12,000 Northland soldiers were in Eastmark. "
     "Farmers near the border have left their villages."),
    ("coast.txt", "Coastal Herald", dt.date(2031, 3, 4),
     "Some 3,000 Northland soldiers have arrived in Eastmark, according to the Meridian Times. "
     "Trains were seen crossing the river at night."),
]


@pytest.fixture(scope="module")
def reports():
    return [analyze(Article(source=s, outlet=o, published=d, text=t)) for s, o, d, t in REPORTS]


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'links.db'}") as opened:
        yield opened


def _deployment(clusters):
    found = [c for c in clusters if c.estimate is not None and len(c.members) == 3]
    assert len(found) == 1, [(c.label, len(c.members)) for c in clusters]
    return found[0]


def test_conflicting_numbers_give_contradiction_estimate_and_independent_origins(reports):
    linker = Linker()
    for n, analysis in enumerate(reports, start=1):
        linker.add(f"a{n}", analysis)
    cluster = _deployment(linker.clusters())
    assert cluster.status == "contradicted"
    assert cluster.estimate.disputed
    assert cluster.estimate.conservative == 3000
    assert (cluster.estimate.low, cluster.estimate.high) == (3000, 12000)
    assert len(cluster.estimate.sources["3,000"]) == 2  # both reports of the newspaper's figure
    # The two outlets citing the Meridian Times are one line of evidence; the ministry another.
    assert len(cluster.origins) == 2
    assert "Meridian Times" in cluster.origins
    assert [m.published for m in cluster.members] == sorted(m.published for m in cluster.members)


def test_syndicated_copy_counts_once(reports):
    linker = Linker()
    linker.add("a1", reports[1])
    copy = reports[1].model_copy(update={"source": "copy.txt", "outlet": "Reprint Daily",
                                         "duplicate_of": reports[1].source})
    linker.add("a2", copy)
    cluster = next(c for c in linker.clusters() if len(c.members) == 2 and c.estimate)
    assert cluster.status != "corroborated"
    assert len(cluster.origins) == 1


def _tables(store):
    with store.session() as session:
        out = {}
        for table in LINK_TABLES:
            if table.__tablename__ == "link_state":
                continue
            rows = session.execute(select(table)).scalars().all()
            out[table.__tablename__] = sorted(
                json.dumps({c.name: getattr(r, c.name) for c in table.__table__.columns},
                           default=str, sort_keys=True) for r in rows)
        return out


def test_incremental_linking_equals_relink(store, reports):
    for analysis in reports:  # one ingest batch per article, linked after each
        store.save(analysis)
        persist.link(store)
    incremental = _tables(store)
    run = persist.link(store, full=True)
    assert run.full and run.articles == 3
    assert _tables(store) == incremental
    assert persist.link(store).articles == 0  # nothing new: nothing linked

    contradicted = persist.clusters(store, status="contradicted")
    assert [c.estimate.conservative for c in contradicted] == [3000]
    assert persist.clusters(store, query="3,000 soldiers")
    assert persist.clusters(store, query="Meridian Times")  # an entity named in the reports


def test_source_graph_exports_graphml(reports):
    linker = Linker()
    for n, analysis in enumerate(reports, start=1):
        linker.add(f"a{n}", analysis)
    buffer = io.BytesIO()
    nx.write_graphml(linker.graph(), buffer)
    graph = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    edges = {(graph.nodes[a]["label"], graph.nodes[b]["label"]) for a, b in graph.edges}
    assert ("Harbour Gazette", "Meridian Times") in edges
    assert ("Coastal Herald", "Meridian Times") in edges
    assert graph.nodes["outlet:Valley Courier"]["kind"] == "outlet"

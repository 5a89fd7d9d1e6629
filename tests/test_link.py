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
        assert persist.link(store).articles == 1
    incremental = _tables(store)
    run = persist.link(store, full=True)
    assert run.full and run.articles == 3
    assert _tables(store) == incremental
    assert persist.link(store).articles == 0  # nothing new: nothing linked

    contradicted = persist.clusters(store, status="contradicted")
    assert [c.estimate.conservative for c in contradicted] == [3000]
    assert persist.clusters(store, query="3,000 soldiers")
    assert persist.clusters(store, query="Meridian Times")  # an entity named in the reports


def test_batches_of_several_articles_equal_one_relink(store, reports, seed):
    batches = [[seed, reports[0]], [reports[1]], [reports[2], _later_report()]]
    for n, batch in enumerate(batches):
        for analysis in batch:
            store.save(analysis)
        assert persist.link(store).full == (n == 0)  # the first run links everything
    incremental = _tables(store), persist.clusters(store)
    persist.link(store, full=True)
    assert (_tables(store), persist.clusters(store)) == incremental
    deployment = _deployment(persist.clusters(store, query="Northland soldiers"))
    assert deployment.estimate.high == 12000
    assert persist.entity(store, "Pyongyang").name == "North Korea"  # from the seed


def test_linking_as_an_ingest_saves_equals_relink_and_gives_way_to_other_runs(
        store, reports, seed, monkeypatch):
    def linked_ahead(analyses, every=500) -> int:
        ahead = persist.LinkAhead(store, every=every)
        for analysis in analyses:
            ahead.add(store.save(analysis))
        with monkeypatch.context() as patched:  # what was linked ahead is not read back
            patched.setattr(store, "analyses", lambda *a, **k: pytest.fail("read back"))
            return ahead.finish().articles

    assert linked_ahead([seed, reports[0]]) == 2  # the store's first link
    assert linked_ahead([reports[1], reports[2], _later_report()], every=2) == 3  # 2 + 1
    # An article another run stored and did not link (say, a killed ingest) is linked too.
    ahead = persist.LinkAhead(store)
    store.save(_report_of("Meridian"))
    ahead.add(store.save(_report_of("Harbour")))
    assert ahead.finish().articles == 2
    # Another run linked meanwhile: its links stand, nothing is linked twice.
    ahead = persist.LinkAhead(store)
    ahead.add(store.save(_report_of("Coastal")))
    assert persist.link(store).articles == 1
    assert ahead.finish().articles == 0
    # A new revision mid-run replaces the old text's links at once.
    ahead = persist.LinkAhead(store)
    page = _report_of("Valley").model_copy(update={"url": "https://valley.example/roads"})
    ahead.add(store.save(page))
    revised = store.save(page.model_copy(update={"text": page.text.replace("two", "three")}))
    assert revised.outcome == "revised"
    ahead.add(revised)
    assert persist.link(store).articles == 0  # linked already
    assert ahead.finish().articles == 1  # the latest text only
    incremental = _tables(store), persist.clusters(store)
    persist.link(store, full=True)
    assert (_tables(store), persist.clusters(store)) == incremental
    assert _deployment(persist.clusters(store, query="Northland soldiers")).estimate.high == 12000


def _report_of(outlet):
    return analyze(Article(
        source=f"{outlet.lower()}-later.txt", outlet=f"{outlet} Post",
        published=dt.date(2031, 3, 7),
        text=f"Officials in {outlet} said Northland had closed two more roads near Eastmark."))


def _later_report():
    return analyze(Article(
        source="river.txt", outlet="River Post", published=dt.date(2031, 3, 6),
        text="Farmers near the Eastmark border said trains crossed the river again. "
             "Eastmark's defence ministry said Northland had closed two roads."))


def test_a_new_revision_replaces_the_old_text_without_a_relink(store, reports):
    url = "https://valley.example/2031/03/03/deployment"  # a page is revised under its URL
    for analysis in reports:
        store.save(analysis.model_copy(update={"url": url}) if analysis is reports[1]
                   else analysis)
    persist.link(store)
    old = reports[1]
    revised = analyze(Article(source=old.source, url=url, outlet=old.outlet,
                              published=old.published, text=old.text.replace("12,000", "15,000")))
    assert store.save(revised).outcome == "revised"
    run = persist.link(store)
    assert not run.full and run.articles == 1
    cluster = _deployment(persist.clusters(store, status="contradicted"))
    assert (cluster.estimate.low, cluster.estimate.high) == (3000, 15000)
    assert "12,000" not in cluster.estimate.sources  # the old text's figure left with it
    incremental = _tables(store)
    persist.link(store, full=True)
    assert _tables(store) == incremental


def test_a_store_made_before_linking_existed_links_after_its_upgrade(store_url, reports):
    from alembic import command
    from sqlalchemy import create_engine

    from claimgraph.store import schema
    from claimgraph.store.repository import Store

    with open_store(store_url) as store:
        for analysis in reports[:2]:
            store.save(analysis)
    # The store as the first schema held it. A plain engine: SQLite's foreign keys stay off
    # while tables are rebuilt (as the old store's rows never lost their links).
    engine = create_engine(store_url)
    with engine.begin() as connection:
        command.downgrade(schema._config(connection), "0001")
    engine.dispose()
    old = Store(store_url)
    assert old.upgrade()[0] == "0001"
    old.close()
    with open_store(store_url) as store:
        assert persist.link(store).full
        store.save(reports[2])
        assert not persist.link(store).full
        assert [c.estimate.conservative
                for c in persist.clusters(store, status="contradicted")] == [3000]
        incremental = _tables(store)
        persist.link(store, full=True)
        assert _tables(store) == incremental


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

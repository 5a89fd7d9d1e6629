"""Following a story from the command line: ingest links, then story, claims, who, graph."""

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

ARTICLES = [
    {"url": "https://harbour-gazette.example/north", "published": "2031-03-02",
     "text": "Northland has sent 3,000 soldiers to Eastmark, according to the Meridian Times. "
             "The deployment began in February, the newspaper reported."},
    {"url": "https://valley-courier.example/ministry", "published": "2031-03-03",
     "text": "Eastmark's defence ministry said 12,000 Northland soldiers were in Eastmark. "
             "Farmers near the border have left their villages."},
    {"url": "https://coastal-herald.example/trains", "published": "2031-03-04",
     "text": "Some 3,000 Northland soldiers have arrived in Eastmark, according to the Meridian "
             "Times. Trains were seen crossing the river at night."},
    {"url": "https://harbour-gazette.example/minister", "published": "2031-03-05",
     "text": "Defence Minister Marta Oyelaran said the border crossings would stay open."},
    {"url": "https://valley-courier.example/talks", "published": "2031-03-06",
     "text": "Talks with Northland will resume next week, Oyelaran told reporters on Friday."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli_link")
    feed = folder / "articles.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url = f"sqlite:///{folder / 'store.db'}"
    result = CliRunner().invoke(app, ["ingest", str(feed), "--db", url])
    assert result.exit_code == 0, result.output
    assert "linked 5 new articles" in result.output
    return url


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_contradicted_claims_show_the_dispute_and_the_conservative_estimate(db):
    text = run("claims", "--contradicted", "--db", db)
    assert "[contradicted]" in text
    assert "most conservative estimate 3,000" in text
    assert "independent origins (2)" in text
    clusters = json.loads(run("story", "soldiers", "--db", db, "--format", "json"))
    disputed = [c for c in clusters if c["estimate"] and c["estimate"]["disputed"]]
    assert disputed and disputed[0]["estimate"]["conservative"] == 3000


def test_who_finds_a_person_under_the_surname_used_elsewhere(db):
    statements = json.loads(run("who", "Marta Oyelaran", "--db", db, "--format", "json"))
    assert len({s["article"]["id"] for s in statements}) == 2


def test_the_web_person_page_and_api_gather_a_person_under_every_name(db):
    from fastapi.testclient import TestClient

    from claimgraph.settings import get_settings
    from claimgraph.store import open_store
    from claimgraph.web import create_app

    store = open_store(db)
    try:
        client = TestClient(create_app(store, settings=get_settings(token=None)))
        page = client.get("/api/entities/Marta Oyelaran").json()
        assert page["total"] == 2
        assert len({s["article"]["id"] for s in page["items"]}) == 2
        quotes = client.get("/api/quotes", params={"speaker": "Marta Oyelaran"}).json()
        assert len(quotes["items"]) == 2
        html = client.get("/who/Marta Oyelaran").text
        assert "Talks with Northland will resume" in html
        assert "border crossings would stay open" in html
    finally:
        store.close()


def test_an_article_stored_after_the_last_link_is_found_by_name(db, tmp_path):
    import shutil

    from claimgraph import analyze
    from claimgraph.link import persist
    from claimgraph.store import open_store

    copy = tmp_path / "copy.db"
    shutil.copy(db.removeprefix("sqlite:///"), copy)
    store = open_store(f"sqlite:///{copy}")
    try:
        store.save(analyze("Defence Minister Marta Oyelaran said the army would stay home.",
                           source="late.txt"))
        found = persist.statements(store, "Marta Oyelaran")
        assert found.total == 3
        assert any("army would stay home" in s.quote.content[0].text for s in found.items)
    finally:
        store.close()


def test_graph_opens_as_graphml_and_relink_rebuilds(db, tmp_path):
    path = tmp_path / "sources.graphml"
    run("graph", "--format", "graphml", "--output", path, "--db", db)
    graph = nx.read_graphml(path)
    assert any(graph.nodes[n]["label"] == "Meridian Times" for n in graph)
    assert "linked 5 articles" in run("relink", "--db", db)
    assert json.loads(run("graph", "--format", "json", "--db", db))["edges"]

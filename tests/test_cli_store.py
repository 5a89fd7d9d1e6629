"""The store through the command line, as a user drives it: ingest, query, export, db; on
SQLite and on PostgreSQL."""

import csv
import json

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from claimgraph.cli import app

FERRY = (
    "Ferry strike ends\n\n"
    "The ferry strike ended on Tuesday after eleven days, the port authority said. "
    "\u201cEvery crossing will run on time from Wednesday,\u201d union leader Tomas Varga told "
    "reporters in Lindholm. Harbour master Petra Olsen denied that safety checks had been "
    "skipped during the strike.\n"
)
BUDGET = (
    "Council passes budget\n\n"
    "The city council approved a budget of 40 million euros on Monday. Mayor Anika Brun said "
    "the money would pay for two new schools. \u201cWe may have to delay the tram line,\u201d "
    "Brun admitted.\n"
)


@pytest.fixture
def cli(store_url, monkeypatch):
    """Run a command on the test store (given by the environment, as a user may)."""
    monkeypatch.setenv("CLAIMGRAPH_DATABASE_URL", store_url)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "budget.txt").write_text(BUDGET, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_ingest_stores_each_article_once_and_reports_bad_items_like_analyze(cli, corpus):
    first = cli("ingest", corpus)
    assert first.exit_code == 1
    assert "empty.txt" in first.stderr and "2 stored" in first.stderr and "1 failed" in first.stderr
    again = cli("ingest", corpus / "ferry.txt", corpus / "budget.txt")
    assert again.exit_code == 0, again.output
    assert "0 stored, 2 already stored" in again.stderr
    info = cli("db", "info")
    assert "articles    2" in info.stdout and "revisions   2" in info.stdout


def test_changed_text_at_a_url_is_a_revision_and_a_wire_copy_a_duplicate(cli, tmp_path):
    url = "https://news.example/ferry"
    old, new = tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl"
    old.write_text(json.dumps({"url": url, "text": FERRY}) + "\n", encoding="utf-8")
    copy = "By the Lindholm Wire.\n\n" + FERRY.replace("eleven", "11")
    new.write_text(json.dumps({"url": url, "text": FERRY + "Talks resume in May.\n"}) + "\n"
                   + json.dumps({"text": copy}) + "\n", encoding="utf-8")
    assert cli("ingest", old).exit_code == 0
    result = cli("ingest", new)
    assert result.exit_code == 0, result.output
    assert "2 stored (1 new revision)" in result.stderr and "1 duplicates" in result.stderr
    listed = json.loads(cli("articles", "--format", "json").stdout)
    assert len(listed) == 2 and {a["revision"] for a in listed} == {2, 1}
    assert [a["duplicate_of"] for a in listed if a["duplicate_of"]] == [f"{new}:1"]


def test_who_search_claims_articles_and_stats_answer_over_the_whole_store(cli, corpus):
    cli("ingest", corpus)
    who = cli("who", "Tomas Varga")
    assert who.exit_code == 0 and "Every crossing will run on time" in who.stdout
    statements = [json.loads(line) for line in cli("who", "varga", "-f", "jsonl").stdout.splitlines()]
    assert statements and all(s["speaker"] == "Tomas Varga" for s in statements)
    assert statements[0]["quote"]["cue"]["text"] == "told"
    found = json.loads(cli("search", "crossing", "--format", "json").stdout)
    assert [h["article"]["source"] for h in found["quotes"]] == [str(corpus / "ferry.txt")]
    assert "«crossing»" in found["quotes"][0]["snippet"]
    assert "nothing matches" in cli("search", "zeppelin").stdout
    denied = json.loads(cli("claims", "--status", "denied", "-f", "json").stdout)
    assert denied and all(c["claim"]["status"] == "denied" for c in denied)
    assert any("safety checks" in c["claim"]["text"] for c in denied)
    assert "2 articles" in cli("stats").stdout
    one = cli("claims", "--limit", "1").stdout
    assert one.count("] ") == 1 and "more than 1: show more with --limit" in one
    bad = cli("claims", "--since", "last week")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_export_writes_tables_that_join_in_csv_and_parquet_and_filters_by_entity(cli, corpus, tmp_path):
    cli("ingest", corpus)
    assert cli("export", "--format", "parquet", "-o", tmp_path / "pq").exit_code == 0
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    entities = pq.read_table(tmp_path / "pq" / "entities.parquet").to_pylist()
    assert len(articles) == 2 and {q["article_id"] for q in quotes} <= {a["id"] for a in articles}
    speakers = {e["id"]: e["name"] for e in entities}
    assert "Tomas Varga" in {speakers.get(q["speaker_entity_id"]) for q in quotes}
    assert cli("export", "--format", "csv", "-o", tmp_path / "csv", "--entity", "Anika Brun",
               ).exit_code == 0
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["title"] for r in rows] == ["Council passes budget"]
    lines = cli("export").stdout.splitlines()
    assert sorted(json.loads(line)["title"] for line in lines) == [
        "Council passes budget", "Ferry strike ends"]


def test_an_article_exported_from_the_store_has_the_records_analyze_printed(cli, tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text("Bridge repairs\n\nCould the bridge perhaps reopen next week? The council "
                       "met on Monday. Engineers may finish the repairs in May, the mayor said.\n",
                       encoding="utf-8")
    printed = json.loads(cli("analyze", "--format", "json", article).stdout)
    assert cli("ingest", article).exit_code == 0
    [stored] = [json.loads(line) for line in cli("export").stdout.splitlines()]
    assert any(h["text"] == "perhaps" for h in printed["hedges"])  # in a question: no claim
    for records in ("hedges", "times"):
        assert stored[records] == printed[records]
    assert [(c["text"], c["status"], c["cues"]) for c in stored["claims"]] == [
        (c["text"], c["status"], c["cues"]) for c in printed["claims"]]


def test_an_older_store_is_refused_until_db_upgrade_and_a_newer_one_always(cli, store_url, tmp_path, monkeypatch):
    from claimgraph.store import schema

    assert cli("db", "upgrade").exit_code == 0  # creates the store
    # A later claimgraph adds a migration: this store is now older than the code.
    versions = tmp_path / "migrations"
    import shutil

    shutil.copytree(schema.MIGRATIONS, versions)
    current = schema.head()
    (versions / "versions" / "0099_later.py").write_text(
        f'revision = "0099"\ndown_revision = "{current}"\nbranch_labels = depends_on = None\n'
        "import sqlalchemy as sa\nfrom alembic import op\n"
        "def upgrade():\n    op.create_table('later', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n    op.drop_table('later')\n", encoding="utf-8")
    monkeypatch.setattr(schema, "MIGRATIONS", versions)
    refused = cli("stats")
    assert refused.exit_code == 2 and "run `claimgraph db upgrade`" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    upgraded = cli("db", "upgrade")
    assert upgraded.exit_code == 0 and f"{current} → 0099" in upgraded.stdout
    assert cli("stats").exit_code == 0
    # Back to this claimgraph: the store is now newer than the code.
    monkeypatch.undo()
    monkeypatch.setenv("CLAIMGRAPH_DATABASE_URL", store_url)
    newer = cli("who", "anyone")
    assert newer.exit_code == 2 and "newer claimgraph" in newer.stderr
    engine = create_engine(store_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099"
    engine.dispose()


def test_a_query_where_no_store_exists_says_so_instead_of_making_an_empty_one(tmp_path):
    missing = tmp_path / "nothing-here.db"
    result = CliRunner().invoke(app, ["who", "Tomas Varga", "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 2 and "no store here yet" in result.stderr
    assert not missing.exists()

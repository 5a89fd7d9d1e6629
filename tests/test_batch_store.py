"""`claimgraph ingest` on a real Dask cluster of 2 worker processes: the store holds what a
single-process ingest stores, also when a worker is killed mid-run, and writing again adds
nothing. PostgreSQL is written by the workers; SQLite by the client alone."""

import os
import signal
import threading

import pytest
from sqlalchemy import select
from test_batch import busy_worker, corpus, replaced  # noqa: F401  (corpus: a fixture)
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.store import open_store
from claimgraph.store.tables import ArticleRow


def ingest(*args):
    return CliRunner().invoke(app, ["ingest", *map(str, args)])


def contents(url):
    """Every stored article, its records numbered by position instead of by store id (ids
    depend on the order of writing), and each copy with the source its duplicate_of_id names."""
    with open_store(url) as store:
        articles = {}
        for analysis in store.analyses():
            data = analysis.model_dump(mode="json")
            ids = {record["id"]: f"{kind[0]}{n}" for kind in ("entities", "quotes", "claims")
                   for n, record in enumerate(data[kind])}
            articles[analysis.source] = _renumber(data, ids)
        with store.session() as session:
            copies = dict(session.execute(select(ArticleRow.source, ArticleRow.duplicate_of_id)
                                          .where(ArticleRow.duplicate_of_id.is_not(None))).all())
            sources = dict(session.execute(select(ArticleRow.id, ArticleRow.source)).all())
        counts = store.counts()
    return articles, {source: sources[first] for source, first in copies.items()}, counts


def _renumber(value, ids):
    if isinstance(value, dict):
        return {k: _renumber(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_renumber(v, ids) for v in value]
    return ids.get(value, value) if isinstance(value, str) else value


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):  # noqa: F811
    url = f"sqlite:///{tmp_path_factory.mktemp('ref') / 'single.db'}"
    result = ingest(*corpus, "--db", url)
    assert "11 stored" in result.stderr, result.stderr
    return contents(url)


def test_into_sqlite_the_client_writes_alone_and_says_so(
    cluster, corpus, reference, tmp_path  # noqa: F811
):
    cluster.wait_for_workers(2, timeout=180)  # whole: this runs before the test that kills one
    url = f"sqlite:///{tmp_path / 'spread.db'}"
    result = ingest(*corpus, "--db", url, "--scheduler", cluster.scheduler.address)
    assert "SQLite takes one writer: the 2 workers analyze and this process writes" in result.stderr
    assert "11 stored" in result.stderr
    assert contents(url) == reference


def test_workers_write_postgresql_as_one_process_would_even_when_one_is_killed(
    cluster, corpus, reference, empty_postgres_url  # noqa: F811
):
    postgres_url = empty_postgres_url
    killed = []

    def kill_one() -> None:
        worker = busy_worker(cluster)
        if worker is not None:
            os.kill(cluster.run(os.getpid, workers=[worker])[worker], signal.SIGKILL)
            killed.append(worker)

    killer = threading.Thread(target=kill_one)
    killer.start()
    result = ingest(*corpus, "--db", postgres_url, "--scheduler", cluster.scheduler.address)
    killer.join()
    assert killed, "no worker had work to kill"
    assert "11 stored, 0 already stored, 1 duplicates, 2 failed" in result.stderr
    assert "Traceback" not in result.stderr
    articles, copies, counts = contents(postgres_url)
    assert (articles, copies, counts) == reference
    assert len(articles) == 11 and len(copies) == 1
    assert replaced(cluster, killed[0])

    again = ingest(*corpus, "--db", postgres_url, "--scheduler", cluster.scheduler.address)
    assert "0 stored, 11 already stored" in again.stderr
    assert contents(postgres_url) == reference

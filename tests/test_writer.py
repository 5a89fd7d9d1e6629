"""An ingest's writing process: what it was sent is saved even when the run stops before
linking, and a writer that dies stops the run with one line instead of hanging it."""

import pytest

from claimgraph import analyze
from claimgraph.errors import StoreError
from claimgraph.link import persist
from claimgraph.model import Article
from claimgraph.settings import Settings
from claimgraph.store import open_store
from claimgraph.writer import Writer

TEXTS = [
    "Harbour pilots in Velsen ended their strike on Monday, the port authority said.",
    "The Velsen council denied that the harbour budget would be cut next year.",
]


@pytest.fixture(scope="module")
def analyses():
    return [analyze(Article(source=f"velsen{n}.txt", text=text)) for n, text in enumerate(TEXTS)]


def test_what_the_writer_was_sent_is_saved_when_the_run_stops_before_linking(
        store_url, analyses):
    open_store(store_url).close()  # the run makes the schema before the writer starts
    with Writer(Settings(database_url=store_url)) as writer:
        for analysis in analyses:
            writer.send(analysis)
        _, first = writer.answer()
        [(analysis, second)] = list(writer.drain())  # the run stops: the rest is saved too
    assert analysis is analyses[1] and (first.outcome, second.outcome) == ("stored", "stored")
    with open_store(store_url) as store:
        assert store.counts()["articles"] == 2
        assert [store.analysis(saved.id).source for saved in (first, second)] == [
            "velsen0.txt", "velsen1.txt"]
        assert not persist.linked(store)
        assert persist.link(store).articles == 2  # the next run links them


def test_a_writer_that_dies_stops_the_run_with_one_line(tmp_path, analyses):
    url = f"sqlite:///{tmp_path / 'claimgraph.db'}"
    open_store(url).close()
    with Writer(Settings(database_url=url)) as writer:
        writer._process.kill()
        writer.send(analyses[0])
        with pytest.raises(StoreError, match="the writing process ended unexpectedly"):
            writer.answer()

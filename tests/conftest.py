from pathlib import Path

import pytest
import spacy

from claimgraph import analyze
from claimgraph.settings import get_settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    """The analysis of the bundled example article, computed once per test session."""
    return analyze(seed_text, source="examples/seed.txt")


@pytest.fixture
def web():
    """A local HTTP server on 127.0.0.1 whose routes each test sets (see tests/localserver.py)."""
    from localserver import LocalServer

    with LocalServer() as server:
        yield server


@pytest.fixture(scope="session")
def nlp():
    """A user's own spaCy pipeline with our entity and quote components added by name (found
    through the package's spacy_factories entry points)."""
    pipeline = spacy.load(get_settings().spacy_model)
    pipeline.add_pipe("claimgraph_entities")
    pipeline.add_pipe("claimgraph_quotes")
    return pipeline


@pytest.fixture(scope="session")
def cluster():
    """A client of a real Dask LocalCluster of 2 worker processes, started once per session
    (as `claimgraph analyze --workers 2` starts it)."""
    from claimgraph.batch import connect

    with connect(get_settings(), workers=2) as client:
        yield client

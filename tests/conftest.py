from pathlib import Path

import pytest
import spacy

from claimgraph import analyze
from claimgraph.settings import get_settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
pytest_plugins = ["webfixtures"]  # the web tests' store, app and browser (tests/web/)


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
    """A user's own spaCy pipeline with our paragraph, entity and quote components added by
    name (found through the package's spacy_factories entry points)."""
    pipeline = spacy.load(get_settings().spacy_model)
    pipeline.add_pipe("claimgraph_paragraphs", before="parser")
    pipeline.add_pipe("claimgraph_entities")
    pipeline.add_pipe("claimgraph_quotes")
    return pipeline


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL database of this test session's own (created from the server named by
    CLAIMGRAPH_TEST_DATABASE_URL, dropped at the end), or a skip when that is unset."""
    import os

    from sqlalchemy import create_engine, text

    from claimgraph.store import parse_url

    base = os.environ.get("CLAIMGRAPH_TEST_DATABASE_URL")
    if not base:
        pytest.skip("PostgreSQL store tests need CLAIMGRAPH_TEST_DATABASE_URL "
                    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    server = parse_url(base)
    name = f"claimgraph_test_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """An empty store's URL on each database: a fresh SQLite file, or the session's PostgreSQL
    database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claimgraph.db'}"
    return request.getfixturevalue("empty_postgres_url")


@pytest.fixture
def empty_postgres_url(postgres_url):
    """The session's PostgreSQL database, emptied of what earlier tests stored."""
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return postgres_url


@pytest.fixture
def store(store_url):
    from claimgraph.store import open_store

    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def cluster():
    """A client of a real Dask LocalCluster of 2 worker processes, started once per session
    (as `claimgraph analyze --workers 2` starts it)."""
    from claimgraph.batch import connect

    with connect(get_settings(), workers=2) as client:
        yield client

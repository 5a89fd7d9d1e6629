from pathlib import Path

import pytest

from claimgraph import analyze

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

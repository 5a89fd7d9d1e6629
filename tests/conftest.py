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

"""Fixtures of the web tests (tests/web/), loaded as a plugin by tests/conftest.py: a small
store of invented articles, the app over it, and (for browser tests) the app served on
127.0.0.1 with a headless chromium."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from pathlib import Path

import pytest

from claimgraph import analyze
from claimgraph.model import Post
from claimgraph.settings import get_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]

BARRIER = (
    "The city council approved a new flood barrier on Monday. “We cannot wait for the next "
    "storm,” Mayor Elena Brandt said after the vote. Brandt said the barrier would protect "
    "12,000 homes. According to a report from the Coastal Institute, the design appears to "
    "leave the northern docks exposed. Officials denied that the project had been delayed.\n\n"
    "Residents packed the hall. “This is the first good news in years,” said Tomas Reyes, a "
    "fisherman who lost his boat in the last flood."
)
BARRIER_AGAIN = (
    "Mayor Elena Brandt defended the flood barrier on Wednesday. “The barrier is the right "
    "choice,” Brandt told reporters. The opposition leader, Marcus Hale, said the barrier "
    "would protect only 7,000 homes. Hale believes the council should have waited for the "
    "engineers' review. Hale did not claim that the vote was unlawful."
)
HOSTILE_TEXT = (
    'Officials said <script>window.__pwned = 1</script> the vote was fair. '
    '“<img src=x onerror="window.__pwned = 2">,” the spokesman said. '
    'A link &lt;a href="javascript:window.__pwned = 3"&gt;click&lt;/a&gt; was posted.'
)
HOSTILE_TITLE = '<script>window.__pwned = 4</script><img src=x onerror="alert(1)">'


@pytest.fixture(scope="session")
def web_articles():
    """Three invented articles, analyzed once: two on one story from two outlets, and one whose
    every field carries markup that must never run."""
    first = analyze(BARRIER, source="harbor/barrier.txt").model_copy(update={
        "title": "Council approves flood barrier", "outlet": "Harbor Gazette",
        "url": "https://harbor.example/barrier", "published": dt.date(2025, 3, 3),
        "posts": [Post(platform="twitter", author="Harbor Gazette", handle="harborgazette",
                       date=dt.date(2025, 3, 3), text="The barrier vote passed 7 to 2.",
                       links=["https://harbor.example/vote"])],
        "boilerplate": ["Share this article"]})
    second = analyze(BARRIER_AGAIN, source="valley/barrier.txt").model_copy(update={
        "title": "Mayor defends the barrier", "outlet": "Valley Times",
        "url": "https://valley.example/barrier", "published": dt.date(2025, 3, 5)})
    hostile = analyze(HOSTILE_TEXT, source="evil.html").model_copy(update={
        "title": HOSTILE_TITLE, "kicker": "<b onmouseover=alert(1)>x</b>",
        "dek": "&lt;script&gt;alert(1)&lt;/script&gt;", "outlet": '<a href="javascript:alert(1)">',
        "url": "javascript:window.__pwned = 5", "published": dt.date(2025, 3, 4),
        "posts": [Post(platform="<svg onload=alert(1)>", author="<i>x</i>",
                       text="<script>window.__pwned = 6</script>",
                       links=["javascript:window.__pwned = 7"], url="javascript:alert(1)")],
        "boilerplate": ["<img src=x onerror=alert(1)>"]})
    return first, second, hostile


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, web_articles):
    """A SQLite store holding the three articles, and their ids by source."""
    from claimgraph.link.persist import link
    from claimgraph.store import open_store

    path = tmp_path_factory.mktemp("web") / "web.db"
    store = open_store(f"sqlite:///{path}")
    ids = {a.source: store.save(a).id for a in web_articles}
    link(store)
    yield store, ids
    store.close()


@pytest.fixture(scope="session")
def web_store(web_db):
    return web_db[0]


@pytest.fixture(scope="session")
def web_ids(web_db):
    """Store ids of the articles by source: harbor/barrier.txt, valley/barrier.txt, evil.html."""
    return web_db[1]


@pytest.fixture(scope="session")
def web_app(web_store):
    from claimgraph.web import create_app

    return create_app(web_store, settings=get_settings(token=None))


@pytest.fixture(scope="session")
def client(web_app):
    from fastapi.testclient import TestClient

    return TestClient(web_app)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_url(web_app):
    """The app served by uvicorn on 127.0.0.1 in a thread, for the browser."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(web_app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless (never a downloaded browser); one per session."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium "
                    "(apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()

"""The store under faults, with real processes: ingests killed with SIGKILL and run again,
concurrent ingests, a read-only or full file system, a wrong password, an unreachable or
locked database. Each ends in one clear line (exit code 2) and a store that is whole."""

import json
import os
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from claimgraph.store import open_store

DRIVER = Path(__file__).resolve().parent / "ingest_driver.py"

STORIES = [
    "Dock workers in Halvik voted to accept a new contract on Friday. \u201cThe deal protects "
    "night shifts,\u201d union secretary Mira Lund said. The port expects ships to return.",
    "A landslide blocked the mountain road above Trevo after two days of rain. Police said "
    "the road would stay closed until engineers had inspected the slope.",
    "The Ostra museum will lend forty paintings to a gallery in Lisbon next spring. Curator "
    "Daniel Roth told the paper that the loan had taken three years to arrange.",
    "Farmers near Kessel reported the driest April in sixty years. The weather service "
    "warned that wells could run low by July if rain does not come.",
    "The national chess championship was won by a sixteen-year-old from Brava. \u201cI did "
    "not expect to win,\u201d Lea Novak admitted after the final round.",
    "City buses in Marn will run on electricity by 2030, the transport office announced. "
    "Critics denied that the budget was large enough for the charging stations.",
    "A new bridge over the Sava river opened to cyclists on Sunday. The mayor said it "
    "had cost less than planned and was finished a month early.",
]


def write_corpus(folder: Path) -> list[str]:
    folder.mkdir()
    for n, story in enumerate(STORIES):
        (folder / f"story{n}.txt").write_text(story + "\n", encoding="utf-8")
    # A lightly edited wire copy of the first story, and an item that is not an article.
    (folder / "story0_copy.txt").write_text("Halvik (Wire) - " + STORIES[0] + "\n",
                                            encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    return [str(folder)]


def claimgraph(*args, env=None, timeout=120):
    """`claimgraph ARGS` in a new process."""
    return subprocess.run(
        [sys.executable, "-c", "from claimgraph.cli import main; main()", *map(str, args)],
        capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    """One driver process (one spaCy load) for every killed and concurrent ingest: 10 killed
    rounds on SQLite and on PostgreSQL, then two overlapping ingests on PostgreSQL."""
    folder = tmp_path_factory.mktemp("faults")
    sources = write_corpus(folder / "news")
    files = sorted(str(p) for p in (folder / "news").glob("story*.txt"))
    postgres = os.environ.get("CLAIMGRAPH_TEST_DATABASE_URL") and _database(folder)
    plan = {"rounds": 10, "seed": 7, "sources": sources,
            "kill": [f"sqlite:///{folder / 'killed.db'}"] + ([postgres] if postgres else []),
            "concurrent": postgres and {"url": postgres, "first": files[:6], "second": files[2:]}}
    done = subprocess.run([sys.executable, str(DRIVER), json.dumps(plan)], capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    yield [json.loads(line) for line in done.stdout.splitlines()], files
    if postgres:
        _drop(postgres)


def _database(folder) -> str:
    """A PostgreSQL database of this module's own."""
    from sqlalchemy import create_engine, text

    from claimgraph.store import parse_url

    server = parse_url(os.environ["CLAIMGRAPH_TEST_DATABASE_URL"])
    name = f"claimgraph_faults_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    from sqlalchemy import create_engine, text

    from claimgraph.store import parse_url

    parsed = parse_url(url)
    admin = create_engine(parsed.set(database=parse_url(
        os.environ["CLAIMGRAPH_TEST_DATABASE_URL"]).database), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_ingest_killed_at_random_points_and_run_again_stores_exactly_what_one_run_stores(
        database, rounds):
    results = [r for r in rounds[0] if r.get("url", "").startswith(database)]
    if not results:
        pytest.skip("PostgreSQL tests need CLAIMGRAPH_TEST_DATABASE_URL")
    reference = results[0]
    # Every distinct story once, the copy marked as one, the broken item left out.
    assert reference["code"] == 1 and len(reference["summary"]) == len(STORIES) + 1
    assert [r[0]["duplicate_of"] for r in reference["summary"].values()].count(None) == len(STORIES)
    assert all(len(revisions) == 1 for revisions in reference["summary"].values())
    for later in results[1:]:
        assert later["summary"] == reference["summary"], f"round {later['round']}"
    # The kills fell while the ingest was running, not after it had finished.
    assert len(results) == 11 and sum(r["killed"] for r in results[1:]) >= 7


def test_two_ingests_of_overlapping_inputs_at_once_store_each_article_once(rounds):
    results, files = rounds
    [result] = [r for r in results if r.get("concurrent")] or [None]
    if result is None:
        pytest.skip("PostgreSQL tests need CLAIMGRAPH_TEST_DATABASE_URL")
    assert result["codes"] == [0, 0]
    assert len(result["summary"]) == len(files)
    assert all(len(revisions) == 1 for revisions in result["summary"].values())


@pytest.fixture
def tiny_filesystem(tmp_path):
    """A 1 MB file system of our own (needs root, as on CI machines)."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_store_on_a_read_only_file_system_is_refused_in_one_line(tiny_filesystem, tmp_path):
    url = f"sqlite:///{tiny_filesystem / 'claimgraph.db'}"
    open_store(url).close()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_filesystem)], check=True)
    done = claimgraph("ingest", "--db", url, *write_corpus(tmp_path / "news"))
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {url}: the database is read-only")


def test_a_full_disk_stops_ingest_in_one_line_and_leaves_a_whole_store(tiny_filesystem, tmp_path):
    db = tiny_filesystem / "claimgraph.db"
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(60):  # more than fits
        (folder / f"long{n}.txt").write_text(
            f"Report {n}. " + " ".join(STORIES[(n + k) % len(STORIES)] for k in range(7)) * 3
            + f" Filed as number {n}.", encoding="utf-8")
    done = claimgraph("ingest", "--db", f"sqlite:///{db}", folder, timeout=300)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].endswith("the disk is full; nothing was "
                                                         "half-written (free space and run again)")
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        # Each stored article is whole: its entities and its fingerprint bands are there.
        assert connection.execute(
            "SELECT count(DISTINCT article_id) FROM entities").fetchone()[0] == stored
        assert connection.execute(
            "SELECT count(*) FROM article_bands").fetchone()[0] == 32 * stored
    finally:
        connection.close()
    assert 0 < stored < 60


def fake_postgres(port_holder: list, ready: threading.Event):
    """A server that speaks just enough of the PostgreSQL protocol to ask for a password and
    reject it, as a server with password authentication does."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port_holder.append(server.getsockname()[1])
        ready.set()
        server.settimeout(600)  # the client process may take long to start on a busy machine
        client, _ = server.accept()
        with client:
            while True:
                length, code = struct.unpack("!ii", client.recv(8))
                if code in (80877103, 80877104):  # SSL or GSS encryption request: no
                    client.sendall(b"N")
                    continue
                client.recv(length - 8)  # the startup message
                break
            client.sendall(b"R" + struct.pack("!ii", 8, 3))  # cleartext password, please
            client.recv(1024)
            fields = (b'SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user '
                      b'"analyst"\0\0')
            client.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)


def test_a_wrong_password_is_one_line_and_no_retries():
    port, ready = [], threading.Event()
    server = threading.Thread(target=fake_postgres, args=(port, ready), daemon=True)
    server.start()
    ready.wait(10)
    url = f"postgresql+psycopg://analyst:wrong@127.0.0.1:{port[0]}/news"
    done = claimgraph("stats", "--db", url)
    assert done.returncode == 2
    assert done.stderr.strip() == (f"error: postgresql+psycopg://analyst:***@127.0.0.1:{port[0]}"
                                   "/news: the server refused the user name or password")


def test_an_unreachable_server_is_retried_then_one_line():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    done = claimgraph("who", "anyone", "--db", f"postgresql+psycopg://u@127.0.0.1:{port}/x",
                      env={"CLAIMGRAPH_DATABASE_RETRIES": "2"})
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()[-1:]
    assert "Connection refused" in line and line.endswith("(after 2 retries)")


def test_a_store_locked_by_another_writer_is_retried_then_one_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    open_store(url).close()
    holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = claimgraph("db", "upgrade", "--db", url, env={
            "CLAIMGRAPH_DATABASE_RETRIES": "1", "CLAIMGRAPH_DATABASE_TIMEOUT": "0.2"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"error: {url}: the database is locked by another process that is writing to it "
        "(after 1 retry)")


def test_ctrl_c_stops_ingest_keeping_and_counting_every_article_it_stored(tmp_path):
    import signal
    import time

    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(120):
        (folder / f"item{n}.txt").write_text(
            f"Bulletin {n}. " + " ".join(STORIES[(n + k) % len(STORIES)] for k in range(3)),
            encoding="utf-8")
    db = tmp_path / "claimgraph.db"

    def stored() -> int:
        if not db.exists():
            return 0
        try:  # read-only: this check must not make the file or take its write lock
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
                return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:  # no tables yet
            return 0

    command = [sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest",
               "--db", f"sqlite:///{db}", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 240
    while stored() < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert process.poll() is None, process.communicate()[1]  # still running: interrupt it
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends its foreground group
    _, err = process.communicate(timeout=120)
    lines = err.strip().splitlines()
    assert process.returncode == 2 and lines[-1].startswith("error: interrupted;"), err
    assert "stopping after the article in hand" in err
    assert lines[-2].startswith(f"{stored()} stored,")  # the summary counts all it stored
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert f"{120 - int(lines[-2].split()[0])} stored, {lines[-2].split()[0]} already stored" \
        in again.stderr
    assert stored() == 120

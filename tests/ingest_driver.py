"""Runs `claimgraph ingest` in child processes and kills them, for tests/test_store_faults.py.

The spaCy pipeline is loaded once here, then each ingest runs in a forked child (the real
command, store and database; only the model load is shared), so that many rounds fit in a
test. Prints one JSON line per round: whether the child was killed mid-run, and a summary
of the store afterwards.

    python ingest_driver.py PLAN_JSON

The plan: {"rounds": 10, "seed": 7, "sources": [...], "kill": [URL, ...],
"concurrent": {"url": URL, "first": [...], "second": [...]} or null}.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from claimgraph.analyze.pipeline import load_nlp
from claimgraph.cli import main
from claimgraph.settings import get_settings
from claimgraph.store import parse_url


def reset(url: str) -> None:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(parsed.database + suffix).unlink(missing_ok=True)
        return
    engine = create_engine(parsed)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def start_ingest(url: str, sources: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.environ["CLAIMGRAPH_DATABASE_URL"] = url
        sys.argv = ["claimgraph", "ingest", *sources]
        code = 0
        try:
            main()
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except BaseException:
            code = 3
        os._exit(code)
    return pid


def wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def summary(url: str) -> dict:
    """Per article key: its revisions, records per table, and what it duplicates."""
    engine = create_engine(parse_url(url))
    counts = ", ".join(f"(SELECT count(*) FROM {t} WHERE article_id = a.id) AS {t}"
                       for t in ("posts", "entities", "quotes", "claims", "quantities", "times",
                                 "hedges"))
    with engine.connect() as connection:
        rows = connection.execute(text(
            f"SELECT a.key, a.revision, a.duplicate_of, {counts} FROM articles a "
            "ORDER BY a.key, a.revision")).mappings().all()
    engine.dispose()
    articles: dict[str, list] = {}
    for row in rows:
        articles.setdefault(row["key"], []).append(
            {k: v for k, v in row.items() if k != "key"})
    return articles


def kill_rounds(url: str, rounds: int, seed: int, sources: list[str]) -> None:
    tag = {"url": url}
    chance = random.Random(seed)
    reset(url)
    began = time.monotonic()
    code = wait(start_ingest(url, sources))
    full = time.monotonic() - began
    print(json.dumps({**tag, "round": 0, "killed": False, "code": code, "seconds": full,
                      "summary": summary(url)}), flush=True)
    for n in range(1, rounds + 1):
        reset(url)
        pid = start_ingest(url, sources)
        time.sleep(chance.uniform(0.05, full))
        killed = wait_nohang(pid) is None
        if killed:
            os.kill(pid, signal.SIGKILL)
            wait(pid)
        code = wait(start_ingest(url, sources))
        print(json.dumps({**tag, "round": n, "killed": killed, "code": code,
                          "summary": summary(url)}), flush=True)


def wait_nohang(pid: int) -> int | None:
    done, status = os.waitpid(pid, os.WNOHANG)
    return os.waitstatus_to_exitcode(status) if done else None


def concurrent(url: str, first: list[str], second: list[str]) -> None:
    reset(url)
    pids = [start_ingest(url, first), start_ingest(url, second)]
    codes = [wait(pid) for pid in pids]
    print(json.dumps({"concurrent": True, "codes": codes, "summary": summary(url)}), flush=True)


if __name__ == "__main__":
    load_nlp(get_settings().spacy_model)
    plan = json.loads(sys.argv[1])
    for url in plan["kill"]:
        kill_rounds(url, plan["rounds"], plan["seed"], plan["sources"])
    if plan.get("concurrent"):
        concurrent(**plan["concurrent"])

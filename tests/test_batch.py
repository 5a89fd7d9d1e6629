"""The run loop on a real Dask cluster of 2 worker processes: the same results as one process,
in input order, also when a worker is killed mid-run."""

import json
import os
import signal
import time

import pytest
from typer.testing import CliRunner

from claimgraph.batch import RunStats, run_on_cluster
from claimgraph.cli import app
from claimgraph.run import run
from claimgraph.settings import get_settings

TOWNS = ["Brindle", "Okafor Bay", "Lastria", "Vennick", "Harrowgate", "Tamsin Falls", "Corrow",
         "Ellery", "Pondmarsh", "Quill Harbour"]
PEOPLE = ["Mara Lindqvist", "Tomasz Breck", "Aiyana Ruelle", "Desmond Achebe-Hart", "Li Wen Sato",
          "Oren Castellane", "Priya Mandal", "Jonas Feldt", "Rosa Ibarra", "Kwame Osei"]


def story(n: int) -> str:
    town, person = TOWNS[n], PEOPLE[n]
    return (f"{town} council approves new bridge\n\n"
            f"The {town} council voted on Tuesday to build a bridge over the river, "
            f"officials said. \u201cThe old crossing cannot carry {n + 2} buses at once,\u201d "
            f"said {person}, the council's chief engineer. According to the mayor's office, "
            f"work may start in {2025 + n % 3} and could cost about {n + 3} million euros. "
            f"Residents said they were not convinced the plan would work.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Invented articles as pages in a folder (one a lightly edited copy, one empty) and as a
    JSONL dump (one line malformed)."""
    root = tmp_path_factory.mktemp("corpus")
    pages = root / "pages"
    pages.mkdir()
    for n in range(4):
        (pages / f"story{n}.txt").write_text(story(n), encoding="utf-8")
    (pages / "story4-copy.txt").write_text(story(1) + "The vote was close.\n", encoding="utf-8")
    (pages / "story5-empty.txt").write_text("", encoding="utf-8")
    lines = [json.dumps({"text": story(n), "url": f"https://news.example/{n}"})
             for n in range(4, 10)]
    lines.insert(2, '{"text": "no end')
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(pages), str(root / "dump.jsonl")]


def dumps(records):
    return [record.model_dump(mode="json") for record in records]


@pytest.fixture(scope="module")
def reference(corpus):
    """What one process gives: analyses and errors."""
    errors = []
    return dumps(run(corpus, get_settings(), errors.append)), [str(e) for e in errors]


def test_two_workers_give_what_one_process_gives_in_input_order(cluster, corpus, reference):
    settings = get_settings(partition_size=2)
    errors, progress, stats = [], [], RunStats()
    results = list(run_on_cluster(cluster, corpus, settings, errors.append,
                                  on_progress=progress.append, stats=stats))
    assert (dumps(results), [str(e) for e in errors]) == reference
    assert len(results) == 11 and sum(r.duplicate_of is not None for r in results) == 1
    assert stats.partitions > 3 and stats.articles == 11
    # The progress came from the workers as they went, never past the articles there are.
    assert 0 < max(progress) <= 11 and progress == sorted(progress)


def busy_worker(client):
    """The address of a worker with analysis work assigned, waiting up to 30 s for one."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for address, keys in client.processing().items():
            if any("analyze" in str(key) for key in keys):
                return address
        time.sleep(0.05)
    return None


def replaced(client, killed):
    """Wait (up to 3 minutes) until the scheduler has dropped the killed worker and its
    replacement has joined, so that later tests find the cluster whole again."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        workers = client.nthreads()
        if killed not in workers and len(workers) == 2:
            return True
        time.sleep(0.2)
    return False


def test_a_worker_killed_mid_run_is_replaced_and_nothing_is_lost_or_doubled(
    cluster, corpus, reference
):
    settings = get_settings(partition_size=1)
    errors, results, killed = [], [], None
    for analysis in run_on_cluster(cluster, corpus, settings, errors.append):
        results.append(analysis)
        if killed is None:
            killed = busy_worker(cluster)
            assert killed is not None, "no worker had work left to kill"
            pid = cluster.run(os.getpid, workers=[killed])[killed]
            os.kill(pid, signal.SIGKILL)
    assert (dumps(results), [str(e) for e in errors]) == reference
    assert replaced(cluster, killed)  # a new worker took the killed one's place


def test_cli_on_an_existing_cluster_prints_what_a_plain_run_prints(cluster, corpus):
    runner = CliRunner()
    plain = runner.invoke(app, ["analyze", "--format", "jsonl", *corpus])
    spread = runner.invoke(app, ["analyze", "--format", "jsonl",
                                 "--scheduler", cluster.scheduler.address, *corpus])
    assert spread.exit_code == plain.exit_code == 1  # the empty page and the malformed line
    assert spread.stdout == plain.stdout and len(spread.stdout.splitlines()) == 11
    assert "Dask: 2 workers" in spread.stderr
    assert "11 analyzed (1 duplicate), 2 failed" in spread.stderr
    assert "Traceback" not in spread.stderr


def test_an_unreachable_scheduler_is_one_line():
    result = CliRunner().invoke(app, ["analyze", "--scheduler", "tcp://127.0.0.1:9", "x.txt"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler" in result.stderr and "Traceback" not in result.stderr


def test_workers_keep_the_allocators_default_trimming(cluster):
    """Dask would start workers that give freed memory back at once (MALLOC_TRIM_THRESHOLD_),
    which costs spaCy a page fault per reallocation; ours run as one plain process does."""
    trims = cluster.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert len(trims) == 2 and set(trims.values()) == {None}


def test_a_worker_of_two_threads_gives_what_one_process_gives(corpus, reference):
    """Existing clusters often run workers of several threads: their tasks share one
    pipeline and must not free each other's words mid-article."""
    from distributed import Client, LocalCluster

    settings = get_settings(partition_size=1)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=":0") as local, Client(local) as client:
        errors = []
        results = dumps(run_on_cluster(client, corpus, settings, errors.append))
    assert (results, [str(e) for e in errors]) == reference

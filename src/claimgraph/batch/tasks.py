"""What runs on the workers: the run loop's stages (run.py) applied to one partition.

A partition is extracted (``extract_part``), its articles go back to the client, which marks
duplicates in input order (the one sequential step), and the marked articles are analyzed
(``analyze_part``) and, given a store, saved there by the worker. Each task returns its
records, its errors and the seconds it spent, and reports the articles it has done as it goes
(events on PROGRESS_TOPIC). Saving is idempotent, so a partition redone after a worker died
stores nothing twice.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from claimgraph.analyze.pipeline import load_nlp
from claimgraph.api import analyze_many
from claimgraph.batch.partitions import Partition, read_partition
from claimgraph.errors import ClaimgraphError, ConfigError, InputError
from claimgraph.model import Analysis, Article
from claimgraph.run import articles, documents
from claimgraph.settings import Settings
from claimgraph.store import Saved, Store, open_store

PROGRESS_TOPIC = "claimgraph-progress"
# Seconds between two progress reports of one task.
_REPORT_EVERY = 0.5
# One analysis at a time in a worker of several threads: its threads share one pipeline, whose
# memory zones (api.analyze_many) must not overlap; parsing holds the GIL anyway.
_analyzing = threading.Lock()


class LoadPipeline(WorkerPlugin):
    """Loads the spaCy pipeline once when a worker starts (replacements included), so that no
    task pays for it."""

    def __init__(self, model: str):
        self.model = model

    def setup(self, worker) -> None:
        # A missing model is told to the client by pipeline_problem, in one line; raised here,
        # Dask would log it with a traceback.
        pipeline_problem(self.model)


def pipeline_problem(model: str) -> str | None:
    """Why this worker cannot load ``model``, or None when it has it loaded."""
    try:
        load_nlp(model)
    except ConfigError as error:
        return str(error)
    return None


@dataclass(frozen=True)
class Written:
    """An analysis a worker saved: what the store did, and whether it is a copy."""

    source: str
    saved: Saved
    duplicate_of: str | None


@dataclass
class Done:
    """A task's result: records in input order, errors, and seconds spent per stage."""

    records: list[Article] = field(default_factory=list)
    errors: list[ClaimgraphError] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def extract_part(part: Partition, settings: Settings, plain: bool) -> Done:
    """The articles of ``part``, not yet marked as duplicates."""
    done = Done()
    start = time.perf_counter()
    raws = documents(read_partition(part, settings), done.errors.append)
    done.records = list(articles(raws, settings, done.errors.append, plain=plain))
    done.seconds["extract"] = time.perf_counter() - start
    return done


def analyze_part(
    items: list[Article], settings: Settings, plain: bool, task: tuple,
    store_url: str | None = None, since: dt.datetime | None = None,
) -> Done:
    """The analyses of ``items``, or what saving them in the store at ``store_url`` did (for
    the run begun at ``since``); ``task`` names the run and partition in progress reports."""
    with _analyzing:
        return _analyze(items, settings, plain, task, store_url, since)


def _analyze(
    items: list[Article], settings: Settings, plain: bool, task: tuple, store_url: str | None,
    since: dt.datetime | None,
) -> Done:
    done = Done()
    start = time.perf_counter()
    analyses = _reporting(
        analyze_many(items, plain=plain, settings=settings, on_error=done.errors.append), task)
    if store_url is None:
        done.records = list(analyses)
    else:
        store, saving = _store(store_url, settings), 0.0
        for analysis in analyses:
            begun = time.perf_counter()
            try:
                saved = store.save(analysis, since)
            except InputError as error:  # this article only (e.g. a value the database refuses)
                done.errors.append(error)
            else:
                done.records.append(Written(analysis.source, saved, analysis.duplicate_of))
            saving += time.perf_counter() - begun
        done.seconds["store"] = saving
    done.seconds["analyze"] = time.perf_counter() - start - done.seconds.get("store", 0.0)
    return done


_stores: dict[str, Store] = {}


def _store(url: str, settings: Settings) -> Store:
    """The worker's connection pool to the store at ``url``, opened once."""
    if url not in _stores:
        _stores[url] = open_store(url, settings=settings)
    return _stores[url]


def _reporting(analyses: Iterator[Analysis], task: tuple) -> Iterator[Analysis]:
    """``analyses``, telling the client how many are done at most every _REPORT_EVERY seconds
    (a redone partition reports from zero again; the client keeps each partition's highest)."""
    worker = get_worker()
    count, last = 0, time.monotonic()
    for analysis in analyses:
        count += 1
        if time.monotonic() - last >= _REPORT_EVERY:
            worker.log_event(PROGRESS_TOPIC, (*task, count))
            last = time.monotonic()
        yield analysis
    worker.log_event(PROGRESS_TOPIC, (*task, count))

"""What runs on the workers: the run loop's stages (run.py) applied to one partition.

A partition is extracted (``extract_part``), its articles go back to the client, which marks
duplicates in input order (the one sequential step), and the marked articles are analyzed
(``analyze_part``). Each task returns its records, its errors and the seconds it spent, and
reports the articles it has done as it goes (events on PROGRESS_TOPIC).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from claimgraph.analyze.pipeline import load_nlp
from claimgraph.api import analyze_many
from claimgraph.batch.partitions import Partition, read_partition
from claimgraph.errors import ClaimgraphError
from claimgraph.model import Analysis, Article
from claimgraph.run import articles, documents
from claimgraph.settings import Settings

PROGRESS_TOPIC = "claimgraph-progress"
# Seconds between two progress reports of one task.
_REPORT_EVERY = 0.5


class LoadPipeline(WorkerPlugin):
    """Loads the spaCy pipeline once when a worker starts (replacements included), so that no
    task pays for it."""

    def __init__(self, model: str):
        self.model = model

    def setup(self, worker) -> None:
        load_nlp(self.model)


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


def analyze_part(items: list[Article], settings: Settings, plain: bool, task: tuple) -> Done:
    """The analyses of ``items``; ``task`` names the run and partition in progress reports."""
    done = Done()
    start = time.perf_counter()
    analyses = analyze_many(items, plain=plain, settings=settings, on_error=done.errors.append)
    done.records = list(_reporting(analyses, task))
    done.seconds["analyze"] = time.perf_counter() - start
    return done


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

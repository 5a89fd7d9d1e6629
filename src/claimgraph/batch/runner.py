"""The run loop on a Dask cluster: run.py's stages placed on workers partition by partition.

Workers read and extract a partition; the client marks duplicates in input order (the one
sequential step, as in run.py) and sends the marked articles back to be analyzed; results come
back in input order. A few partitions more than there are worker threads are in flight, so no
worker waits and memory stays flat. A worker that dies is replaced by Dask and its unfinished
tasks are run again: a task's result is taken once, so nothing is lost or doubled.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field

from distributed import Client, Future, KilledWorker, wait
from sqlalchemy import select, update
from sqlalchemy.orm import aliased

from claimgraph.batch.partitions import Items, Partition, Split, plan, split
from claimgraph.batch.tasks import PROGRESS_TOPIC, Done, Written, analyze_part, extract_part
from claimgraph.errors import InputError
from claimgraph.ingest.dedup import DuplicateIndex, DuplicateMemory, mark_duplicates
from claimgraph.model import Analysis, Article
from claimgraph.run import OnError
from claimgraph.settings import Settings
from claimgraph.store import open_store
from claimgraph.store.tables import ArticleRow

log = logging.getLogger(__name__)

# Seconds between two progress calls while waiting for the workers.
_TICK = 0.25


@dataclass
class RunStats:
    """What a run did: partitions, articles, and seconds per stage (extract, analyze, store on
    the workers, summed over them; mark, which includes the skip test, on the client)."""

    partitions: int = 0
    articles: int = 0
    seconds: Counter = field(default_factory=Counter)


def run_on_cluster(
    client: Client, sources: Iterable[str], settings: Settings, on_error: OnError, *,
    plain: bool = False, include: Sequence[str] = (), exclude: Sequence[str] = (),
    duplicates: DuplicateMemory | None = None, skip: Callable[[Article], bool] | None = None,
    store_url: str | None = None, on_progress: Callable[[int], None] | None = None,
    stats: RunStats | None = None,
) -> Iterator[Analysis | Written]:
    """Every article of ``sources`` analyzed, in input order, copies marked ``duplicate_of``:
    what ``claimgraph.run.run`` yields (with the same ``duplicates`` and ``skip``), computed
    on the cluster of ``client``. With ``store_url`` the workers save each analysis in that
    store (PostgreSQL: every worker writes) and what they did comes back instead.

    ``on_progress`` is called from time to time with the number of articles the workers have
    analyzed so far; ``stats`` collects where the time went.
    """
    stats = stats if stats is not None else RunStats()
    run, begun = uuid.uuid4().hex[:8], dt.datetime.now(dt.UTC)
    ahead = 2 * max(1, sum(client.nthreads().values())) + 1
    steps = plan(list(sources), settings, include=include, exclude=exclude)
    parts = _partitions(client, steps, settings, ahead, run)
    numbers = itertools.count()
    extracting: deque[tuple[Partition, Future]] = deque()
    analyzing: deque[tuple[Partition, Future | None, list]] = deque()
    progress = _Progress(run)
    own = duplicates is None  # an index made here is closed here; a given one is the caller's
    index = (DuplicateIndex(settings.dedup_index, settings.duplicate_threshold) if own
             else duplicates)
    client.subscribe_topic(PROGRESS_TOPIC, progress.event)
    try:
        with index if own else nullcontext():
            while True:
                while len(extracting) + len(analyzing) < ahead and (
                        part := next(parts, None)) is not None:
                    extracting.append((part, client.submit(
                        extract_part, part, settings, plain, priority=1,
                        key=f"claimgraph-extract-{run}-{next(numbers)}")))
                if analyzing and (analyzing[0][1] is None or analyzing[0][1].done()):
                    part, future, errors = analyzing.popleft()
                    done = _result(part, future)
                    stats.partitions += 1
                    stats.articles += len(done.records)
                    stats.seconds.update(done.seconds)
                    for error in errors + done.errors:
                        on_error(error)
                    yield from done.records
                elif extracting and extracting[0][1].done():
                    part, future = extracting.popleft()
                    done = _result(part, future)
                    start = time.perf_counter()
                    extracted = done.records if skip is None else [
                        article for article in done.records if not skip(article)]
                    marked = list(mark_duplicates(extracted, index))
                    stats.seconds["mark"] += time.perf_counter() - start
                    stats.seconds.update(done.seconds)
                    task = (run, next(numbers))
                    analysis = client.submit(
                        analyze_part, marked, settings, plain, task, store_url, begun,
                        key=f"claimgraph-analyze-{run}-{task[1]}") if marked else None
                    analyzing.append((part, analysis, done.errors))
                elif not extracting and not analyzing:
                    break
                else:
                    heads = [queue[0][1] for queue in (analyzing, extracting) if queue]
                    try:
                        wait(heads, timeout=_TICK, return_when="FIRST_COMPLETED")
                    except TimeoutError:
                        pass
                if on_progress is not None:
                    on_progress(progress.done)
        if store_url is not None:
            _link_copies(store_url, settings)
    finally:
        client.unsubscribe_topic(PROGRESS_TOPIC)
        pending = [f for _, f in extracting] + [f for _, f, _ in analyzing if f is not None]
        if pending:  # the caller stopped early: free the workers
            client.cancel(pending)


def _partitions(
    client: Client, steps: Iterator[Partition | Split], settings: Settings, ahead: int, run: str,
) -> Iterator[Partition]:
    """The partitions of ``steps`` in order; sources to split are sent to the workers
    ``ahead`` steps before they are needed, so that their partitions are ready in time."""
    buffer: deque[Partition | tuple[str, Future]] = deque()
    numbers = itertools.count()

    def pull() -> None:
        while len(buffer) < ahead and (step := next(steps, None)) is not None:
            if isinstance(step, Split):
                step = (step.spec, client.submit(split, step.spec, settings, priority=2,
                                                 key=f"claimgraph-split-{run}-{next(numbers)}"))
            buffer.append(step)

    pull()
    while buffer:
        step = buffer.popleft()
        pull()
        if isinstance(step, tuple):
            spec, future = step
            try:
                yield from future.result()
            except KilledWorker:
                yield Items((_lost(spec),))
        else:
            yield step


def _link_copies(store_url: str, settings: Settings) -> None:
    """Point each stored copy at its first copy's row. A worker saving a copy may not see the
    first copy yet (another worker was saving it), so ``duplicate_of_id`` is filled in here,
    once everything is saved, as saving in input order would have."""
    first = aliased(ArticleRow)
    row_of_first = (select(first.id).where(first.source == ArticleRow.duplicate_of)
                    .order_by(first.latest.desc(), first.id.desc()).limit(1).scalar_subquery())
    with open_store(store_url, settings=settings) as store, store.session() as session, \
            session.begin():
        session.execute(update(ArticleRow).where(
            ArticleRow.duplicate_of.is_not(None), ArticleRow.duplicate_of_id.is_(None))
            .values(duplicate_of_id=row_of_first))


def _result(part: Partition, future: Future | None) -> Done:
    """The task's result; a partition that killed its workers each time becomes an error
    naming it, and the run goes on."""
    if future is None:
        return Done()
    try:
        return future.result()
    except KilledWorker:
        return Done(errors=[_lost(str(part))])


def _lost(item: str) -> InputError:
    return InputError("the workers processing this died each time it was tried (out of "
                      "memory?); skipped", item)


class _Progress:
    """Articles analyzed so far by this run's tasks, from the events they send."""

    def __init__(self, run: str):
        self.run = run
        self._counts: dict[int, int] = {}
        self._lock = threading.Lock()

    def event(self, event: tuple) -> None:
        _time, (run, part, count) = event
        if run == self.run:
            with self._lock:
                self._counts[part] = max(count, self._counts.get(part, 0))

    @property
    def done(self) -> int:
        with self._lock:
            return sum(self._counts.values())

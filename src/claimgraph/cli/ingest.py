"""`ingest`: analyze articles and keep them in the store, once each, resumably."""

from __future__ import annotations

import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from claimgraph.cli.app import (
    SOURCES_HELP, AllowPrivate, AnyLanguage, Exclude, Failures, Include, MaxBytes, Model,
    Scheduler, Workers, app, dask_client, err, print_error, settings_or_exit,
)
from claimgraph.cli.db import Database, opened
from claimgraph.cli.link import say_linked
from claimgraph.errors import ClaimgraphError, InputError, StoreError
from claimgraph.model import Analysis, Article
from claimgraph.run import run
from claimgraph.settings import Settings
from claimgraph.store import Saved, Store
from claimgraph.writer import Writer

# Analyses handed to the writer and not saved yet, at most (the run waits beyond).
_SAVE_AHEAD = 32
_INTERRUPTED = StoreError("interrupted; what was stored is kept: run again to go on")


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "… articles/s")


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help=SOURCES_HELP)],
    db: Database = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="Analyze the inputs exactly as given (no cleaning).")
    ] = False,
    model: Model = None,
    any_language: AnyLanguage = False,
    max_bytes: MaxBytes = None,
    include: Include = None,
    exclude: Exclude = None,
    allow_private: AllowPrivate = False,
    workers: Workers = None,
    scheduler: Scheduler = None,
) -> None:
    """Analyze articles and store them: each article once (a changed text at the same URL is a
    new revision), copies marked as duplicates; a run stopped at any point can be run again.
    With --workers or --scheduler, Dask workers analyze and, into PostgreSQL, write."""
    settings = settings_or_exit(spacy_model=model, max_bytes=max_bytes,
                                allow_private=allow_private or None, database_url=db,
                                any_language=any_language or None)
    failures = Failures()
    tally: Counter[str] = Counter()
    stopped = None
    with opened(settings, create=True) as store:
        store.check_writable()

        def stored_already(article: Article) -> bool:
            if store.contains(article):
                tally["unchanged"] += 1
                return True
            return False

        def count(result: Analysis, saved: Saved | InputError) -> None:
            if isinstance(saved, InputError):
                failures(saved)
                return
            tally[saved.outcome] += 1
            if saved.outcome != "unchanged" and result.duplicate_of is not None:
                tally["duplicates"] += 1

        options = dict(plain=plain, include=include or (), exclude=exclude or (),
                       duplicates=store, skip=stored_already)
        with Writer(settings) as writer, _ctrl_c() as stop:
            try:
                with _results(sources, settings, failures, store, options, workers,
                              scheduler) as (results, fed):
                    progress = _with_progress(results, sources, tally, failures, fed)
                    if not _save_all(store, writer, progress, count, stop):
                        stopped = _INTERRUPTED
            except StoreError as error:  # the store itself failed: stop, keeping what is stored
                stopped = error
            except ClaimgraphError as error:  # the run could not go on (e.g. a missing model)
                failures(error)
            except KeyboardInterrupt:  # a second Ctrl-C: at once
                stopped = _INTERRUPTED
                try:  # what was sent before the stop is saved all the same
                    for answered in writer.drain():
                        count(*answered)
                except (StoreError, KeyboardInterrupt):
                    pass  # the interruption is what the user is told
            if stopped is None:
                try:  # incremental: only the stories this batch touched
                    say_linked(writer.finish())
                except StoreError as error:
                    stopped = error
                except KeyboardInterrupt:  # the writer ends the link it began
                    stopped = _INTERRUPTED
    _summary(tally, failures, store.where, stopped)


def _save_all(store: Store, writer: Writer, results: Iterable,
              count: Callable[[Analysis, Saved | InputError], None],
              stop: threading.Event) -> bool:
    """Hand each analysis to the writer, which saves it a few articles behind the analysis in
    a process of its own, and ``count`` what saving it did as each answer comes. What Dask
    workers saved themselves (claimgraph.batch.Written) is counted as it comes.

    False when ``stop`` ended the loop early: after the article in hand, once what was sent is
    saved and counted. A StoreError ends it at once.
    """
    def counted(analysis: Analysis, saved: Saved | InputError) -> None:
        if isinstance(saved, Saved):
            store.saved_elsewhere(analysis.source)
        count(analysis, saved)

    for result in results:
        if isinstance(result, Analysis):
            writer.send(result)
        else:
            count(result, result.saved)
        while (answered := writer.answer(block=writer.in_flight > _SAVE_AHEAD)) is not None:
            counted(*answered)
        if stop.is_set():
            break
    for answered in writer.drain():
        counted(*answered)
    return not stop.is_set()


@contextmanager
def _ctrl_c() -> Iterator[threading.Event]:
    """An event the first Ctrl-C sets, so that the run stops between two articles with every
    count exact; a second Ctrl-C interrupts at once (KeyboardInterrupt)."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop  # only the main thread may handle signals; Ctrl-C is left as it is
        return

    def first(signum, frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the article in hand (Ctrl-C again to stop at once)",
                  markup=False)

    previous = signal.signal(signal.SIGINT, first)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _results(sources: list[str], settings: Settings, failures: Failures, store: Store,
             options: dict, workers: int | None, scheduler: str | None):
    """The run's results (analyses to save here, or, on a Dask cluster writing to PostgreSQL,
    what the workers saved) and, on a cluster, the workers' progress."""
    if not (workers or scheduler):
        yield run(sources, settings, failures, **options), None
        return
    from claimgraph.batch import run_on_cluster  # Dask loads only if asked

    with dask_client(settings, workers, scheduler) as client:
        count = len(client.nthreads())
        writes_here = store.dialect == "sqlite"
        if writes_here and count > 1:
            err.print(f"SQLite takes one writer: the {count} workers analyze and this process "
                      "writes (use a PostgreSQL --db to write from the workers)", markup=False)
        fed = _Fed()
        yield run_on_cluster(
            client, sources, settings, failures, **options, on_progress=fed,
            store_url=None if writes_here else store.url.render_as_string(hide_password=False),
        ), fed


class _Fed:
    """Articles done as the workers report them, passed on to the progress bar."""

    def __init__(self) -> None:
        self.done = 0
        self.show = None

    def __call__(self, done: int) -> None:
        self.done = done
        if self.show is not None:
            self.show(done)


def _with_progress(results: Iterable, sources: list[str], tally: Counter,
                   failures: Failures, fed: _Fed | None = None) -> Iterator:
    """Results, with a progress bar on stderr (articles/s, stored, duplicates, failures) when
    stderr is a terminal; fed by the workers' reports too on a Dask cluster."""
    if not err.is_terminal:
        yield from results
        return
    columns = [SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
               _Rate(), TextColumn("{task.fields[counts]}"), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True, redirect_stdout=False) as progress:
        task = progress.add_task("ingest", total=None, counts="")
        if fed is not None:
            fed.show = lambda done: progress.update(task, completed=done)
        for n, result in enumerate(results, start=1):
            yield result
            progress.update(task, completed=max(n, fed.done if fed else 0), counts=(
                f"{tally['stored'] + tally['revised']} stored · {tally['duplicates']} duplicates"
                f" · {tally['unchanged']} already stored · {failures.count} failed"))


def _summary(tally: Counter, failures: Failures, where: str, stopped: StoreError | None) -> None:
    done = tally["stored"] + tally["revised"] + tally["unchanged"]
    parts = [f"{tally['stored'] + tally['revised']} stored"
             + (f" ({tally['revised']} new revision{'s' * (tally['revised'] != 1)})"
                if tally["revised"] else ""),
             f"{tally['unchanged']} already stored", f"{tally['duplicates']} duplicates",
             f"{failures.count} failed"]
    summary = ", ".join(parts) + f" into {where}"
    for reason, count in failures.reasons.most_common():
        summary += f"\n  {count} × {reason}"
    err.print(summary, markup=False)
    if stopped is not None:
        print_error(stopped)
        raise typer.Exit(2)
    if failures.count:
        raise typer.Exit(2 if done == 0 else 1)

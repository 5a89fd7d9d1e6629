"""`ingest`: analyze articles and keep them in the store, once each, resumably."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Annotated

import typer
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from claimgraph.cli.app import (
    SOURCES_HELP, AllowPrivate, Exclude, Failures, Include, MaxBytes, app, err, print_error,
    settings_or_exit,
)
from claimgraph.cli.db import Database, opened
from claimgraph.errors import ClaimgraphError, InputError, StoreError
from claimgraph.model import Analysis, Article
from claimgraph.run import run


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
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to load \\[env CLAIMGRAPH_SPACY_MODEL].")
    ] = None,
    max_bytes: MaxBytes = None,
    include: Include = None,
    exclude: Exclude = None,
    allow_private: AllowPrivate = False,
) -> None:
    """Analyze articles and store them: each article once (a changed text at the same URL is a
    new revision), copies marked as duplicates; a run stopped at any point can be run again."""
    settings = settings_or_exit(spacy_model=model, max_bytes=max_bytes,
                                allow_private=allow_private or None, database_url=db)
    failures = Failures()
    tally: Counter[str] = Counter()
    stopped = None
    with opened(settings) as store:
        def stored_already(article: Article) -> bool:
            if store.contains(article):
                tally["unchanged"] += 1
                return True
            return False

        try:
            results = run(sources, settings, failures, plain=plain, include=include or (),
                          exclude=exclude or (), duplicates=store, skip=stored_already)
            for analysis in _with_progress(results, sources, tally, failures):
                try:
                    saved = store.save(analysis)
                except InputError as error:
                    failures(error)
                    continue
                tally[saved.outcome] += 1
                if saved.outcome != "unchanged" and analysis.duplicate_of is not None:
                    tally["duplicates"] += 1
        except StoreError as error:  # the store itself failed: stop, keeping what is stored
            stopped = error
        except ClaimgraphError as error:  # the run could not go on (e.g. a missing model)
            failures(error)
        except KeyboardInterrupt:
            stopped = StoreError("interrupted; what was stored is kept: run again to go on")
    _summary(tally, failures, store.where, stopped)


def _with_progress(results: Iterable[Analysis], sources: list[str], tally: Counter,
                   failures: Failures) -> Iterator[Analysis]:
    """Results, with a progress bar on stderr (articles/s, stored, duplicates, failures) when
    stderr is a terminal."""
    if not err.is_terminal:
        yield from results
        return
    columns = [SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
               _Rate(), TextColumn("{task.fields[counts]}"), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True, redirect_stdout=False) as progress:
        task = progress.add_task("ingest", total=None, counts="")
        for result in results:
            yield result
            progress.update(task, advance=1, counts=(
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

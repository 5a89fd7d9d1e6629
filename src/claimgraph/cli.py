"""The command line: the only place that prints. Bad input becomes one line on stderr, never a
traceback; exit code 0 when every item succeeded, 1 when some failed, 2 when none did."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimgraph import __version__
from claimgraph.api import analyze_many
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import read_sources
from claimgraph.model import Analysis, RawDocument
from claimgraph.report import render_report
from claimgraph.settings import Settings, get_settings

app = typer.Typer(
    name="claimgraph",
    help="Who said what, according to whom, and how sure they are: analyze news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Inputs beyond this count get a progress bar on stderr.
PROGRESS_AFTER = 3


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class Failures:
    """Counts and reports failed items, one line each on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: ClaimgraphError) -> None:
        self.count += 1
        err.print(f"[red]error[/red]: {error}", markup=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        out.print(f"claimgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command()
def analyze(
    sources: Annotated[
        list[str],
        typer.Argument(help="Files or directories of HTML or text articles; '-' reads stdin."),
    ],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="text: a readable report; json; jsonl.")
    ] = Format.text,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Analyze the input exactly as given (no cleaning), so offsets index the file.",
        ),
    ] = False,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to load [env CLAIMGRAPH_SPACY_MODEL].")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse inputs larger than this [env CLAIMGRAPH_MAX_BYTES].")
    ] = None,
) -> None:
    """Analyze articles: quotes and their speakers, claims with their status, numbers, dates."""
    settings = _settings(spacy_model=model, max_bytes=max_bytes)
    failures = Failures()
    raws = _raw_documents(sources, settings, failures)
    results = analyze_many(raws, plain=plain, settings=settings, on_error=failures)
    done = 0
    try:
        for analysis in _with_progress(results, sources):
            _emit(analysis, format)
            done += 1
    except ClaimgraphError as error:  # the pipeline itself could not run (e.g. missing model)
        failures(error)
    _exit(done, failures)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis output."""
    out.print_json(json.dumps(Analysis.model_json_schema()))


def _settings(**overrides) -> Settings:
    try:
        return get_settings(**overrides)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        err.print(f"error: setting {where}: {problem['msg']}")
        raise typer.Exit(2) from None


def _raw_documents(
    sources: list[str], settings: Settings, failures: Failures
) -> Iterator[RawDocument]:
    for item in read_sources(sources, settings):
        if isinstance(item, ClaimgraphError):
            failures(item)
        else:
            yield item


def _with_progress(results: Iterable[Analysis], sources: list[str]) -> Iterator[Analysis]:
    """Results, with a progress bar on stderr when there are many inputs and stderr is a terminal."""
    many = len(sources) > PROGRESS_AFTER or any(Path(s).is_dir() for s in sources)
    if not (many and err.is_terminal):
        yield from results
        return
    total = None if any(Path(s).is_dir() for s in sources) else len(sources)
    columns = [TextColumn("analyzing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("analyze", total=total)
        for result in results:
            progress.advance(task)
            yield result


def _emit(analysis: Analysis, format: Format) -> None:
    if format is Format.jsonl:
        sys.stdout.write(analysis.model_dump_json() + "\n")
        sys.stdout.flush()
    elif format is Format.json:
        sys.stdout.write(analysis.model_dump_json(indent=2) + "\n")
        sys.stdout.flush()
    else:
        out.print(render_report(analysis))


def _exit(done: int, failures: Failures) -> None:
    if failures.count:
        err.print(f"{done} analyzed, {failures.count} failed")
        raise typer.Exit(2 if done == 0 else 1)


def main() -> None:
    app()

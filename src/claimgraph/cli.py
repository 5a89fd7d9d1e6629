"""The command line: the only place that prints. Bad input becomes one line on stderr, never a
traceback; exit code 0 when every item succeeded, 1 when some failed, 2 when none did."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimgraph import __version__
from claimgraph.api import analyze_many, to_article
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import read_sources
from claimgraph.ingest.dedup import DuplicateIndex, mark_duplicates
from claimgraph.ingest.jsonl import is_jsonl
from claimgraph.ingest.urls import is_url
from claimgraph.ingest.warc import is_warc
from claimgraph.model import Analysis, Article, RawDocument
from claimgraph.report import render_article, render_report
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
    """Counts and reports failed items, one line each on stderr, and tallies their reasons."""

    def __init__(self) -> None:
        self.count = 0
        self.reasons: Counter[str] = Counter()

    def __call__(self, error: ClaimgraphError) -> None:
        self.count += 1
        # Details go in parentheses by convention; the words before them name the kind of fault.
        self.reasons[error.reason.split(" (", 1)[0]] += 1
        err.print(f"[red]error[/red]: {error}", markup=True, highlight=False)


SOURCES_HELP = (
    "Files, directories, http(s) URLs, RSS/Atom feeds, WARC(.gz) archives or JSONL dumps; "
    "'-' reads stdin."
)
Include = Annotated[
    list[str] | None,
    typer.Option(
        "--include", metavar="GLOB",
        help="In directories, read only files matching GLOB (repeatable), e.g. '*.html' or "
        "'2024/**/*.txt'; by default, files with a known suffix. Hidden files are skipped.",
    ),
]
Exclude = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude", metavar="GLOB",
        help="In directories, skip files and folders matching GLOB (repeatable).",
    ),
]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Fetch URLs that resolve to loopback, private, link-local or reserved addresses "
        "(refused by default) \\[env CLAIMGRAPH_ALLOW_PRIVATE].",
    ),
]
MaxBytes = Annotated[
    int | None,
    typer.Option(help="Refuse inputs larger than this \\[env CLAIMGRAPH_MAX_BYTES]."),
]
DedupIndex = Annotated[
    Path | None,
    typer.Option(
        "--dedup-index", metavar="FILE",
        help="Remember articles in FILE across runs, so later copies are marked duplicate_of "
        "\\[env CLAIMGRAPH_DEDUP_INDEX].",
    ),
]


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
    sources: Annotated[list[str], typer.Argument(help=SOURCES_HELP)],
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
        str | None, typer.Option(help="spaCy pipeline to load \\[env CLAIMGRAPH_SPACY_MODEL].")
    ] = None,
    max_bytes: MaxBytes = None,
    include: Include = None,
    exclude: Exclude = None,
    allow_private: AllowPrivate = False,
    dedup_index: DedupIndex = None,
) -> None:
    """Analyze articles: quotes and their speakers, claims with their status, numbers, dates."""
    settings = _settings(
        spacy_model=model, max_bytes=max_bytes, allow_private=allow_private or None,
        dedup_index=dedup_index,
    )

    def analyses(articles: Iterator[Article], failures: Failures) -> Iterator[Analysis]:
        return analyze_many(articles, plain=plain, settings=settings, on_error=failures)

    _run(sources, settings, plain, include, exclude, format, analyses, "analyzed")


@app.command()
def extract(
    sources: Annotated[list[str], typer.Argument(help=SOURCES_HELP)],
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text: title, metadata and body; json; jsonl."),
    ] = Format.text,
    plain: Annotated[
        bool, typer.Option("--plain", help="Keep the decoded input as the text (no cleaning).")
    ] = False,
    max_bytes: MaxBytes = None,
    include: Include = None,
    exclude: Exclude = None,
    allow_private: AllowPrivate = False,
    dedup_index: DedupIndex = None,
) -> None:
    """Extract articles without analyzing them: clean text, title, dek, byline, date, posts."""
    settings = _settings(
        max_bytes=max_bytes, allow_private=allow_private or None, dedup_index=dedup_index
    )
    _run(sources, settings, plain, include, exclude, format, lambda a, _: a, "extracted")


def _run(
    sources: list[str], settings: Settings, plain: bool, include: list[str] | None,
    exclude: list[str] | None, format: Format,
    process: Callable[[Iterator[Article], Failures], Iterable[Article]], verb: str,
) -> None:
    """Read, extract and mark copies of every source, ``process`` the articles, print each
    result as it comes, and end with the summary and exit code."""
    failures = Failures()
    done = duplicates = 0
    try:
        with _duplicate_index(settings) as index:
            articles = _articles(sources, settings, plain, include, exclude, failures, index)
            for record in _with_progress(process(articles, failures), sources, verb):
                _emit(record, format)
                done += 1
                duplicates += record.duplicate_of is not None
    except ClaimgraphError as error:  # the run itself could not go on (missing model, bad index)
        failures(error)
    _exit(done, duplicates, failures, verb)


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


def _duplicate_index(settings: Settings) -> DuplicateIndex:
    return DuplicateIndex(settings.dedup_index, threshold=settings.duplicate_threshold)


def _articles(
    sources: list[str], settings: Settings, plain: bool, include: list[str] | None,
    exclude: list[str] | None, failures: Failures, index: DuplicateIndex,
) -> Iterator[Article]:
    """The Articles of every source in order, copies marked; bad items go to ``failures``."""
    raws = _raw_documents(sources, settings, failures, include or (), exclude or ())

    def extracted() -> Iterator[Article]:
        for raw in raws:
            try:
                yield to_article(raw, plain, raw.source, settings)
            except ClaimgraphError as error:
                failures(error)

    return mark_duplicates(extracted(), index)


def _raw_documents(
    sources: list[str], settings: Settings, failures: Failures,
    include: Iterable[str], exclude: Iterable[str],
) -> Iterator[RawDocument]:
    for item in read_sources(sources, settings, include=list(include), exclude=list(exclude)):
        if isinstance(item, ClaimgraphError):
            failures(item)
        else:
            yield item


def _with_progress(
    results: Iterable[Article], sources: list[str], doing: str
) -> Iterator[Article]:
    """Results, with a progress bar on stderr when there are many inputs and stderr is a terminal."""
    # Directories, URLs (which may be feeds), archives and dumps hold an unknown number of items.
    open_ended = any(
        Path(s).is_dir() or is_url(s) or is_warc(Path(s)) or is_jsonl(Path(s)) for s in sources
    )
    if not ((open_ended or len(sources) > PROGRESS_AFTER) and err.is_terminal):
        yield from results
        return
    total = None if open_ended else len(sources)
    columns = [TextColumn(doing), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    # stdout stays untouched: it carries the results, and may be a file or a pipe.
    with Progress(*columns, console=err, transient=True, redirect_stdout=False) as progress:
        task = progress.add_task(doing, total=total)
        for result in results:
            progress.advance(task)
            yield result


def _emit(record: Article, format: Format) -> None:
    if format is Format.jsonl:
        sys.stdout.write(record.model_dump_json() + "\n")
        sys.stdout.flush()
    elif format is Format.json:
        sys.stdout.write(record.model_dump_json(indent=2) + "\n")
        sys.stdout.flush()
    elif isinstance(record, Analysis):
        out.print(render_report(record))
    else:
        out.print(render_article(record))


def _exit(done: int, duplicates: int, failures: Failures, verb: str) -> None:
    """The run's summary on stderr, then exit 2 if nothing succeeded, 1 if something failed."""
    copies = f" ({duplicates} duplicate{'s' * (duplicates != 1)})" if duplicates else ""
    summary = f"{done} {verb}{copies}, {failures.count} failed"
    for reason, count in failures.reasons.most_common():
        summary += f"\n  {count} × {reason}"
    err.print(summary, markup=False)
    if failures.count:
        raise typer.Exit(2 if done == 0 else 1)


def main() -> None:
    app()

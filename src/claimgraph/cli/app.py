"""The Typer app, its consoles and what every command shares: settings from flags, one error
line per bad item, progress, the closing summary and exit code (0 when every item succeeded,
1 when some failed, 2 when none did)."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
)
from rich.segment import Segment
from rich.text import Text

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest.files import walk
from claimgraph.ingest.jsonl import is_jsonl
from claimgraph.ingest.urls import is_url
from claimgraph.ingest.warc import is_warc
from claimgraph.run import run
from claimgraph.settings import Settings, get_settings

T = TypeVar("T")

app = typer.Typer(
    name="claimgraph",
    help="Who said what, according to whom, and how sure they are: analyze news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# C0 and C1 controls (ANSI escapes start with one) but tab and newline, and the bidi overrides
# and isolates that reorder what a terminal shows.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class SafeConsole(Console):
    """A Console that prints article text, names and paths as they are, never as commands to
    the terminal: control characters are removed from all text (Rich adds its own styling
    afterwards), and markup is off unless a call asks for it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, highlight=False, **kwargs)

    def _render_buffer(self, buffer) -> str:  # where Rich turns segments into output
        return super()._render_buffer(
            seg if seg.control else Segment(_UNSAFE.sub("", seg.text), seg.style)
            for seg in buffer
        )


out = SafeConsole(soft_wrap=False)
err = SafeConsole(stderr=True, soft_wrap=True)

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
        self.skipped: Counter[str] = Counter()  # files a directory walk left out, by ending

    def __call__(self, error: ClaimgraphError) -> None:
        self.count += 1
        # Details go in parentheses by convention; the words before them name the kind of fault.
        self.reasons[error.reason.split(" (", 1)[0]] += 1
        print_error(error)

    def skip(self, path: Path) -> None:
        """A file left out of a directory for its unknown ending (named with -v, by the walk)."""
        self.skipped["".join(path.suffixes[-2:]).lower() or "(no ending)"] += 1


def print_error(error: object) -> None:
    """One error line on stderr; the message is printed as it is, never read as markup."""
    err.print(Text.assemble(("error", "red"), f": {error}"))


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
Model = Annotated[
    str | None, typer.Option(help="spaCy pipeline to load \\[env CLAIMGRAPH_SPACY_MODEL].")
]
AnyLanguage = Annotated[
    bool,
    typer.Option(
        "--any-language",
        help="Analyze texts in every language with the English rules (speakers, claims and "
        "entities then often go wrong); by default a text in another language is extracted "
        "but not analyzed, and its warnings say so \\[env CLAIMGRAPH_ANY_LANGUAGE].",
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers", min=1, metavar="N",
        help="Run on N worker processes on this machine (a Dask LocalCluster); results stay "
        "in input order.",
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Run on an existing Dask cluster, e.g. tcp://host:8786 (its workers need "
        "claimgraph installed and the input paths readable).",
    ),
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
    # Dask logs each worker and connection at INFO; only its errors are news (its warnings
    # too with -v). Set before Dask is imported, for this process and its worker processes.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning" if verbose else "error")


def settings_or_exit(**overrides) -> Settings:
    """Settings from the environment with the command's flags on top; a bad value is one line
    and exit code 2."""
    try:
        return get_settings(**overrides)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        print_error(f"setting {where}: {problem['msg']}")
        raise typer.Exit(2) from None


class Bar:
    """The progress bar on stderr: articles done, articles/s and failures. Shown when there
    are many inputs and stderr is a terminal; stdout, which carries the results, stays
    untouched."""

    def __init__(self, sources: list[str], doing: str, failures: Failures | None = None,
                 include: list[str] = (), exclude: list[str] = ()):
        self.failures = failures
        self._progress: Progress | None = None
        if (open_ended(sources) or len(sources) > PROGRESS_AFTER) and err.is_terminal:
            columns = [TextColumn(doing), BarColumn(), MofNCompleteColumn(), _Rate(),
                       TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn()]
            self._progress = Progress(*columns, console=err, transient=True,
                                      redirect_stdout=False)
            total = count_inputs(sources, list(include), list(exclude))  # before reading any
            self._task = self._progress.add_task(doing, total=total, failed=0)

    def __enter__(self) -> Bar:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, done: int) -> None:
        """``done`` articles so far (from this process or from the workers)."""
        if self._progress is not None:
            failed = self.failures.count if self.failures else 0
            self._progress.update(self._task, completed=done, failed=failed)

    def counting(self, results: Iterable[T]) -> Iterator[T]:
        """``results``, each one counted as done as it comes."""
        for done, result in enumerate(results, start=1):
            self.update(done)
            yield result


def open_ended(sources: list[str]) -> bool:
    """True when ``sources`` may hold more than one article: several, a directory, a URL (which
    may be a feed), an archive or a dump."""
    return len(sources) > 1 or any(
        Path(s).is_dir() or is_url(s) or is_warc(Path(s)) or is_jsonl(Path(s)) for s in sources
    )


def count_inputs(sources: list[str], include: list[str], exclude: list[str]) -> int | None:
    """How many articles ``sources`` hold, counted up front: files (in directories too) and
    lines of JSONL dumps; None when a URL or an archive makes the number unknown."""
    total = 0
    for spec in sources:
        if is_url(spec):
            return None
        for path in walk(spec, include, exclude):
            if isinstance(path, ClaimgraphError):
                continue
            if is_warc(path):
                return None
            total += _lines(path) if is_jsonl(path) and path.suffix != ".gz" else 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        rate = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{rate:.1f} articles/s")


@contextmanager
def results_of(
    sources: list[str], settings: Settings, failures: Failures, bar: Bar, *,
    analyze: bool = True, workers: int | None = None, scheduler: str | None = None, **options,
) -> Iterator[Iterator]:
    """The run loop's results for ``sources`` in input order: computed here, or analyzed on
    a Dask cluster with ``workers`` or ``scheduler`` (progress from the workers)."""
    if not (workers or scheduler):
        yield bar.counting(run(sources, settings, failures, analyze=analyze,
                               on_skip=failures.skip, **options))
        return
    from claimgraph.batch import run_on_cluster  # Dask loads only if asked

    with dask_client(settings, workers, scheduler) as client:
        yield run_on_cluster(client, sources, settings, failures, on_progress=bar.update,
                             **options)


@contextmanager
def dask_client(settings: Settings, workers: int | None, scheduler: str | None):
    """A client of the Dask cluster asked for, its size and dashboard told on stderr."""
    from claimgraph.batch import connect, dashboard

    with connect(settings, workers=workers, scheduler=scheduler) as client:
        link = dashboard(client)
        err.print(f"Dask: {len(client.nthreads())} workers"
                  + (f", dashboard {link}" if link else ""), markup=False)
        yield client


def exit_with_summary(done: int, duplicates: int, failures: Failures, verb: str) -> None:
    """The run's summary on stderr, then exit 2 if nothing succeeded, 1 if something failed."""
    copies = f" ({duplicates} duplicate{'s' * (duplicates != 1)})" if duplicates else ""
    summary = f"{done} {verb}{copies}, {failures.count} failed"
    if failures.skipped:
        n = sum(failures.skipped.values())
        endings = ", ".join(f"{ending} ×{count}" if count > 1 else ending
                            for ending, count in failures.skipped.most_common())
        summary += f", {n} file{'s' * (n != 1)} skipped for unknown endings ({endings})"
    for reason, count in failures.reasons.most_common():
        summary += f"\n  {count} × {reason}"
    err.print(summary)
    if failures.count:
        raise typer.Exit(2 if done == 0 else 1)

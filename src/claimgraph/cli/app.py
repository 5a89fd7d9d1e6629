"""The Typer app, its consoles and what every command shares: settings from flags, one error
line per bad item, progress, the closing summary and exit code (0 when every item succeeded,
1 when some failed, 2 when none did)."""

from __future__ import annotations

import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.segment import Segment
from rich.text import Text

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest.files import walk
from claimgraph.ingest.jsonl import is_jsonl
from claimgraph.ingest.urls import is_url
from claimgraph.ingest.warc import is_warc
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


def with_progress(
    results: Iterable[T], sources: list[str], doing: str,
    include: list[str] = (), exclude: list[str] = (),
) -> Iterator[T]:
    """Results, with a progress bar on stderr when there are many inputs and stderr is a
    terminal; its total is counted before the first article is read."""
    if not ((open_ended(sources) or len(sources) > PROGRESS_AFTER) and err.is_terminal):
        yield from results
        return
    total = count_inputs(sources, list(include), list(exclude))
    columns = [TextColumn(doing), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    # stdout stays untouched: it carries the results, and may be a file or a pipe.
    with Progress(*columns, console=err, transient=True, redirect_stdout=False) as progress:
        task = progress.add_task(doing, total=total)
        for result in results:
            progress.advance(task)
            yield result


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

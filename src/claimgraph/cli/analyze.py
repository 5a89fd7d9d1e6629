"""`analyze`, `extract` and `schema`: articles in, results printed as they come."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from claimgraph.cli.app import (
    SOURCES_HELP, AllowPrivate, AnyLanguage, Bar, DedupIndex, Exclude, Failures, Format, Include,
    MaxBytes, Model, Scheduler, Workers, app, exit_with_summary, open_ended, out, results_of,
    settings_or_exit,
)
from claimgraph.analyze.acts import keep_acts
from claimgraph.errors import ClaimgraphError
from claimgraph.model import QUOTE_ACTS, Analysis, Article
from claimgraph.report import render_article, render_report
from claimgraph.settings import Settings


@app.command()
def analyze(
    sources: Annotated[list[str], typer.Argument(help=SOURCES_HELP)],
    format: Annotated[
        Format, typer.Option(
            "--format", "-f",
            help="text: a readable report; json: one object, or one array when the sources may "
            "hold several articles; jsonl: one object a line, as each is done.")
    ] = Format.text,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Analyze the input exactly as given (no cleaning), so offsets index the file.",
        ),
    ] = False,
    model: Model = None,
    any_language: AnyLanguage = False,
    max_bytes: MaxBytes = None,
    include: Include = None,
    exclude: Exclude = None,
    allow_private: AllowPrivate = False,
    dedup_index: DedupIndex = None,
    workers: Workers = None,
    scheduler: Scheduler = None,
    acts: Annotated[
        str | None,
        typer.Option(
            "--acts", metavar="ACT[,ACT...]", callback=_parse_acts,
            help="Keep only quotes of these acts, with the claims inside them: "
            f"{', '.join(QUOTE_ACTS)} (default: all).",
        ),
    ] = None,
) -> None:
    """Analyze articles: quotes and their speakers, claims with their status, numbers, dates."""
    settings = settings_or_exit(
        spacy_model=model, max_bytes=max_bytes, allow_private=allow_private or None,
        dedup_index=dedup_index, any_language=any_language or None,
    )
    _print_run(sources, plain, include, exclude, format, True, settings, acts=acts,
               workers=workers, scheduler=scheduler)


def _parse_acts(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    acts = frozenset(a.strip().lower() for a in value.split(",") if a.strip())
    unknown = sorted(acts - set(QUOTE_ACTS))
    if unknown or not acts:
        raise typer.BadParameter(
            f"unknown act {', '.join(unknown) or '(none given)'}; choose from "
            f"{', '.join(QUOTE_ACTS)}")
    return acts


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
    settings = settings_or_exit(
        max_bytes=max_bytes, allow_private=allow_private or None, dedup_index=dedup_index
    )
    _print_run(sources, plain, include, exclude, format, False, settings)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis output."""
    out.print_json(json.dumps(Analysis.model_json_schema()))


def _print_run(
    sources: list[str], plain: bool, include: list[str] | None, exclude: list[str] | None,
    format: Format, analyze: bool, settings: Settings, acts: frozenset[str] | None = None,
    **cluster,
) -> None:
    """Run the loop over ``sources``, print each result as it comes, end with the summary."""
    verb = "analyzed" if analyze else "extracted"
    failures = Failures()
    done = duplicates = 0
    array = format is Format.json and open_ended(sources)  # valid JSON, however many
    if array:
        sys.stdout.write("[")
    try:
        with Bar(sources, verb, failures, include or [], exclude or []) as bar, results_of(
                sources, settings, failures, bar, analyze=analyze, plain=plain,
                include=include or (), exclude=exclude or (), **cluster) as results:
            for record in results:
                if acts is not None and isinstance(record, Analysis):
                    record = keep_acts(record, acts)
                if array:
                    sys.stdout.write(",\n" if done else "\n")
                _emit(record, format, array)
                done += 1
                duplicates += record.duplicate_of is not None
    except ClaimgraphError as error:  # the run itself could not go on (missing model, bad index)
        failures(error)
    if array:
        sys.stdout.write("\n]\n" if done else "]\n")
    exit_with_summary(done, duplicates, failures, verb)


def _emit(record: Article, format: Format, in_array: bool) -> None:
    if format is Format.jsonl:
        sys.stdout.write(record.model_dump_json() + "\n")
        sys.stdout.flush()
    elif format is Format.json:
        sys.stdout.write(record.model_dump_json(indent=2) + ("" if in_array else "\n"))
        sys.stdout.flush()
    elif isinstance(record, Analysis):
        out.print(render_report(record))
    else:
        out.print(render_article(record))

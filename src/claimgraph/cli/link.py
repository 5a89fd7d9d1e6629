"""`relink`, `story`, `graph`: a story followed across outlets, and who cites whom.

`ingest` links each batch it stores (incrementally); `relink` rebuilds every link from scratch.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import networkx as nx
import typer
from rich.text import Text

from claimgraph.cli.app import Format, app, err, out, settings_or_exit
from claimgraph.cli.db import Database, opened
from claimgraph.link import persist
from claimgraph.link.records import ClaimCluster

_STATUS_STYLE = {"contradicted": "bold red", "corroborated": "green", "single-sourced": "yellow"}


def say_linked(run: persist.LinkRun) -> None:
    """One line saying what linking an ingest's articles changed."""
    if run.articles:
        err.print(f"linked {run.articles} new article{'s' * (run.articles != 1)}: "
                  f"{run.clusters} claim clusters in {run.stories} "
                  f"stor{'ies' if run.stories != 1 else 'y'} updated", markup=False)


@app.command()
def relink(db: Database = None) -> None:
    """Rebuild every link (canonical entities, stories, claim clusters) from the stored
    articles. Gives the same result as linking after each ingest batch."""
    with opened(settings_or_exit(database_url=db)) as store:
        run = persist.link(store, full=True, progress=_progress())
    out.print(f"linked {run.articles:,} articles: {run.clusters:,} claim clusters in "
              f"{run.stories:,} stories ({run.seconds:.1f} s)", markup=False)


def _progress():
    if not err.is_terminal:
        return None
    state = {"shown": -1}

    def show(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != state["shown"]:
            state["shown"] = percent
            err.print(f"\rlinking {done:,}/{total:,} articles", end="", markup=False)
            if done == total:
                err.print("", markup=False)
    return show


def render_cluster(cluster: ClaimCluster) -> None:
    """A cluster as a reader checks it: status and why, the number in dispute, the independent
    origins, then every report in date order with its source."""
    head = Text(f"[{cluster.status}] ", style=_STATUS_STYLE[cluster.status])
    head.append(cluster.label, style="bold")
    out.print(head)
    out.print(Text("  " + "; ".join(cluster.reasons), style="dim"))
    est = cluster.estimate
    if est is not None:
        unit = f" {est.unit}" if est.unit else ""
        line = (f"  number: most conservative estimate {est.conservative:,.10g}{unit}"
                + (f" (reported range {est.low:,.10g}-{est.high:,.10g}; disputed)"
                   if est.disputed else ""))
        out.print(Text(line, style="bold"))
        for figure, sources in est.sources.items():
            out.print(Text(f"    {figure}: {', '.join(sources)}"))
    out.print(Text(f"  independent origins ({len(cluster.origins)}): "
                   + "; ".join(cluster.origins)))
    out.print(Text("  timeline:", style="dim"))
    for m in cluster.members:
        when = str(m.published) + (" (inferred)" if m.published_inferred else "") \
            if m.published else "undated"
        who = m.speaker_name or "the outlet itself"
        if m.via:
            who += " via " + " via ".join(m.via)
        line = Text(f"    {when} · {m.outlet or m.source} · ", style="dim")
        line.append(f"{who} [{m.status}]: ", style="cyan")
        line.append(m.text)
        if m.duplicate_of:
            line.append(f" (copy of {m.duplicate_of})", style="yellow")
        out.print(line)


def show_clusters(clusters: list[ClaimCluster], format: Format, empty: str) -> None:
    if format is Format.json:
        sys.stdout.write(json.dumps([c.model_dump(mode="json") for c in clusters], indent=2,
                                    ensure_ascii=False) + "\n")
    elif format is Format.jsonl:
        for c in clusters:
            sys.stdout.write(c.model_dump_json() + "\n")
    elif not clusters:
        out.print(empty, markup=False)
    else:
        for c in clusters:
            render_cluster(c)


def _require_links(store) -> None:
    if not persist.linked(store):
        err.print("nothing is linked yet: run `claimgraph ingest` or `claimgraph relink` first",
                  markup=False)
        raise typer.Exit(1)


@app.command()
def story(
    query: Annotated[str, typer.Argument(help='Words the reports contain ("3,000 troops"), or '
                                              "a person's, organization's or country's name.")],
    db: Database = None,
    all_sizes: Annotated[bool, typer.Option(
        "--all", help="Include claims reported once (by default only claims reported by two "
        "or more articles or sources are shown).")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")] = 10,
    format: Annotated[Format, typer.Option("--format", "-f", help="text, json or jsonl.")] = Format.text,
) -> None:
    """The claim clusters of a story: each with its status, the range and most conservative
    estimate of a disputed number, its independent origins and its timeline."""
    with opened(settings_or_exit(database_url=db)) as store:
        _require_links(store)
        found = persist.clusters(store, query=query, min_size=1 if all_sizes else 2, limit=limit)
        if not found and not all_sizes:
            found = persist.clusters(store, query=query, limit=limit)
    show_clusters(found, format, f"no reports match {query!r}")


class GraphFormat(str, Enum):
    graphml = "graphml"
    json = "json"


@app.command()
def graph(
    db: Database = None,
    format: Annotated[GraphFormat, typer.Option(
        "--format", "-f", help="graphml (opens in Gephi) or json (node-link).")] = GraphFormat.graphml,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="File to write (default: standard output).")] = None,
) -> None:
    """The source graph: outlet → channel or citing source → speaker, each edge with the
    number of reports and the claims on it."""
    with opened(settings_or_exit(database_url=db)) as store:
        _require_links(store)
        g = persist.graph(store)
    if format is GraphFormat.graphml:
        data = "\n".join(nx.generate_graphml(g)) + "\n"
    else:
        data = json.dumps(nx.node_link_data(g, edges="edges"), indent=2, ensure_ascii=False) + "\n"
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(data)
        err.print(f"wrote {g.number_of_nodes()} sources and {g.number_of_edges()} citations "
                  f"to {output}", markup=False)
    else:
        sys.stdout.write(data)

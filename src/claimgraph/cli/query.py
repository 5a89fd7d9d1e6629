"""`search`, `who`, `claims`, `articles`, `stats`: questions over everything in the store, as
readable text or, with --format json|jsonl, as records for scripts."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.text import Text

from claimgraph.cli.app import Format, app, out, settings_or_exit
from claimgraph.cli.db import Database, fail, opened
from claimgraph.cli.link import show_clusters
from claimgraph.errors import InputError
from claimgraph.link import persist
from claimgraph.store import ArticleRef, ClaimHit, SearchResults, Statements

FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="text (readable), json or jsonl (one record a line).")
]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")]
Since = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="Only articles published on or after DATE "
                 "(YYYY-MM-DD)."),
]


class Status(str, Enum):
    asserted = "asserted"
    attributed = "attributed"
    confirmed = "confirmed"
    denied = "denied"
    hedged = "hedged"
    speculative = "speculative"
    opinion = "opinion"


def since_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(InputError("not a date: give it as YYYY-MM-DD", f"--since {value}"))


def _emit(records: Sequence[BaseModel] | BaseModel, format: Format) -> bool:
    """Print ``records`` as JSON or JSONL; False for text, which the command renders."""
    if format is Format.text:
        return False
    if isinstance(records, BaseModel):
        records = [records]
        if format is Format.json:
            sys.stdout.write(records[0].model_dump_json(indent=2) + "\n")
            return True
    if format is Format.json:
        sys.stdout.write(json.dumps([r.model_dump(mode="json") for r in records], indent=2,
                                    ensure_ascii=False) + "\n")
    else:
        for record in records:
            sys.stdout.write(record.model_dump_json() + "\n")
    return True


def _where(article: ArticleRef) -> Text:
    """When and where: 'date · outlet · title'."""
    facts = [str(article.published or "undated"), article.outlet or article.source]
    line = Text(" · ".join(facts), style="dim")
    line.append(f" · {article.title or article.source}", style="dim italic")
    if article.duplicate_of:
        line.append(f" (copy of {article.duplicate_of})", style="yellow")
    return line


def _highlighted(snippet: str) -> Text:
    text = Text()
    for n, piece in enumerate(snippet.replace("»", "«").split("«")):
        text.append(piece, style="bold yellow" if n % 2 else "")
    return text


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words to find (all of them); "a phrase" in quotes.')],
    db: Database = None, limit: Limit = 10, format: FormatOption = Format.text,
) -> None:
    """Find articles and quotes by their words, best matches first."""
    with opened(settings_or_exit(database_url=db)) as store:
        results: SearchResults = store.search(query, limit=limit)
    if _emit(results, format):
        return
    if not results.articles and not results.quotes:
        out.print(f"nothing matches {query!r}", markup=False)
        return
    if results.quotes:
        out.print(Text(f"Quotes ({len(results.quotes)})", style="bold"))
        for hit in results.quotes:
            out.print(Text.assemble((hit.speaker or "(speaker not found)", "cyan"), ": ",
                                    _highlighted(hit.snippet)))
            out.print(Text("  ").append_text(_where(hit.article)))
    if results.articles:
        out.print(Text(f"Articles ({len(results.articles)})", style="bold"))
        for hit in results.articles:
            out.print(Text(f"[{hit.article.id}] ").append_text(_where(hit.article)))
            out.print(Text("  ").append_text(_highlighted(hit.snippet)))


@app.command()
def who(
    name: Annotated[str, typer.Argument(help="A person's or organization's name or alias.")],
    db: Database = None, limit: Limit = 50, format: FormatOption = Format.text,
) -> None:
    """Everything a person or organization said across the store: role, date, outlet, the
    speech act and each claim's status."""
    with opened(settings_or_exit(database_url=db)) as store:
        page: Statements = persist.statements(store, name, limit=limit)
    statements = page.items
    if _emit(statements, format):
        return
    if not statements:
        out.print(f"no statements by {name!r} in the store", markup=False)
        return
    speakers = sorted({s.speaker for s in statements})
    articles = len({s.article.id for s in statements})
    shown = f"the latest {len(statements)} of {page.total}" if page.total > len(statements) \
        else f"{len(statements)}"
    out.print(Text(f"{', '.join(speakers)}: {shown} statements in {articles} "
                   f"article{'s' * (articles != 1)}", style="bold"))
    for statement, new_article in _by_article(statements):
        if new_article:
            out.print(_where(statement.article))
        head = Text(statement.speaker, style="cyan")
        if statement.role:
            head.append(f" ({statement.role})", style="cyan")
        quote = statement.quote
        if quote is not None:
            act = quote.cue.text if quote.cue else quote.kind.replace("_", " ")
            head.append(f" {act}: ", style="bold")
            words = " … ".join(piece.text for piece in quote.content)
            head.append(f"“{words}”" if quote.kind == "direct" else words)
        else:
            head.append(" (claim): ", style="bold").append(statement.claims[0].text)
        statuses = sorted({claim.status for claim in statement.claims})
        if statuses:
            head.append(f"  [{', '.join(statuses)}]", style="magenta")
        out.print(Text("  ").append_text(head))
    _more(page.total > len(statements), limit)


def _by_article(hits: Sequence) -> list[tuple]:
    """Each hit with whether it starts another article (hits come grouped by article)."""
    return [(hit, n == 0 or hit.article.id != hits[n - 1].article.id)
            for n, hit in enumerate(hits)]


def _more(more: bool, limit: int) -> None:
    if more:
        out.print(f"… more than {limit}: show more with --limit", style="dim", markup=False)


@app.command()
def claims(
    entity: Annotated[str | None, typer.Option(help="Only claims made by this person or organization.")] = None,
    status: Annotated[Status | None, typer.Option(help="Only claims with this status.")] = None,
    contradicted: Annotated[bool, typer.Option(
        "--contradicted", help="Claims that other reports contradict, as clusters: the "
        "incompatible figures or denials, each with its sources.")] = False,
    since: Since = None, db: Database = None, limit: Limit = 50,
    format: FormatOption = Format.text,
) -> None:
    """Claims in the store, newest articles first, with who makes them and their status."""
    if contradicted:
        with opened(settings_or_exit(database_url=db)) as store:
            found = persist.clusters(store, query=entity, status="contradicted", limit=limit)
        show_clusters(found, format, "no contradicted claims (run `claimgraph relink` if "
                                     "articles were stored without linking)")
        return
    with opened(settings_or_exit(database_url=db)) as store:
        hits: list[ClaimHit] = store.claims(entity=entity, status=status and status.value,
                                            since=since_date(since), limit=limit + 1)
    more = len(hits) > limit
    hits = hits[:limit]
    if _emit(hits, format):
        return
    if not hits:
        out.print("no claims match", markup=False)
    for hit, new_article in _by_article(hits):
        if new_article:
            out.print(_where(hit.article))
        out.print(Text.assemble("  ", (f"[{hit.claim.status}] ", "magenta"),
                                ((hit.source or "the outlet") + ": ", "cyan"), hit.claim.text))
    _more(more, limit)


@app.command()
def articles(
    outlet: Annotated[str | None, typer.Option(help="Only articles from outlets whose name contains this.")] = None,
    since: Since = None, db: Database = None, limit: Limit = 50,
    format: FormatOption = Format.text,
) -> None:
    """Stored articles, newest first, with how many quotes and claims each holds."""
    with opened(settings_or_exit(database_url=db)) as store:
        rows = store.articles(outlet=outlet, since=since_date(since), limit=limit)
    if _emit(rows, format):
        return
    if not rows:
        out.print("no articles match", markup=False)
    for row in rows:
        out.print(Text(f"[{row.id}] ").append_text(_where(row))
                  .append(f"  {row.quotes} quotes, {row.claims} claims", style="dim"))


@app.command()
def stats(db: Database = None, format: FormatOption = Format.text) -> None:
    """What the store holds: articles, revisions, duplicates, records, outlets, top speakers."""
    with opened(settings_or_exit(database_url=db)) as store:
        numbers = store.stats()
    if _emit(numbers, format):
        return
    span = (f"{numbers.first_published} to {numbers.last_published}"
            if numbers.first_published else "no dates")
    lines = [
        f"{numbers.articles:,} articles ({numbers.revisions:,} revisions, "
        f"{numbers.duplicates:,} duplicates) from {numbers.outlets:,} outlets, published {span}",
        f"{numbers.entities:,} entities · {numbers.quotes:,} quotes · {numbers.claims:,} claims · "
        f"{numbers.quantities:,} quantities · {numbers.times:,} time expressions · "
        f"{numbers.posts:,} embedded posts",
    ]
    if numbers.claims_by_status:
        lines.append("claims: " + ", ".join(f"{n:,} {status}"
                                            for status, n in numbers.claims_by_status.items()))
    if numbers.top_speakers:
        lines.append("most quoted: " + ", ".join(f"{name} ({n})" for name, n in numbers.top_speakers))
    if numbers.top_outlets:
        lines.append("outlets: " + ", ".join(f"{name} ({n})" for name, n in numbers.top_outlets))
    out.print("\n".join(lines), markup=False)

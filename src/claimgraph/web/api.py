"""The REST API under /api: records as the output contract defines them, errors as JSON
``{"status": …, "message": …}``. Lists take ``limit`` (at most 100) and ``offset``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Generic, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, model_validator

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.model import Analysis
from claimgraph.store import (
    ArticleSummary, ClaimHit, SearchResults, Statement, Statements, Stats,
)
from claimgraph.web.analyzing import analyze_input
from claimgraph.web.app import render
from claimgraph.link.records import ClaimCluster
from claimgraph.web import links
from claimgraph.web.pages import Act, ClusterStatus, Status
from claimgraph.web.security import check_token

router = APIRouter(prefix="/api")
T = TypeVar("T")
MAX_LIMIT = 100


class Problem(BaseModel):
    status: int
    message: str


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next_offset`` is None on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = None
    total: int | None = Field(default=None, description="Items in all, where counted.")


class NewArticle(BaseModel):
    """An article to analyze: exactly one of ``url``, ``text`` or ``html``."""

    url: str | None = Field(default=None, max_length=4096)
    text: str | None = None
    html: str | None = None
    store: bool = Field(default=True, description="Keep it in the store (else only analyze).")

    @model_validator(mode="after")
    def one_input(self) -> NewArticle:
        if sum(bool(v) for v in (self.url, self.text, self.html)) != 1:
            raise ValueError("give exactly one of url, text or html")
        return self


class Stored(BaseModel):
    id: int | None = Field(description="Store id of the article; None when not stored.")
    outcome: str = Field(description="stored, revised, unchanged or analyzed (not stored).")
    analysis: Analysis


ERRORS = {code: {"model": Problem} for code in (400, 401, 403, 404, 413, 422)}
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=100_000)]
Since = Annotated[dt.date | None, Query(description="Published on or after (YYYY-MM-DD).")]


def store_of(request: Request):
    store = request.app.state.store
    if store is None:
        raise HTTPException(404, "no store is open: start with claimgraph serve --db FILE")
    return store


StoreDep = Annotated[object, Depends(store_of)]


def paged(items: list[T], limit: int, offset: int) -> Page[T]:
    """The page at ``offset`` from ``items``, the rows from there on: up to ``limit + 1`` of
    them (one more tells whether there is a next page)."""
    more = len(items) > limit
    return Page(items=items[:limit], limit=limit, offset=offset,
                next_offset=offset + limit if more else None)


def statements_page(found: Statements, limit: int, offset: int) -> Page[Statement]:
    return Page(items=found.items, limit=limit, offset=offset, total=found.total,
                next_offset=offset + limit if found.total > offset + limit else None)


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request):
    """The API reference, drawn from our own OpenAPI document (no external assets)."""
    return render(request, "api_docs.html", spec=request.app.openapi())


@router.get("/articles", response_model=Page[ArticleSummary], responses=ERRORS)
def list_articles(store: StoreDep, limit: Limit = 20, offset: Offset = 0,
                  outlet: Annotated[str | None, Query(max_length=200)] = None,
                  since: Since = None):
    """Stored articles, newest first, with how many records each holds."""
    return paged(store.articles(outlet=outlet, since=since, offset=offset, limit=limit + 1),
                 limit, offset)


@router.get("/articles/{article_id}", response_model=Analysis, responses=ERRORS)
def get_article(store: StoreDep, article_id: Annotated[int, Path(ge=1, le=2**62)]):
    """One stored article with every record found in it (the output contract)."""
    analysis = store.analysis(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article {article_id} in the store")
    return analysis


@router.post("/articles", response_model=Stored, status_code=201, responses=ERRORS)
async def post_article(request: Request, article: NewArticle):
    """Analyze a new article (a URL is fetched; private addresses are refused) and store it.
    Needs ``Authorization: Bearer TOKEN`` when the server has a token."""
    check_token(request)
    store = request.app.state.store
    try:
        analysis = await run_in_threadpool(
            analyze_input, request.app.state.settings, url=article.url or "",
            text=article.text or "", upload=(article.html or "").encode("utf-8"),
            upload_name="posted html")
    except ClaimgraphError as error:
        raise HTTPException(422, str(error)) from None
    if not article.store or store is None:
        return Stored(id=None, outcome="analyzed", analysis=analysis)
    saved = await run_in_threadpool(links.save, store, analysis)
    return Stored(id=saved.id, outcome=saved.outcome,
                  analysis=await run_in_threadpool(store.analysis, saved.id))


@router.get("/quotes", response_model=Page[Statement], responses=ERRORS)
def list_quotes(store: StoreDep, speaker: Annotated[str, Query(min_length=1, max_length=200)],
                act: Annotated[Act | None, Query()] = None,
                status: Annotated[Status | None, Query()] = None,
                limit: Limit = 20, offset: Offset = 0):
    """What a speaker said across the store (quotes, with the claims in them), newest first."""
    found = store.statements(speaker, act=act and act.value, status=status and status.value,
                             outside_quotes=False, offset=offset, limit=limit,
                             ids=links.named_rows(store, speaker))
    return statements_page(found, limit, offset)


@router.get("/entities/{name}", response_model=Page[Statement], responses=ERRORS)
def entity_statements(store: StoreDep, name: Annotated[str, Path(min_length=1, max_length=200)],
                      act: Annotated[Act | None, Query()] = None,
                      status: Annotated[Status | None, Query()] = None,
                      limit: Limit = 20, offset: Offset = 0):
    """Every statement of the person or organization called ``name`` (or with it as an
    alias): their quotes, and claims attributed to them outside quotes."""
    found = store.statements(name, act=act and act.value, status=status and status.value,
                             offset=offset, limit=limit, ids=links.named_rows(store, name))
    if not found.total and not offset:
        raise HTTPException(404, f"no statement by {name!r} in the store")
    return statements_page(found, limit, offset)


@router.get("/claims", response_model=Page[ClaimHit], responses=ERRORS)
def list_claims(store: StoreDep, status: Annotated[Status | None, Query()] = None,
                entity: Annotated[str | None, Query(max_length=200)] = None,
                since: Since = None, limit: Limit = 20, offset: Offset = 0):
    """Claims, newest articles first, filtered by status, by who makes them and by date."""
    return paged(store.claims(entity=entity or None, status=status and status.value,
                              since=since, offset=offset, limit=limit + 1), limit, offset)


@router.get("/search", response_model=SearchResults, responses=ERRORS)
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Limit = 20):
    """Articles and quotes matching all the words of ``q`` ("double quotes" for a phrase);
    matched words are marked «like this» in the snippets."""
    try:
        return store.search(q, limit=limit)
    except InputError as error:
        raise HTTPException(422, error.reason) from None


@router.get("/stats", response_model=Stats, responses=ERRORS)
def stats(store: StoreDep):
    """What the store holds: counts, date range, most quoted speakers, outlets."""
    return store.stats()


@router.get("/clusters", response_model=Page[ClaimCluster], responses=ERRORS)
def list_clusters(store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None,
                  status: Annotated[ClusterStatus | None, Query()] = None,
                  min_size: Annotated[int, Query(ge=1, le=10_000)] = 1,
                  limit: Limit = 20, offset: Offset = 0):
    """Claim clusters (the same claim across articles), most reported first, with their
    independent origins and, for a disputed number, the conservative estimate."""
    return paged(links.clusters(store, q, status and status.value, min_size=min_size,
                                limit=offset + limit + 1)[offset:], limit, offset)


@router.get("/clusters/{cluster_id:path}", response_model=ClaimCluster, responses=ERRORS)
def get_cluster(store: StoreDep, cluster_id: Annotated[str, Path(max_length=300)]):
    """One claim cluster with every report of the claim."""
    found = links.cluster(store, cluster_id)
    if found is None:
        raise HTTPException(404, f"no claim cluster {cluster_id} in the store")
    return found


class GraphNode(BaseModel):
    id: str
    label: str
    kind: str
    weight: int


class GraphEdge(BaseModel):
    source: str
    target: str
    count: int


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total_nodes: int


@router.get("/graph", response_model=Graph, responses=ERRORS)
def source_graph(store: StoreDep, entity: Annotated[str | None, Query(max_length=200)] = None,
                 story: Annotated[str | None, Query(max_length=64)] = None):
    """Who cites whom (outlets, channels, speakers), the most reported nodes, narrowed to a
    name or a story."""
    drawn = links.drawing(store, entity=entity, story=story)
    return Graph(nodes=[GraphNode(id=n.id, label=n.label, kind=n.kind, weight=n.weight)
                        for n in drawn.nodes],
                 edges=[GraphEdge(source=e.a.id, target=e.b.id, count=e.count)
                        for e in drawn.edges], total_nodes=drawn.total_nodes)

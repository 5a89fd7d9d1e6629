"""The HTML pages. Each view asks the store for records and hands them to a template."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.web import links
from claimgraph.web.analyzing import analyze_input
from claimgraph.web.app import render
from claimgraph.web.article_view import STATUSES, article_view
from claimgraph.web.charts import network, reports, timeline
from claimgraph.web.profile import profile
from claimgraph.web.security import CSRF_FIELD, check_csrf, check_token

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Status = Enum("Status", {s: s for s in STATUSES}, type=str)
ACTS = ("speech", "thought", "intention", "evidence")  # what a quote's cue reports
Act = Enum("Act", {a: a for a in ACTS}, type=str)
PAGE = 50


@router.get("/")
def home(
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[dt.date | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
):
    store = request.app.state.store
    if store is None:
        return render(request, "home.html", nav="home")
    stats = store.stats()
    articles = store.articles(outlet=outlet or None, since=since, offset=offset,
                              limit=PAGE + 1)  # one more tells whether there is a next page
    return render(request, "home.html", nav="home", stats=stats,
                  articles=articles[:PAGE], outlet=outlet or "", since=since,
                  offset=offset, more=len(articles) > PAGE, page=PAGE,
                  contested=links.contested(store))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: Annotated[int, Path(ge=1, le=2**62)]):
    store = need_store(request)
    analysis = store.analysis(article_id)
    if analysis is None:
        raise HTTPException(404, f"no article {article_id} in the store")
    return render(request, "article.html", view=article_view(analysis), stored=article_id,
                  elsewhere=links.elsewhere(store, [c.id for c in analysis.claims]))


@router.get("/who/{name}")
def who(
    request: Request, name: Annotated[str, Path(min_length=1, max_length=200)],
    act: Annotated[Act | None, Query()] = None,
    status: Annotated[Status | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
):
    store = need_store(request)
    ids = links.named_rows(store, name)  # looked up once; every alias once linked
    person = profile(store, name, ids=ids)
    if not person.type:
        raise HTTPException(404, f"nobody called {name!r} in the store")
    act, status = act and act.value, status and status.value
    found = store.statements(name, act=act, status=status, offset=offset, limit=PAGE, ids=ids)
    total = (store.statements(name, limit=0, ids=ids).total if act or status
             else found.total)
    return render(request, "who.html", person=person, total=total,
                  statements=found.items, matching=found.total, offset=offset, page=PAGE,
                  act=act, status=status, acts=ACTS, statuses=list(STATUSES),
                  timeline=timeline(person.mentions, f"Mentions of {person.name} by day"))


@router.get("/search")
def search(
    request: Request, q: Annotated[str, Query(max_length=500)] = "",
):
    store = need_store(request)
    results = None
    error = None
    if q.strip():
        try:
            results = store.search(q, limit=PAGE)
        except InputError as problem:
            error = problem.reason
    return render(request, "search.html", nav="search", q=q, results=results, error=error)


@router.get("/claims")
def claims(
    request: Request,
    status: Annotated[Status | None, Query()] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[dt.date | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
):
    store = need_store(request)
    hits = store.claims(entity=entity or None, status=status and status.value, since=since,
                        offset=offset, limit=PAGE + 1)
    return render(request, "claims.html", hits=hits[:PAGE], status=status and
                  status.value, entity=entity or "", since=since, offset=offset, page=PAGE,
                  more=len(hits) > PAGE, statuses=list(STATUSES))


@router.get("/analyze")
def analyze_form(request: Request):
    return render(request, "analyze.html")


@router.post("/analyze")
async def analyze_submit(
    request: Request,
    csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "",
    url: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
    save: Annotated[bool, Form()] = False,
    token: Annotated[str, Form()] = "",
):
    check_csrf(request, csrf)
    check_token(request, token)
    upload = await file.read() if file is not None else b""
    form = {"url": url, "text": text, "save": save}
    try:
        analysis = await run_in_threadpool(
            analyze_input, request.app.state.settings, url=url, text=text, upload=upload,
            upload_name=file.filename if file is not None else "")
    except ClaimgraphError as error:
        return render(request, "analyze.html", http_status=422, error=str(error), form=form)
    store = request.app.state.store
    if save and store is not None:
        saved = await run_in_threadpool(links.save, store, analysis)
        return RedirectResponse(f"/articles/{saved.id}", status_code=303)
    return render(request, "article.html", nav="analyze", view=article_view(analysis),
                  stored=None)


def need_store(request: Request):
    store = request.app.state.store
    if store is None:
        raise HTTPException(404, "no store is open: start with claimgraph serve --db FILE")
    return store



CLUSTER_STATUSES = ("contradicted", "corroborated", "single-sourced")
ClusterStatus = Enum("ClusterStatus", {s: s for s in CLUSTER_STATUSES}, type=str)


@router.get("/clusters")
def clusters(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[ClusterStatus | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
):
    store = need_store(request)
    found = links.clusters(store, q, status and status.value, limit=offset + PAGE + 1)
    return render(request, "clusters.html", nav="clusters", found=found[offset:offset + PAGE],
                  q=q, status=status and status.value, statuses=CLUSTER_STATUSES,
                  offset=offset, page=PAGE, more=len(found) > offset + PAGE,
                  linked=links.linked(store))


@router.get("/clusters/{cluster_id:path}")
def cluster(request: Request, cluster_id: Annotated[str, Path(max_length=300)]):
    store = need_store(request)
    found = links.cluster(store, cluster_id)
    if found is None:
        raise HTTPException(404, f"no claim cluster {cluster_id} in the store")
    return render(request, "cluster.html", nav="clusters", cluster=found,
                  chart=reports(found.members, found.estimate))


@router.get("/graph")
def graph(
    request: Request,
    entity: Annotated[str, Query(max_length=200)] = "",
    story: Annotated[str, Query(max_length=64)] = "",
):
    store = need_store(request)
    drawn = links.drawing(store, entity=entity or None, story=story or None)
    return render(request, "graph.html", nav="graph", drawing=drawn, svg=network(drawn),
                  entity=entity, story=story, linked=links.linked(store))

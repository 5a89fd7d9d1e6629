"""The HTML pages. Each view asks the store for records and hands them to a template."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from claimgraph.errors import ClaimgraphError
from claimgraph.web.analyzing import analyze_input
from claimgraph.web.app import render
from claimgraph.web.article_view import article_view
from claimgraph.web.security import CSRF_FIELD, check_csrf, check_token

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def home(request: Request):
    return render(request, "home.html")


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
        return render(request, "analyze.html", status=422, error=str(error), form=form)
    store = request.app.state.store
    if save and store is not None:
        saved = await run_in_threadpool(store.save, analysis)
        return RedirectResponse(f"/articles/{saved.id}", status_code=303)
    return render(request, "article.html", view=article_view(analysis), stored=None)


def need_store(request: Request):
    store = request.app.state.store
    if store is None:
        raise HTTPException(404, "no store is open: start with claimgraph serve --db FILE")
    return store

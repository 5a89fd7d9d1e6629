"""The REST API under /api: records as the output contract defines them, errors as JSON."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from claimgraph.web.app import render

router = APIRouter(prefix="/api")


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request):
    """The API reference, drawn from our own OpenAPI document (no external assets)."""
    return render(request, "api_docs.html", spec=request.app.openapi())


def store_of(request: Request):
    store = request.app.state.store
    if store is None:
        raise HTTPException(404, "no store is open: start with claimgraph serve --db FILE")
    return store

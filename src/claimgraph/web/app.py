"""The FastAPI application: server-rendered pages, the REST API under /api, static assets.

Nothing is fetched from elsewhere: styles, scripts and the API docs are served by the app.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError, StoreError
from claimgraph.settings import Settings, get_settings
from claimgraph.web.security import Guard, csrf_token, set_csrf_cookie

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")


def create_app(store=None, *, settings: Settings | None = None) -> FastAPI:
    """The app over ``store`` (a claimgraph Store, or None to analyze without storing).

    Write requests need ``settings.token`` when it is set.
    """
    settings = settings or get_settings()
    app = FastAPI(
        title="claimgraph", version=__version__,
        description="Who said what, according to whom, and how sure they are.",
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    app.state.token = settings.token.get_secret_value() if settings.token else None
    app.add_middleware(Guard, max_body=settings.max_body)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from claimgraph.web import api, pages  # noqa: PLC0415  (they import this module)
    app.include_router(pages.router)
    app.include_router(api.router)

    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ClaimgraphError, _claimgraph_error)
    return app


def render(request: Request, name: str, http_status: int = 200, **context):
    """A page from its template; every page gets the form token and whether writes need one."""
    context.update(
        csrf=csrf_token(request), needs_token=request.app.state.token is not None,
        has_store=request.app.state.store is not None, version=__version__,
    )
    response = templates.TemplateResponse(request, name, context, status_code=http_status)
    set_csrf_cookie(request, response)
    return response


async def _claimgraph_error(request: Request, error: ClaimgraphError):
    """Bad input to a query is the client's (422); a store that fails is unavailable (503)."""
    status = 503 if isinstance(error, StoreError) else 422
    return await _http_error(request, StarletteHTTPException(status, str(error).strip(" :")))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


async def _http_error(request: Request, error: StarletteHTTPException):
    if _wants_json(request):
        return JSONResponse({"status": error.status_code, "message": str(error.detail)},
                            status_code=error.status_code, headers=error.headers)
    return render(request, "error.html", http_status=error.status_code,
                  status_code=error.status_code, message=str(error.detail))


async def _validation_error(request: Request, error: RequestValidationError):
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
        for e in error.errors()[:3])
    if _wants_json(request):
        return JSONResponse({"status": 422, "message": problems}, status_code=422)
    return render(request, "error.html", http_status=422, status_code=422, message=problems)


def snippet(text: str) -> Markup:
    """A search snippet, escaped, with the words the store marked «like this» highlighted."""
    return Markup(str(escape(text)).replace("«", "<mark>").replace("»", "</mark>"))


def number(value: float) -> str:
    """12,000 or 2.5: thousands separated, no trailing zeros."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


templates.env.filters["snippet"] = snippet
templates.env.filters["number"] = number

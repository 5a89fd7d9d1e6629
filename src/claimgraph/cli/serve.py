"""`serve`: the web app and API over a store, on 127.0.0.1:8000 by default."""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph.cli.app import AllowPrivate, app, err, out, settings_or_exit
from claimgraph.cli.db import Database, opened
from claimgraph.web.security import is_loopback


@app.command()
def serve(
    db: Database = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Token that write requests must carry; needed to listen on anything "
                     "but loopback \\[env CLAIMGRAPH_TOKEN]."),
    ] = None,
    allow_private: AllowPrivate = False,
) -> None:
    """Explore the store in a browser: articles, speakers, claims, search, and an Analyze form."""
    import uvicorn  # noqa: PLC0415  (only this command needs it)

    from claimgraph.web import create_app  # noqa: PLC0415

    settings = settings_or_exit(database_url=db, token=token,
                                allow_private=allow_private or None)
    if not is_loopback(host) and settings.token is None:
        err.print(f"error: refusing to listen on {host} without a token: anyone who can reach "
                  "it could write (give --token or set CLAIMGRAPH_TOKEN)", markup=False)
        raise typer.Exit(2)
    with opened(settings) as store:
        application = create_app(store, settings=settings)
        shown = f"[{host}]" if ":" in host else host
        out.print(f"claimgraph is serving {store.where} on http://{shown}:{port}/  "
                  "(Ctrl-C stops it)", markup=False)
        uvicorn.run(application, host=host, port=port, log_level="warning")

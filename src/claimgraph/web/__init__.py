"""The web app and REST API over a store: ``create_app(store)``; ``claimgraph serve`` runs it."""

from claimgraph.web.app import create_app

__all__ = ["create_app"]

"""claimgraph: who said what, according to whom, and how sure they are.

``analyze(text_or_html)`` returns one Analysis; ``analyze_many(items)`` streams them.
"""

import claimgraph.analyze  # noqa: F401 (the subpackage first, so the name is the function)
from claimgraph.api import analyze, analyze_many
from claimgraph.errors import ClaimgraphError, ConfigError, FetchError, InputError, StoreError
from claimgraph.model import (
    Analysis, Article, Claim, Cue, Entity, Mention, Post, Quantity, Quote, RawDocument, Span,
    Speaker, TimeExpression,
)
from claimgraph.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Article", "Claim", "ClaimgraphError", "ConfigError", "Cue", "Entity",
    "FetchError", "InputError", "Mention", "Post", "Quantity", "Quote", "RawDocument",
    "Settings", "Span", "Speaker", "StoreError", "TimeExpression", "analyze", "analyze_many",
]

"""What the store's queries return: model.py records with the article they come from."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from claimgraph.model import Claim, ClaimStatus, Quote


class Result(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleRef(Result):
    """A stored article (one revision), without its text and records."""

    id: int
    key: str
    revision: int
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    duplicate_of: str | None = None


class ArticleSummary(ArticleRef):
    entities: int = 0
    quotes: int = 0
    claims: int = 0


class ArticleHit(Result):
    article: ArticleRef
    snippet: str
    score: float


class QuoteHit(Result):
    article: ArticleRef
    quote: Quote
    speaker: str | None = None
    snippet: str
    score: float


class SearchResults(Result):
    """Matches of a search, best first; matched words are marked «like this» in snippets."""

    query: str
    articles: list[ArticleHit] = []
    quotes: list[QuoteHit] = []


class Statement(Result):
    """Something an entity said in one article: a quote (with the claims in it), or a claim
    attributed to it outside any of its quotes."""

    article: ArticleRef
    speaker: str
    speaker_type: str
    role: str | None = None
    quote: Quote | None = None
    claims: list[Claim] = []


class Statements(Result):
    """One page of an entity's statements, and how many there are in all."""

    total: int
    items: list[Statement] = []


class ClaimHit(Result):
    article: ArticleRef
    claim: Claim
    source: str | None = None


class Stats(Result):
    articles: int
    revisions: int
    duplicates: int
    entities: int
    quotes: int
    claims: int
    quantities: int
    times: int
    posts: int
    outlets: int
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    claims_by_status: dict[ClaimStatus, int] = {}
    top_speakers: list[tuple[str, int]] = []
    top_outlets: list[tuple[str, int]] = []

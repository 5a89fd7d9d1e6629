"""What linking produces: canonical entities, claim clusters with their evidence, the source graph.

These are pydantic records like ``claimgraph.model`` (JSON-ready, typed for the web API); the
store keeps them in its link tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimgraph.model import ClaimStatus, EntityType

ClusterStatus = Literal["corroborated", "contradicted", "single-sourced"]


class LinkRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Role(LinkRecord):
    text: str
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    articles: list[str] = []


class CanonicalEntity(LinkRecord):
    """One person, organisation or place across the corpus, under every name it was given."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = []
    roles: list[Role] = []
    articles: list[str] = []
    mentions: int = 0


class Member(LinkRecord):
    """One article's report of a cluster's event or number."""

    article: str
    source: str  # where the article came from (path or URL)
    claim: str
    text: str
    outlet: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    status: ClaimStatus
    speaker: str | None = None  # canonical entity id; None = the outlet itself
    speaker_name: str | None = None
    via: list[str] = []  # the chain of channels and enclosing speakers, nearest first
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    quantity_text: str | None = None
    origin: str  # the line of evidence it belongs to (see evidence.origin_of)
    duplicate_of: str | None = None


class Estimate(LinkRecord):
    """A disputed number: its range, the most conservative figure (ACLED's rule) and who gave
    each figure."""

    unit: str | None
    low: float
    high: float
    conservative: float
    disputed: bool
    sources: dict[str, list[str]]  # figure (as text) → "speaker (outlet)" of each report


class ClaimCluster(LinkRecord):
    id: str
    story: str
    label: str
    status: ClusterStatus
    reasons: list[str] = []
    members: list[Member]
    origins: list[str]  # independent lines of evidence, as a reader names them
    estimate: Estimate | None = None
    entities: list[str] = []
    first_reported: dt.date | None = None

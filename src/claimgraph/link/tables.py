"""The link tables (migration 0002): canonical entities and their names, which stored entity
is which canonical one, claim clusters and their members, and the linker's state.

Clusters are kept whole as JSON records (what readers want) with their members as rows (what
queries join on). The state row lets the next ingest batch link incrementally.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from claimgraph.store.tables import Base


class LinkEntityRow(Base):
    __tablename__ = "link_entities"
    id: Mapped[str] = mapped_column(String(300), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16), index=True)
    record: Mapped[dict] = mapped_column(JSON)


class LinkNameRow(Base):
    """Every name of a canonical entity, lower-cased, for lookups."""

    __tablename__ = "link_names"
    name: Mapped[str] = mapped_column(String(512), primary_key=True)
    entity_id: Mapped[str] = mapped_column(
        ForeignKey("link_entities.id", ondelete="CASCADE"), primary_key=True, index=True)


class LinkEntityMapRow(Base):
    """Which canonical entity a stored (per-article) entity is."""

    __tablename__ = "link_entity_map"
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    canonical_id: Mapped[str] = mapped_column(
        ForeignKey("link_entities.id", ondelete="CASCADE"), index=True)


class LinkClusterRow(Base):
    __tablename__ = "link_clusters"
    id: Mapped[str] = mapped_column(String(300), primary_key=True)
    story: Mapped[str] = mapped_column(String(32), index=True)
    label: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    size: Mapped[int] = mapped_column(Integer)
    first_reported: Mapped[dt.date | None] = mapped_column(Date)
    record: Mapped[dict] = mapped_column(JSON)


class LinkMemberRow(Base):
    __tablename__ = "link_members"
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("link_clusters.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class LinkStateRow(Base):
    __tablename__ = "link_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    last_article: Mapped[int] = mapped_column(Integer)
    state: Mapped[bytes] = mapped_column(LargeBinary)
    updated: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


LINK_TABLES = (LinkMemberRow, LinkClusterRow, LinkEntityMapRow, LinkNameRow, LinkEntityRow,
               LinkStateRow)

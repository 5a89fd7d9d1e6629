"""The link tables (migrations 0002 and 0004): canonical entities and their names, which
stored entity is which canonical one, claim clusters and their members, and the linker's state.

Clusters are kept whole as JSON records (what readers want) with their members as rows (what
queries join on). The linker's state is kept in rows looked up by key (entity index keys, term
frequencies and postings, each article's story and terms, each claim's component and blocking
keys), so that the next ingest batch reads and writes only what its articles reach.
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
    component: Mapped[str | None] = mapped_column(String(64), index=True)


class LinkMemberRow(Base):
    __tablename__ = "link_members"
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("link_clusters.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class LinkKeyRow(Base):
    """The entity index: "person:lloyd austin", "acronym:wsj" → its entity; "surname:kim" →
    every person of that surname."""

    __tablename__ = "link_keys"
    key: Mapped[str] = mapped_column(String(600), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(300), primary_key=True)


class LinkTermRow(Base):
    """How many linked articles hold a term (the stories' IDF)."""

    __tablename__ = "link_terms"
    term: Mapped[str] = mapped_column(String(300), primary_key=True)
    df: Mapped[int] = mapped_column(Integer)


class LinkPostingRow(Base):
    """Which stories hold a term (to find the stories an article may join)."""

    __tablename__ = "link_postings"
    term: Mapped[str] = mapped_column(String(300), primary_key=True)
    story: Mapped[str] = mapped_column(String(32), primary_key=True)


class LinkArticleRow(Base):
    """A linked article: its story and its weighted terms."""

    __tablename__ = "link_articles"
    article_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story: Mapped[str] = mapped_column(String(32), index=True)
    bag: Mapped[dict] = mapped_column(JSON)


class LinkItemRow(Base):
    """A linked claim as the clustering engine sees it, with its component."""

    __tablename__ = "link_items"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    story: Mapped[str] = mapped_column(String(32))
    component: Mapped[str] = mapped_column(String(64), index=True)
    article_id: Mapped[int] = mapped_column(Integer, index=True)
    record: Mapped[dict] = mapped_column(JSON)


class LinkItemKeyRow(Base):
    """The claims of a story sharing a blocking key (their anchor or a word)."""

    __tablename__ = "link_item_keys"
    story: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class LinkStateRow(Base):
    __tablename__ = "link_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    last_article: Mapped[int] = mapped_column(Integer)
    state: Mapped[bytes] = mapped_column(LargeBinary)
    updated: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


LINK_TABLES = (LinkMemberRow, LinkClusterRow, LinkEntityMapRow, LinkNameRow, LinkEntityRow,
               LinkKeyRow, LinkTermRow, LinkPostingRow, LinkArticleRow, LinkItemRow,
               LinkItemKeyRow, LinkStateRow)

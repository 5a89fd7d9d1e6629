"""The store's tables, as SQLAlchemy 2 ORM classes: one table per record kind of model.py.

Ids are integers unique in the store (``e12``, ``q40``, ``c7`` when read back as records).
Revisions of an article share its ``key``; exactly one of them is ``latest``. Search indexes
(FTS5 tables on SQLite, ``tsvector`` columns on PostgreSQL) are made by the migrations and are
not mapped here. Cross-article links live in tables of their own that reference these.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON, BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary,
    SmallInteger, String, Text, UniqueConstraint, false, literal_column,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _children(target: str, **kw):
    return relationship(target, cascade="all, delete-orphan", order_by=f"{target}.position", **kw)


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("key", "revision", name="uq_articles_key_revision"),
        # One latest revision per key, also under concurrent writers.
        Index("ix_articles_latest_key", "key", unique=True,
              sqlite_where=literal_column("latest"), postgresql_where=literal_column("latest")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(2048))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    latest: Mapped[bool] = mapped_column(Boolean, default=True)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    minhash: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    ingested: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    schema_version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    kicker: Mapped[str | None] = mapped_column(Text)
    dek: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(512), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(32))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    retrieved: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    text: Mapped[str] = deferred(mapped_column(Text))
    boilerplate: Mapped[list] = deferred(mapped_column(JSON, default=list))
    duplicate_of: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True)

    posts: Mapped[list[PostRow]] = _children("PostRow")
    entities: Mapped[list[EntityRow]] = _children("EntityRow")
    quotes: Mapped[list[QuoteRow]] = _children("QuoteRow")
    claims: Mapped[list[ClaimRow]] = _children("ClaimRow")
    quantities: Mapped[list[QuantityRow]] = _children("QuantityRow")
    times: Mapped[list[TimeRow]] = _children("TimeRow")
    hedges: Mapped[list[HedgeRow]] = _children("HedgeRow")
    bands: Mapped[list[BandRow]] = relationship(cascade="all, delete-orphan")


class _InArticle:
    """Columns every record inside an article has."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


def _article_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class PostRow(_InArticle, Base):
    __tablename__ = "posts"
    article_id: Mapped[int] = _article_fk()
    platform: Mapped[str] = mapped_column(String(64))
    author: Mapped[str | None] = mapped_column(Text)
    handle: Mapped[str | None] = mapped_column(String(256))
    date: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    links: Mapped[list] = mapped_column(JSON, default=list)
    url: Mapped[str | None] = mapped_column(Text)


class EntityRow(_InArticle, Base):
    __tablename__ = "entities"
    article_id: Mapped[int] = _article_fk()
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16), index=True)
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    roles: Mapped[list] = mapped_column(JSON, default=list)
    mentions: Mapped[list] = mapped_column(JSON, default=list)
    names: Mapped[list[EntityNameRow]] = relationship(cascade="all, delete-orphan")


class EntityNameRow(Base):
    """Every name an entity goes by (its name and aliases), lower-cased, for lookups."""

    __tablename__ = "entity_names"
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(512), primary_key=True, index=True)


class QuoteRow(_InArticle, Base):
    __tablename__ = "quotes"
    article_id: Mapped[int] = _article_fk()
    kind: Mapped[str] = mapped_column(String(16))
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_field: Mapped[str | None] = mapped_column(String(8))
    speaker_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    speaker_anonymous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(Text)
    cue_field: Mapped[str | None] = mapped_column(String(8))
    act: Mapped[str] = mapped_column(String(16), default="speech")
    negated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    content: Mapped[list] = mapped_column(JSON, default=list)
    content_text: Mapped[str] = mapped_column(Text)
    via: Mapped[str | None] = mapped_column(Text)
    nested_in_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotes.id", ondelete="SET NULL"))

    speaker_entity: Mapped[EntityRow | None] = relationship()
    nested_in: Mapped[QuoteRow | None] = relationship(remote_side="QuoteRow.id")


class ClaimRow(_InArticle, Base):
    __tablename__ = "claims"
    article_id: Mapped[int] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(8), default="text")
    status: Mapped[str] = mapped_column(String(16), index=True)
    source_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    quote_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotes.id", ondelete="SET NULL"), index=True)
    cues: Mapped[list] = mapped_column(JSON, default=list)
    check_worthy: Mapped[bool] = mapped_column(Boolean, default=False)

    source_entity: Mapped[EntityRow | None] = relationship()
    quote: Mapped[QuoteRow | None] = relationship()


class QuantityRow(_InArticle, Base):
    __tablename__ = "quantities"
    article_id: Mapped[int] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(8), default="text")
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    vague: Mapped[bool] = mapped_column(Boolean, default=False)
    unit: Mapped[str | None] = mapped_column(String(64))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"))

    claim: Mapped[ClaimRow | None] = relationship()


class TimeRow(_InArticle, Base):
    __tablename__ = "times"
    article_id: Mapped[int] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(8), default="text")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    granularity: Mapped[str | None] = mapped_column(String(8))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(Text)


class HedgeRow(_InArticle, Base):
    """A hedge cue of the article (its analysis's top-level ``hedges``)."""

    __tablename__ = "hedges"
    article_id: Mapped[int] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(8), default="text")
    type: Mapped[str | None] = mapped_column(String(32))


class BandRow(Base):
    """One LSH band of an article's MinHash: articles sharing a band are near-copy candidates."""

    __tablename__ = "article_bands"
    __table_args__ = (Index("ix_article_bands_band_hash", "band", "hash"),)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger)


# Record tables in dependency order (parents first), as exports list them.
TABLES = {
    "articles": ArticleRow, "posts": PostRow, "entities": EntityRow, "quotes": QuoteRow,
    "claims": ClaimRow, "quantities": QuantityRow, "times": TimeRow, "hedges": HedgeRow,
}

"""The base store: articles and their records, near-duplicate bands, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Search: FTS5 tables over the base tables on SQLite (kept up to date by triggers), stored
# tsvector columns with GIN indexes on PostgreSQL. Article text past this many characters is
# not indexed on PostgreSQL, whose tsvector values are limited to 1 MB.
PG_TEXT_INDEXED = 300_000
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"


def _id():
    return sa.Column("id", sa.Integer, primary_key=True)


def _in_article():
    return [
        _id(), sa.Column("position", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer,
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    ]


def _span(prefix=""):
    return [sa.Column(f"{prefix}start", sa.Integer, nullable=bool(prefix)),
            sa.Column(f"{prefix}end", sa.Integer, nullable=bool(prefix)),
            sa.Column(f"{prefix}text", sa.Text, nullable=bool(prefix))]


def upgrade() -> None:
    op.create_table(
        "articles", _id(),
        sa.Column("key", sa.String(2048), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("latest", sa.Boolean, nullable=False, index=True),
        sa.Column("text_hash", sa.String(64), nullable=False, index=True),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("ingested", sa.DateTime(timezone=True), nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False, index=True),
        sa.Column("title", sa.Text), sa.Column("kicker", sa.Text), sa.Column("dek", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("outlet", sa.String(512), index=True),
        sa.Column("url", sa.Text), sa.Column("language", sa.String(32)),
        sa.Column("published", sa.Date, index=True),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("retrieved", sa.DateTime(timezone=True)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("boilerplate", sa.JSON, nullable=False),
        sa.Column("duplicate_of", sa.Text),
        sa.Column("duplicate_of_id", sa.Integer,
                  sa.ForeignKey("articles.id", ondelete="SET NULL"), index=True),
        sa.UniqueConstraint("key", "revision", name="uq_articles_key_revision"),
    )
    op.create_index("ix_articles_latest_key", "articles", ["key"], unique=True,
                    sqlite_where=sa.text("latest"), postgresql_where=sa.text("latest"))
    op.create_table(
        "posts", *_in_article(),
        sa.Column("platform", sa.String(64), nullable=False),
        sa.Column("author", sa.Text), sa.Column("handle", sa.String(256)),
        sa.Column("date", sa.Date), sa.Column("text", sa.Text, nullable=False),
        sa.Column("links", sa.JSON, nullable=False), sa.Column("url", sa.Text),
    )
    op.create_table(
        "entities", *_in_article(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False, index=True),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("mentions", sa.JSON, nullable=False),
    )
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("name", sa.String(512), primary_key=True, index=True),
    )
    op.create_table(
        "quotes", *_in_article(),
        sa.Column("kind", sa.String(16), nullable=False),
        *_span("speaker_"),
        sa.Column("speaker_entity_id", sa.Integer,
                  sa.ForeignKey("entities.id", ondelete="SET NULL"), index=True),
        sa.Column("speaker_anonymous", sa.Boolean, nullable=False, server_default=sa.false()),
        *_span("cue_"),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("via", sa.Text),
        sa.Column("nested_in_id", sa.Integer, sa.ForeignKey("quotes.id", ondelete="SET NULL")),
    )
    op.create_table(
        "claims", *_in_article(), *_span(),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("source_entity_id", sa.Integer,
                  sa.ForeignKey("entities.id", ondelete="SET NULL"), index=True),
        sa.Column("quote_id", sa.Integer, sa.ForeignKey("quotes.id", ondelete="SET NULL"),
                  index=True),
        sa.Column("cues", sa.JSON, nullable=False),
        sa.Column("check_worthy", sa.Boolean, nullable=False),
    )
    op.create_table(
        "quantities", *_in_article(), *_span(),
        sa.Column("value", sa.Float), sa.Column("low", sa.Float), sa.Column("high", sa.Float),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("vague", sa.Boolean, nullable=False),
        sa.Column("unit", sa.String(64)),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="SET NULL")),
    )
    op.create_table(
        "times", *_in_article(), *_span(),
        sa.Column("start_date", sa.Date), sa.Column("end_date", sa.Date),
        sa.Column("granularity", sa.String(8)),
        sa.Column("resolved", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text),
    )
    op.create_table(
        "article_bands",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("band", sa.SmallInteger, primary_key=True),
        sa.Column("hash", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_article_bands_band_hash", "article_bands", ["band", "hash"])
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_search()
    else:
        _sqlite_search()


def _sqlite_search() -> None:
    for table, columns in (("articles", "title, text"), ("quotes", "content_text, speaker_text")):
        new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
        old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
        op.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5({columns}, content='{table}', "
                   f"content_rowid='id', tokenize='{FTS_TOKENIZE}')")
        op.execute(f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {table}_fts(rowid, {columns}) VALUES (new.id, {new}); END")
        op.execute(f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {table}_fts({table}_fts, rowid, {columns}) "
                   f"VALUES ('delete', old.id, {old}); END")


def _postgresql_search() -> None:
    op.execute(
        "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector('english', left(text, {PG_TEXT_INDEXED})), 'B')) STORED")
    op.execute(
        "ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english', coalesce(speaker_text, '')), 'A') || "
        "setweight(to_tsvector('english', content_text), 'B')) STORED")
    op.create_index("ix_articles_search", "articles", ["search"], postgresql_using="gin")
    op.create_index("ix_quotes_search", "quotes", ["search"], postgresql_using="gin")


def downgrade() -> None:
    for table in ("article_bands", "times", "quantities", "claims", "quotes", "entity_names",
                  "entities", "posts"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "sqlite":
        for table in ("articles", "quotes"):
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    op.drop_table("articles")

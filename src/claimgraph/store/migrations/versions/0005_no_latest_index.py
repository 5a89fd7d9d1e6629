"""Drop the index on ``articles.latest``: nearly every row is latest, so it narrows nothing,
yet SQLite without statistics took it for a selective one and drove joins from it (a lookup of
one person's entities scanned every article). Counting latest articles uses the partial index
``ix_articles_latest_key`` instead.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_articles_latest", table_name="articles")


def downgrade() -> None:
    op.create_index("ix_articles_latest", "articles", ["latest"])

"""The linker's state as rows looked up by key (claimgraph.link.tables), instead of one blob:
entity index keys, term frequencies and postings, linked articles, claim items and their
blocking keys; each cluster's component. A store linked before is linked again in full.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_keys",
        sa.Column("key", sa.String(600), primary_key=True),
        sa.Column("entity_id", sa.String(300), primary_key=True),
    )
    op.create_table(
        "link_terms",
        sa.Column("term", sa.String(300), primary_key=True),
        sa.Column("df", sa.Integer, nullable=False),
    )
    op.create_table(
        "link_postings",
        sa.Column("term", sa.String(300), primary_key=True),
        sa.Column("story", sa.String(32), primary_key=True),
    )
    op.create_table(
        "link_articles",
        sa.Column("article_id", sa.Integer, primary_key=True),
        sa.Column("story", sa.String(32), nullable=False, index=True),
        sa.Column("bag", sa.JSON, nullable=False),
    )
    op.create_table(
        "link_items",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("story", sa.String(32), nullable=False),
        sa.Column("component", sa.String(64), nullable=False, index=True),
        sa.Column("article_id", sa.Integer, nullable=False, index=True),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "link_item_keys",
        sa.Column("story", sa.String(32), primary_key=True),
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("item_id", sa.String(64), primary_key=True),
    )
    with op.batch_alter_table("link_clusters") as batch:
        batch.add_column(sa.Column("component", sa.String(64)))
        batch.create_index("ix_link_clusters_component", ["component"])
    # The old state is one blob the new tables replace: the next run links everything again.
    op.execute("DELETE FROM link_state")


def downgrade() -> None:
    with op.batch_alter_table("link_clusters") as batch:
        batch.drop_index("ix_link_clusters_component")
        batch.drop_column("component")
    for table in ("link_item_keys", "link_items", "link_articles", "link_postings",
                  "link_terms", "link_keys"):
        op.drop_table(table)

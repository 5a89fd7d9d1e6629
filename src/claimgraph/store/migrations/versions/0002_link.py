"""Link tables: canonical entities, their names and stored entities, claim clusters and their
members, the linker's state (claimgraph.link.tables).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_entities",
        sa.Column("id", sa.String(300), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False, index=True),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "link_names",
        sa.Column("name", sa.String(512), primary_key=True),
        sa.Column("entity_id", sa.String(300),
                  sa.ForeignKey("link_entities.id", ondelete="CASCADE"), primary_key=True,
                  index=True),
    )
    op.create_table(
        "link_entity_map",
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("canonical_id", sa.String(300),
                  sa.ForeignKey("link_entities.id", ondelete="CASCADE"), nullable=False,
                  index=True),
    )
    op.create_table(
        "link_clusters",
        sa.Column("id", sa.String(300), primary_key=True),
        sa.Column("story", sa.String(32), nullable=False, index=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("first_reported", sa.Date),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "link_members",
        sa.Column("cluster_id", sa.String(300),
                  sa.ForeignKey("link_clusters.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"),
                  primary_key=True, index=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False, index=True),
    )
    op.create_table(
        "link_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("last_article", sa.Integer, nullable=False),
        sa.Column("state", sa.LargeBinary, nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("link_state", "link_members", "link_clusters", "link_entity_map",
                  "link_names", "link_entities"):
        op.drop_table(table)

"""Spans in the title and dek (each span's article field) and the act a quote reports.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FIELD = {"claims": "field", "quantities": "field", "times": "field"}


def upgrade() -> None:
    for table, column in _FIELD.items():
        op.add_column(table, sa.Column(column, sa.String(8), nullable=False,
                                       server_default="text"))
    op.add_column("quotes", sa.Column("act", sa.String(16), nullable=False,
                                      server_default="speech"))
    op.add_column("quotes", sa.Column("speaker_field", sa.String(8)))
    op.add_column("quotes", sa.Column("cue_field", sa.String(8)))
    op.execute("UPDATE quotes SET speaker_field = 'text' WHERE speaker_text IS NOT NULL")
    op.execute("UPDATE quotes SET cue_field = 'text' WHERE cue_text IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        for column in ("cue_field", "speaker_field", "act"):
            batch.drop_column(column)
    for table, column in _FIELD.items():
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)

"""Whether a quote's report is negated ("did not say", "never claimed").

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("quotes", sa.Column("negated", sa.Boolean, nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("negated")

"""merges: the pair of reports that decided a merge and the scorer's features for it

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("merges") as batch:
        batch.add_column(sa.Column("report_a", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("report_b", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("features", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("merges") as batch:
        batch.drop_column("features")
        batch.drop_column("report_b")
        batch.drop_column("report_a")

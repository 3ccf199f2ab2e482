"""errors: the document id, the stage that failed, the traceback, and when a later run stored it

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("errors") as batch:
        batch.add_column(sa.Column("document", sa.Text(), nullable=True))
        batch.add_column(sa.Column("stage", sa.String(length=16), nullable=False, server_default="read"))
        batch.add_column(sa.Column("traceback", sa.Text(), nullable=True))
        batch.add_column(sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(op.f("ix_errors_document"), "errors", ["document"])


def downgrade() -> None:
    op.drop_index(op.f("ix_errors_document"), table_name="errors")
    with op.batch_alter_table("errors") as batch:
        batch.drop_column("resolved_at")
        batch.drop_column("traceback")
        batch.drop_column("stage")
        batch.drop_column("document")

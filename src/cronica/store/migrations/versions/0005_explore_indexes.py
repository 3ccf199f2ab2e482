"""events: indexes for the explore views (a country's events; timeline and map read from the index)

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_country_code_status_date", "events", ["country_code", "status", "date"])
    op.create_index("ix_events_timeline", "events", ["status", "date", "event_type", "fatalities"])
    op.create_index(
        "ix_events_map",
        "events",
        ["status", "latitude", "longitude", "event_type", "fatalities", "date", "location", "country_code"],
    )


def downgrade() -> None:
    op.drop_index("ix_events_map", table_name="events")
    op.drop_index("ix_events_timeline", table_name="events")
    op.drop_index("ix_events_country_code_status_date", table_name="events")

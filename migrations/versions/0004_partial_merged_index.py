"""Index only the merged events: a full index on merged_into_id misled SQLite's planner.

Every query filters `merged_into_id IS NULL`. Without statistics (no ANALYZE, as in every
user's database), SQLite took the full index for that equality and walked all live events,
sorting them, instead of the date index: 0.6 s for a narrow window over a million events.
The index exists to find the events merged into one event, which are few, so it now holds
only those rows and the planner cannot mistake it for a filter on live events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 01:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MERGED = sa.text("merged_into_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_events_merged_into_id", table_name="events")
    op.create_index("ix_events_merged_into_id", "events", ["merged_into_id"],
                    sqlite_where=_MERGED, postgresql_where=_MERGED)


def downgrade() -> None:
    op.drop_index("ix_events_merged_into_id", table_name="events")
    op.create_index("ix_events_merged_into_id", "events", ["merged_into_id"])

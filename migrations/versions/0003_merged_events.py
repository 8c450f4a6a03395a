"""Merged events: an event merged into another keeps its row and redirects to it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 23:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite takes a REFERENCES clause in ADD COLUMN: no table rebuild, so no DROP TABLE
        # whose cascade would reach the citations (Alembic would otherwise want batch mode).
        op.execute(
            "ALTER TABLE events ADD COLUMN merged_into_id INTEGER "
            "CONSTRAINT fk_events_merged_into_id_events REFERENCES events (id) ON DELETE SET NULL"
        )
    else:
        op.add_column("events", sa.Column(
            "merged_into_id", sa.Integer(),
            sa.ForeignKey("events.id", ondelete="SET NULL", name="fk_events_merged_into_id_events"), nullable=True,
        ))
    op.create_index("ix_events_merged_into_id", "events", ["merged_into_id"])


def downgrade() -> None:
    op.drop_index("ix_events_merged_into_id", table_name="events")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE events DROP COLUMN merged_into_id")
    else:
        op.drop_constraint("fk_events_merged_into_id_events", "events", type_="foreignkey")
        op.drop_column("events", "merged_into_id")

"""Index-driven date ranges and full-text search.

Adds each event's duration class (for bounded overlap scans) and its search text, the
indexes that use them, and the engine's own search index: an FTS5 table on SQLite (kept in
step by the store on every flush: with trusted_schema=OFF, triggers may not write to a
virtual table), a GIN index over to_tsvector('simple', ...) on PostgreSQL. Existing events
get their class and search text computed, and the search index is filled.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 22:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the rules as they stood at this revision, so that the migration
# keeps meaning the same thing when the application code moves on.
_DAY = 86_400
_LIMITS = (3 * _DAY, 100 * _DAY, 1_100 * _DAY, 11_000 * _DAY, 110_000 * _DAY, 1_100_000 * _DAY)
_OPEN = len(_LIMITS)
_BOUND = 2**62

def _span_class(start_earliest: int, end_latest: int) -> int:
    if start_earliest <= -_BOUND or end_latest >= _BOUND:
        return _OPEN
    duration = end_latest - start_earliest
    return next((number for number, limit in enumerate(_LIMITS) if duration <= limit), _OPEN)


def _fill_existing_rows() -> None:
    from timeline.search import document_text

    connection = op.get_bind()
    events = sa.table(
        "events", sa.column("id"), sa.column("title"), sa.column("summary"), sa.column("start_earliest"),
        sa.column("end_latest"), sa.column("span_class"), sa.column("search_text"),
    )
    citations = sa.table("citations", sa.column("event_id"), sa.column("quote"), sa.column("id"))
    quotes: dict[int, list[str]] = {}
    for event_id, quote in connection.execute(
        sa.select(citations.c.event_id, citations.c.quote).order_by(citations.c.id)
    ):
        if quote:
            quotes.setdefault(event_id, []).append(quote)
    rows = connection.execute(
        sa.select(events.c.id, events.c.title, events.c.summary, events.c.start_earliest, events.c.end_latest)
    ).all()
    for event_id, title, summary, start_earliest, end_latest in rows:
        connection.execute(
            events.update().where(events.c.id == event_id).values(
                span_class=_span_class(start_earliest, end_latest),
                search_text=document_text([title, summary, *quotes.get(event_id, [])]),
            )
        )


def upgrade() -> None:
    # Plain ADD COLUMN and index changes only: a batch "recreate" of events on SQLite would
    # drop the table, and its ON DELETE CASCADE would take the citations with it.
    op.add_column("events", sa.Column("span_class", sa.SmallInteger(), nullable=False, server_default=str(_OPEN)))
    op.add_column("events", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    _fill_existing_rows()
    op.drop_index("ix_events_start_earliest", table_name="events")
    op.drop_index("ix_events_end_latest", table_name="events")
    op.create_index("ix_events_chronology", "events", ["start_earliest", "end_latest", "id"])
    op.create_index("ix_events_span_class_start", "events", ["span_class", "start_earliest", "end_latest"])

    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE events_fts USING fts5(search_text, tokenize='unicode61 remove_diacritics 0')")
        op.execute("INSERT INTO events_fts(rowid, search_text) SELECT id, search_text FROM events")
    else:
        op.execute("CREATE INDEX ix_events_search ON events USING gin (to_tsvector('simple', search_text))")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TABLE IF EXISTS events_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_events_search")
    op.drop_index("ix_events_span_class_start", table_name="events")
    op.drop_index("ix_events_chronology", table_name="events")
    op.create_index("ix_events_end_latest", "events", ["end_latest"])
    op.create_index("ix_events_start_earliest", "events", ["start_earliest"])
    for column in ("search_text", "span_class"):
        if sqlite:
            # SQLite (3.35+) drops a column in place; no table rebuild, no cascade.
            op.execute(f"ALTER TABLE events DROP COLUMN {column}")
        else:
            op.drop_column("events", column)

"""Keeping SQLite's FTS5 table in step with events on every flush.

Owns writes to events_fts; PostgreSQL needs none (its GIN index covers the column itself).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from timeline.models import Event

__all__ = ["reindex_events", "remove_from_index"]


def _is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def reindex_events(connection: Connection, ids: Iterable[int]) -> None:
    """Replace the FTS rows of these events with their current search text."""
    if not _is_sqlite(connection):
        return
    id_list = sorted(set(ids))
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        marks = ",".join(str(int(i)) for i in chunk)
        connection.execute(text(f"DELETE FROM events_fts WHERE rowid IN ({marks})"))
        connection.execute(
            text(f"INSERT INTO events_fts(rowid, search_text) SELECT id, search_text FROM events WHERE id IN ({marks})")
        )


def remove_from_index(connection: Connection, ids: Iterable[int]) -> None:
    if not _is_sqlite(connection):
        return
    for event_id in ids:
        connection.execute(text("DELETE FROM events_fts WHERE rowid = :id"), {"id": int(event_id)})


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:  # type: ignore[no-untyped-def]
    changed, removed = [], []
    for obj in session.new:
        if isinstance(obj, Event):
            changed.append(obj.id)
    for obj in session.dirty:
        if isinstance(obj, Event) and inspect(obj).attrs.search_text.history.has_changes():
            changed.append(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Event):
            removed.append(obj.id)
    if not (changed or removed):
        return
    connection = session.connection()
    remove_from_index(connection, removed)
    reindex_events(connection, changed)

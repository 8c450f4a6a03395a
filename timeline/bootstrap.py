"""Getting a database ready to use: created, migrated to head and seeded on first use.

Owns the first-use rule and `timeline init`; the CLI decides what to print.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from timeline.db import Database
from timeline.errors import DatabaseError
from timeline.migrate import current_revision, head_revision, upgrade
from timeline.models import Event

if TYPE_CHECKING:
    from timeline.seed import SeedReport

__all__ = ["Prepared", "initialise", "open_ready"]


@dataclass
class Prepared:
    database: Database
    created: bool
    seed: SeedReport | None

    def event_count(self) -> int:
        """Live events in the database now."""
        with self.database.reading() as session:
            return int(session.scalar(select(func.count(Event.id)).where(Event.deleted_at.is_(None))) or 0)

    def notice(self) -> str | None:
        """The one line to tell the user when a database was made for them."""
        if not self.created:
            return None
        what = "an empty chronology"
        if self.seed is not None:
            what = f"the seeded 2022 chronology ({self.seed.events_added} events)"
        return f"timeline: created {self.database.display_name} with {what}"


def initialise(database: Database, *, seed: bool = True) -> Prepared:
    """Create (if needed), migrate to head and, unless told not to, load the seed chronology."""
    fresh = current_revision(database) is None
    if fresh:
        database.set_wal()
    upgrade(database)
    report = None
    if seed:
        from timeline.seed import load_seeds

        with database.writing() as session:
            report = load_seeds(session=session)
    return Prepared(database=database, created=fresh, seed=report)


def open_ready(db: str | os.PathLike[str] | None = None) -> Prepared:
    """Open the database the user chose, setting it up on first use.

    A database with no schema yet is created, migrated and seeded; one at an older
    schema is refused with the command that upgrades it.
    """
    database = Database.open(db)
    database.check_reachable()
    revision = current_revision(database)
    if revision is None:
        return initialise(database, seed=True)
    head = head_revision()
    if revision != head:
        raise DatabaseError(
            f"database: {database.display_name} has schema {revision}, this timeline needs {head}; "
            "run `timeline db upgrade` (it backs up a SQLite file first)"
        )
    return Prepared(database=database, created=False, seed=None)

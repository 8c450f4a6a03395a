"""Copies of a SQLite database taken with the online backup API, never a file copy.

Owns backup files; knows nothing of the schema.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from timeline.db import Database
from timeline.errors import DatabaseError

__all__ = ["backup_sqlite"]


def backup_sqlite(database: Database, *, suffix: str = "backup", target: Path | None = None) -> Path:
    """Write a consistent copy of a live SQLite database beside it (or to `target`); returns its path."""
    if database.path is None:
        raise DatabaseError("database: only a SQLite file can be backed up this way")
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = target or database.path.with_name(f"{database.path.stem}.{stamp}.{suffix}{database.path.suffix}")
    temp = target.with_name(target.name + ".tmp")
    source = sqlite3.connect(database.path)
    try:
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    os.replace(temp, target)
    return target

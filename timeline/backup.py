"""Backups of a SQLite database through the online backup API, and restores from them.

Owns backup files: writing, verifying and restoring them; never a file copy of a live database.

A backup is written to a temporary file beside its target, checked (integrity_check, a
timeline schema at a known revision) and only then renamed into place, so a backup that
exists is whole. It is a single file in rollback-journal mode, with no -wal beside it.
A restore checks the backup the same way, keeps a backup of a database that holds events,
and copies the pages into the live database in one transaction of the backup API.
PostgreSQL databases are backed up and restored with pg_dump and pg_restore.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.db import BUSY_TIMEOUT_MS, Database
from timeline.errors import DatabaseError, InvalidValue
from timeline.outputs import checked_output_path

__all__ = ["BackupInfo", "RestoreReport", "backup_database", "backup_sqlite", "restore_database", "verify_backup"]


@dataclass(frozen=True)
class BackupInfo:
    """A verified backup: where it is, its schema revision and how many events it holds."""

    path: Path
    revision: str
    events: int


@dataclass(frozen=True)
class RestoreReport:
    backup: BackupInfo
    replaced: Path | None  # the backup kept of the database the restore replaced, if it held events


def _sqlite_path(database: Database, action: str) -> Path:
    if database.path is None:
        if database.is_sqlite:
            raise DatabaseError(f"{action}: an in-memory database has no file to {action}")
        raise DatabaseError(
            f"{action}: {database.display_name} is a PostgreSQL database; use PostgreSQL's own tools: "
            "pg_dump -Fc DBNAME > FILE to back it up, pg_restore -d DBNAME FILE to restore it"
        )
    return database.path


def _database_files(path: Path) -> set[Path]:
    resolved = path.resolve()
    return {resolved, *(Path(f"{resolved}{suffix}") for suffix in ("-wal", "-shm", "-journal"))}


def _open(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    # A backup may come from anyone: nothing in its schema runs with our privileges.
    connection.execute("PRAGMA trusted_schema=OFF")
    return connection


@contextlib.contextmanager
def _reported(context: str) -> Iterator[None]:
    """SQLite's own failures (disk full, locked, not a database) as one line saying what was being done."""
    try:
        yield
    except sqlite3.Error as err:
        raise DatabaseError(f"{context}: {err}") from None


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _copy_pages(source: Path, target: Path, *, journal_mode: str, read_only: bool = False) -> None:
    """Copy every page of `source` into `target` in one step of the backup API.

    One consistent read of the source, one transaction on the target, which then runs in `journal_mode`.
    """
    with contextlib.closing(_open(source, read_only=read_only)) as origin, contextlib.closing(_open(target)) as copy:
        origin.backup(copy)
        copy.execute(f"PRAGMA journal_mode={journal_mode}")


def backup_sqlite(database: Database, *, suffix: str = "backup", target: Path | None = None) -> Path:
    """Write a consistent copy of a live SQLite database beside it (or to `target`); returns its path."""
    source = _sqlite_path(database, "backup")
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = target or source.with_name(f"{source.stem}.{stamp}.{suffix}{source.suffix}")
    temp = target.with_name(target.name + ".tmp")
    _copy_pages(source, temp, journal_mode="DELETE")
    os.replace(temp, target)
    return target


def verify_backup(path: str | os.PathLike[str]) -> BackupInfo:
    """Check that a file is a whole timeline database at a known schema revision."""
    from timeline.migrate import known_revisions

    file = Path(path)
    if not file.is_file():
        raise InvalidValue("backup", str(path), "an existing backup file")
    try:
        connection = _open(file, read_only=True)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise DatabaseError(f"backup: {path} is damaged: {problems[0]}")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
            if not {"alembic_version", "events"} <= tables:
                raise DatabaseError(f"backup: {path} is not a timeline database")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as err:
        raise DatabaseError(f"backup: {path} cannot be read as a SQLite database: {err}") from None
    if revision is None or revision[0] not in known_revisions():
        shown = revision[0] if revision else "none"
        raise DatabaseError(f"backup: {path} has schema revision {shown}, which this timeline does not know")
    return BackupInfo(path=file, revision=revision[0], events=int(events))


def backup_database(database: Database, path: str | os.PathLike[str], *, force: bool = False) -> BackupInfo:
    """Back a SQLite database up to `path`, verified before it takes that name.

    Refuses an existing `path` unless `force`, and never writes over the database or its -wal/-shm.
    """
    source = _sqlite_path(database, "backup")
    if not source.is_file():
        raise DatabaseError(f"backup: there is no database at {source}")
    target = checked_output_path("backup", path, force=force, guarded=_database_files(source))
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with _reported(f"backup: {source}"):
            _copy_pages(source, temp, journal_mode="DELETE")
        os.chmod(temp, source.stat().st_mode & 0o777)
        info = verify_backup(temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(target.parent)
    return BackupInfo(path=Path(path), revision=info.revision, events=info.events)


def _event_count(path: Path) -> int:
    connection = _open(path)
    try:
        has_events = connection.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'events'")
        if has_events.fetchone() is None:
            return 0
        return int(connection.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        connection.close()


def restore_database(database: Database, path: str | os.PathLike[str], *, force: bool = False) -> RestoreReport:
    """Replace a SQLite database's content with a verified backup's.

    A database that holds events is replaced only with `force`, and is backed up beside itself first.
    """
    live = _sqlite_path(database, "restore")
    info = verify_backup(path)
    if info.path.resolve() in _database_files(live):
        raise InvalidValue("backup", str(path), "a backup file, not the database itself")
    with _reported(f"restore: {live}"):
        replaced = None
        events = _event_count(live) if live.is_file() else 0
        if events:
            if not force:
                raise DatabaseError(
                    f"restore: the database holds {events} event{'s' if events != 1 else ''}; add --force to "
                    "replace them with the backup (a backup of the database is kept first)"
                )
            replaced = backup_sqlite(database, suffix="before-restore")
        live.parent.mkdir(parents=True, exist_ok=True)
        # The pages carry the backup's rollback-journal mode; the live database runs in WAL.
        _copy_pages(info.path, live, journal_mode="WAL", read_only=True)
    return RestoreReport(backup=info, replaced=replaced)

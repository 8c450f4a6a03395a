"""Opening a timeline database: URL selection, engines with safe SQLite settings, sessions.

Owns connections and transactions; knows nothing of events, dates or output.

SQLite follows RELIABILITY.md: WAL, foreign keys on, a busy timeout, FULL sync,
trusted_schema off, and the driver's own transaction handling switched off so
that every read runs in a plain BEGIN and every write in BEGIN IMMEDIATE.
PostgreSQL write units take one transaction-level advisory lock, the same one-writer-
at-a-time rule, and reads run in one read-only REPEATABLE READ snapshot.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from timeline.errors import DatabaseError, InvalidValue

__all__ = [
    "Database",
    "default_path",
    "is_sqlite",
    "resolve_url",
]

ENV_VAR = "TIMELINE_DB"
BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "timeline_write"
# The advisory lock every PostgreSQL write unit holds until it ends ("timeline" in ASCII).
_PG_WRITE_LOCK = 0x74696D656C696E65


def default_path() -> Path:
    """The default database file in the user's data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("timeline", appauthor=False)) / "timeline.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """Turn `--db` / TIMELINE_DB (a path or an SQLAlchemy URL) into an SQLAlchemy URL.

    No value means the default file. `postgresql://` URLs get the psycopg 3 driver.
    """
    raw = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if raw is None:
        return f"sqlite:///{default_path()}"
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser().resolve()}"
    try:
        url = make_url(raw)
    except ArgumentError:
        raise InvalidValue("--db", raw, "a file path or an SQLAlchemy URL such as postgresql://host/dbname") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    elif not url.drivername.startswith(("sqlite", "postgresql")):
        raise InvalidValue("--db", raw, "a SQLite path or a postgresql:// URL")
    return url.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Take transactions out of the driver's hands; we emit BEGIN below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA foreign_keys=ON",
            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
            "PRAGMA synchronous=FULL",
            "PRAGMA trusted_schema=OFF",
            # 64 MB of page cache (the default is 2 MB): bulk loads touch several indexes at once.
            "PRAGMA cache_size=-65536",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        writing = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    # Write units check before they insert (a free slug, a stored source, an existing event).
    # Under READ COMMITTED two writers can both see a value free and both insert: with four
    # processes making 50 such transactions each, 115 of the 200 failed on the unique slug.
    # Serialising writers, as BEGIN IMMEDIATE does on SQLite, makes every check hold; reads
    # are not affected.
    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        if connection.get_execution_options().get(_WRITE_OPTION, False):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")


class Database:
    """One timeline database: engines for reads and for writes over the same pool."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = is_sqlite(url)
        if self.is_sqlite:
            path = sqlite_file(url)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(url)
            _configure_sqlite(self.engine)
        else:
            self.engine = create_engine(url, pool_pre_ping=True)
            _configure_postgresql(self.engine)
        self.write_engine = self.engine.execution_options(**{_WRITE_OPTION: True})
        # A read sees one snapshot on both engines: WAL gives SQLite's BEGIN that already, but
        # PostgreSQL's default READ COMMITTED gives each statement its own (an export counted 15
        # events and listed 10 while writers ran). Writes stay READ COMMITTED: they serialise on
        # the write lock, and a snapshot taken before the lock was granted would be stale.
        self.read_engine = self.engine if self.is_sqlite else self.engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True)

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None) -> Database:
        return cls(resolve_url(db))

    @property
    def path(self) -> Path | None:
        return sqlite_file(self.url) if self.is_sqlite else None

    @property
    def display_name(self) -> str:
        """Where the data lives, for messages (no password)."""
        if self.is_sqlite:
            return str(self.path) if self.path else ":memory:"
        return make_url(self.url).render_as_string(hide_password=True)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads: one snapshot, never writes."""
        with Session(self.read_engine, autoflush=False) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A session for one write unit: all of it is committed, or none of it."""
        with Session(self.write_engine, autoflush=True, expire_on_commit=False) as session:
            with session.begin():
                yield session

    def set_wal(self) -> None:
        """Switch a SQLite file to WAL once, when it is created."""
        if not self.is_sqlite or self.path is None:
            return
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA journal_mode=WAL")
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def check_reachable(self) -> None:
        try:
            with self.engine.connect():
                pass
        except Exception as exc:  # any driver failure becomes one clear line
            raise DatabaseError(f"database: cannot open {self.display_name}: {exc.__class__.__name__}: {exc}") from None

"""The SQLite settings RELIABILITY.md promises, read back from real connections."""

from __future__ import annotations

import sqlite3

import pytest

from timeline.db import Database, resolve_url


@pytest.fixture
def sqlite_db(tmp_path):
    from timeline.bootstrap import initialise

    db = Database.open(tmp_path / "settings.db")
    initialise(db, seed=False)
    yield db
    db.dispose()


def test_pragmas_on_every_connection(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        read = lambda pragma: connection.exec_driver_sql(f"PRAGMA {pragma}").scalar()  # noqa: E731
        assert read("journal_mode") == "wal"
        assert read("foreign_keys") == 1
        assert read("busy_timeout") >= 5000
        assert read("synchronous") == 2  # FULL
        assert read("trusted_schema") == 0


def test_write_session_takes_the_write_lock_at_begin(sqlite_db):
    """BEGIN IMMEDIATE: a writer holds the lock before its first statement, so another writer waits."""
    other = sqlite3.connect(sqlite_db.path, timeout=0, isolation_level=None)
    try:
        with sqlite_db.writing() as session:
            session.connection()  # the transaction has begun, nothing written yet
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_read_session_does_not_block_writers(sqlite_db):
    other = sqlite3.connect(sqlite_db.path, timeout=0, isolation_level=None)
    try:
        with sqlite_db.reading() as session:
            session.connection()
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_failed_write_rolls_back_everything(sqlite_db):
    from timeline.models import Tag

    with pytest.raises(RuntimeError):
        with sqlite_db.writing() as session:
            session.add(Tag(name="half-written"))
            session.flush()
            raise RuntimeError("stop")
    with sqlite_db.reading() as session:
        assert session.query(Tag).count() == 0


@pytest.mark.parametrize(
    "given, expected",
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_urls(given, expected):
    assert resolve_url(given) == expected


def test_paths_become_absolute_sqlite_urls(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_url("here.db") == f"sqlite:///{tmp_path / 'here.db'}"


def test_env_var_and_default(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.delenv("TIMELINE_DB")
    assert resolve_url(None).endswith("/timeline/timeline.db")

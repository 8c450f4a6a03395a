"""The PostgreSQL counterparts of the SQLite settings: one writer at a time, one snapshot per read."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from timeline.db import Database
from timeline.models import Tag


@pytest.fixture
def pg_database(empty_db_url, backend):
    if backend != "postgresql":
        pytest.skip("SQLite's BEGIN IMMEDIATE and WAL snapshots are tested in test_sqlite_settings.py")
    database = Database.open(empty_db_url)
    yield database
    database.dispose()


def test_a_write_unit_holds_the_write_lock_from_its_start(pg_database):
    """Like BEGIN IMMEDIATE: a second writer waits before its first check, not at its first insert."""
    advisory = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
    with pg_database.engine.connect() as observer:
        with pg_database.writing() as session:
            session.connection()  # the transaction has begun, nothing written yet
            assert observer.execute(advisory).scalar() == 1
        assert observer.execute(advisory).scalar() == 0
        with pg_database.reading() as session:
            session.connection()
            assert observer.execute(advisory).scalar() == 0


def test_a_read_sees_one_snapshot(pg_database):
    with pg_database.reading() as session:
        before = session.scalar(select(func.count(Tag.id)))
        with pg_database.writing() as writer:
            writer.add(Tag(name="committed-meanwhile"))
        assert session.scalar(select(func.count(Tag.id))) == before
    with pg_database.reading() as session:
        assert session.scalar(select(func.count(Tag.id))) == before + 1


def test_a_read_cannot_write(pg_database):
    with pytest.raises(Exception, match="read-only transaction"):
        with pg_database.reading() as session:
            session.add(Tag(name="written-in-a-read"))
            session.flush()

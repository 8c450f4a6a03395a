"""Alembic owns the schema: one head, upgrade and downgrade both ways, models equal to the DDL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from timeline.db import Database
from timeline.migrate import _config, current_revision, downgrade, head_revision, include_in_autogenerate, upgrade
from timeline.models import Base, is_engine_specific

ROOT = Path(__file__).resolve().parents[2]


def test_single_head_equal_to_the_models_revision():
    heads = ScriptDirectory.from_config(_config()).get_heads()
    assert heads == [head_revision()]


def test_upgrade_creates_every_model_table(empty_db_url):
    db = Database.open(empty_db_url)
    try:
        tables = set(inspect(db.engine).get_table_names())
        assert {t.name for t in Base.metadata.sorted_tables} <= tables
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()


def test_models_match_migrated_schema(empty_db_url):
    db = Database.open(empty_db_url)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={
                "compare_type": True, "include_name": lambda name, *_: not is_engine_specific(name),
                "include_object": include_in_autogenerate(connection.dialect.name)})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()


def test_downgrade_to_base_and_back(empty_db_url):
    db = Database.open(empty_db_url)
    try:
        downgrade(db, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        assert current_revision(db) is None
        upgrade(db)
        assert current_revision(db) == head_revision()
        assert {t.name for t in Base.metadata.sorted_tables} <= set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()


def _alembic(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alembic", "-x", f"db={db}", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def test_alembic_command_line_from_project_root(tmp_path, backend, empty_db_url):
    """`alembic upgrade head`, `check`, `downgrade base` and back, as a developer runs them."""
    db = str(tmp_path / "cli.db") if backend == "sqlite" else empty_db_url
    for args in (["upgrade", "head"], ["check"], ["downgrade", "base"], ["upgrade", "head"], ["current"]):
        result = _alembic(*args, db=db)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    assert "No new upgrade operations detected" in _alembic("check", db=db).stdout + _alembic("check", db=db).stderr


def test_alembic_uses_timeline_db_env(tmp_path, monkeypatch):
    target = tmp_path / "from-env.db"
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "TIMELINE_DB": str(target)},
    )
    assert result.returncode == 0, result.stderr
    assert target.exists()


def test_merged_into_foreign_key_exists(empty_db_url):
    """The one constraint autogenerate is told to skip on SQLite is really there."""
    db = Database.open(empty_db_url)
    try:
        keys = inspect(db.engine).get_foreign_keys("events")
        assert any(k["constrained_columns"] == ["merged_into_id"] and k["referred_table"] == "events" for k in keys)
    finally:
        db.dispose()


def test_upgrading_a_populated_database_loses_nothing(db_url):
    """Seeded data taken down to the first revision and back up: every row and value as before."""
    from conftest import snapshot

    before = snapshot(db_url)
    db = Database.open(db_url)
    try:
        downgrade(db, "0001")
        assert current_revision(db) == "0001"
        upgrade(db)
        if db.is_sqlite:
            with db.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        db.dispose()
    assert snapshot(db_url) == before
    assert len(before["events"]) == 82 and len(before["citations"]) > 150

"""Running the Alembic migrations from the library and the CLI.

Owns schema upgrades and the revision check; it never defines tables (models.py) or data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from timeline.db import Database
from timeline.errors import DatabaseError
from timeline.models import SCHEMA_REVISION, is_engine_specific
from timeline.resources import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a migration runs: every command checks the revision,
# and reading it needs no more than one SELECT.

__all__ = [
    "UpgradeReport",
    "include_in_autogenerate",
    "current_revision",
    "downgrade",
    "head_revision",
    "is_up_to_date",
    "known_revisions",
    "upgrade",
    "upgrade_safely",
]


def include_in_autogenerate(dialect: str):  # type: ignore[no-untyped-def]
    """Alembic's include_object: what autogenerate (and `alembic check`) should compare.

    Left out: the engine-specific search structures, and on SQLite the name of the
    merged_into_id foreign key, which SQLite keeps but cannot report (it was added
    with ADD COLUMN ... CONSTRAINT name REFERENCES, the only way without a table rebuild).
    """

    def include(obj, name, type_, reflected, _compare_to) -> bool:  # type: ignore[no-untyped-def]
        if is_engine_specific(name):
            return False
        if dialect == "sqlite" and type_ == "foreign_key_constraint":
            columns = [column.name for column in obj.columns]
            if columns == ["merged_into_id"]:
                return False
        return True

    return include


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    """The newest schema revision, the one the models describe (a test holds it equal to Alembic's head)."""
    return SCHEMA_REVISION


def known_revisions() -> set[str]:
    """Every revision the migrations define, old ones included."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(database: Database) -> str | None:
    """The revision stored in the database, or None for a database with no schema yet."""
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_up_to_date(database: Database) -> bool:
    return current_revision(database) == head_revision()


def _run(database: Database, action, revision: str) -> None:  # type: ignore[no-untyped-def]
    config = _config()
    try:
        with database.write_engine.begin() as connection:
            config.attributes["connection"] = connection
            action(config, revision)
    except Exception as exc:
        raise DatabaseError(
            f"database: migrating {database.display_name} to {revision} failed and was rolled back: {exc}"
        ) from exc


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema up to `revision` in one transaction."""
    from alembic import command

    _run(database, command.upgrade, revision)


def downgrade(database: Database, revision: str) -> None:
    from alembic import command

    _run(database, command.downgrade, revision)


@dataclass
class UpgradeReport:
    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade_safely(database: Database) -> UpgradeReport:
    """Migrate to head; a SQLite file that already holds data is backed up first."""
    from timeline.backup import backup_sqlite

    before, head = current_revision(database), head_revision()
    if before == head:
        return UpgradeReport(before, head, None)
    backup = None
    if before is None:
        database.set_wal()
    elif database.path is not None:
        backup = backup_sqlite(database, suffix=f"before-{head}")
    upgrade(database)
    return UpgradeReport(before, head, backup)

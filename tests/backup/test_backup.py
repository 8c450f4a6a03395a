"""`timeline backup` and `timeline restore`: verified copies, no silent overwrite, whole restores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import SEED_EVENTS, Cli, damage, search_index, snapshot
from timeline.backup import backup_database, restore_database, verify_backup
from timeline.db import Database
from timeline.errors import DatabaseError, InvalidValue
from timeline.migrate import head_revision


@pytest.fixture
def sqlite_url(db_url, backend):
    if backend != "sqlite":
        pytest.skip("backup and restore work on SQLite files; PostgreSQL has pg_dump")
    return db_url


def test_backup_then_restore_into_a_new_file_gives_the_same_content(sqlite_url, tmp_path):
    cli = Cli(sqlite_url)
    result = cli("backup", str(tmp_path / "copy.db"))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"backed up {SEED_EVENTS} events to {tmp_path / 'copy.db'}\n", "")
    restored = tmp_path / "restored.db"
    result = Cli(str(restored))("restore-backup", str(tmp_path / "copy.db"))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"restored {SEED_EVENTS} events from {tmp_path / 'copy.db'}\n", "")
    assert snapshot(str(restored)) == snapshot(sqlite_url)
    assert search_index(restored) == search_index(sqlite_url)
    connection = sqlite3.connect(restored)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()
    # The restored database is an ordinary timeline database: it takes writes and answers queries.
    assert Cli(str(restored))("query", "--tag", "spief-2022", "--limit", "1").exit_code == 0


def test_a_backup_is_one_verified_file(sqlite_url, tmp_path):
    info = backup_database(Database.open(sqlite_url), tmp_path / "copy.db")
    assert (info.revision, info.events) == (head_revision(), SEED_EVENTS)
    assert verify_backup(tmp_path / "copy.db") == info
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(("copy", ".copy"))) == ["copy.db"]
    connection = sqlite3.connect(tmp_path / "copy.db")
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    connection.close()


def test_backup_never_overwrites_without_force(sqlite_url, tmp_path):
    cli = Cli(sqlite_url)
    target = tmp_path / "copy.db"
    target.write_text("an older file")
    result = cli("backup", str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"error: backup: '{target}' is not valid; expected a path that does not exist yet "
                             "(or add --force to replace it)\n")
    assert target.read_text() == "an older file"
    assert cli("backup", str(target), "--force").exit_code == 0
    assert verify_backup(target).events == SEED_EVENTS


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_backup_never_writes_over_the_database(sqlite_url, suffix):
    before = snapshot(sqlite_url)
    result = Cli(sqlite_url)("backup", sqlite_url + suffix, "--force")
    assert result.exit_code == 1
    assert result.stderr.endswith("expected a path that is not the database or its -wal/-shm files\n")
    assert snapshot(sqlite_url) == before


def test_backup_of_a_missing_database_creates_nothing(tmp_path):
    result = Cli(str(tmp_path / "absent.db"))("backup", str(tmp_path / "copy.db"))
    assert (result.exit_code, result.stderr) == (
        1, f"error: backup: there is no database at {tmp_path / 'absent.db'}\n")
    assert not (tmp_path / "absent.db").exists() and not (tmp_path / "copy.db").exists()


def test_restore_refuses_to_replace_events_without_force(sqlite_url, tmp_path):
    database = Database.open(sqlite_url)
    backup_database(database, tmp_path / "copy.db")
    Cli(sqlite_url)("add", "--title", "Added after the backup", "--date", "2022-09-01", "--source", "1")
    before = snapshot(sqlite_url)
    cli = Cli(sqlite_url)
    result = cli("restore-backup", str(tmp_path / "copy.db"))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"error: restore: the database holds {SEED_EVENTS + 1} events; add --force to replace them with the backup "
               "(a backup of the database is kept first)\n")
    assert snapshot(sqlite_url) == before

    result = cli("restore-backup", str(tmp_path / "copy.db"), "--force")
    assert result.exit_code == 0
    head, _, kept = result.stdout.rstrip("\n").partition("; the database it replaced is kept as ")
    assert head == f"restored {SEED_EVENTS} events from {tmp_path / 'copy.db'}"
    assert snapshot(sqlite_url) != before and len(snapshot(sqlite_url)["events"]) == SEED_EVENTS
    # Nothing is lost: the replaced database, with the added event, is kept beside the live one.
    assert Path(kept).parent == Path(sqlite_url).parent and ".before-restore" in kept
    assert snapshot(kept) == before
    database.dispose()


def _edited(*statements: str):  # type: ignore[no-untyped-def]
    def spoil(path: Path) -> None:
        connection = sqlite3.connect(path)
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.close()

    return spoil


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"not a database" * 100)


@pytest.mark.parametrize("spoil, message", [
    (damage, "is damaged: "),
    (_not_a_database, "cannot be read as a SQLite database: file is not a database"),
    (_edited("DROP TABLE events"), "is not a timeline database"),
    (_edited("UPDATE alembic_version SET version_num = '9999'"),
     "has schema revision 9999, which this timeline does not know"),
])
def test_restore_refuses_a_bad_backup_and_changes_nothing(sqlite_url, tmp_path, spoil, message):
    copy = tmp_path / "copy.db"
    backup_database(Database.open(sqlite_url), copy)
    spoil(copy)
    before = snapshot(sqlite_url)
    result = Cli(sqlite_url)("restore-backup", str(copy), "--force")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: backup: {copy} {message}") and result.stderr.count("\n") == 1
    assert snapshot(sqlite_url) == before
    assert not list(Path(sqlite_url).parent.glob("*.before-restore.*"))


def test_restore_of_a_missing_file(sqlite_url, tmp_path):
    result = Cli(sqlite_url)("restore-backup", str(tmp_path / "absent.db"))
    assert (result.exit_code, result.stderr) == (
        1, f"error: backup: '{tmp_path / 'absent.db'}' is not valid; expected an existing backup file\n")


def test_restore_of_an_older_schema_says_to_upgrade(tmp_path):
    from timeline.migrate import upgrade

    old = Database.open(tmp_path / "old.db")
    old.set_wal()
    upgrade(old, "0001")
    backup_database(old, tmp_path / "old-copy.db")
    old.dispose()
    result = Cli(str(tmp_path / "new.db"))("restore-backup", str(tmp_path / "old-copy.db"))
    assert result.stdout == (f"restored 0 events from {tmp_path / 'old-copy.db'}; "
                             f"its schema is 0001: run `timeline db upgrade` to bring it to {head_revision()}\n")
    assert Cli(str(tmp_path / "new.db"))("db", "upgrade").exit_code == 0


def test_postgresql_points_to_pg_dump(db_url, backend, tmp_path):
    if backend != "postgresql":
        pytest.skip("the PostgreSQL answer")
    cli = Cli(db_url)
    for command, field in (("backup", "backup"), ("restore-backup", "restore")):
        result = cli(command, str(tmp_path / "copy.db"))
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {field}: ") and "pg_dump -Fc DBNAME > FILE" in result.stderr
    assert not (tmp_path / "copy.db").exists()


def test_library_errors_are_timeline_errors(sqlite_url, tmp_path):
    database = Database.open(sqlite_url)
    with pytest.raises(InvalidValue):
        backup_database(database, tmp_path / "no-such-folder" / "copy.db")
    with pytest.raises(DatabaseError):
        restore_database(Database("sqlite://"), tmp_path / "copy.db")
    database.dispose()


def test_help(sqlite_url):
    for command in ("backup", "restore-backup"):
        result = Cli(sqlite_url)(command, "-h")
        assert result.exit_code == 0 and "Usage:" in result.stdout

"""RELIABILITY.md 6: backups taken while writers run all pass integrity_check and restore to identical content.

Each backup is also a consistent snapshot: its writer events come in whole batches, and the
storage checks (foreign keys, search index) find nothing in it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import snapshot
from timeline.backup import backup_database, restore_database
from timeline.check import check_database
from timeline.db import Database

WORKERS = Path(__file__).with_name("workers.py")
WRITERS = 2
BATCH = 5
BACKUPS = 8
STORAGE_CODES = {"INTEGRITY", "FOREIGN-KEY", "SEARCH-INDEX"}


def _search_rows(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT rowid, search_text FROM events_fts ORDER BY rowid").fetchall()
    finally:
        connection.close()


def _storage_findings(path: Path) -> list[str]:
    database = Database.open(path)
    try:
        return [finding.line() for finding in check_database(database) if finding.code in STORAGE_CODES]
    finally:
        database.dispose()


def _restored_equals(backup: Path, restored: Path) -> bool:
    database = Database.open(restored)
    try:
        restore_database(database, backup)
    finally:
        database.dispose()
    return snapshot(str(restored)) == snapshot(str(backup)) and _search_rows(restored) == _search_rows(backup)


def test_backups_under_load_are_whole_and_restore_identically(empty_db_url, backend, tmp_path):
    if backend != "sqlite":
        pytest.skip("PostgreSQL is backed up with pg_dump")
    go, stop = tmp_path / "go", tmp_path / "stop"
    logs = [(tmp_path / f"writer-{writer}.err").open("w") for writer in range(WRITERS)]
    children = [
        subprocess.Popen([sys.executable, str(WORKERS), "batches", empty_db_url, str(writer), str(BATCH), str(go),
                          str(stop)], stdout=subprocess.PIPE, stderr=log, text=True)
        for writer, log in enumerate(logs)
    ]
    live = Database.open(empty_db_url)
    counts = []
    try:
        go.touch()
        for child in children:  # every writer is under way before the first backup
            assert child.stdout is not None and child.stdout.readline().startswith("committed")
        for number in range(BACKUPS):
            backup = tmp_path / f"backup-{number}.db"
            info = backup_database(live, backup)
            counts.append(info.events)
            assert info.events % BATCH == 0, f"backup {number} holds {info.events} events: a batch cut in two"
            assert _storage_findings(backup) == [], f"backup {number}"
            assert _restored_equals(backup, tmp_path / f"restored-{number}.db"), f"backup {number}"
    finally:
        stop.touch()
        reports = []
        for child, log in zip(children, logs):
            assert child.stdout is not None
            with child.stdout:  # the rest of its report, through the buffer its first line was read from
                reports.append(child.stdout.read())
            child.wait(timeout=600)
            log.close()
    errors = [Path(log.name).read_text() for log in logs]
    assert all(child.returncode == 0 for child in children), errors
    batches = sum(report.count("committed") for report in reports) + WRITERS

    final = tmp_path / "backup-final.db"
    assert backup_database(live, final).events == batches * BATCH
    assert _restored_equals(final, tmp_path / "restored-final.db")
    assert snapshot(str(tmp_path / "restored-final.db")) == snapshot(empty_db_url)
    live.dispose()
    print(f"\n[sqlite] {BACKUPS} backups while {WRITERS} writers committed {batches} batches of {BATCH} events: "
          f"{BACKUPS} passed integrity_check and restored identically (events seen: {counts}); "
          f"the final backup equals the live database")
    assert len(set(counts)) > 1, "the writers wrote nothing while the backups were taken"

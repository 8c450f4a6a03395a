"""RELIABILITY.md 6: backups taken while writers run all pass integrity_check and restore to identical content.

Each backup is also a consistent snapshot: its writer events come in whole batches, and the
storage checks (foreign keys, search index) find nothing in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import search_index, snapshot, storage_findings
from timeline.backup import backup_database, restore_database
from timeline.db import Database
from workers import BatchWriters

WRITERS = 2
BATCH = 5
BACKUPS = 8


def _restored_equals(backup: Path, restored: Path) -> bool:
    database = Database.open(restored)
    try:
        restore_database(database, backup)
    finally:
        database.dispose()
    return snapshot(str(restored)) == snapshot(str(backup)) and search_index(restored) == search_index(backup)


def test_backups_under_load_are_whole_and_restore_identically(empty_db_url, backend, tmp_path):
    if backend != "sqlite":
        pytest.skip("PostgreSQL is backed up with pg_dump")
    live = Database.open(empty_db_url)
    counts = []
    with BatchWriters(empty_db_url, tmp_path, writers=WRITERS, size=BATCH) as writers:
        for number in range(BACKUPS):
            backup = tmp_path / f"backup-{number}.db"
            info = backup_database(live, backup)
            counts.append(info.events)
            assert info.events % BATCH == 0, f"backup {number} holds {info.events} events: a batch cut in two"
            assert storage_findings(backup) == [], f"backup {number}"
            assert _restored_equals(backup, tmp_path / f"restored-{number}.db"), f"backup {number}"
    batches = writers.batches

    final = tmp_path / "backup-final.db"
    assert backup_database(live, final).events == batches * BATCH
    assert _restored_equals(final, tmp_path / "restored-final.db")
    assert snapshot(str(tmp_path / "restored-final.db")) == snapshot(empty_db_url)
    live.dispose()
    print(f"\n[sqlite] {BACKUPS} backups while {WRITERS} writers committed {batches} batches of {BATCH} events: "
          f"{BACKUPS} passed integrity_check and restored identically (events seen: {counts}); "
          f"the final backup equals the live database")
    assert len(set(counts)) > 1, "the writers wrote nothing while the backups were taken"

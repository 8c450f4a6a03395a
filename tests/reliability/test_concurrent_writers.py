"""RELIABILITY.md 1: N processes x M check-then-insert transactions through the library lose nothing.

committed = rows, 0 duplicates, 0 "database is locked", on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from timeline.db import Database
from timeline.models import Citation, Event
from workers import SHARED_TITLES, WRITER_TITLE

WORKERS = Path(__file__).with_name("workers.py")
WRITERS = 4
TRANSACTIONS = 50


def test_concurrent_check_then_insert_writers_lose_nothing(empty_db_url, backend, tmp_path):
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, str(WORKERS), "check-then-insert", empty_db_url, str(writer), str(TRANSACTIONS), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for writer in range(WRITERS)
    ]
    go.touch()
    reports = []
    for child in children:
        stdout, stderr = child.communicate(timeout=600)
        assert child.returncode == 0, stderr
        reports.append(json.loads(stdout))
    committed = [token for report in reports for token in report["committed"]]
    locked = sum(report["locked"] for report in reports)
    failed = [message for report in reports for message in report["failed"]]

    database = Database.open(empty_db_url)
    with database.reading() as session:
        shared = session.execute(
            select(Event.title, func.count()).where(Event.title.like("Shared event %")).group_by(Event.title)
        ).all()
        shared_quotes = list(session.scalars(
            select(Citation.quote).join(Event, Event.id == Citation.event_id).where(Event.title.like("Shared event %"))
        ))
        writer_rows = session.execute(select(Event.slug, Event.summary).where(Event.title == WRITER_TITLE)).all()
    database.dispose()
    duplicates = sum(count - 1 for _, count in shared) + len(writer_rows) - len({slug for slug, _ in writer_rows})
    print(f"\n[{backend}] {WRITERS} writers x {TRANSACTIONS} check-then-insert transactions: "
          f"{len(committed)} committed, {len(writer_rows)} rows, {duplicates} duplicates, "
          f"{locked} 'database is locked', {len(failed)} other failures")

    assert failed == []
    assert locked == 0
    assert len(committed) == WRITERS * TRANSACTIONS
    # Every acknowledged transaction is there once, and nothing else is.
    assert sorted(summary for _, summary in writer_rows) == sorted(committed)
    assert sorted(shared_quotes) == sorted(committed)
    assert sorted(count for _, count in shared) == [1] * SHARED_TITLES
    assert duplicates == 0


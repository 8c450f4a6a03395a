"""RELIABILITY.md 3: kill -9 in the middle of a bulk load, many times.

After each kill: the storage checks find nothing (integrity_check, foreign keys, the search
index), the load is fully present or fully absent, and every acknowledged transaction is there.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from conftest import storage_findings
from timeline.db import Database
from timeline.models import Event

WORKERS = Path(__file__).with_name("workers.py")
RUNS = 10
EVENTS = 10_000
BATCHES = EVENTS // 1_000  # the worker reports progress every thousand events


def _events_of_run(database: Database, run: int) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).where(Event.slug.like(f"run-{run}-e%"))) or 0


@pytest.mark.slow
def test_kill_9_during_a_bulk_load_leaves_all_or_nothing(empty_db_url, backend):
    rng = random.Random()
    acknowledged: list[str] = []
    killed = finished = 0
    for run in range(RUNS):
        child = subprocess.Popen([sys.executable, str(WORKERS), "bulk-load", empty_db_url, str(run), str(EVENTS)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.startswith("ack "), child.communicate()[1]
        acknowledged.append(first.split()[1])
        # Somewhere in the load: after a random number of its batches, plus a little.
        for _ in range(rng.randint(0, BATCHES)):
            if child.stdout.readline().strip() != "batch":
                break
        time.sleep(rng.random() / 20)
        child.send_signal(signal.SIGKILL)
        _, stderr = child.communicate(timeout=600)
        assert child.returncode in (-signal.SIGKILL, 0), stderr
        killed += child.returncode == -signal.SIGKILL

        storage = storage_findings(empty_db_url)
        database = Database.open(empty_db_url)
        try:
            loaded = _events_of_run(database, run)
            with database.reading() as session:
                present = set(session.scalars(select(Event.slug).where(Event.slug.in_(acknowledged))))
        finally:
            database.dispose()
        assert storage == [], f"run {run}"
        assert loaded in (0, EVENTS), f"run {run}: {loaded} of {EVENTS} events of one transaction"
        assert present == set(acknowledged), f"run {run}"
        finished += loaded == EVENTS
    print(f"\n[{backend}] kill -9 during a bulk load of {EVENTS:,} events: {RUNS} runs, {killed} killed, "
          f"{finished} loads complete, {RUNS - finished} absent, 0 partial; "
          f"{len(acknowledged)} acknowledged transactions all present; storage checks clean after every run")

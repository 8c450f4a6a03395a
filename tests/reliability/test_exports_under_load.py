"""RELIABILITY.md 2: exports while writers run each see one consistent snapshot.

Writers commit batches of k events; every export holds a multiple of k of them, no citation
without its source, and agrees with a count taken later in the same read session.
"""

from __future__ import annotations

import io
import json

from timeline.db import Database
from timeline.export import export_documents
from timeline.store import EventQuery, count_events, query_documents
from workers import BatchWriters

WRITERS = 2
BATCH = 5
EXPORTS = 20


def test_exports_under_load_are_consistent_snapshots(empty_db_url, backend, tmp_path):
    database = Database.open(empty_db_url)
    seen = []
    with BatchWriters(empty_db_url, tmp_path, writers=WRITERS, size=BATCH):
        for number in range(EXPORTS):
            stream = io.StringIO()
            with database.reading() as session:
                documents = query_documents(session=session, query=EventQuery())
                export_documents(documents, "json", stream)
                counted = count_events(session=session, query=EventQuery())
            exported = json.loads(stream.getvalue())
            seen.append(len(exported))
            assert len(exported) % BATCH == 0, f"export {number} holds {len(exported)} events: a batch cut in two"
            assert counted == len(exported), f"export {number}: two statements of one read saw two states"
            for event in exported:
                assert event["citations"], event["slug"]
                for citation in event["citations"]:
                    assert citation["source_id"] and citation["source_title"] and citation["url"], event["slug"]
    database.dispose()
    print(f"\n[{backend}] {EXPORTS} JSON exports while {WRITERS} writers committed batches of {BATCH}: every one a "
          f"whole number of batches, no citation without its source (events seen: {seen})")
    assert len(set(seen)) > 1, "the writers wrote nothing while the exports ran"

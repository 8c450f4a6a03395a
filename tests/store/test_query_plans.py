"""Date-range queries use an index on both engines, at a size where a full scan would otherwise win."""

from __future__ import annotations

import json
import re
import shutil
import uuid

import pytest
from sqlalchemy import text

from conftest import BACKENDS
from timeline.db import Database
from timeline.store import EventQuery
from timeline.store.bulk import load_events
from timeline.store.query import event_ids_statement
from timeline.synthetic import synthetic_events, to_event_input

SIZE = 20_000


@pytest.fixture(scope="module", params=BACKENDS)
def large_db(request, tmp_path_factory, templates, postgres):
    """One database of SIZE synthetic events per backend, shared by this module's read-only tests."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("large") / "large.db"
        shutil.copyfile(templates["sqlite"].empty, path)
        url = str(path)
    else:
        name = f"tl_large_{uuid.uuid4().hex[:8]}"
        url = postgres.create(name, template=templates["postgresql"].empty)
        request.addfinalizer(lambda: postgres.drop(name))
    database = Database.open(url)
    with database.writing() as session:
        load_events(session=session, events=((None, to_event_input(e)) for e in synthetic_events(SIZE)))
    # No ANALYZE here. A user's SQLite database has no statistics, and the plan must be right without
    # them (a full index on merged_into_id once won over the date indexes that way); on PostgreSQL
    # the bulk loader refreshes them after a large load. The last tests run ANALYZE.
    yield database
    database.dispose()


def _plan(database: Database, query: EventQuery) -> str:
    with database.reading() as session:
        statement = event_ids_statement(session=session, query=query)
        sql = str(statement.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
        if database.is_sqlite:
            rows = session.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
            return "\n".join(row[-1] for row in rows)
        plan = session.execute(text("EXPLAIN (FORMAT JSON) " + sql)).scalar_one()
        return json.dumps(plan if not isinstance(plan, str) else json.loads(plan))


WINDOWS = {
    "overlaps": EventQuery(date_from="2010-03-01", date_to="2010-03-02"),
    "within": EventQuery(date_from="2010-03-01", date_to="2010-03-02", match="within"),
    "starts": EventQuery(date_from="2010-03-01", date_to="2010-03-02", match="starts"),
    "open start": EventQuery(date_to="1995-02-01"),
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_narrow_windows_use_an_index(large_db, name):
    plan = _plan(large_db, WINDOWS[name])
    # One of the two date indexes, bounded by the window: not a scan, and not another index that
    # merely filters (a full merged_into_id index once served `merged_into_id IS NULL` and walked every event).
    if large_db.is_sqlite:
        assert "SCAN events" not in plan, plan
        assert re.search(r"USING (COVERING )?INDEX (ix_events_chronology|ix_events_span_class_start) \(", plan), plan
    else:
        assert "Seq Scan" not in plan, plan
        assert "ix_events_chronology" in plan or "ix_events_span_class_start" in plan, plan
    assert "ix_events_merged_into_id" not in plan, plan


@pytest.mark.parametrize("name", list(WINDOWS))
def test_windows_use_an_index_with_statistics_too(large_db, name):
    with large_db.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    test_narrow_windows_use_an_index(large_db, name)


def test_the_naive_overlap_condition_would_scan(large_db):
    """The control: without duration classes the same overlap walks the whole table."""
    with large_db.reading() as session:
        sql = ("SELECT id FROM events WHERE start_earliest <= 1267574399 AND end_latest >= 1267401600 "
               "ORDER BY start_earliest, end_latest, id")
        if large_db.is_sqlite:
            plan = "\n".join(r[-1] for r in session.execute(text("EXPLAIN QUERY PLAN " + sql)))
            # The best it can do is walk the start index from the beginning up to the window.
            assert "ix_events_chronology (start_earliest<?)" in plan, plan
        else:
            plan = json.dumps(session.execute(text("EXPLAIN (FORMAT JSON) " + sql)).scalar_one())
            assert "Seq Scan" in plan or "Index" in plan


def test_results_equal_the_plain_definition(large_db):
    """The indexed conditions return exactly what the plain definitions of the match modes do."""
    from timeline.dates import window

    with large_db.reading() as session:
        for name, query in WINDOWS.items():
            low, high = window(query.date_from, query.date_to)
            ids = list(session.scalars(event_ids_statement(session=session, query=query)))
            match = query.match if isinstance(query.match, str) else query.match.value
            plain = {
                "overlaps": f"start_earliest <= {high} AND end_latest >= {low}",
                "within": f"start_earliest >= {low} AND end_latest <= {high}",
                "starts": f"start_earliest >= {low} AND start_latest <= {high}",
            }[match]
            expected = list(session.scalars(text(
                f"SELECT id FROM events WHERE {plain} ORDER BY start_earliest, end_latest, id")))
            assert ids == expected, name
            assert name == "open start" or 0 < len(ids) < SIZE / 100


@pytest.mark.parametrize("limit", [None, 7])
def test_a_window_alone_gives_the_same_documents_as_the_general_path(large_db, limit):
    """Window-only queries run SQL compiled once per shape of window; it must agree with the statement
    every other query builds, for every mode and open side, with and without a limit."""
    from dataclasses import replace

    from timeline.store import query_documents
    from timeline.store.documents import documents_for

    queries = [*WINDOWS.values(), EventQuery(date_from="2010-03-01"), EventQuery(),
               EventQuery(date_from="2010-03-01", date_to="2010-03-31", match="starts"),
               EventQuery(date_from="1999", date_to="1999", deleted=True)]
    with large_db.reading() as session:
        sizes = []
        for query in queries:
            query = replace(query, limit=limit)
            general = documents_for(session, event_ids_statement(session=session, query=query))
            assert query_documents(session=session, query=query) == general, query
            assert limit is None or len(general) <= limit
            sizes.append(len(general))
    assert sizes[0] > 0 and sizes[5] == (limit or SIZE)  # the whole chronology, when unbounded
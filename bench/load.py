"""Bulk-load benchmark: our validated import path against raw inserts of ready-made rows.

Owns the load measurement. Both sides get the same generated chronology, already in memory;
ours parses and validates every date and field, the references insert rows computed beforehand.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from bench.common import Result, Timer, drop_database, fresh_database
from timeline.dates import parse_edtf
from timeline.search import document_text
from timeline.store.bulk import load_events
from timeline.store.ranges import span_class
from timeline.synthetic import SyntheticEvent, source_input, synthetic_events, to_event_input

CHUNK = 1_000_000


def _chunks(size: int, seed: int) -> Iterator[list[SyntheticEvent]]:
    stream = synthetic_events(size, seed=seed)
    while True:
        chunk = [event for _, event in zip(range(CHUNK), stream)]
        if not chunk:
            return
        yield chunk


def _ours(database, chunk: list[SyntheticEvent]) -> float:  # type: ignore[no-untyped-def]
    inputs = [(None, to_event_input(event)) for event in chunk]
    gc.collect()
    with Timer() as timer, database.writing() as session:
        load_events(session=session, events=inputs, reason="benchmark")
    return timer.seconds


_TAG_IDS: dict[str, int] = {}
_ACTOR_IDS: dict[str, int] = {}


def _ready_rows(chunk: list[SyntheticEvent], first_id: int, sources_done: set[int]):  # type: ignore[no-untyped-def]
    """Every row the raw reference inserts, computed before it is timed: the same data we store."""
    now = "2026-01-01 00:00:00.000000"
    sources, events, citations, fts, tags, actors, new_tags, new_actors = [], [], [], [], [], [], [], []
    for offset, event in enumerate(chunk):
        event_id = first_id + offset
        fuzzy = parse_edtf(event.date)
        for number, stance, quote in event.citations:
            if number not in sources_done:
                sources_done.add(number)
                s = source_input(number)
                sources.append((number + 1, s.key, "article", s.title, s.publisher, s.url, s.published, now, now))
            citations.append((event_id, number + 1, quote, stance, now))
        search = document_text([event.title, event.summary, *(q for _, _, q in event.citations)])
        events.append((event_id, event.slug, event.title, event.summary, event.date, fuzzy.start_earliest,
                       fuzzy.start_latest, fuzzy.end_earliest, fuzzy.end_latest, fuzzy.precision.value,
                       span_class(fuzzy.start_earliest, fuzzy.end_latest), search, event.kind, event.country,
                       "reported", 0, "imported", now, now))
        fts.append((event_id, search))
        for position, tag in enumerate(event.tags):
            if tag not in _TAG_IDS:
                _TAG_IDS[tag] = len(_TAG_IDS) + 1
                new_tags.append((_TAG_IDS[tag], tag))
            tags.append((event_id, _TAG_IDS[tag], position))
        for position, name in enumerate(dict.fromkeys(event.actors)):
            if name not in _ACTOR_IDS:
                _ACTOR_IDS[name] = len(_ACTOR_IDS) + 1
                new_actors.append((_ACTOR_IDS[name], name, "[]"))
            actors.append((event_id, _ACTOR_IDS[name], "participant", position))
    return sources, events, citations, fts, (new_tags, tags, new_actors, actors)


def _raw_sqlite(path: Path, chunk: list[SyntheticEvent], first_id: int, sources_done: set[int]) -> float:
    sources, events, citations, fts, (new_tags, tags, new_actors, actors) = _ready_rows(chunk, first_id, sources_done)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA synchronous=FULL")
    gc.collect()
    with Timer() as timer:
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO sources (id, key, type, title, publisher, url, published, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?)", sources)
        connection.executemany(
            "INSERT INTO events (id, slug, title, summary, date, start_earliest, start_latest, end_earliest, "
            "end_latest, precision, span_class, search_text, kind, country, status, status_manual, origin, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
        connection.executemany(
            "INSERT INTO citations (event_id, source_id, quote, stance, created_at) VALUES (?,?,?,?,?)", citations)
        connection.executemany("INSERT INTO events_fts (rowid, search_text) VALUES (?,?)", fts)
        connection.executemany("INSERT INTO tags (id, name) VALUES (?,?)", new_tags)
        connection.executemany("INSERT INTO event_tags (event_id, tag_id, position) VALUES (?,?,?)", tags)
        connection.executemany("INSERT INTO actors (id, name, aliases) VALUES (?,?,?)", new_actors)
        connection.executemany("INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (?,?,?,?)",
                               actors)
        connection.execute("COMMIT")
    connection.close()
    return timer.seconds


def _raw_postgres(database, chunk: list[SyntheticEvent], first_id: int, sources_done: set[int]) -> float:  # type: ignore[no-untyped-def]
    sources, events, citations, _, (new_tags, tags, new_actors, actors) = _ready_rows(chunk, first_id, sources_done)
    raw = database.engine.raw_connection()
    try:
        connection = raw.driver_connection
        gc.collect()
        with Timer() as timer:
            with connection.cursor() as cursor:
                for table, columns, rows in (
                    ("sources", "id, key, type, title, publisher, url, published, created_at, updated_at", sources),
                    ("events", "id, slug, title, summary, date, start_earliest, start_latest, end_earliest, "
                     "end_latest, precision, span_class, search_text, kind, country, status, status_manual, origin, "
                     "created_at, updated_at", events),
                    ("citations", "event_id, source_id, quote, stance, created_at", citations),
                    ("tags", "id, name", new_tags),
                    ("event_tags", "event_id, tag_id, position", tags),
                    ("actors", "id, name, aliases", new_actors),
                    ("event_actors", "event_id, actor_id, role, position", actors),
                ):
                    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(tuple(bool(v) if table == "events" and i == 15 else v
                                                 for i, v in enumerate(row)))
            connection.commit()
    finally:
        raw.close()
    return timer.seconds


def _peers(chunk: list[SyntheticEvent], folder: Path) -> dict[str, float]:
    """Flat event rows into a table of their own: what the tools validate is nothing."""
    import duckdb
    import pandas as pd
    import sqlite_utils

    rows = [{"slug": e.slug, "title": e.title, "date": e.date, "summary": e.summary, "kind": e.kind,
             "country": e.country, "citations": len(e.citations)} for e in chunk]
    figures = {}
    path = folder / "peer-sqlite-utils.db"
    path.unlink(missing_ok=True)
    with Timer() as timer:
        sqlite_utils.Database(path)["events"].insert_all(rows, batch_size=10_000)
    figures["sqlite-utils"] = len(rows) / timer.seconds
    frame = pd.DataFrame(rows)
    path = folder / "peer-pandas.db"
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    with Timer() as timer:
        frame.to_sql("events", connection, index=False)
        connection.commit()
    connection.close()
    figures["pandas to_sql"] = len(rows) / timer.seconds
    duck = duckdb.connect(str(folder / "peer.duckdb"))
    duck.execute("DROP TABLE IF EXISTS events")
    with Timer() as timer:
        duck.execute("CREATE TABLE events AS SELECT * FROM frame")
    duck.close()
    figures["duckdb (from pandas)"] = len(rows) / timer.seconds
    return figures


def run(engine: str, size: int, folder: Path, pg_url: str | None, *, with_peers: bool):  # type: ignore[no-untyped-def]
    """Load `size` events both ways; returns the result and our loaded database (for the query benchmarks)."""
    _TAG_IDS.clear()
    _ACTOR_IDS.clear()
    ours_db = fresh_database(engine, folder, "load-ours", pg_url)
    raw_db = fresh_database(engine, folder, "load-raw", pg_url)
    ours = raw = 0.0
    loaded = 0
    sources_done: set[int] = set()
    peers: dict[str, float] = {}
    for chunk in _chunks(size, seed=7):
        ours += _ours(ours_db, chunk)
        if engine == "sqlite":
            assert raw_db.path is not None
            raw += _raw_sqlite(raw_db.path, chunk, loaded + 1, sources_done)
        else:
            raw += _raw_postgres(raw_db, chunk, loaded + 1, sources_done)
        if with_peers and not peers:
            peers = {name: value for name, value in _peers(chunk, folder).items()}
        loaded += len(chunk)
    drop_database(raw_db, pg_url)
    reference = "raw sqlite3" if engine == "sqlite" else "raw COPY"
    result = Result("bulk load, validated (events/s)", engine, size, size / ours, size / raw, reference, "rows/s",
                    target=0.5, peers=peers)
    return result, ours_db

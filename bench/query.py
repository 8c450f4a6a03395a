"""Date-range query benchmark: our documents against hand-written SQL on the best index.

Owns the query measurement. Both sides return the events in the window with their
citations and sources; ours builds full JSON-ready documents (tags, actors, links too).
"""

from __future__ import annotations

import sqlite3

from bench.common import Result, median_time
from timeline.dates import MAX_BOUND, MIN_BOUND, window
from timeline.store import EventQuery, query_documents
from timeline.store.ranges import CLASS_LIMITS, OPEN_CLASS

FIRST_YEAR, LAST_YEAR = 1995, 2025


def windows_for(fraction: float) -> tuple[str, str]:
    """A window expected to hold about `fraction` of events spread evenly over the generated years."""
    days = max(1, round((LAST_YEAR - FIRST_YEAR + 1) * 365.25 * fraction))
    import datetime as dt

    start = dt.date(2010, 3, 1)
    end = start + dt.timedelta(days=days - 1)
    return start.isoformat(), end.isoformat()


def reference_sql(match: str, low: int, high: int, placeholder: str) -> tuple[list[str], list[list[int]]]:
    """Hand-written queries on the best index for the mode, fetching what our documents hold: the
    events joined to their citations and sources, then the events' tags and their actors."""
    p = placeholder
    if match == "within":
        condition, params = f"start_earliest BETWEEN {p} AND {p} AND end_latest <= {p}", [low, high, high]
    else:
        # Overlaps: one bounded index range per duration class.
        branches, params = [], []
        for number, limit in enumerate(CLASS_LIMITS):
            branches.append(f"(span_class = {number} AND start_earliest BETWEEN {p} AND {p} AND end_latest >= {p})")
            params += [low - limit, high, low]
        branches.append(f"(span_class = {OPEN_CLASS} AND start_earliest <= {p} AND end_latest >= {p})")
        params += [high, low]
        condition = " OR ".join(branches)
    events = f"SELECT id FROM events WHERE deleted_at IS NULL AND merged_into_id IS NULL AND ({condition})"
    statements = [
        "SELECT e.id, e.slug, e.title, e.summary, e.date, e.start_earliest, e.start_latest, e.end_earliest, "
        "e.end_latest, e.precision, e.kind, e.status, e.place, e.country, e.lat, e.lon, e.notes, e.origin, "
        "c.quote, c.stance, c.speaker, c.locator, s.id, s.key, s.title, s.publisher, s.url, s.published "
        f"FROM events e JOIN citations c ON c.event_id = e.id JOIN sources s ON s.id = c.source_id "
        f"WHERE e.id IN ({events}) ORDER BY e.start_earliest, e.end_latest, e.id, c.id",
        f"SELECT et.event_id, t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id IN ({events})",
        f"SELECT ea.event_id, a.name, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
        f"WHERE ea.event_id IN ({events})",
    ]
    return statements, [params] * len(statements)


def run(database, engine: str, size: int, fraction: float, match: str, repeat: int) -> Result:  # type: ignore[no-untyped-def]
    """`fraction` sizes the window as a share of the generated years; the label gives the real count."""
    date_from, date_to = windows_for(fraction)
    query = EventQuery(date_from=date_from, date_to=date_to, match=match)
    low, high = window(date_from, date_to)
    assert low != MIN_BOUND and high != MAX_BOUND
    found: list[int] = []

    def ours() -> None:
        with database.reading() as session:
            found.append(len(query_documents(session=session, query=query)))

    closers = []
    if engine == "sqlite":
        connection = sqlite3.connect(database.path)
        closers.append(connection.close)
        statements, parameters = reference_sql(match, low, high, "?")

        def reference() -> None:
            connection.execute("BEGIN")
            for sql, params in zip(statements, parameters):
                connection.execute(sql, params).fetchall()
            connection.execute("COMMIT")
    else:
        raw = database.engine.raw_connection()
        connection = raw.driver_connection
        closers.append(raw.close)
        statements, parameters = reference_sql(match, low, high, "%s")

        def reference() -> None:
            with connection.cursor() as cursor:
                for sql, params in zip(statements, parameters):
                    cursor.execute(sql, params)
                    cursor.fetchall()
            connection.commit()

    ours()  # warm both caches alike
    reference()
    ours_time = median_time(ours, repeat)
    reference_time = median_time(reference, repeat)
    for close in closers:
        close()
    label = f"query, {match}, {date_from}..{date_to} ({found[-1]:,} events = {found[-1] / size:.3%})"
    return Result(label, engine, size, ours_time, reference_time, "hand-written SQL", "s", target=1 / 1.5)

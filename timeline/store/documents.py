"""The JSON documents of events: what query/show print, exports read and revisions keep.

Owns the shape of an event document (the CLI contract's fields) and builds it with a
fixed number of Core queries whatever the number of events; never writes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Integer, Select, any_, bindparam, func, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session, aliased, selectinload

from timeline.dates import iso_bound, parse_edtf
from timeline.models import Actor, Citation, Event, EventActor, EventLink, EventTag, Source, Tag

__all__ = ["EVENT_COLUMNS", "bound_text", "display_date", "documents_for", "documents_from_sql", "event_document",
           "event_documents", "ids_among", "with_details"]

EVENT_COLUMNS = (
    Event.id, Event.slug, Event.title, Event.date, Event.start_earliest, Event.start_latest, Event.end_earliest,
    Event.end_latest, Event.precision, Event.summary, Event.kind, Event.status, Event.status_manual,
    Event.status_reason, Event.place, Event.country, Event.lat, Event.lon, Event.notes, Event.origin,
)


def with_details(statement):  # type: ignore[no-untyped-def]
    """Eager-load an ORM event's collections, for code that edits them."""
    return statement.options(
        selectinload(Event.citations).joinedload(Citation.source),
        selectinload(Event.actor_roles).joinedload(EventActor.actor),
        selectinload(Event.tag_rows),
    )


@lru_cache(maxsize=65_536)
def display_date(edtf: str) -> str:
    """How a stored EDTF date reads ('1 Aug 2022'); many events share a date, so it is cached."""
    return parse_edtf(edtf).display()


@lru_cache(maxsize=262_144)
def bound_text(seconds: int, latest: bool) -> str | None:
    return iso_bound(seconds, latest=latest)


def ids_among(column, dialect: str):  # type: ignore[no-untyped-def]
    """`column IN :ids` with the ids as ONE bound value, so the statement compiles once whatever their number."""
    if dialect == "postgresql":
        return column == any_(bindparam("ids", type_=ARRAY(Integer)))
    return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam("ids"))))


@lru_cache(maxsize=4)
def _detail_statements(dialect: str) -> tuple[Select, Select, Select, Select]:
    """The four statements that fetch tags, actors, citations and links for a set of ids (built once)."""
    tags = (select(EventTag.event_id, Tag.name).join(Tag, Tag.id == EventTag.tag_id)
            .where(ids_among(EventTag.event_id, dialect)).order_by(EventTag.event_id, EventTag.position))
    actors = (select(EventActor.event_id, Actor.name, EventActor.role).join(Actor, Actor.id == EventActor.actor_id)
              .where(ids_among(EventActor.event_id, dialect)).order_by(EventActor.event_id, EventActor.position))
    citations = (
        select(
            Citation.event_id, Source.id, Source.key, Source.title, Source.publisher, Source.url,
            Source.published, Citation.quote, Citation.stance, Citation.speaker, Citation.locator, Citation.note,
            Citation.language, Citation.translation_note, Citation.quote_start, Citation.quote_end,
        ).join(Source, Source.id == Citation.source_id)
        .where(ids_among(Citation.event_id, dialect)).order_by(Citation.event_id, Citation.id)
    )
    origin, target = aliased(Event), aliased(Event)
    links = (
        select(EventLink.from_event_id, EventLink.relation, EventLink.to_event_id, origin.slug, target.slug,
               origin.start_earliest)
        .join(origin, origin.id == EventLink.from_event_id)
        .join(target, target.id == EventLink.to_event_id)
        .where(ids_among(EventLink.from_event_id, dialect) | ids_among(EventLink.to_event_id, dialect))
        .order_by(EventLink.id)
    )
    return tags, actors, citations, links


class _DetailSql(NamedTuple):
    """The detail statements as SQL text for one dialect."""

    tags: str
    actors: str
    citations: str
    links: str


@lru_cache(maxsize=4)
def _detail_sql(dialect: Dialect) -> _DetailSql:
    """The detail statements compiled once. They run on the driver's cursor: for a narrow query the
    engine's per-statement and per-row work cost more than the SQL itself."""
    compiled = [statement.compile(dialect=dialect) for statement in _detail_statements(dialect.name)]
    if dialect.name == "sqlite":  # qmark style: the ids appear once, and twice in links (from, to)
        assert [len(c.positiontup or ()) for c in compiled] == [1, 1, 1, 2]
    return _DetailSql(*(str(c) for c in compiled))


def documents_for(session: Session, ids_statement: Select) -> list[dict[str, Any]]:
    """Documents of the events `ids_statement` selects (a select of Event.id, with its order and limit).

    Five statements whatever the number of events: the events, then their tags, actors,
    citations with sources, and links, each fetched for all the ids at once.
    """
    # Core execution on the session's connection: the ORM layer adds nothing for plain columns.
    connection = session.connection()
    return _documents(connection, connection.execute(ids_statement.with_only_columns(*EVENT_COLUMNS)).all())


def documents_from_sql(session: Session, sql: str, parameters: Any) -> list[dict[str, Any]]:
    """Documents of the events a compiled SELECT of `EVENT_COLUMNS` returns, run on the driver's cursor.

    For statements compiled once and run many times (a date window's, see timeline.store.query),
    where building and executing them through the engine would cost more than the SQL.
    """
    connection = session.connection()
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, parameters)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return _documents(connection, rows)


def _documents(connection: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    dialect = connection.dialect.name
    docs: dict[int, dict[str, Any]] = {}
    for row in rows:
        docs[row[0]] = {
            "id": row[0],
            "slug": row[1],
            "title": row[2],
            "date": row[3],
            "display_date": display_date(row[3]),
            "start_earliest": bound_text(row[4], False),
            "start_latest": bound_text(row[5], True),
            "end_earliest": bound_text(row[6], False),
            "end_latest": bound_text(row[7], True),
            "precision": row[8],
            "summary": row[9],
            "kind": row[10],
            "status": row[11],
            "status_reason": row[13] if row[12] else None,
            "tags": [],
            "place": row[14],
            "country": row[15],
            "lat": row[16],
            "lon": row[17],
            "actors": [],
            "citations": [],
            "links": [],
            "linked_from": [],
            "notes": row[18],
            "origin": row[19],
        }
    if not docs:
        return []
    sql = _detail_sql(connection.dialect)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        if dialect == "postgresql":  # pyformat: %(ids)s, an array
            once = twice = {"ids": list(docs)}
        else:
            encoded = json.dumps(list(docs))
            once, twice = (encoded,), (encoded, encoded)
        cursor.execute(sql.tags, once)
        for event_id, name in cursor.fetchall():
            docs[event_id]["tags"].append(name)
        cursor.execute(sql.actors, once)
        for event_id, name, role in cursor.fetchall():
            docs[event_id]["actors"].append({"name": name, "role": role})
        cursor.execute(sql.citations, once)
        for c in cursor.fetchall():
            docs[c[0]]["citations"].append({
                "source_id": c[1], "source_key": c[2], "source_title": c[3], "publisher": c[4], "url": c[5],
                "published": c[6], "quote": c[7], "stance": c[8], "speaker": c[9], "locator": c[10], "note": c[11],
                "language": c[12], "translation_note": c[13], "quote_start": c[14], "quote_end": c[15],
            })
        cursor.execute(sql.links, twice)
        link_rows = cursor.fetchall()
    finally:
        cursor.close()
    incoming: dict[int, list[tuple[Any, str, str]]] = {}
    for from_id, relation, to_id, from_slug, to_slug, from_start in link_rows:
        if from_id in docs:
            docs[from_id]["links"].append({"relation": relation, "event": to_slug})
        if to_id in docs:
            incoming.setdefault(to_id, []).append((from_start, from_slug, relation))
    # An event's own links keep the order they were made in; links from others are listed in the
    # others' chronological order, which does not depend on the order the events were stored in.
    for to_id, linking in incoming.items():
        docs[to_id]["linked_from"] = [{"relation": relation, "event": slug} for _, slug, relation in sorted(linking)]
    return list(docs.values())


def event_documents(session: Session, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Documents of ORM events, in the given order (pending changes are flushed first)."""
    if not events:
        return []
    session.flush()
    by_id = {doc["id"]: doc for doc in documents_for(session, select(Event.id).where(
        Event.id.in_([event.id for event in events])))}
    return [by_id[event.id] for event in events]


def event_document(session: Session, event: Event) -> dict[str, Any]:
    return event_documents(session, [event])[0]

"""The selected events as flat rows, in batches: one row per event with its tags, actors and citations joined into text.

Owns the batched read behind the tabular exports: the events streamed a batch at a time so memory stays bounded,
each citation's JSON and label made by the database; never writes, never formats for a file (timeline.export.tabular does).

The columns are `timeline.export.tabular.COLUMNS` (tests/export/test_tabular_batches.py holds the two in step):
the same values `event_rows` makes from documents, `citations` the same compact JSON as `json.dumps`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, case, cast, func, literal, select
from sqlalchemy.orm import Session

from timeline.models import Actor, Citation, Event, EventActor, EventTag, Source, Tag
from timeline.store.documents import ids_among, bound_text, display_date

__all__ = ["BATCH_SIZE", "FlatBatch", "flat_row_batches"]

BATCH_SIZE = 20_000

# One batch: column name -> that column's values, in export order (column-wise, as Arrow and zip(*) want them).
FlatBatch = dict[str, list[Any]]

# The citation fields of an event document, in its key order (timeline.store.documents).
_CITATION_FIELDS: tuple[tuple[str, Any], ...] = (
    ("source_id", Source.id), ("source_key", Source.key), ("source_title", Source.title),
    ("publisher", Source.publisher), ("url", Source.url), ("published", Source.published), ("quote", Citation.quote),
    ("stance", Citation.stance), ("speaker", Citation.speaker), ("locator", Citation.locator),
    ("note", Citation.note), ("language", Citation.language), ("translation_note", Citation.translation_note),
    ("quote_start", Citation.quote_start), ("quote_end", Citation.quote_end),
)


def _json_value(value: Any) -> ColumnElement[str]:
    """A value as JSON text on PostgreSQL, escaped as Python's json module escapes it (as SQLite's JSON
    functions do too: control characters as \\b \\f \\n \\r \\t or \\u00xx, everything else kept as it is)."""
    return func.coalesce(cast(func.to_json(value), Text), "null")


def _concat(*parts: Any) -> ColumnElement[str]:
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(part)
    return joined


def _citation_json(dialect: str) -> ColumnElement[str]:
    """One citation as the compact JSON object json.dumps makes of its document (same keys, same order)."""
    if dialect != "postgresql":  # SQLite's json_object writes compact JSON with json_quote's escapes
        return func.json_object(*(part for key, column in _CITATION_FIELDS for part in (literal(key), column)))
    parts: list[Any] = []
    for number, (key, column) in enumerate(_CITATION_FIELDS):
        parts += [literal(("{" if number == 0 else ",") + f'"{key}":'), _json_value(column)]
    return _concat(*parts, literal("}"))


@lru_cache(maxsize=4)
def _detail_statements(dialect: str) -> tuple[Select, Select, Select]:
    """Tags, actors and citations of a batch of events, each row's text made by the database, ordered by event
    and then as the event's document lists them (built once per engine)."""
    tags = (select(EventTag.event_id, Tag.name).join(Tag, Tag.id == EventTag.tag_id)
            .where(ids_among(EventTag.event_id, dialect)).order_by(EventTag.event_id, EventTag.position))
    actors = (select(EventActor.event_id, _concat(Actor.name, literal(" ("), EventActor.role, literal(")")))
              .join(Actor, Actor.id == EventActor.actor_id)
              .where(ids_among(EventActor.event_id, dialect)).order_by(EventActor.event_id, EventActor.position))
    label = case(  # ", ".join(part for part in (publisher, title) if part)
        (func.coalesce(Source.publisher, "") == "", func.coalesce(Source.title, "")),
        (func.coalesce(Source.title, "") == "", Source.publisher),
        else_=_concat(Source.publisher, literal(", "), Source.title),
    )
    citations = (select(Citation.event_id, label, func.nullif(Source.url, ""), func.nullif(Citation.quote, ""),
                        _citation_json(dialect))
                 .join(Source, Source.id == Citation.source_id)
                 .where(ids_among(Citation.event_id, dialect)).order_by(Citation.event_id, Citation.id))
    return tags, actors, citations


def _joined(rows: Any, separator: str) -> dict[int, str]:
    """(event id, text) rows grouped by event and joined."""
    return {event_id: separator.join([text for _, text in group]) for event_id, group in groupby(rows, itemgetter(0))}


_EVENT_COLUMNS = (
    Event.id, Event.slug, Event.date, Event.start_earliest, Event.start_latest, Event.end_earliest, Event.end_latest,
    Event.precision, Event.title, Event.summary, Event.kind, Event.status,
    case((Event.status_manual, Event.status_reason), else_=None).label("status_reason"),
    Event.place, Event.country, Event.lat, Event.lon, Event.notes, Event.origin,
)
_NAMES = ("id", "slug", "date", "start_earliest", "start_latest", "end_earliest", "end_latest", "precision", "title",
          "summary", "kind", "status", "status_reason", "place", "country", "lat", "lon", "notes", "origin")


def flat_row_batches(session: Session, ids_statement: Select, *, batch_size: int = BATCH_SIZE) -> Iterator[FlatBatch]:
    """The flat rows of the events `ids_statement` selects (a select of Event.id with its order and limit),
    `batch_size` at a time, in its order: the events streamed by one statement, and for each batch three
    statements for their tags, actors and citations, whatever the number of events."""
    connection = session.connection()
    dialect = connection.dialect.name
    tags_statement, actors_statement, citations_statement = _detail_statements(dialect)
    events = connection.execution_options(stream_results=True, yield_per=batch_size).execute(
        ids_statement.with_only_columns(*_EVENT_COLUMNS))
    for rows in events.partitions(batch_size):
        columns = dict(zip(_NAMES, map(list, zip(*rows))))
        ids = columns["id"]
        bound = {"ids": ids if dialect == "postgresql" else json.dumps(ids)}
        tags = _joined(connection.execute(tags_statement, bound).all(), "; ")
        actors = _joined(connection.execute(actors_statement, bound).all(), "; ")
        cited: dict[int, tuple[list[str], list[str], list[str], list[str]]] = {}
        for event_id, label, url, quote, citation in connection.execute(citations_statement, bound).all():
            parts = cited.get(event_id)
            if parts is None:
                cited[event_id] = parts = ([], [], [], [])
            parts[0].append(label)
            if url is not None:
                parts[1].append(url)
            if quote is not None:
                parts[2].append(quote)
            parts[3].append(citation)
        none: tuple[list[str], ...] = ([], [], [], [])
        columns["tags"] = [tags.get(event_id, "") for event_id in ids]
        columns["actors"] = [actors.get(event_id, "") for event_id in ids]
        citations = [cited.get(event_id, none) for event_id in ids]
        columns["sources"] = [" | ".join(parts[0]) for parts in citations]
        columns["urls"] = [" ".join(parts[1]) for parts in citations]
        columns["quotes"] = [" | ".join(parts[2]) for parts in citations]
        columns["citations"] = ["[" + ",".join(parts[3]) + "]" for parts in citations]
        columns["display_date"] = [display_date(date) for date in columns["date"]]
        for name, latest in (("start_earliest", False), ("start_latest", True), ("end_earliest", False),
                             ("end_latest", True)):
            columns[name] = [bound_text(seconds, latest) for seconds in columns[name]]
        yield columns
